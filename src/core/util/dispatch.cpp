#include "util/dispatch.h"

#include "util/error.h"

namespace jaanch::dispatch {
namespace {

MainThreadPoster& poster() {
    static MainThreadPoster instance;
    return instance;
}

}  // namespace

void set_main_thread_poster(MainThreadPoster p) {
    poster() = std::move(p);
}

void to_main(Task task) {
    if (!poster())
        throw Error("internal error: no main-thread hook installed before background work started");
    poster()(std::move(task));
}

void MainQueue::post(Task task) {
    {
        std::lock_guard lock(mutex_);
        tasks_.push_back(std::move(task));
    }
    ready_.notify_one();
}

std::size_t MainQueue::run_pending() {
    std::deque<Task> batch;
    {
        std::lock_guard lock(mutex_);
        batch.swap(tasks_);
    }
    for (auto& task : batch)
        task();
    return batch.size();
}

std::size_t MainQueue::run_for(std::chrono::milliseconds timeout) {
    {
        std::unique_lock lock(mutex_);
        ready_.wait_for(lock, timeout, [this] { return !tasks_.empty(); });
    }
    return run_pending();
}

void MainQueue::install() {
    set_main_thread_poster([this](Task task) { post(std::move(task)); });
}

}  // namespace jaanch::dispatch
