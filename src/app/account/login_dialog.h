// The log-in dialog: hub address, user name, password, and a one-time code field that appears when the hub
// asks for one. Remembers the hub and user (account_settings); never the password. When the hub cannot be
// reached and the workspace holds an earlier session, "Work offline" opens that workspace without logging in.
// The attempt itself is attempt_login() (account_settings.h); this only shows and collects. UI thread only.
#pragma once

#include <optional>

#include <wx/dialog.h>

#include "workstation/account_settings.h"

class wxButton;
class wxStaticText;
class wxTextCtrl;

namespace jaanch::app {

// ShowModal(): wxID_OK (logged in: login() is set), kWorkOffline, or wxID_CANCEL.
inline constexpr int kWorkOffline = wxID_HIGHEST + 701;

class LoginDialog : public wxDialog {
  public:
    LoginDialog(wxWindow* parent, const workstation::AccountSettings& remembered, bool offline_possible);

    // Fills the fields and presses "Log in" (scripts drive the real widgets through this).
    void fill(const std::string& hub, const std::string& user, const std::string& password,
              const std::string& totp);
    // One attempt with what the fields hold; returns true when logged in (the dialog then ends with wxID_OK).
    bool try_login();

    const std::optional<sync::Login>& login() const { return login_; }
    std::string hub() const;
    std::string user() const;
    wxString error_text() const;
    bool asks_totp() const;

  private:
    void show_error(const wxString& text);

    wxTextCtrl* hub_ = nullptr;
    wxTextCtrl* user_ = nullptr;
    wxTextCtrl* password_ = nullptr;
    wxTextCtrl* totp_ = nullptr;
    wxStaticText* totp_label_ = nullptr;
    wxStaticText* error_ = nullptr;
    wxButton* offline_ = nullptr;
    bool offline_possible_ = false;
    std::optional<sync::Login> login_;
};

}  // namespace jaanch::app
