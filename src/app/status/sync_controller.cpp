#include "app/status/sync_controller.h"

#include <wx/app.h>
#include <wx/intl.h>
#include <wx/utils.h>

#include "app/main/context.h"
#include "app/queue/queue_controller.h"
#include "app/queue/queue_panel.h"
#include "app/review/review_controller.h"
#include "app/status/status_bar.h"

namespace jaanch::app {
namespace {

// Shows the engine's reports in the status bar; BackgroundSync calls it on the UI thread.
class StatusBarObserver : public sync::SyncObserver {
  public:
    explicit StatusBarObserver(StatusBar& bar) : bar_(bar) {}
    void on_progress(const sync::SyncProgress& p) override { bar_.set_progress(p); }
    void on_status(const sync::SyncStatus& s) override {
        bar_.set_waiting(s.decisions_waiting);
        if (!s.online)
            bar_.set_connection(StatusBar::Connection::offline, wxString::FromUTF8(s.message));
        else if (s.needs_login)
            bar_.set_connection(StatusBar::Connection::needs_login, wxString::FromUTF8(s.message));
    }
    void on_notice(const sync::SyncNotice& n) override {
        using Kind = sync::SyncNotice::Kind;
        if (n.kind == Kind::decision_rejected || n.kind == Kind::decision_conflict ||
            n.kind == Kind::document_failed)
            bar_.set_message(wxString::FromUTF8(n.message));
    }

  private:
    StatusBar& bar_;
};

}  // namespace

SyncController::SyncController(Context& context, StatusBar& bar) : context_(context), bar_(bar) {
    schedule_timer_.Bind(wxEVT_TIMER, [this](wxTimerEvent&) { on_schedule_tick(); });
    const auto& workspace = context_.session.workspace;
    if (workspace && !workspace->sync_value("hub_url").empty())
        schedule_timer_.Start(1000);
}

SyncController::~SyncController() = default;

void SyncController::register_commands() {
    context_.commands.add(
        {"app/sync", "&Sync now", "Send waiting decisions and fetch new applications and documents",
         [this] { sync_now(); }, [this] { return context_.session.workspace != nullptr && !syncing_; },
         // Scripts: the schedule may have started one; wait for it, then sync as asked.
         [this](const std::string&) {
             wait_for_sync();
             sync_now();
             return syncing_;
         }});
}

void SyncController::sync_now() {
    auto& session = context_.session;
    if (!session.workspace || syncing_)
        return;
    if (!background_sync_) {
        observer_ = std::make_unique<StatusBarObserver>(bar_);
        background_sync_ =
            std::make_unique<sync::BackgroundSync>(session.workspace->dir(), session.catalogue, *observer_);
    }
    syncing_ = background_sync_->start([this](const sync::SyncReport& report) { on_sync_finished(report); });
    if (!syncing_)
        return;
    schedule_.started();
    bar_.set_connection(StatusBar::Connection::syncing);
}

void SyncController::wait_for_sync() {
    while (syncing_) {
        wxYield();  // dispatch::to_main tasks arrive through CallAfter while yielding
        wxMilliSleep(5);
    }
}

void SyncController::on_sync_finished(const sync::SyncReport& report) {
    syncing_ = false;
    schedule_.finished(report.online, std::chrono::steady_clock::now());
    context_.queue->panel().reload();
    update_status();
    context_.review->after_sync();
    if (report.needs_login)
        bar_.set_connection(StatusBar::Connection::needs_login, wxString::FromUTF8(report.problem));
    else if (!report.online)
        on_schedule_tick();  // shows "offline — trying again in …" at once
    else
        bar_.set_connection(StatusBar::Connection::online);
    if (!report.problem.empty())
        bar_.set_message(wxString::FromUTF8(report.problem));
}

void SyncController::on_schedule_tick() {
    const auto now = std::chrono::steady_clock::now();
    if (schedule_.due(now) && !syncing_)
        return sync_now();
    if (schedule_.online() || !schedule_.next())
        return;
    const auto left = std::chrono::ceil<std::chrono::seconds>(*schedule_.next() - now);
    bar_.set_connection(StatusBar::Connection::offline,
                        wxString::Format(_("trying again in %lld s"), static_cast<long long>(left.count())));
}

void SyncController::update_status() {
    const auto& workspace = context_.session.workspace;
    if (!workspace) {
        bar_.set_message(_("No workspace open: log in to a hub or open a workspace folder."));
        return;
    }
    bar_.set_message(
        wxString::Format(_("%zu applications in the queue"), context_.queue->panel().row_count()));
    bar_.set_waiting(workspace->outbox().count(store::OutboxState::pending) +
                     workspace->outbox().count(store::OutboxState::sending));
    bar_.set_last_sync(local_time_text(workspace->sync_value("last_sync")));
}

void SyncController::set_message(const wxString& text) {
    bar_.set_message(text);
}

void SyncController::decision_saved() {
    schedule_.decision_saved(std::chrono::steady_clock::now());
}

}  // namespace jaanch::app
