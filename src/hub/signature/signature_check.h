// The seam through which the hub verifies an officer's decision signature.
//
// The hub calls verify() for every decision before the workflow rules run: the CMS (PKCS#7) detached
// signature must be valid over `signed_bytes` (the canonical bytes of the decision), made by the certificate
// registered for the officer (SHA-256 of its DER equal to `registered_certificate_sha256`), and that
// certificate must chain to the hub's trust anchors and not be revoked at `received_at` (the time the hub
// received the decision: docs/signatures.md § revocation). Implementations are thread-safe; verify() runs on
// HTTP worker threads, outside any lock.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "model/decision.h"
#include "util/time.h"

namespace jaanch::hub {

struct SignatureVerdict {
    bool ok = false;
    std::string code;     // the verifier's reason ("content_mismatch", "revoked" …) when !ok
    std::string message;  // a complete sentence when !ok
    // Who signed, by certificate, whenever the certificate could be read (model::ActionRecord's signer
    // fields).
    std::string certificate_sha256;
    std::string key_sha256;
    // Set when the signature was accepted on a CRL past its nextUpdate (the hub's stale policy is "warn"):
    // the sentence the hub audits as `crl_stale`.
    std::string crl_warning;
};

class SignatureCheck {
  public:
    virtual ~SignatureCheck() = default;
    virtual SignatureVerdict verify(std::string_view cms_der, std::string_view signed_bytes,
                                    const std::string& registered_certificate_sha256,
                                    Timestamp received_at) const = 0;
};

// The bytes an officer signs for a decision (docs/signatures.md): the canonical JSON of the decision.
std::string decision_signed_bytes(const model::Decision& decision);

}  // namespace jaanch::hub
