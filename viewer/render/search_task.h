// SearchTask: searches a document's pages on its own worker and hands hits to the main thread page by page,
// so a search through a 200-page PDF never freezes the canvas. A new search() makes the previous one stale
// (an async::Generation); stale work stops at the next page, and its hits already posted are dropped.
//
// Threads: construct, search() and destroy on the main thread; each search runs as a task on an async::Worker
// (util/worker.h) of one thread, so searches never overlap; the listener runs on the main thread (through the
// worker's lifetime) and never after the task is destroyed. No lock of its own.
// Errors: a page whose text cannot be read has no hits (the canvas shows that page's render error).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "util/worker.h"
#include "viewer/engine/document_engine.h"

namespace jaanch::viewer::render {

class SearchTask {
  public:
    // Called with the hits of one page (never empty), then once with page == -1 when the search finished.
    using Listener = std::function<void(std::uint64_t generation, int page, const std::vector<RectF>& hits)>;

    SearchTask(std::unique_ptr<DocumentEngine> engine, Listener listener);
    ~SearchTask();
    SearchTask(const SearchTask&) = delete;
    SearchTask& operator=(const SearchTask&) = delete;

    // Starts searching every page for `query` (an empty query just cancels). Returns its generation.
    std::uint64_t search(std::string query);

  private:
    void run(const std::string& query, std::uint64_t generation);  // on the worker
    void post(std::uint64_t generation, int page, std::vector<RectF> hits);

    std::unique_ptr<DocumentEngine> engine_;  // used by the worker only
    Listener listener_;                       // main thread only
    async::Generation generation_;
    async::Worker worker_{"search"};  // last: joined before the engine it searches is destroyed
};

}  // namespace jaanch::viewer::render
