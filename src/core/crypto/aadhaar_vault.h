// Encryption of Aadhaar numbers at rest, after UIDAI's Aadhaar Data Vault rules: the number is stored only as
// AES-256-GCM ciphertext, and records are found again through a keyed lookup token (HMAC-SHA256), so
// duplicate detection never needs the plain number.
//
// The key is supplied by the caller and must not be kept beside the data it protects; where it lives (an HSM
// token, the OS keyring, a key file outside the workspace) is the workspace store's decision
// (store/vault_key.h). From the one 32-byte master key two independent keys are derived with HKDF-SHA256: one
// for encryption, one for tokens, so a leaked token key reveals nothing about ciphertexts.
//
// Sealed format: version byte 0x01 | 12-byte random nonce | ciphertext | 16-byte GCM tag. The caller's
// `context` (e.g. the application number and field path) is authenticated as associated data, so a
// ciphertext copied to another record fails to open.
//
// Thread-safety: a const AadhaarVault may be used from several threads. Errors: CryptoError.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "crypto/crypto_error.h"

namespace jaanch::crypto {

using Bytes = std::vector<std::uint8_t>;

class AadhaarVault {
  public:
    // Throws CryptoError unless `master_key` is exactly 32 bytes.
    explicit AadhaarVault(const Bytes& master_key);
    ~AadhaarVault();
    AadhaarVault(const AadhaarVault&) = delete;
    AadhaarVault& operator=(const AadhaarVault&) = delete;

    // Seals the number's digits (separators dropped: open gives 12 digits back).
    Bytes seal(std::string_view aadhaar, std::string_view context) const;
    // Seals text as it is (free text with an Aadhaar number inside).
    Bytes seal_text(std::string_view text, std::string_view context) const;
    // Throws CryptoError when the data was altered, sealed under another key or another context.
    std::string open(const Bytes& sealed, std::string_view context) const;
    // 64 lowercase hex characters; equal numbers give equal tokens under the same key. Separators are
    // ignored.
    std::string lookup_token(std::string_view aadhaar) const;

    static Bytes random_key();

  private:
    Bytes encryption_key_;
    Bytes token_key_;
};

}  // namespace jaanch::crypto
