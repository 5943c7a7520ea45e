#include "sync/background_sync.h"

#include "util/dispatch.h"

namespace jaanch::sync {
namespace {

// Forwards each call to the real observer on the UI thread; copies the values, since the worker moves on.
class MainThreadObserver : public SyncObserver {
  public:
    MainThreadObserver(SyncObserver& target, std::shared_ptr<std::atomic<bool>> alive)
        : target_(target), alive_(std::move(alive)) {}
    // Tasks capture the target, never this forwarder: they may run after the worker (and this object) is
    // gone.
    void on_progress(const SyncProgress& p) override {
        post([t = &target_, p] { t->on_progress(p); });
    }
    void on_status(const SyncStatus& s) override {
        post([t = &target_, s] { t->on_status(s); });
    }
    void on_notice(const SyncNotice& n) override {
        post([t = &target_, n] { t->on_notice(n); });
    }

  private:
    void post(std::function<void()> task) {
        dispatch::to_main([alive = alive_, task = std::move(task)] {
            if (*alive)
                task();
        });
    }
    SyncObserver& target_;
    std::shared_ptr<std::atomic<bool>> alive_;
};

}  // namespace

BackgroundSync::BackgroundSync(std::filesystem::path workspace_dir, const catalogue::Catalogue& catalogue,
                               SyncObserver& observer, SyncOptions options)
    : dir_(std::move(workspace_dir)), catalogue_(catalogue), observer_(observer), options_(options) {}

BackgroundSync::~BackgroundSync() {
    *alive_ = false;
    cancel();
    if (worker_.joinable())
        worker_.join();
}

void BackgroundSync::cancel() {
    std::lock_guard lock(engine_mutex_);
    if (engine_ != nullptr)
        engine_->cancel();
}

bool BackgroundSync::start(std::function<void(const SyncReport&)> on_finished) {
    if (running_.exchange(true))
        return false;
    if (worker_.joinable())
        worker_.join();
    worker_ = std::thread([this, on_finished = std::move(on_finished)] {
        SyncReport report;
        try {
            store::Workspace workspace(dir_, catalogue_);
            MainThreadObserver forward(observer_, alive_);
            SyncEngine engine(workspace, forward, options_);
            {
                std::lock_guard lock(engine_mutex_);
                engine_ = &engine;
            }
            report = engine.run();
            std::lock_guard lock(engine_mutex_);
            engine_ = nullptr;
        } catch (const std::exception& e) {
            std::lock_guard lock(engine_mutex_);
            engine_ = nullptr;
            report.problem = e.what();
        }
        running_ = false;  // before the report reaches the UI, so on_finished may start the next sync
        dispatch::to_main([alive = alive_, on_finished, report] {
            if (*alive && on_finished)
                on_finished(report);
        });
    });
    return true;
}

}  // namespace jaanch::sync
