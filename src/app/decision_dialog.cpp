#include "decision_dialog.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace jaanch::app {
namespace {

bool needs_remark(model::Action a) {
    return a == model::Action::return_to_applicant || a == model::Action::escalate || a == model::Action::send_back;
}

const std::vector<catalogue::ReasonCode>* reasons_for(const catalogue::ServiceDefinition& s, model::Action a) {
    if (a == model::Action::reject) return &s.reject_reasons;
    if (a == model::Action::return_to_applicant) return &s.return_reasons;
    return nullptr;
}

}  // namespace

wxString action_label(model::Action action) {
    switch (action) {
        case model::Action::approve: return _("Approve");
        case model::Action::forward: return _("Forward");
        case model::Action::reject: return _("Reject");
        case model::Action::return_to_applicant: return _("Return to applicant");
        case model::Action::send_back: return _("Send back");
        case model::Action::escalate: return _("Escalate");
    }
    return {};
}

std::optional<DecisionDetails> ask_decision_details(wxWindow* parent, const catalogue::ServiceDefinition& service,
                                                    model::Action action, const std::string& language) {
    wxDialog dialog(parent, wxID_ANY, action_label(action), wxDefaultPosition, wxDefaultSize,
                    wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER);
    dialog.SetName("decision");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    wxChoice* reason = nullptr;
    const auto* reasons = reasons_for(service, action);
    if (reasons != nullptr) {
        sizer->Add(new wxStaticText(&dialog, wxID_ANY, _("Reason (required):")), 0, wxALL, dialog.FromDIP(8));
        reason = new wxChoice(&dialog, wxID_ANY);
        reason->SetName("reason");
        for (const auto& r : *reasons) reason->Append(wxString::FromUTF8(r.label.in(language)));
        sizer->Add(reason, 0, wxEXPAND | wxLEFT | wxRIGHT, dialog.FromDIP(8));
    }
    const wxString remark_prompt = needs_remark(action) ? _("Remark (required):") : _("Remark (optional):");
    sizer->Add(new wxStaticText(&dialog, wxID_ANY, remark_prompt), 0, wxALL, dialog.FromDIP(8));
    auto* remark = new wxTextCtrl(&dialog, wxID_ANY, "", wxDefaultPosition, dialog.FromDIP(wxSize(460, 90)),
                                  wxTE_MULTILINE);
    remark->SetName("remark");
    sizer->Add(remark, 1, wxEXPAND | wxLEFT | wxRIGHT, dialog.FromDIP(8));
    sizer->Add(dialog.CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, dialog.FromDIP(8));
    dialog.SetSizerAndFit(sizer);
    while (dialog.ShowModal() == wxID_OK) {
        DecisionDetails details;
        details.remark = remark->GetValue().utf8_string();
        if (reason != nullptr) {
            if (reason->GetSelection() == wxNOT_FOUND) {
                wxMessageBox(_("Choose a reason: the citizen is told which one."), action_label(action), wxOK, &dialog);
                continue;
            }
            details.reason_code = (*reasons)[static_cast<std::size_t>(reason->GetSelection())].code;
        }
        if (needs_remark(action) && remark->GetValue().Trim().Trim(false).empty()) {
            wxMessageBox(_("Write a remark: it is part of the signed decision."), action_label(action), wxOK, &dialog);
            continue;
        }
        return details;
    }
    return std::nullopt;
}

bool confirm_signing(wxWindow* parent, const model::Decision& decision, const std::string& canonical_bytes,
                     const wxString& warning) {
    wxDialog dialog(parent, wxID_ANY, _("Sign this decision?"), wxDefaultPosition, wxDefaultSize,
                    wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER);
    dialog.SetName("confirm_signing");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(new wxStaticText(&dialog, wxID_ANY,
                                wxString::Format(_("%s application %s. These exact bytes will be signed with your key:"),
                                                 action_label(decision.action),
                                                 wxString::FromUTF8(decision.application))),
               0, wxALL, dialog.FromDIP(8));
    if (!warning.empty()) {
        auto* note = new wxStaticText(&dialog, wxID_ANY, warning);
        note->SetName("unopened_documents");
        note->SetForegroundColour(wxColour(160, 30, 30));
        note->Wrap(dialog.FromDIP(560));
        sizer->Add(note, 0, wxLEFT | wxRIGHT | wxBOTTOM, dialog.FromDIP(8));
    }
    auto* text = new wxTextCtrl(&dialog, wxID_ANY, wxString::FromUTF8(canonical_bytes), wxDefaultPosition,
                                dialog.FromDIP(wxSize(560, 160)), wxTE_MULTILINE | wxTE_READONLY | wxTE_BESTWRAP);
    text->SetName("signed_bytes");
    sizer->Add(text, 1, wxEXPAND | wxLEFT | wxRIGHT, dialog.FromDIP(8));
    auto* buttons = dialog.CreateStdDialogButtonSizer(wxOK | wxCANCEL);
    if (auto* ok = dialog.FindWindow(wxID_OK)) ok->SetLabel(_("&Sign"));
    sizer->Add(buttons, 0, wxEXPAND | wxALL, dialog.FromDIP(8));
    dialog.SetSizerAndFit(sizer);
    return dialog.ShowModal() == wxID_OK;
}

}  // namespace jaanch::app
