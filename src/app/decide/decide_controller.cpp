#include "app/decide/decide_controller.h"

#include <algorithm>
#include <cstdio>
#include <iterator>

#include <wx/button.h>
#include <wx/dialog.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>

#include "app/application/application_controller.h"
#include "app/application/application_panel.h"
#include "app/decide/decision_bar.h"
#include "app/decide/decision_dialog.h"
#include "app/main/context.h"
#include "app/review/review_controller.h"
#include "app/review/review_pane.h"
#include "app/status/sync_controller.h"
#include "crypto/canonical_json.h"
#include "sync/local_decision.h"
#include "workflow/workflow.h"
#include "workstation/decision_draft.h"

namespace jaanch::app {
namespace {

wxString outbox_state_label(store::OutboxState s) {
    switch (s) {
        case store::OutboxState::pending:
            return _("waiting");
        case store::OutboxState::sending:
            return _("sending");
        case store::OutboxState::accepted:
            return _("sent");
        case store::OutboxState::rejected:
            return _("rejected by the hub");
        case store::OutboxState::conflict:
            return _("conflict");
    }
    return {};
}

wxString translated_action(model::Action action) {
    return wxGetTranslation(wxString::FromUTF8(std::string(model::action_name(action))));
}

// "caste_proof (1 of 3 pages opened), photo (never opened)": workflow::describe_gaps, translated.
wxString translated_gaps(const std::vector<workflow::ReviewGap>& gaps) {
    wxString out;
    for (const auto& g : gaps) {
        const wxString document = wxString::FromUTF8(g.document);
        out += out.empty() ? "" : ", ";
        out += g.pages_total == 0 ? wxString::Format(_("%s (never opened)"), document)
                                  : wxString::Format(_("%s (%u of %u pages opened)"), document,
                                                     static_cast<unsigned>(g.pages_opened),
                                                     static_cast<unsigned>(g.pages_total));
    }
    return out;
}

wxString review_note(const std::vector<model::Action>& held, const std::vector<workflow::ReviewGap>& gaps) {
    const bool approve = std::find(held.begin(), held.end(), model::Action::approve) != held.end();
    const bool forward = std::find(held.begin(), held.end(), model::Action::forward) != held.end();
    const wxString what = translated_gaps(gaps);
    if (approve && forward)
        return wxString::Format(_("Open before approving or forwarding: %s"), what);
    return wxString::Format(approve ? _("Open before approving: %s") : _("Open before forwarding: %s"), what);
}

}  // namespace

DecideController::DecideController(Context& context, DecisionBar& bar) : context_(context), bar_(bar) {}

void DecideController::refresh_review() {
    if (offering_)
        refresh_actions();
}

void DecideController::refresh_actions() {
    offering_ = false;
    const auto& open = context_.application->current();
    if (!open)
        return bar_.set_actions({}, "");
    const auto* service = context_.application->service();
    const auto& officer = context_.session.officer;
    if (!officer || service == nullptr)
        return bar_.set_actions({}, _("Log in to decide (read-only)."));
    const auto verdict = workflow::may_act(*service, *open, *officer);
    const auto allowed = workflow::allowed_actions(*service, *open, *officer);
    if (!verdict.ok())
        return bar_.set_actions(allowed, wxString::FromUTF8(verdict.message));
    // The review requirement holds approve and forward back until the documents are opened: the same gaps
    // prepare_decision would refuse with, so the bar never offers what would only be refused.
    offering_ = true;
    std::vector<model::Action> held;
    const auto gaps = context_.review->review_gaps();
    if (!gaps.empty())
        std::copy_if(allowed.begin(), allowed.end(), std::back_inserter(held), workflow::review_required_for);
    bar_.set_actions(allowed, held.empty() ? wxString() : review_note(held, gaps), held);
}

bool DecideController::decide_scripted(model::Action action, const std::string& scripted) {
    if (bar_.held_back(action)) {
        // Said where the officer would see it and where the script's reader does: the step fails.
        refresh_review();
        std::fprintf(stderr, "jaanch: decide/%s refused: %s\n",
                     std::string(model::action_name(action)).c_str(), bar_.message().utf8_string().c_str());
        return false;
    }
    if (!bar_.allows(action))
        return false;
    return decide(action, scripted);
}

void DecideController::set_read_only(const wxString& why) {
    offering_ = false;
    bar_.set_actions({}, why);
}

bool DecideController::decide(model::Action action, const std::optional<std::string>& scripted) {
    auto& session = context_.session;
    const auto& open = context_.application->current();
    if (!open || !session.officer || !session.workspace || !bar_.allows(action))
        return false;
    if (!session.signer) {
        wxMessageBox(_("No signing key is set up. Choose your DSC token or PKCS#12 file, then decide again."),
                     action_label(action), wxOK | wxICON_WARNING, context_.window);
        return false;
    }
    const auto* service = context_.application->service();
    std::optional<workstation::DecisionDraft> draft;
    if (scripted) {
        draft = workstation::parse_scripted_draft(*scripted);
    } else if (auto asked = ask_decision_details(context_.window, *service, action, session.language)) {
        draft = workstation::DecisionDraft{asked->reason_code, asked->remark};
    }
    if (!draft)
        return false;
    workstation::resolve_first_reason(*draft, *service, action);
    try {
        const auto decision =
            sync::prepare_decision(*session.workspace, session.catalogue, *session.officer,
                                   workstation::decision_input(open->number, action, *draft,
                                                               context_.application->form().field_checks(),
                                                               context_.review->document_checks()),
                                   now_utc());
        wxString unopened;
        for (const auto& name : context_.review->documents_not_opened())
            unopened += (unopened.empty() ? "" : ", ") + wxString::FromUTF8(name);
        if (!unopened.empty())
            unopened = wxString::Format(_("You have not opened: %s."), unopened);
        if (!scripted &&
            !confirm_signing(context_.window, decision, crypto::canonical_decision_bytes(decision), unopened))
            return false;
        sync::commit_decision(*session.workspace, *session.officer, *session.signer, decision, now_utc());
        context_.review->after_decided(decision.application);
        // Only now, with decision and signature committed to the outbox, is the officer told it is saved.
        offering_ = false;
        bar_.set_actions({}, _("Saved — will be sent when online."));
        context_.sync->decision_saved();
        context_.sync->update_status();
        return true;
    } catch (const std::exception& e) {
        bar_.set_message(wxString::FromUTF8(e.what()));
        if (scripted)
            std::fprintf(stderr, "jaanch: decide/%s failed: %s\n",
                         std::string(model::action_name(action)).c_str(), e.what());
        else
            wxMessageBox(wxString::FromUTF8(e.what()), action_label(action), wxOK | wxICON_ERROR,
                         context_.window);
        return false;
    }
}

bool DecideController::recall_open() {
    auto& session = context_.session;
    const auto& open = context_.application->current();
    if (!open || !session.workspace)
        return false;
    for (const auto& e : session.workspace->outbox().list(store::OutboxState::pending)) {
        if (e.decision.application != open->number)
            continue;
        if (!context_.unattended &&
            wxMessageBox(
                wxString::Format(_("Take back the decision \"%s\" on %s? It has not left this workstation."),
                                 translated_action(e.decision.action), wxString::FromUTF8(open->number)),
                _("Recall decision"), wxYES_NO | wxICON_QUESTION, context_.window) != wxYES)
            return false;
        try {
            sync::recall_decision(*session.workspace, session.officer ? session.officer->id : "",
                                  e.decision.id, now_utc());
        } catch (const std::exception& ex) {
            bar_.set_message(wxString::FromUTF8(ex.what()));
            if (!context_.unattended)
                wxMessageBox(wxString::FromUTF8(ex.what()), _("Recall decision"), wxOK | wxICON_ERROR,
                             context_.window);
            return false;
        }
        context_.application->reopen();  // the decision bar offers the actions again
        context_.review->set_banner(_("Decision recalled: it will not be sent. Decide again when ready."),
                                    false);
        context_.sync->update_status();
        return true;
    }
    return false;
}

void DecideController::show_outbox() {
    if (!context_.session.workspace)
        return;
    auto& workspace = *context_.session.workspace;
    wxWindow* parent = context_.window;
    auto* dialog = new wxDialog(parent, wxID_ANY, _("Outbox"), wxDefaultPosition,
                                parent->FromDIP(wxSize(900, 420)), wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER);
    dialog->SetName("outbox");
    auto* list =
        new wxListCtrl(dialog, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    list->SetName("outbox_list");
    const std::pair<const char*, int> columns[] = {
        {"Application", 170}, {"Action", 110}, {"State", 140}, {"Saved", 150}, {"Hub's message", 300}};
    for (const auto& [title, width] : columns)
        list->AppendColumn(wxGetTranslation(title), wxLIST_FORMAT_LEFT, dialog->FromDIP(width));
    auto entries = std::make_shared<std::vector<store::OutboxEntry>>();
    auto fill = [list, entries, &workspace] {
        *entries = workspace.outbox().list();
        list->DeleteAllItems();
        for (std::size_t i = 0; i < entries->size(); ++i) {
            const auto& e = (*entries)[i];
            const long row =
                list->InsertItem(static_cast<long>(i), wxString::FromUTF8(e.decision.application));
            list->SetItem(row, 1, translated_action(e.decision.action));
            list->SetItem(row, 2, outbox_state_label(e.state));
            list->SetItem(row, 3, wxString::FromUTF8(format_timestamp(e.created_at)));
            list->SetItem(row, 4,
                          wxString::FromUTF8(e.state == store::OutboxState::accepted ? "" : e.hub_message));
        }
    };
    fill();
    auto* recall = new wxButton(dialog, wxID_ANY, _("&Recall selected"));
    recall->Bind(wxEVT_BUTTON, [this, list, entries, fill, &workspace](wxCommandEvent&) {
        const long row = list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
        if (row < 0)
            return;
        const auto& officer = context_.session.officer;
        try {
            sync::recall_decision(workspace, officer ? officer->id : "",
                                  (*entries)[static_cast<std::size_t>(row)].decision.id, now_utc());
        } catch (const std::exception& e) {
            wxMessageBox(wxString::FromUTF8(e.what()), _("Recall decision"), wxOK | wxICON_ERROR);
        }
        fill();
        context_.sync->update_status();
    });
    recall->Bind(wxEVT_UPDATE_UI, [list, entries](wxUpdateUIEvent& e) {
        const long row = list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
        e.Enable(row >= 0 && static_cast<std::size_t>(row) < entries->size() &&
                 (*entries)[static_cast<std::size_t>(row)].state == store::OutboxState::pending);
    });
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(list, 1, wxEXPAND | wxALL, dialog->FromDIP(8));
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(recall, 0, wxRIGHT, dialog->FromDIP(8));
    buttons->AddStretchSpacer();
    buttons->Add(new wxButton(dialog, wxID_CLOSE), 0);
    dialog->Bind(
        wxEVT_BUTTON, [dialog](wxCommandEvent&) { dialog->Destroy(); }, wxID_CLOSE);
    dialog->Bind(wxEVT_CLOSE_WINDOW, [dialog](wxCloseEvent&) { dialog->Destroy(); });
    sizer->Add(buttons, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, dialog->FromDIP(8));
    dialog->SetSizer(sizer);
    dialog->Show();
}

void DecideController::print_outbox() const {
    if (!context_.session.workspace)
        return;
    for (const auto& e : context_.session.workspace->outbox().list()) {
        std::printf("%s\n", json::Json{{"number", e.decision.application},
                                       {"decision", e.decision.id},
                                       {"action", model::action_name(e.decision.action)},
                                       {"state", store::outbox_state_name(e.state)},
                                       {"hub_message", e.hub_message}}
                                .dump()
                                .c_str());
    }
    std::fflush(stdout);
}

}  // namespace jaanch::app
