// The Signer interface: something that holds an officer's private key and certificate and produces the
// officer's signature over a decision's canonical bytes (docs/signatures.md).
//
// Implementations: Pkcs12Signer (a .p12/.pfx file with a password) and Pkcs11Signer (a DSC on a USB token
// through the vendor's PKCS#11 module). Both produce the same thing: a DER CMS SignedData, detached, SHA-256,
// carrying the signer certificate (and the chain the key source has) and the CAdES-BES signed attributes
// content-type, message-digest, signing-time and signingCertificateV2.
//
// Errors: SigningError (crypto_error.h) with a SigningFailure kind; a wrong PIN is never retried here.
// Threads: sign() may be called from any thread; token signers serialise every token operation process-wide.
#pragma once

#include <string>
#include <string_view>

#include "crypto/crypto_error.h"
#include "util/time.h"

namespace jaanch::crypto {

class Signer {
  public:
    virtual ~Signer() = default;

    // DER of the signer certificate (what the hub registers for the officer, by its SHA-256).
    virtual std::string certificate_der() const = 0;

    // A human description of the key source, without secrets: "PKCS#12 file officer.p12",
    // "token \"JAANCH-TEST\" key …".
    virtual std::string description() const = 0;

    // Detached CMS (DER) over `canonical`, with `signing_time` in the signingTime attribute.
    virtual std::string sign_at(std::string_view canonical, Timestamp signing_time) = 0;

    // The same, signed now.
    std::string sign(std::string_view canonical) { return sign_at(canonical, now_utc()); }
};

}  // namespace jaanch::crypto
