// Errors of the signing and verification layer. A bad signature is not an error (see verifier.h:
// VerifyResult); these are the failures to do the work at all: a token that is missing or locked, a wrong
// PIN, an unreadable trust folder. Every message is a complete sentence saying what happened and what to do.
#pragma once

#include <string>
#include <string_view>

#include "util/error.h"

namespace jaanch::crypto {

// Base of every error raised by src/core/crypto.
class CryptoError : public Error {
  public:
    using Error::Error;
};

// Why signing could not happen. Callers branch on kind(): a wrong PIN must be reported to the officer and
// never retried automatically, because tokens lock after a few wrong tries.
enum class SigningFailure {
    wrong_pin,                 // the token refused the PIN (or the PKCS#12 password is wrong)
    pin_locked,                // the token's user PIN is locked after too many wrong tries
    pin_cancelled,             // the PIN prompt returned nothing
    module_not_found,          // the PKCS#11 module file is missing or is not a PKCS#11 module
    token_not_found,           // no token with that label / serial is present
    token_removed,             // the token went away after it was opened
    key_not_found,             // no private key with that id / label (on the token or in the file)
    certificate_not_found,     // a key without a certificate
    certificate_key_mismatch,  // the certificate does not belong to the key
    file_unreadable,           // a PKCS#12, password or PIN file cannot be read or parsed
    token_error,               // any other PKCS#11 failure, with the module's return code in the message
    signing_failed,            // the cryptographic operation itself failed
};

class SigningError : public CryptoError {
  public:
    SigningError(SigningFailure kind, const std::string& message) : CryptoError(message), kind_(kind) {}
    SigningFailure kind() const { return kind_; }

  private:
    SigningFailure kind_;
};

}  // namespace jaanch::crypto
