// The open application's documents: a viewer tab per upload (DocumentsPanel), moving between them, zoom,
// compare mode, and the prefetch that makes "next application" instant — a moment after an application is
// shown (kPrefetchDelayMs, so it never delays this one's paint), the next one's first document is opened and
// everything its viewer shows first is rendered, and its form is built hidden.
// Threads: UI thread only; rendering happens in the RenderService's workers. Ownership: owned by MainFrame;
// the panel is a child of the window; a compare window is destroyed with the application it compares.
#pragma once

#include <cstddef>
#include <optional>
#include <utility>

#include <wx/timer.h>

#include "catalogue/service_definition.h"
#include "model/application.h"

class wxDialog;

namespace jaanch::app {

struct Context;
class DocumentsPanel;

class DocumentsController {
  public:
    DocumentsController(Context& context, DocumentsPanel& panel);
    ~DocumentsController();

    void register_commands();  // document_commands.cpp

    DocumentsPanel& panel() { return panel_; }
    void show(const model::Application& app, const catalogue::ServiceDefinition* service);
    void next_document();
    void zoom(int direction);  // +1 in, -1 out
    // This document beside the next one (a single document: page 1 beside page 2), or the two given.
    // Returns whether the compare window is open.
    bool compare(std::optional<std::pair<std::size_t, std::size_t>> sides = std::nullopt);
    wxDialog* compare_window() const { return compare_; }
    void close_compare();

    static constexpr int kPrefetchDelayMs = 250;
    void schedule_prefetch();
    // The next application's first page is not ready yet (the timer has not fired or its tiles are on their
    // way).
    bool prefetch_pending() const;
    // Work done while the officer reads is still running: the prefetch, documents left behind closing,
    // renders. Scripts and benchmarks wait for it to end.
    bool background_pending() const;

  private:
    void prefetch_next_application();

    Context& context_;
    DocumentsPanel& panel_;
    wxTimer prefetch_timer_;  // fires once a moment after an application opened
    wxDialog* compare_ = nullptr;
};

}  // namespace jaanch::app
