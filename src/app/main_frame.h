// The workstation's main window: the queue beside the application, menus and hotkeys built from data
// (commands/command.h, ui/menus.json), and a status bar that says where the officer stands.
// The frame only lays out panels and routes commands; the work is in the panels and in core. UI thread only.
#pragma once

#include <wx/frame.h>
#include <wx/timer.h>

#include "app_context.h"
#include "checks/application_review.h"
#include "commands/command.h"
#include "model/decision.h"
#include "qr_review.h"
#include "sync/background_sync.h"
#include "sync/sync_schedule.h"

class wxDialog;
class wxSplitterWindow;

namespace jaanch::app {

class ApplicationPanel;
class DocumentsPanel;
class DecisionBar;
class QueuePanel;
class StatusBar;
class ReviewController;
class ReviewPane;

class MainFrame : public wxFrame {
  public:
    explicit MainFrame(AppContext& context);
    ~MainFrame() override;

    // Writes what the window shows to a PNG file (used by GUI tests and the user guide). Returns false on
    // failure.
    bool save_screenshot(const wxString& path);

    // Actions the commands call.
    void next_application(int step);
    void next_document();
    // Decides the open application: asks for reason and remark, shows the bytes, signs, saves to the outbox.
    // `scripted` (tests) supplies "REASON|remark" and skips the dialogs.
    void decide(model::Action action, const std::optional<std::string>& scripted = std::nullopt);
    // Starts a sync now (the officer's "Sync now", F5); the schedule starts the others (sync_schedule.h).
    void sync_now();
    // One step of a --script: a command id, "decide/<action>=REASON|remark", or "wait" (for a running sync).
    bool run_script_step(const std::string& step);
    // Benchmark: times "next application" to the form and first page painted, N times (script_steps.cpp).
    bool measure_next_applications(int count);
    bool expect_prefetched_next();
    bool expect_accessible();
    void prefetch_next_application();
    bool prefetch_pending() const;  // the next application's first page is not ready yet
    // Work done while the officer reads is still running: the prefetch, documents left behind closing,
    // renders.
    bool background_pending() const;
    static constexpr int kPrefetchDelayMs = 250;
    void set_unattended(bool unattended);
    void zoom(int direction);
    void toggle_overdue_filter();
    void show_my_pending();
    // Outbox states as JSON lines on stdout (tests read them after a scripted session).
    void print_outbox() const;
    void find_application();
    void switch_language();
    void show_shortcuts();
    void show_about();
    // The automatic checks of the open application, each with its reason (checks_view.h).
    void show_checks();
    // Shows a sealed Aadhaar number of the open application in full after the officer chooses the field and
    // confirms; Workspace::reveal records it in the activity log. `scripted_path` (tests) skips both
    // questions and leaves the number's dialog open without blocking. Returns whether a number was revealed.
    bool reveal_aadhaar(const std::optional<std::string>& scripted_path = std::nullopt);

    const CommandRegistry& commands() const { return commands_; }
    QueuePanel* queue() const { return queue_; }
    ApplicationPanel* application() const { return application_; }
    DocumentsPanel* documents() const { return documents_; }
    StatusBar* status() const { return status_; }

  private:
    friend class ReviewController;  // claims, history, checklist, recall, filters, compare
                                    // (review_controller.h)
    void register_commands();
    void register_account_commands();  // commands/account_commands.cpp
    // The automatic checks' commands, script verbs and the Aadhaar letter reader (checks_actions.cpp).
    void set_up_checks();
    std::optional<bool> run_checks_script_step(const std::string& verb, const std::string& arg);
    std::map<std::string, wxString> document_flag_symbols() const;  // document id → flag of its tab
    void add_photo_strip(
        wxDialog* checks_dialog);  // the uploaded photo beside the Aadhaar QR's (photo_compare.h)
    void read_aadhaar_letter(std::chrono::milliseconds delay);  // of open_app_, on qr_reader_'s thread
    void on_qr_findings(QrFindings findings);  // adds them to checks_, the tabs and an open photo strip
    void build_menus();
    void open_application(const std::string& number);
    void update_status();
    void update_decision_bar();
    void show_check_flags(const catalogue::ServiceDefinition* service);
    void on_sync_finished(const sync::SyncReport& report);
    void on_schedule_tick();

    AppContext& context_;
    CommandRegistry commands_;
    MenuLayout layout_;
    std::map<int, std::string> menu_ids_;  // wx menu id → command id
    QueuePanel* queue_ = nullptr;
    ApplicationPanel* application_ = nullptr;
    DocumentsPanel* documents_ = nullptr;
    DecisionBar* decisions_ = nullptr;
    std::optional<model::Application> open_app_;
    std::optional<checks::ApplicationReport> checks_;  // of open_app_; empty when its service is unknown
    std::unique_ptr<QrReader> qr_reader_;              // reads the Aadhaar letter of open_app_ (qr_review.h)
    std::optional<QrFindings> qr_findings_;            // of open_app_, once read
    bool unattended_ = false;
    bool syncing_ = false;
    StatusBar* status_ = nullptr;
    sync::SyncSchedule schedule_;
    wxTimer schedule_timer_;  // ticks once a second; syncs when the schedule says one is due
    // Fires once a moment after an application opened: the next one's prefetch must not delay this one's
    // paint.
    wxTimer prefetch_timer_;
    std::unique_ptr<sync::SyncObserver> sync_observer_;      // before background_sync_: it must outlive it
    std::unique_ptr<sync::BackgroundSync> background_sync_;  // joined when the frame goes
    ReviewPane* review_pane_ = nullptr;
    std::unique_ptr<ReviewController> review_;  // after the panels it uses; gone before they are
};

// The label with its hotkey for a menu item ("&Approve\tCtrl+Shift+A"), translated.
wxString menu_text(const Command& command, const MenuLayout& layout);

}  // namespace jaanch::app
