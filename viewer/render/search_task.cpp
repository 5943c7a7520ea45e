#include "viewer/render/search_task.h"

#include "util/dispatch.h"

namespace jaanch::viewer::render {

struct SearchTask::Shared {
    std::mutex mutex;
    std::condition_variable wake;
    std::string query;
    bool stopping = false;
    std::atomic<std::uint64_t> generation{0};
    std::atomic<bool> open{true};
    Listener listener;  // main thread only
};

SearchTask::SearchTask(std::unique_ptr<DocumentEngine> engine, Listener listener)
    : engine_(std::move(engine)), shared_(std::make_shared<Shared>()) {
    shared_->listener = std::move(listener);
    thread_ = std::thread([this] { run(); });
}

SearchTask::~SearchTask() {
    shared_->open = false;
    {
        std::lock_guard lock(shared_->mutex);
        shared_->stopping = true;
    }
    shared_->wake.notify_one();
    thread_.join();
}

std::uint64_t SearchTask::search(std::string query) {
    std::uint64_t generation = 0;
    {
        std::lock_guard lock(shared_->mutex);
        shared_->query = std::move(query);
        generation = ++shared_->generation;
    }
    shared_->wake.notify_one();
    return generation;
}

void SearchTask::run() {
    std::uint64_t done = 0;
    for (;;) {
        std::string query;
        std::uint64_t generation = 0;
        {
            std::unique_lock lock(shared_->mutex);
            shared_->wake.wait(lock, [&] { return shared_->stopping || shared_->generation.load() != done; });
            if (shared_->stopping)
                return;
            query = shared_->query;
            generation = done = shared_->generation.load();
        }
        auto post = [this, generation](int page, std::vector<RectF> hits) {
            dispatch::to_main([shared = shared_, generation, page, hits = std::move(hits)] {
                if (shared->open.load() && shared->generation.load() == generation)
                    shared->listener(generation, page, hits);
            });
        };
        if (query.empty())
            continue;
        for (int page = 0; page < engine_->page_count() && shared_->generation.load() == generation; ++page) {
            std::vector<RectF> hits;
            try {
                hits = engine_->search(page, query);
            } catch (const std::exception&) {
                // A page whose text cannot be read has no hits; the canvas shows that page's render error.
                continue;
            }
            if (!hits.empty())
                post(page, std::move(hits));
        }
        if (shared_->generation.load() == generation)
            post(-1, {});
    }
}

}  // namespace jaanch::viewer::render
