// Asking for the token PIN (or the PKCS#12 password) at a signature: masked input, the token named, and a
// warning when an earlier PIN was wrong or one more wrong PIN locks the token. UI thread only.
#pragma once

#include <wx/window.h>

#include "crypto/pkcs11_signer.h"

namespace jaanch::app {

// Returns the PIN, or an empty secret when the officer cancels.
crypto::SecretString ask_pin(wxWindow* parent, const crypto::PinRequest& request);

}  // namespace jaanch::app
