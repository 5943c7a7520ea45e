#include "sync/background_sync.h"

namespace jaanch::sync {
namespace {

// Forwards each call to the real observer on the UI thread; copies the values, since the worker moves on.
class MainThreadObserver : public SyncObserver {
  public:
    MainThreadObserver(SyncObserver& target, const async::Lifetime& lifetime)
        : target_(target), lifetime_(lifetime) {}
    // Tasks capture the target, never this forwarder: they may run after the sync (and this object) is gone.
    void on_progress(const SyncProgress& p) override {
        lifetime_.to_main([t = &target_, p] { t->on_progress(p); });
    }
    void on_status(const SyncStatus& s) override {
        lifetime_.to_main([t = &target_, s] { t->on_status(s); });
    }
    void on_notice(const SyncNotice& n) override {
        lifetime_.to_main([t = &target_, n] { t->on_notice(n); });
    }

  private:
    SyncObserver& target_;
    const async::Lifetime& lifetime_;
};

}  // namespace

BackgroundSync::BackgroundSync(std::filesystem::path workspace_dir, const catalogue::Catalogue& catalogue,
                               SyncObserver& observer, SyncOptions options)
    : dir_(std::move(workspace_dir)), catalogue_(catalogue), observer_(observer), options_(options) {}

BackgroundSync::~BackgroundSync() {
    cancel();  // then worker_'s destructor drops the report and waits for the engine to stop
}

void BackgroundSync::cancel() {
    std::lock_guard lock(engine_mutex_);
    if (engine_ != nullptr)
        engine_->cancel();
}

bool BackgroundSync::start(std::function<void(const SyncReport&)> on_finished) {
    if (running_.exchange(true))
        return false;
    worker_.post([this] { return sync_once(); },
                 [on_finished = std::move(on_finished)](const SyncReport& report) {
                     if (on_finished)
                         on_finished(report);
                 });
    return true;
}

SyncReport BackgroundSync::sync_once() {
    // Cleared before the report reaches the UI, so on_finished may start the next sync.
    struct Done {
        std::atomic<bool>& running;
        ~Done() { running = false; }
    } done{running_};
    // cancel() reaches the engine only while it exists: withdrawn before the engine is destroyed, even when
    // run() throws.
    struct Published {
        BackgroundSync& owner;
        explicit Published(BackgroundSync& o, SyncEngine* engine) : owner(o) { owner.publish(engine); }
        ~Published() { owner.publish(nullptr); }
    };
    SyncReport report;
    try {
        store::Workspace workspace(dir_, catalogue_);
        MainThreadObserver forward(observer_, worker_.lifetime());
        SyncEngine engine(workspace, forward, options_);
        const Published published(*this, &engine);
        report = engine.run();
    } catch (const std::exception& e) {
        report.problem = e.what();
    }
    return report;
}

void BackgroundSync::publish(SyncEngine* engine) {
    std::lock_guard lock(engine_mutex_);
    engine_ = engine;
}

}  // namespace jaanch::sync
