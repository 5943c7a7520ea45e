// Preferences: the language (applied at once), the signing key (a DSC token through its PKCS#11 module, or
// a PKCS#12 file) and the PIN policy. Saved in the settings file by the caller; never a PIN. UI thread only.
#pragma once

#include <wx/dialog.h>

#include "crypto/token_watcher.h"
#include "workstation/account_settings.h"

class wxChoice;
class wxComboBox;
class wxFilePickerCtrl;
class wxListBox;
class wxRadioBox;
class wxStaticText;

namespace jaanch::app {

class PreferencesDialog : public wxDialog {
  public:
    PreferencesDialog(wxWindow* parent, const workstation::AccountSettings& settings);

    // The settings as the dialog shows them now.
    workstation::AccountSettings settings() const;
    // Scripts: choose the token whose label is `label` in `module` (rescanning); false when it is not there.
    bool choose_token(const std::string& module, const std::string& label);
    void set_pin_policy(workstation::PinPolicy policy);

  private:
    void rescan();
    void show_selection();

    workstation::AccountSettings base_;
    wxChoice* language_ = nullptr;
    wxRadioBox* source_ = nullptr;
    wxComboBox* module_ = nullptr;
    wxListBox* tokens_ = nullptr;
    wxStaticText* token_note_ = nullptr;
    wxFilePickerCtrl* p12_ = nullptr;
    wxRadioBox* policy_ = nullptr;
    std::vector<crypto::TokenInfo> found_;
};

}  // namespace jaanch::app
