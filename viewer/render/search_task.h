// SearchTask: searches a document's pages on its own thread and hands hits to the main thread page by page,
// so a search through a 200-page PDF never freezes the canvas. A new search() makes the previous one stale
// (generation counter); stale work stops at the next page.
//
// Threads: construct, search() and destroy on the main thread; the listener runs on the main thread (through
// dispatch::to_main) and never after the task is destroyed. One lock (mutex_), never held while searching.
#pragma once

#include <atomic>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

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
    struct Shared;
    void run();

    std::unique_ptr<DocumentEngine> engine_;  // used by the thread only
    std::shared_ptr<Shared> shared_;
    std::thread thread_;
};

}  // namespace jaanch::viewer::render
