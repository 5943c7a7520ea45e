// The frame's decision and sync actions: the flows that go from a click to core and back.
#include <thread>

#include <wx/app.h>

#include <wx/intl.h>
#include <wx/msgdlg.h>

#include "application_panel.h"
#include "crypto/canonical_json.h"
#include "decision_bar.h"
#include "decision_dialog.h"
#include "main_frame.h"
#include "queue_panel.h"
#include "review_controller.h"
#include "status_bar.h"
#include "sync/background_sync.h"
#include "sync/local_decision.h"
#include "sync/sync_engine.h"
#include "util/dispatch.h"
#include "workflow/workflow.h"

namespace jaanch::app {
namespace {

// "CODE|remark" → details; a bare "|remark" has no reason.
DecisionDetails parse_scripted(const std::string& text) {
    const auto bar = text.find('|');
    return bar == std::string::npos ? DecisionDetails{text, ""}
                                    : DecisionDetails{text.substr(0, bar), text.substr(bar + 1)};
}

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

void MainFrame::decide(model::Action action, const std::optional<std::string>& scripted) {
    if (!open_app_ || !context_.officer || !context_.workspace)
        return;
    if (!decisions_->allows(action))
        return;
    if (!context_.signer) {
        wxMessageBox(_("No signing key is set up. Choose your DSC token or PKCS#12 file, then decide again."),
                     action_label(action), wxOK | wxICON_WARNING, this);
        return;
    }
    const auto* service = context_.catalogue.find(open_app_->service_id, open_app_->service_version);
    std::optional<DecisionDetails> details =
        scripted ? std::optional(parse_scripted(*scripted))
                 : ask_decision_details(this, *service, action, context_.language);
    if (!details)
        return;
    if (details->reason_code == "*") {  // scripts: the service's first reason for this action
        const auto& reasons =
            action == model::Action::reject ? service->reject_reasons : service->return_reasons;
        details->reason_code = reasons.empty() ? "" : reasons.front().code;
    }
    try {
        sync::DecisionInput input{open_app_->number,
                                  action,
                                  details->reason_code,
                                  details->remark,
                                  application_->field_checks(),
                                  review_->document_checks()};
        const auto decision = sync::prepare_decision(*context_.workspace, context_.catalogue,
                                                     *context_.officer, input, now_utc());
        wxString unopened;
        for (const auto& name : review_->documents_not_opened())
            unopened += (unopened.empty() ? "" : ", ") + wxString::FromUTF8(name);
        if (!unopened.empty())
            unopened = wxString::Format(_("You have not opened: %s."), unopened);
        if (!scripted &&
            !confirm_signing(this, decision, crypto::canonical_decision_bytes(decision), unopened))
            return;
        sync::commit_decision(*context_.workspace, *context_.officer, *context_.signer, decision, now_utc());
        review_->after_decided(decision.application);
        // Only now, with decision and signature committed to the outbox, is the officer told it is saved.
        decisions_->set_actions({}, _("Saved — will be sent when online."));
        schedule_.decision_saved(std::chrono::steady_clock::now());
        update_status();
    } catch (const std::exception& e) {
        decisions_->set_message(wxString::FromUTF8(e.what()));
        if (!scripted)
            wxMessageBox(wxString::FromUTF8(e.what()), action_label(action), wxOK | wxICON_ERROR, this);
    }
}

void MainFrame::sync_now() {
    if (!context_.workspace || syncing_)
        return;
    if (!background_sync_) {
        sync_observer_ = std::make_unique<StatusBarObserver>(*status_);
        background_sync_ = std::make_unique<sync::BackgroundSync>(context_.workspace->dir(),
                                                                  context_.catalogue, *sync_observer_);
    }
    syncing_ = background_sync_->start([this](const sync::SyncReport& report) { on_sync_finished(report); });
    if (!syncing_)
        return;
    schedule_.started();
    status_->set_connection(StatusBar::Connection::syncing);
}

void MainFrame::on_sync_finished(const sync::SyncReport& report) {
    syncing_ = false;
    schedule_.finished(report.online, std::chrono::steady_clock::now());
    queue_->reload();
    update_status();
    review_->after_sync();
    if (report.needs_login)
        status_->set_connection(StatusBar::Connection::needs_login, wxString::FromUTF8(report.problem));
    else if (!report.online)
        on_schedule_tick();  // shows "offline — trying again in …" at once
    else
        status_->set_connection(StatusBar::Connection::online);
    if (!report.problem.empty())
        status_->set_message(wxString::FromUTF8(report.problem));
}

void MainFrame::on_schedule_tick() {
    const auto now = std::chrono::steady_clock::now();
    if (schedule_.due(now) && !syncing_)
        return sync_now();
    if (schedule_.online() || !schedule_.next())
        return;
    const auto left = std::chrono::ceil<std::chrono::seconds>(*schedule_.next() - now);
    status_->set_connection(
        StatusBar::Connection::offline,
        wxString::Format(_("trying again in %lld s"), static_cast<long long>(left.count())));
}

MainFrame::~MainFrame() = default;

}  // namespace jaanch::app
