// Asking for the token PIN (or the PKCS#12 password) at a signature: masked input, the token named, and a
// warning when an earlier PIN was wrong or one more wrong PIN locks the token. UI thread only.
#pragma once

#include <wx/dialog.h>

#include "crypto/pkcs11_signer.h"

class wxTextCtrl;

namespace jaanch::app {

// Returns the PIN, or an empty secret when the officer cancels.
crypto::SecretString ask_pin(wxWindow* parent, const crypto::PinRequest& request);

// The dialog behind ask_pin, for callers that show it another way (the accessibility survey).
class PinDialog : public wxDialog {
  public:
    PinDialog(wxWindow* parent, const crypto::PinRequest& request);
    ~PinDialog() override;  // overwrites the field's buffer
    // The PIN typed; take it once, after the dialog ended with wxID_OK.
    crypto::SecretString take_pin();

  private:
    wxTextCtrl* field_ = nullptr;
};

}  // namespace jaanch::app
