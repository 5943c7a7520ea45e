#define BOOST_TEST_MODULE jaanch_viewer
#include <boost/test/unit_test.hpp>
