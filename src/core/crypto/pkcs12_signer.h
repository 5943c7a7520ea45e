// A Signer over a PKCS#12 file (.p12 / .pfx) protected by a password: the software form of an officer's DSC.
//
// The file is read and decrypted once, in the constructor; the private key then lives only in this process's
// memory (OpenSSL frees it with cleansing) and is never written anywhere. The password is used once and stays
// the caller's SecretString. Files from older tools that use RC2/RC4-40 encryption are read by loading
// OpenSSL's "legacy" provider on demand.
//
// Errors (SigningError): file_unreadable (missing, not PKCS#12), wrong_pin (wrong password), key_not_found,
// certificate_not_found (a key without its certificate), certificate_key_mismatch.
// Threads: sign_at() may run on several threads at once (the key is read-only).
#pragma once

#include <filesystem>
#include <memory>

#include "crypto/secure_buffer.h"
#include "crypto/signer.h"

namespace jaanch::crypto {

class Pkcs12Signer final : public Signer {
  public:
    Pkcs12Signer(const std::filesystem::path& file, const SecretString& password);
    ~Pkcs12Signer() override;
    Pkcs12Signer(const Pkcs12Signer&) = delete;
    Pkcs12Signer& operator=(const Pkcs12Signer&) = delete;

    std::string certificate_der() const override;
    std::string description() const override;
    std::string sign_at(std::string_view canonical, Timestamp signing_time) override;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace jaanch::crypto
