// Delivering results to the UI thread without the core knowing what a UI is (after Aegisub's agi::dispatch).
//
// The application installs a poster once at start-up: the workstation wraps wxTheApp->CallAfter, the CLI and
// tests install a MainQueue they pump themselves. Background code (render workers, sync) calls to_main() and
// never touches a widget. The one idiom for background work in Jaanch: a component owns its worker threads,
// and hands every result to the UI thread through to_main() (see docs/architecture.md, "Threads").
//
// Thread-safety: to_main() may be called from any thread once a poster is installed; set_main_thread_poster()
// is called once, before any worker starts.
#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>

namespace jaanch::dispatch {

using Task = std::function<void()>;
using MainThreadPoster = std::function<void(Task)>;

void set_main_thread_poster(MainThreadPoster poster);

// Posts task to the main thread. Throws jaanch::Error if no poster was installed (a programming error worth
// finding in the first test, not a silent drop).
void to_main(Task task);

// A main-thread queue for programs without an event loop (CLI, tests): workers post, the main thread pumps.
class MainQueue {
  public:
    void post(Task task);
    // Runs every task queued so far; returns how many ran. Main thread only.
    std::size_t run_pending();
    // Waits up to `timeout` for at least one task, then runs what is queued. Main thread only.
    std::size_t run_for(std::chrono::milliseconds timeout);
    // Installs this queue as the main-thread poster. The queue must outlive every worker that may post.
    void install();

  private:
    std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<Task> tasks_;
};

}  // namespace jaanch::dispatch
