// The background-work primitive (util/worker.h): order, continuations on the main thread, stale results
// dropped by generation, nothing after destruction, queued work drained or cancelled, errors never lost,
// a resting task woken by destruction.
#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <boost/test/unit_test.hpp>

#include "util/dispatch.h"
#include "util/error.h"
#include "util/worker.h"

using namespace jaanch;
using namespace std::chrono_literals;

namespace {

// Pumps the main queue until `done` holds; false after a generous bound (never a timing assertion).
template <class Done>
bool pump_until(dispatch::MainQueue& queue, Done done) {
    const auto until = std::chrono::steady_clock::now() + 30s;
    while (!done()) {
        if (std::chrono::steady_clock::now() > until)
            return false;
        queue.run_for(10ms);
    }
    return true;
}

// A latch a worker task waits on, so the test decides when the task may finish.
struct Gate {
    std::atomic<bool> open{false};
    void wait() const {
        while (!open)
            std::this_thread::sleep_for(1ms);
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(worker)

BOOST_AUTO_TEST_CASE(a_serial_worker_runs_tasks_in_order_and_continues_on_the_main_thread) {
    dispatch::MainQueue queue;
    queue.install();
    const auto main_thread = std::this_thread::get_id();
    std::vector<int> results;
    bool all_on_main = true;
    async::Worker worker("test-serial");
    for (int i = 0; i < 50; ++i)
        worker.post([i] { return i * i; },
                    [&, main_thread](int square) {
                        all_on_main = all_on_main && std::this_thread::get_id() == main_thread;
                        results.push_back(square);
                    });
    BOOST_REQUIRE(pump_until(queue, [&] { return results.size() == 50; }));
    for (int i = 0; i < 50; ++i)
        BOOST_TEST(results[i] == i * i);
    BOOST_TEST(all_on_main);
    BOOST_TEST(pump_until(queue, [&] { return worker.pending() == 0; }));
}

BOOST_AUTO_TEST_CASE(stale_results_are_dropped_by_generation) {
    dispatch::MainQueue queue;
    queue.install();
    async::Worker worker("test-stale");
    async::Generation generation;
    std::vector<std::string> shown;
    Gate gate;
    const auto open = [&](const std::string& number) {
        const auto g = generation.advance();
        worker.post(
            [&gate, number] {
                gate.wait();
                return number;
            },
            [&, g](std::string answer) {
                if (generation.is_current(g))
                    shown.push_back(answer);
            });
    };
    open("A");
    open("B");
    open("C");  // the officer moved on twice before the first answer
    gate.open = true;
    BOOST_REQUIRE(pump_until(queue, [&] { return worker.pending() == 0; }));
    queue.run_pending();
    BOOST_TEST(shown == std::vector<std::string>{"C"});
}

BOOST_AUTO_TEST_CASE(nothing_runs_on_the_main_thread_after_destruction) {
    dispatch::MainQueue queue;
    queue.install();
    std::atomic<int> worked{0};
    int continued = 0;
    Gate gate;
    {
        async::Worker worker("test-dtor");
        worker.post(
            [&] {
                gate.wait();
                ++worked;
            },
            [&] { ++continued; });
        worker.post([&] { ++worked; }, [&] { ++continued; });
        gate.open = true;  // both finish while the destructor drains the queue
    }
    BOOST_TEST(worked == 2);  // queued work still ran (a claim's release must go out)
    queue.run_pending();
    BOOST_TEST(continued == 0);  // but no continuation reached the main thread after the owner was gone
}

BOOST_AUTO_TEST_CASE(cancel_pending_drops_what_has_not_started) {
    dispatch::MainQueue queue;
    queue.install();
    Gate gate, started;
    std::atomic<int> ran{0};
    async::Worker worker("test-cancel");
    worker.post([&] {
        started.open = true;
        gate.wait();
        ++ran;
    });
    for (int i = 0; i < 10; ++i)
        worker.post([&] { ++ran; });
    started.wait();  // the first task has begun, so only the ten behind it are "not started"
    worker.cancel_pending();
    gate.open = true;
    BOOST_REQUIRE(pump_until(queue, [&] { return worker.pending() == 0; }));
    BOOST_TEST(ran.load() == 1);
}

BOOST_AUTO_TEST_CASE(a_lifetime_guards_tasks_that_outlive_it) {
    int ran = 0;
    dispatch::Task task;
    {
        async::Lifetime lifetime;
        task = lifetime.guard([&] { ++ran; });
        task();
    }
    task();
    BOOST_TEST(ran == 1);
}

BOOST_AUTO_TEST_CASE(errors_reach_the_main_thread_never_swallowed) {
    dispatch::MainQueue queue;
    queue.install();
    async::Worker worker("test-errors", 2);
    std::string caught;
    worker.post([]() -> int { throw std::runtime_error("hub refused"); }, [](int) {},
                [&](std::exception_ptr error) {
                    try {
                        std::rethrow_exception(error);
                    } catch (const std::exception& e) {
                        caught = e.what();
                    }
                });
    BOOST_REQUIRE(pump_until(queue, [&] { return !caught.empty(); }));
    BOOST_TEST(caught == "hub refused");
    // Without an error continuation the exception is rethrown on the main thread, naming the worker.
    worker.post([] { throw std::runtime_error("disk full"); });
    // Waits without pumping: the error is posted before the task counts as done, and must be caught below.
    const auto drained = std::chrono::steady_clock::now() + 30s;
    while (worker.pending() != 0 && std::chrono::steady_clock::now() < drained)
        std::this_thread::sleep_for(1ms);
    BOOST_REQUIRE(worker.pending() == 0);
    std::string rethrown;
    const auto until = std::chrono::steady_clock::now() + 30s;
    while (rethrown.empty() && std::chrono::steady_clock::now() < until) {
        try {
            queue.run_for(10ms);
        } catch (const Error& e) {
            rethrown = e.what();
        }
    }
    BOOST_TEST(rethrown.find("test-errors") != std::string::npos, rethrown);
    BOOST_TEST(rethrown.find("disk full") != std::string::npos, rethrown);
}

BOOST_AUTO_TEST_CASE(a_resting_task_wakes_when_destruction_begins) {
    std::atomic<int> looks{0};
    std::atomic<bool> rest_ended_by_stop{false};
    {
        async::Worker worker("test-rest");
        worker.post([&] {
            do
                ++looks;
            while (worker.rest_for(1ms) && looks < 3);  // a short rest runs out: the task goes on
            rest_ended_by_stop = !worker.rest_for(std::chrono::hours(1));
        });
        while (looks < 3)
            std::this_thread::sleep_for(1ms);
    }  // the destructor cuts the hour short (a missed wake-up would hang here until ctest's timeout)
    BOOST_TEST(looks.load() == 3);
    BOOST_TEST(rest_ended_by_stop.load());
}

BOOST_AUTO_TEST_SUITE_END()
