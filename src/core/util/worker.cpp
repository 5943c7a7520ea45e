#include "util/worker.h"

#include <pthread.h>

#include <algorithm>

#include "util/error.h"

namespace jaanch::async {

dispatch::Task Lifetime::guard(dispatch::Task task) const {
    return [alive = alive_, task = std::move(task)] {
        if (*alive)
            task();
    };
}

Worker::Worker(std::string name, unsigned threads) : name_(std::move(name)) {
    threads_.reserve(threads == 0 ? 1 : threads);
    for (unsigned i = 0; i < std::max(1u, threads); ++i) {
        threads_.emplace_back([this] { run(); });
        // Linux limits thread names to 15 bytes.
        pthread_setname_np(threads_.back().native_handle(), name_.substr(0, 15).c_str());
    }
}

Worker::~Worker() {
    lifetime_.end();
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    resting_.notify_all();
    for (auto& thread : threads_)
        thread.join();
}

void Worker::post(std::function<void()> task) {
    {
        std::lock_guard lock(mutex_);
        if (stopping_)
            return;
        tasks_.push_back(std::move(task));
        ++pending_;
    }
    wake_.notify_one();
}

bool Worker::rest_for(std::chrono::milliseconds period) {
    std::unique_lock lock(mutex_);
    return !resting_.wait_for(lock, period, [this] { return stopping_.load(); });
}

void Worker::cancel_pending() {
    std::lock_guard lock(mutex_);
    pending_ -= tasks_.size();
    tasks_.clear();
}

void Worker::run() {
    for (;;) {
        std::function<void()> task;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || !tasks_.empty(); });
            if (tasks_.empty())
                return;  // stopping, and every task queued before it has run
            task = std::move(tasks_.front());
            tasks_.pop_front();
        }
        try {
            task();
        } catch (...) {
            deliver_error(std::current_exception(), {});
        }
        --pending_;
    }
}

void Worker::deliver_error(std::exception_ptr error, std::function<void(std::exception_ptr)> on_error) {
    if (on_error) {
        lifetime_.to_main([on_error = std::move(on_error), error] { on_error(error); });
        return;
    }
    // Never swallowed: the main thread's handler reports it, naming the worker it came from.
    dispatch::to_main([name = name_, error] {
        try {
            std::rethrow_exception(error);
        } catch (const std::exception& e) {
            throw Error("background work \"" + name + "\" failed: " + e.what());
        }
    });
}

}  // namespace jaanch::async
