#define BOOST_TEST_MODULE jaanch_core
#include <boost/test/unit_test.hpp>
