#include "viewer/render/search_task.h"

namespace jaanch::viewer::render {

SearchTask::SearchTask(std::unique_ptr<DocumentEngine> engine, Listener listener)
    : engine_(std::move(engine)), listener_(std::move(listener)) {}

SearchTask::~SearchTask() {
    generation_.advance();  // a search under way stops at its next page
}

std::uint64_t SearchTask::search(std::string query) {
    const std::uint64_t generation = generation_.advance();
    if (!query.empty())
        worker_.post([this, query = std::move(query), generation] { run(query, generation); });
    return generation;
}

void SearchTask::run(const std::string& query, std::uint64_t generation) {
    for (int page = 0; page < engine_->page_count() && generation_.is_current(generation); ++page) {
        std::vector<RectF> hits;
        try {
            hits = engine_->search(page, query);
        } catch (const std::exception&) {
            // A page whose text cannot be read has no hits; the canvas shows that page's render error.
            continue;
        }
        if (!hits.empty())
            post(generation, page, std::move(hits));
    }
    if (generation_.is_current(generation))
        post(generation, -1, {});
}

void SearchTask::post(std::uint64_t generation, int page, std::vector<RectF> hits) {
    worker_.lifetime().to_main([this, generation, page, hits = std::move(hits)] {
        if (generation_.is_current(generation))
            listener_(generation, page, hits);
    });
}

}  // namespace jaanch::viewer::render
