// Sync on a worker thread, for the workstation: the one idiom of docs/architecture.md ("Threads"). The worker
// opens its own Workspace (WAL lets the UI read meanwhile), runs SyncEngine, and hands every observer call
// and the final report to the UI thread through dispatch::to_main; no observer method ever runs on the
// worker.
//
// Threads: start(), cancel() and the destructor on the UI thread. The observer and on_finished run on the UI
// thread. At most one sync at a time per object; start() while one runs returns false.
// Ownership: the observer and catalogue must outlive this object; the destructor cancels and joins.
#pragma once

#include <atomic>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

#include "catalogue/catalogue.h"
#include "sync/sync_engine.h"

namespace jaanch::sync {

class BackgroundSync {
  public:
    BackgroundSync(std::filesystem::path workspace_dir, const catalogue::Catalogue& catalogue,
                   SyncObserver& observer, SyncOptions options = {});
    ~BackgroundSync();
    BackgroundSync(const BackgroundSync&) = delete;
    BackgroundSync& operator=(const BackgroundSync&) = delete;

    // Starts a sync; on_finished gets its report (or the error's sentence in report.problem) on the UI
    // thread.
    bool start(std::function<void(const SyncReport&)> on_finished);
    void cancel();
    bool running() const { return running_; }

  private:
    std::filesystem::path dir_;
    const catalogue::Catalogue& catalogue_;
    SyncObserver& observer_;
    SyncOptions options_;
    std::thread worker_;
    std::atomic<bool> running_{false};
    std::mutex engine_mutex_;
    SyncEngine* engine_ = nullptr;  // while running; guarded by engine_mutex_
    // Cleared by the destructor so tasks still queued for the UI thread do nothing.
    std::shared_ptr<std::atomic<bool>> alive_ = std::make_shared<std::atomic<bool>>(true);
};

}  // namespace jaanch::sync
