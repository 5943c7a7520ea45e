// The officer's signing key under the PIN policy chosen in Preferences (no wx).
//
// "Every time": the key (a DSC token session or a PKCS#12 file) is opened for one signature, which asks the
// PIN, and closed right after, so the next signature asks again. "For this session": it stays open after
// the first signature until forget() (log-out, lock, exit); the PIN itself is never kept here: the prompt's
// SecretString is wiped once the token accepted it, and libp11 wipes its copy when the session closes.
// A wrong PIN is the token's own error (SigningError wrong_pin) and is never retried; a locked token is
// refused by Pkcs11Signer before the prompt is asked.
// Threads: UI thread (the opener may show a dialog).
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "crypto/pkcs11_signer.h"
#include "crypto/signer.h"
#include "workstation/account_settings.h"

namespace jaanch::workstation {

class PolicySigner final : public crypto::Signer {
  public:
    // Opens the real key, asking for the PIN or password as it needs to.
    using Opener = std::function<std::unique_ptr<crypto::Signer>()>;

    PolicySigner(Opener opener, PinPolicy policy, std::string description);

    std::string certificate_der() const override;
    std::string description() const override { return description_; }
    std::string sign_at(std::string_view canonical, Timestamp signing_time) override;

    // Closes the key now (log-out, lock, exit).
    void forget();
    bool is_open() const { return open_ != nullptr; }
    PinPolicy policy() const { return policy_; }

  private:
    crypto::Signer& open() const;

    Opener opener_;
    PinPolicy policy_;
    std::string description_;
    mutable std::unique_ptr<crypto::Signer> open_;
    mutable std::string certificate_;  // public; kept so "every time" does not ask twice per decision
};

// An opener for the key chosen in `settings`; `ask` returns the PIN (token) or password (PKCS#12 file), or
// an empty secret when the officer cancels. Throws SigningError when the settings name no key.
PolicySigner::Opener opener_for(const AccountSettings& settings, crypto::PinPrompt ask);

}  // namespace jaanch::workstation
