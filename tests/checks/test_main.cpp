#define BOOST_TEST_MODULE jaanch_checks
#include <boost/test/unit_test.hpp>
