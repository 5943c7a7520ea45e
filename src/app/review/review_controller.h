// What the workstation does around one application besides the form: claims on the hub (taken when it opens,
// renewed while the officer works, released on idle, on moving on and on closing), the history pane with
// signatures verified locally, the document checklist and pages seen, and telling the officer when a sync
// moved the open application on.
//
// Threads: every method on the UI thread. Hub calls (claim, release, history) run on this object's one
// async::Worker, whose HubClient lives on the worker thread; results come back on the UI thread and are
// dropped when the officer has opened another application meanwhile (async::Generation) or the controller is
// gone. Ownership: owned by MainFrame, destroyed before the panels it uses; the destructor releases the held
// claim (best effort, bounded by the connect timeout: the worker sends it before joining).
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include <wx/event.h>
#include <wx/eventfilter.h>
#include <wx/timer.h>

#include "model/application.h"
#include "store/workspace.h"
#include "sync/hub_client.h"
#include "util/worker.h"
#include "workflow/workflow.h"

namespace jaanch::app {

struct Context;
class ReviewPane;

class ReviewController : public wxEventFilter {
  public:
    ReviewController(Context& context, ReviewPane& pane);
    ~ReviewController() override;
    ReviewController(const ReviewController&) = delete;
    ReviewController& operator=(const ReviewController&) = delete;

    // What the open application's controller and the decision tell this part.
    void on_open(const model::Application& app);
    void after_decided(const std::string& number);
    void after_sync();
    std::vector<model::DocumentCheck> document_checks() const;
    // Documents of the open application the officer never had on screen (for the signing confirmation).
    std::vector<std::string> documents_not_opened() const;
    // What the current level's review requirement still asks to be opened (workstation::review_gaps); empty
    // when it is met, the level has none, or nothing is open.
    std::vector<workflow::ReviewGap> review_gaps() const;
    void set_banner(const wxString& text, bool warning = true);
    ReviewPane& pane() { return pane_; }

    // For scripts (app/script/review_script.cpp): fill the checklist and history now; hub calls queued or
    // running; the state as JSON on stdout; the idle time as if the officer had been away that long.
    void refresh_tabs();
    std::size_t hub_calls_pending() const { return worker_.pending(); }
    void print_state();
    void set_idle_minutes(const std::string& minutes);
    void act_as_idle();

    int FilterEvent(wxEvent& event) override;

  private:
    struct HubAccess {
        std::string url, token;
    };
    std::optional<HubAccess> hub_access() const;
    void post(std::function<void(sync::HubClient&)> task);  // to the worker
    void release_held();
    void request_claim(std::uint64_t generation, const std::string& number, bool explain_offline);
    void on_claim_result(std::uint64_t generation, const std::string& number,
                         std::optional<sync::ClaimState> claim, std::string problem, bool offline);
    void on_history_result(std::uint64_t generation, const std::string& number,
                           std::vector<sync::HistorySignature> signatures);
    void refresh_history();
    void refresh_pages();
    void read_only(const wxString& why);
    void on_tick();
    int idle_minutes() const;

    Context& context_;
    ReviewPane& pane_;
    std::optional<model::Application> open_;
    async::Generation generation_;
    std::optional<sync::ClaimState> claim_;  // the claim on open_, as last known
    std::string held_;                       // number of the application whose claim this officer holds
    bool claim_pending_ = false;             // a claim request is on its way
    wxString read_only_reason_;
    wxTimer timer_;
    // The checklist and history of the application just opened are not filled yet (see refresh_tabs).
    bool tabs_stale_ = false;
    wxTimer tabs_timer_;
    static constexpr int kTabsDelayMs = 150;
    std::chrono::steady_clock::time_point last_input_;

    // Worker thread only.
    std::unique_ptr<sync::HubClient> client_;
    std::string client_url_;
    // Last: destroyed first, so its queued tasks (the last release) still find the client above.
    async::Worker worker_{"review-hub"};
};

}  // namespace jaanch::app
