// Sync on a worker thread, for the workstation: the one idiom of docs/architecture.md ("Threads"). The sync
// runs as a task on an async::Worker (util/worker.h): it opens its own Workspace (WAL lets the UI read
// meanwhile), runs SyncEngine, and hands every observer call and the final report to the UI thread through
// the worker's lifetime; no observer method ever runs on the worker, and none runs once this object is gone.
//
// Threads: start(), cancel() and the destructor on the UI thread. The observer and on_finished run on the UI
// thread. At most one sync at a time per object; start() while one runs returns false.
// Ownership: the observer and catalogue must outlive this object; the destructor cancels and joins.
// Errors: a sync that fails reports the error's sentence in report.problem; nothing is thrown at the caller.
#pragma once

#include <atomic>
#include <filesystem>
#include <functional>
#include <mutex>

#include "catalogue/catalogue.h"
#include "sync/sync_engine.h"
#include "util/worker.h"

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
    SyncReport sync_once();  // on the worker
    void publish(SyncEngine* engine);

    std::filesystem::path dir_;
    const catalogue::Catalogue& catalogue_;
    SyncObserver& observer_;
    SyncOptions options_;
    std::atomic<bool> running_{false};
    std::mutex engine_mutex_;
    SyncEngine* engine_ = nullptr;  // while running; guarded by engine_mutex_
    async::Worker worker_{"sync"};  // last: joined before the members its task uses are destroyed
};

}  // namespace jaanch::sync
