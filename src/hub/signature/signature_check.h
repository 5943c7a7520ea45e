// The seam through which the hub verifies an officer's decision signature.
//
// The hub calls verify() for every decision before the workflow rules run: the CMS (PKCS#7) detached
// signature must be valid over `signed_bytes` (the canonical bytes of the decision), made by the certificate
// registered for the officer (SHA-256 of its DER equal to `registered_certificate_sha256`), and that
// certificate must chain to the hub's trust anchors. Implementations are thread-safe; verify() runs on HTTP
// worker threads, outside any lock.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "model/decision.h"

namespace jaanch::hub {

struct SignatureVerdict {
    bool ok = false;
    std::string code;     // "bad_signature", "certificate_mismatch", "untrusted_certificate" … when !ok
    std::string message;  // a complete sentence when !ok
};

class SignatureCheck {
  public:
    virtual ~SignatureCheck() = default;
    virtual SignatureVerdict verify(std::string_view cms_der, std::string_view signed_bytes,
                                    const std::string& registered_certificate_sha256) const = 0;
};

// The bytes an officer signs for a decision (docs/signatures.md): the canonical JSON of the decision.
std::string decision_signed_bytes(const model::Decision& decision);

}  // namespace jaanch::hub
