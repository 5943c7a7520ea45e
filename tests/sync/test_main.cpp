#define BOOST_TEST_MODULE jaanch_sync
#include <boost/test/unit_test.hpp>
