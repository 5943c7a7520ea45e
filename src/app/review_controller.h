// What the workstation does around one application besides the form: claims on the hub (taken when it opens,
// renewed while the officer works, released on idle, on moving on and on closing), the history pane with
// signatures verified locally, the document checklist and pages seen, recall from the outbox, queue sorting,
// filters and saved filters, compare mode, and telling the officer when a sync moved the open application on.
//
// Threads: every method on the UI thread. Hub calls (claim, release, history) run on this object's one worker
// thread, each with its own HubClient; results come back through dispatch::to_main and are dropped when the
// officer has opened another application meanwhile (a generation counter) or the controller is gone.
// Ownership: owned by MainFrame, which it must not outlive; the destructor releases the held claim (best
// effort, bounded by the connect timeout) and joins the worker.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include <wx/event.h>
#include <wx/eventfilter.h>
#include <wx/timer.h>

#include "commands/command.h"
#include "model/application.h"
#include "store/workspace.h"
#include "sync/hub_client.h"

class wxDialog;

namespace jaanch::app {

class MainFrame;

class ReviewController : public wxEventFilter {
  public:
    explicit ReviewController(MainFrame& frame);
    ~ReviewController() override;
    ReviewController(const ReviewController&) = delete;
    ReviewController& operator=(const ReviewController&) = delete;

    void register_commands(CommandRegistry& commands);  // review_commands.cpp

    // MainFrame's hooks.
    void on_open(const model::Application& app);
    void after_decided(const std::string& number);
    void after_sync();
    std::vector<model::DocumentCheck> document_checks() const;
    // Documents of the open application the officer never had on screen (for the signing confirmation).
    std::vector<std::string> documents_not_opened() const;
    // A script verb of this part ("review/…=ARG", "review/…"); nullopt when the step is not one.
    std::optional<bool> run_script_step(const std::string& step);

    // Commands.
    void recall_open();
    void show_outbox();
    void choose_filter();
    void save_filter(const std::optional<std::string>& scripted_name = std::nullopt);
    void apply_saved_filter(const std::optional<std::string>& scripted_name = std::nullopt);
    void clear_filter();
    void compare(std::optional<std::pair<std::size_t, std::size_t>> sides = std::nullopt);
    void sort_by(store::QueueSort sort);

    int FilterEvent(wxEvent& event) override;

  private:
    struct HubAccess {
        std::string url, token;
    };
    std::optional<HubAccess> hub_access() const;
    void post(std::function<void(sync::HubClient&)> task);  // to the worker
    void worker_loop();
    void release_held();
    void request_claim(std::uint64_t generation, const std::string& number, bool explain_offline);
    void on_claim_result(std::uint64_t generation, const std::string& number,
                         std::optional<sync::ClaimState> claim, std::string problem, bool offline);
    void on_history_result(std::uint64_t generation, const std::string& number,
                           std::vector<sync::HistorySignature> signatures);
    void refresh_tabs();  // fills the checklist and history when they are stale
    void refresh_history();
    void refresh_pages();
    void read_only(const wxString& why);
    void on_tick();
    int idle_minutes() const;
    void print_state();

    MainFrame& frame_;
    std::optional<model::Application> open_;
    std::uint64_t generation_ = 0;
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
    wxDialog* compare_ = nullptr;
    bool scripted_ = false;  // a --script drives the window: no confirmation dialogs

    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<std::function<void(sync::HubClient&)>> tasks_;
    HubAccess worker_access_;  // guarded by mutex_: the hub the worker's client talks to
    bool stopping_ = false;
    std::atomic<int> busy_{0};  // tasks queued or running, for scripts that wait
    std::thread worker_;
    std::shared_ptr<std::atomic<bool>> alive_ = std::make_shared<std::atomic<bool>>(true);
};

}  // namespace jaanch::app
