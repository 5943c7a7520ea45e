#define BOOST_TEST_MODULE jaanch_workstation
#include <boost/test/unit_test.hpp>
