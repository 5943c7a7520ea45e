#include <boost/test/unit_test.hpp>

#include "sync/sync_schedule.h"

using jaanch::sync::SyncSchedule;
using namespace std::chrono_literals;

namespace {
const SyncSchedule::Clock::time_point t0 = SyncSchedule::Clock::time_point{} + 1000h;
}

BOOST_AUTO_TEST_SUITE(sync_schedule)

BOOST_AUTO_TEST_CASE(a_new_schedule_is_due_at_once_and_not_while_running) {
    SyncSchedule s;
    BOOST_TEST(s.due(t0));
    s.started();
    BOOST_TEST(!s.due(t0 + 1h));
    BOOST_TEST(!s.next().has_value());
}

BOOST_AUTO_TEST_CASE(online_syncs_again_after_the_online_interval_and_soon_after_a_decision) {
    SyncSchedule s({.after_decision = 2s, .while_online = 180s, .first_retry = 10s, .longest_retry = 120s});
    s.started();
    s.finished(true, t0);
    BOOST_TEST(!s.due(t0 + 179s));
    BOOST_TEST(s.due(t0 + 180s));
    s.decision_saved(t0 + 10s);
    BOOST_TEST(!s.due(t0 + 11s));
    BOOST_TEST(s.due(t0 + 12s));
}

BOOST_AUTO_TEST_CASE(offline_backs_off_doubling_to_the_cap_and_a_decision_does_not_hammer_the_link) {
    SyncSchedule s({.after_decision = 2s, .while_online = 180s, .first_retry = 10s, .longest_retry = 120s});
    auto now = t0;
    const std::chrono::seconds expected[] = {10s, 20s, 40s, 80s, 120s, 120s};
    for (const auto pause : expected) {
        s.started();
        s.finished(false, now);
        BOOST_TEST(!s.online());
        BOOST_TEST(!s.due(now + pause - 1s));
        BOOST_TEST(s.due(now + pause));
        now += pause;
    }
    s.started();
    s.finished(false, now);
    s.decision_saved(now + 1s);  // while offline a decision waits for the retry pace
    BOOST_TEST(!s.due(now + 119s));
    BOOST_TEST(s.due(now + 120s));
    s.started();
    s.finished(true, now);  // the hub is back: the pace resets
    s.started();
    s.finished(false, now);
    BOOST_TEST(s.due(now + 10s));
}

BOOST_AUTO_TEST_SUITE_END()
