// The one idiom for background work (docs/architecture.md, "Threads"), after Poedit's
// dispatch::async(...).then_on_main(...) and KeePassXC's AsyncTask: a component owns a Worker, posts work to
// it, and gets each result back on the main thread through dispatch::to_main — never after the component is
// gone, and never when the result has gone stale.
//
// The pieces, each usable alone (the render service builds its priority queue from Lifetime and Generation):
// - Lifetime: "does my owner still exist?" A continuation guarded by it does nothing once the owner ended it.
// - Generation: "is this result still wanted?" The owner advances it when what results are for changes (the
//   officer opened another application); work tagged with an older value is stale.
// - Worker: N threads (1 = tasks run in the order posted) over one queue, with a Lifetime of its own.
//
// Threads: construct and destroy a Worker on the thread that owns it (the UI thread in the workstation);
// post() from any thread. `then` continuations run on the main thread (dispatch::to_main: a poster must be
// installed), in the order their work finished, and never after the Worker's destructor began.
// Destruction: ends the Lifetime first (no continuation runs after it), then lets the threads finish the
// tasks already queued (a claim's release must still go out) unless cancel_pending() dropped them, and joins.
// Long tasks look at stopping() to end early; a task that repeats (a look every few seconds) rests with
// rest_for(), which destruction cuts short.
// Errors: an exception escaping a task is never swallowed. With an on_error continuation it goes there (main
// thread); otherwise it is rethrown on the main thread, where the application's handler reports it.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

#include "util/dispatch.h"

namespace jaanch::async {

// Shared "owner alive" flag. Copies of the flag live in continuations that may outlive the owner.
class Lifetime {
  public:
    Lifetime() = default;
    ~Lifetime() { end(); }
    Lifetime(const Lifetime&) = delete;
    Lifetime& operator=(const Lifetime&) = delete;

    // From now on every task guarded by this lifetime does nothing. Idempotent; call on the owning thread.
    void end() { *alive_ = false; }
    bool alive() const { return *alive_; }
    // The task, made to do nothing once this lifetime has ended. The result may outlive *this.
    dispatch::Task guard(dispatch::Task task) const;
    // Posts the guarded task to the main thread.
    void to_main(dispatch::Task task) const { dispatch::to_main(guard(std::move(task))); }

  private:
    std::shared_ptr<std::atomic<bool>> alive_ = std::make_shared<std::atomic<bool>>(true);
};

// A counter the owner advances when earlier results stop being wanted. Any thread.
class Generation {
  public:
    std::uint64_t advance() { return ++value_; }
    std::uint64_t current() const { return value_; }
    bool is_current(std::uint64_t generation) const { return generation == value_; }

  private:
    std::atomic<std::uint64_t> value_{0};
};

class Worker {
  public:
    // `name` names the threads (for debuggers and top) and the error of an escaped exception.
    explicit Worker(std::string name, unsigned threads = 1);
    ~Worker();
    Worker(const Worker&) = delete;
    Worker& operator=(const Worker&) = delete;

    // Runs `task` on a worker thread. Tasks posted after destruction began are dropped.
    void post(std::function<void()> task);

    // Runs `work` on a worker thread, then `then(result)` on the main thread (then() with no argument when
    // work returns void), unless this Worker is being destroyed by then. An exception from `work` goes to
    // `on_error` on the main thread, or is rethrown there when there is none.
    template <class Work, class Then>
    void post(Work work, Then then, std::function<void(std::exception_ptr)> on_error = {});

    // Drops the tasks not yet started (e.g. a queued read of an application the officer left).
    void cancel_pending();
    // Tasks queued or running (scripts and tests wait for 0; never for a timing).
    std::size_t pending() const { return pending_; }
    // True once destruction began: long tasks end early.
    bool stopping() const { return stopping_; }
    // From a task: waits `period`, or less when destruction begins; false once it has (the task should end).
    bool rest_for(std::chrono::milliseconds period);
    const Lifetime& lifetime() const { return lifetime_; }

  private:
    void run();
    void deliver_error(std::exception_ptr error, std::function<void(std::exception_ptr)> on_error);

    std::string name_;
    Lifetime lifetime_;
    std::mutex mutex_;
    std::condition_variable wake_;
    // Apart from wake_, so that a post's notify_one never goes to a resting task instead of an idle thread.
    std::condition_variable resting_;
    std::deque<std::function<void()>> tasks_;  // guarded by mutex_
    std::atomic<bool> stopping_{false};
    std::atomic<std::size_t> pending_{0};
    std::vector<std::thread> threads_;
};

template <class Work, class Then>
void Worker::post(Work work, Then then, std::function<void(std::exception_ptr)> on_error) {
    post([this, work = std::move(work), then = std::move(then), on_error = std::move(on_error)]() mutable {
        try {
            if constexpr (std::is_void_v<std::invoke_result_t<Work&>>) {
                work();
                lifetime_.to_main([then = std::move(then)]() mutable { then(); });
            } else {
                auto result = work();
                lifetime_.to_main([then = std::move(then), result = std::move(result)]() mutable {
                    then(std::move(result));
                });
            }
        } catch (...) {
            deliver_error(std::current_exception(), std::move(on_error));
        }
    });
}

}  // namespace jaanch::async
