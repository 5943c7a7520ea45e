#include "app/decide/decision_dialog.h"

#include "app/accessibility/accessibility.h"

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
    return a == model::Action::return_to_applicant || a == model::Action::escalate ||
           a == model::Action::send_back;
}

const std::vector<catalogue::ReasonCode>* reasons_for(const catalogue::ServiceDefinition& s,
                                                      model::Action a) {
    if (a == model::Action::reject)
        return &s.reject_reasons;
    if (a == model::Action::return_to_applicant)
        return &s.return_reasons;
    return nullptr;
}

}  // namespace

wxString action_label(model::Action action) {
    switch (action) {
        case model::Action::approve:
            return _("Approve");
        case model::Action::forward:
            return _("Forward");
        case model::Action::reject:
            return _("Reject");
        case model::Action::return_to_applicant:
            return _("Return to applicant");
        case model::Action::send_back:
            return _("Send back");
        case model::Action::escalate:
            return _("Escalate");
    }
    return {};
}

DecisionDetailsDialog::DecisionDetailsDialog(wxWindow* parent, const catalogue::ServiceDefinition& service,
                                             model::Action action, const std::string& language)
    : wxDialog(parent, wxID_ANY, action_label(action), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      action_(action),
      reasons_(reasons_for(service, action)) {
    SetName("decision");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    if (reasons_ != nullptr) {
        auto* label = new wxStaticText(this, wxID_ANY, _("Reason (required):"));
        sizer->Add(label, 0, wxALL, FromDIP(8));
        reason_ = new wxChoice(this, wxID_ANY);
        reason_->SetName("reason");
        for (const auto& r : *reasons_)
            reason_->Append(wxString::FromUTF8(r.label.in(language)));
        set_labelled_by(reason_, label);
        sizer->Add(reason_, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(8));
    }
    auto* remark_label = new wxStaticText(
        this, wxID_ANY, needs_remark(action) ? _("Remark (required):") : _("Remark (optional):"));
    sizer->Add(remark_label, 0, wxALL, FromDIP(8));
    remark_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, FromDIP(wxSize(460, 90)), wxTE_MULTILINE);
    remark_->SetName("remark");
    set_labelled_by(remark_, remark_label);
    sizer->Add(remark_, 1, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(8));
    sizer->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, FromDIP(8));
    SetSizerAndFit(sizer);
}

std::optional<DecisionDetails> DecisionDetailsDialog::details(wxString& missing) const {
    DecisionDetails details;
    details.remark = remark_->GetValue().utf8_string();
    if (reason_ != nullptr) {
        if (reason_->GetSelection() == wxNOT_FOUND) {
            missing = _("Choose a reason: the citizen is told which one.");
            return std::nullopt;
        }
        details.reason_code = (*reasons_)[static_cast<std::size_t>(reason_->GetSelection())].code;
    }
    if (needs_remark(action_) && remark_->GetValue().Trim().Trim(false).empty()) {
        missing = _("Write a remark: it is part of the signed decision.");
        return std::nullopt;
    }
    return details;
}

std::optional<DecisionDetails> ask_decision_details(wxWindow* parent,
                                                    const catalogue::ServiceDefinition& service,
                                                    model::Action action, const std::string& language) {
    DecisionDetailsDialog dialog(parent, service, action, language);
    while (dialog.ShowModal() == wxID_OK) {
        wxString missing;
        if (auto details = dialog.details(missing))
            return details;
        wxMessageBox(missing, action_label(action), wxOK, &dialog);
    }
    return std::nullopt;
}

SigningConfirmation::SigningConfirmation(wxWindow* parent, const model::Decision& decision,
                                         const std::string& canonical_bytes, const wxString& warning)
    : wxDialog(parent, wxID_ANY, _("Sign this decision?"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
    SetName("confirm_signing");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    auto* intro = new wxStaticText(
        this, wxID_ANY,
        wxString::Format(_("%s application %s. These exact bytes will be signed with your key:"),
                         action_label(decision.action), wxString::FromUTF8(decision.application)));
    sizer->Add(intro, 0, wxALL, FromDIP(8));
    if (!warning.empty()) {
        auto* note = new wxStaticText(this, wxID_ANY, warning);
        note->SetName("unopened_documents");
        note->SetForegroundColour(wxColour(160, 30, 30));
        note->Wrap(FromDIP(560));
        sizer->Add(note, 0, wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(8));
    }
    auto* text = new wxTextCtrl(this, wxID_ANY, wxString::FromUTF8(canonical_bytes), wxDefaultPosition,
                                FromDIP(wxSize(560, 160)), wxTE_MULTILINE | wxTE_READONLY | wxTE_BESTWRAP);
    text->SetName("signed_bytes");
    set_accessible_name(text, _("The decision as it will be signed"));
    sizer->Add(text, 1, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(8));
    auto* buttons = CreateStdDialogButtonSizer(wxOK | wxCANCEL);
    if (auto* ok = FindWindow(wxID_OK))
        ok->SetLabel(_("&Sign"));
    sizer->Add(buttons, 0, wxEXPAND | wxALL, FromDIP(8));
    SetSizerAndFit(sizer);
}

bool confirm_signing(wxWindow* parent, const model::Decision& decision, const std::string& canonical_bytes,
                     const wxString& warning) {
    SigningConfirmation dialog(parent, decision, canonical_bytes, warning);
    return dialog.ShowModal() == wxID_OK;
}

}  // namespace jaanch::app
