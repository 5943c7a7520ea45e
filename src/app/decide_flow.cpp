// The frame's decision and sync actions: the flows that go from a click to core and back.
#include <thread>

#include <wx/app.h>

#include <wx/intl.h>
#include <wx/msgdlg.h>

#include "application_panel.h"
#include "decision_bar.h"
#include "decision_dialog.h"
#include "crypto/canonical_json.h"
#include "main_frame.h"
#include "queue_panel.h"
#include "review_controller.h"
#include "sync/local_decision.h"
#include "sync/background_sync.h"
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
    explicit StatusBarObserver(wxFrame& frame) : frame_(frame) {}
    void on_progress(const sync::SyncProgress& p) override {
        if (p.items_total == 0) return;
        frame_.SetStatusText(wxString::Format(_("Syncing: %llu of %llu"), static_cast<unsigned long long>(p.items_done),
                                              static_cast<unsigned long long>(p.items_total)),
                             0);
    }
    void on_status(const sync::SyncStatus& s) override { frame_.SetStatusText(wxString::FromUTF8(s.message), 0); }
    void on_notice(const sync::SyncNotice&) override {}

private:
    wxFrame& frame_;
};

}  // namespace

void MainFrame::decide(model::Action action, const std::optional<std::string>& scripted) {
    if (!open_app_ || !context_.officer || !context_.workspace) return;
    if (!decisions_->allows(action)) return;
    if (!context_.signer) {
        wxMessageBox(_("No signing key is set up. Choose your DSC token or PKCS#12 file, then decide again."),
                     action_label(action), wxOK | wxICON_WARNING, this);
        return;
    }
    const auto* service = context_.catalogue.find(open_app_->service_id, open_app_->service_version);
    std::optional<DecisionDetails> details =
        scripted ? std::optional(parse_scripted(*scripted)) : ask_decision_details(this, *service, action, context_.language);
    if (!details) return;
    if (details->reason_code == "*") {  // scripts: the service's first reason for this action
        const auto& reasons = action == model::Action::reject ? service->reject_reasons : service->return_reasons;
        details->reason_code = reasons.empty() ? "" : reasons.front().code;
    }
    try {
        sync::DecisionInput input{open_app_->number, action, details->reason_code, details->remark,
                                  application_->field_checks(), review_->document_checks()};
        const auto decision = sync::prepare_decision(*context_.workspace, context_.catalogue, *context_.officer, input,
                                                     now_utc());
        wxString unopened;
        for (const auto& name : review_->documents_not_opened())
            unopened += (unopened.empty() ? "" : ", ") + wxString::FromUTF8(name);
        if (!unopened.empty()) unopened = wxString::Format(_("You have not opened: %s."), unopened);
        if (!scripted && !confirm_signing(this, decision, crypto::canonical_decision_bytes(decision), unopened)) return;
        sync::commit_decision(*context_.workspace, *context_.officer, *context_.signer, decision, now_utc());
        review_->after_decided(decision.application);
        // Only now, with decision and signature committed to the outbox, is the officer told it is saved.
        decisions_->set_actions({}, _("Saved — will be sent when online."));
        update_status();
    } catch (const std::exception& e) {
        decisions_->set_message(wxString::FromUTF8(e.what()));
        if (!scripted) wxMessageBox(wxString::FromUTF8(e.what()), action_label(action), wxOK | wxICON_ERROR, this);
    }
}

void MainFrame::sync_now() {
    if (!context_.workspace || syncing_) return;
    if (!background_sync_) {
        sync_observer_ = std::make_unique<StatusBarObserver>(*this);
        background_sync_ =
            std::make_unique<sync::BackgroundSync>(context_.workspace->dir(), context_.catalogue, *sync_observer_);
    }
    syncing_ = background_sync_->start([this](const sync::SyncReport& report) {
        syncing_ = false;
        queue_->reload();
        update_status();
        review_->after_sync();
        if (!report.problem.empty()) SetStatusText(wxString::FromUTF8(report.problem), 0);
    });
    if (syncing_) SetStatusText(_("Syncing…"), 0);
}

MainFrame::~MainFrame() = default;

}  // namespace jaanch::app

namespace jaanch::app {

bool MainFrame::run_script_step(const std::string& step) {
    if (auto handled = review_->run_script_step(step)) return *handled;
    if (step == "wait") {
        while (syncing_) wxYield();  // dispatch::to_main tasks arrive through CallAfter while yielding
        return true;
    }
    const auto eq = step.find('=');
    if (eq == std::string::npos || step.rfind("decide/", 0) != 0) return commands_.run(step);
    static const std::pair<const char*, model::Action> ids[] = {
        {"decide/approve", model::Action::approve},   {"decide/forward", model::Action::forward},
        {"decide/reject", model::Action::reject},     {"decide/return", model::Action::return_to_applicant},
        {"decide/send_back", model::Action::send_back}, {"decide/escalate", model::Action::escalate}};
    for (const auto& [id, action] : ids) {
        if (step.compare(0, eq, id) != 0) continue;
        if (!decisions_->allows(action)) return false;
        decide(action, step.substr(eq + 1));
        return true;
    }
    return false;
}

}  // namespace jaanch::app
