#define BOOST_TEST_MODULE jaanch_sandbox
#include <boost/test/unit_test.hpp>
