#define BOOST_TEST_MODULE jaanch_hub
#include <boost/test/unit_test.hpp>
