// Where the officer stands, and syncing: the status bar (online/offline, progress, waiting, last sync, key,
// sandbox), "Sync now", and the automatic sync schedule (sync/sync_schedule.h) ticking once a second.
// Syncs run in sync::BackgroundSync; its observer and report reach this controller on the UI thread.
// Threads: UI thread only. Ownership: owned by MainFrame; the status bar is the frame's child. The
// destructor cancels and joins a running sync (BackgroundSync's destructor).
#pragma once

#include <memory>

#include <wx/string.h>
#include <wx/timer.h>

#include "sync/background_sync.h"
#include "sync/sync_schedule.h"

namespace jaanch::app {

struct Context;
class StatusBar;

class SyncController {
  public:
    SyncController(Context& context, StatusBar& bar);
    ~SyncController();
    SyncController(const SyncController&) = delete;
    SyncController& operator=(const SyncController&) = delete;

    void register_commands();  // app/sync

    StatusBar& bar() { return bar_; }
    // Starts a sync now (the officer's "Sync now", F5); the schedule starts the others.
    void sync_now();
    bool syncing() const { return syncing_; }
    // Keeps the window live until the running sync, if any, has ended (scripts).
    void wait_for_sync();
    // The queue's count, decisions waiting and the last sync, from the workspace.
    void update_status();
    void set_message(const wxString& text);
    // A decision was saved to the outbox: the schedule sends it soon.
    void decision_saved();

  private:
    void on_sync_finished(const sync::SyncReport& report);
    void on_schedule_tick();

    Context& context_;
    StatusBar& bar_;
    bool syncing_ = false;
    sync::SyncSchedule schedule_;
    wxTimer schedule_timer_;                                 // ticks once a second
    std::unique_ptr<sync::SyncObserver> observer_;           // before background_sync_: it must outlive it
    std::unique_ptr<sync::BackgroundSync> background_sync_;  // joined when the controller goes
};

}  // namespace jaanch::app
