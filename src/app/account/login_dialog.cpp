#include "app/account/login_dialog.h"

#include "app/accessibility/accessibility.h"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace jaanch::app {
namespace {

// A label and its field, label first so tab order and reading order agree; the field gets a wx name (scripts
// and tests find it) and the label text as its help text.
wxTextCtrl* add_field(wxWindow* parent, wxFlexGridSizer* grid, const wxString& label, const char* name,
                      const std::string& value, long style = 0) {
    auto* text = new wxStaticText(parent, wxID_ANY, label);
    auto* field = new wxTextCtrl(parent, wxID_ANY, wxString::FromUTF8(value), wxDefaultPosition,
                                 wxSize(parent->FromDIP(320), -1), style);
    field->SetName(name);
    field->SetHelpText(wxStripMenuCodes(label));
    set_labelled_by(field, text);
    grid->Add(text, 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(field, 1, wxEXPAND);
    return field;
}

}  // namespace

LoginDialog::LoginDialog(wxWindow* parent, const workstation::AccountSettings& remembered,
                         bool offline_possible)
    : wxDialog(parent, wxID_ANY, _("Log in to the hub"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      offline_possible_(offline_possible) {
    SetName("login");
    auto* grid = new wxFlexGridSizer(2, FromDIP(8), FromDIP(12));
    grid->AddGrowableCol(1);
    hub_ = add_field(this, grid, _("&Hub address:"), "hub", remembered.hub_url);
    user_ = add_field(this, grid, _("&User name:"), "user", remembered.user);
    password_ = add_field(this, grid, _("&Password:"), "password", "", wxTE_PASSWORD | wxTE_PROCESS_ENTER);
    totp_ = add_field(this, grid, _("One-time &code:"), "totp", "", wxTE_PROCESS_ENTER);
    totp_label_ = dynamic_cast<wxStaticText*>(grid->GetItem(grid->GetItemCount() - 2)->GetWindow());
    totp_->Hide();
    totp_label_->Hide();
    error_ = new wxStaticText(this, wxID_ANY, "");
    error_->SetName("login_error");
    error_->SetForegroundColour(wxColour(176, 0, 32));
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    offline_ = new wxButton(this, kWorkOffline, _("Work &offline"));
    offline_->SetName("work_offline");
    offline_->Hide();
    auto* ok = new wxButton(this, wxID_OK, _("&Log in"));
    ok->SetName("log_in");
    ok->SetDefault();
    auto* cancel = new wxButton(this, wxID_CANCEL, _("Cancel"));
    buttons->Add(offline_, 0, wxRIGHT, FromDIP(8));
    buttons->AddStretchSpacer();
    buttons->Add(ok, 0, wxRIGHT, FromDIP(8));
    buttons->Add(cancel);
    auto* outer = new wxBoxSizer(wxVERTICAL);
    outer->Add(grid, 0, wxEXPAND | wxALL, FromDIP(12));
    outer->Add(error_, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(12));
    outer->Add(buttons, 0, wxEXPAND | wxALL, FromDIP(12));
    SetSizerAndFit(outer);
    // Focus where the officer types next: usually only the password is missing.
    (remembered.hub_url.empty() ? hub_ : remembered.user.empty() ? user_ : password_)->SetFocus();
    Bind(
        wxEVT_BUTTON, [this](wxCommandEvent&) { try_login(); }, wxID_OK);
    Bind(
        wxEVT_BUTTON, [this](wxCommandEvent&) { EndModal(kWorkOffline); }, kWorkOffline);
    password_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { try_login(); });
    totp_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { try_login(); });
}

void LoginDialog::fill(const std::string& hub, const std::string& user, const std::string& password,
                       const std::string& totp) {
    hub_->ChangeValue(wxString::FromUTF8(hub));
    user_->ChangeValue(wxString::FromUTF8(user));
    password_->ChangeValue(wxString::FromUTF8(password));
    totp_->ChangeValue(wxString::FromUTF8(totp));
}

std::string LoginDialog::hub() const {
    return hub_->GetValue().Strip(wxString::both).utf8_string();
}
std::string LoginDialog::user() const {
    return user_->GetValue().Strip(wxString::both).utf8_string();
}
wxString LoginDialog::error_text() const {
    return error_->GetLabel();
}
bool LoginDialog::asks_totp() const {
    return totp_->IsShown();
}

void LoginDialog::show_error(const wxString& text) {
    error_->SetLabel(text);
    error_->Wrap(FromDIP(420));
    Layout();
    Fit();
}

bool LoginDialog::try_login() {
    const crypto::SecretString password(password_->GetValue().utf8_string());
    wxBusyCursor busy;
    const workstation::LoginAttempt a = workstation::attempt_login(
        hub(), user(), password, totp_->GetValue().Strip(wxString::both).utf8_string());
    switch (a.outcome) {
        case workstation::LoginOutcome::ok:
            login_ = a.login;
            password_->ChangeValue("");
            if (IsModal())
                EndModal(wxID_OK);
            return true;
        case workstation::LoginOutcome::totp_required:
            totp_->Show();
            totp_label_->Show();
            show_error(
                _("This account needs the 6-digit code from your authenticator app. Enter it and log in "
                  "again."));
            totp_->SetFocus();
            return false;
        case workstation::LoginOutcome::wrong_totp:
            totp_->ChangeValue("");
            show_error(wxString::FromUTF8(a.message));
            totp_->SetFocus();
            return false;
        case workstation::LoginOutcome::refused:
            password_->ChangeValue("");
            show_error(wxString::FromUTF8(a.message));
            password_->SetFocus();
            return false;
        case workstation::LoginOutcome::unreachable:
            offline_->Show(offline_possible_);
            show_error(wxString::FromUTF8(a.message) + "\n" +
                       (offline_possible_ ? _("Check the address and the network, or work offline with your "
                                              "workspace: decisions wait in the outbox until you are online.")
                                          : _("Check the address and the network, then try again.")));
            return false;
    }
    return false;
}

}  // namespace jaanch::app
