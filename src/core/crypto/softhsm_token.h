// Creating a SoftHSM2 token that stands in for an officer's USB token (test PKI, tests, demo).
//
// SoftHSM reads its configuration from the file named by the SOFTHSM2_CONF environment variable when the
// module is initialised, so this sets SOFTHSM2_CONF for the whole process (to `dir`/softhsm2.conf) and keeps
// the token files in `dir`/tokens. Call it before any signer in the process loads SoftHSM, never while one is
// open. The key is stored through PKCS#11 (libp11), so it never passes through a file. Errors: SigningError
// (module_not_found, token_error) or CryptoError.
#pragma once

#include <filesystem>
#include <string>

#include <openssl/evp.h>
#include <openssl/x509.h>

#include "crypto/secure_buffer.h"

namespace jaanch::crypto {

inline constexpr const char* kSoftHsmModule = "/usr/lib/softhsm/libsofthsm2.so";

struct SoftHsmToken {
    std::filesystem::path config;  // the softhsm2.conf written
    std::string label;
    std::string serial;
};

struct SoftHsmTokenSpec {
    std::filesystem::path dir;
    std::filesystem::path module = kSoftHsmModule;
    std::string label;
    const SecretString* so_pin = nullptr;
    const SecretString* user_pin = nullptr;
    EVP_PKEY* key = nullptr;  // stored as a private key object (CKA_TOKEN, CKA_PRIVATE, CKA_SENSITIVE)
    X509* cert = nullptr;     // stored with the same CKA_ID and label; null: a key without a certificate
    std::string object_label;
    std::string object_id_hex;  // e.g. "01"
};

// Writes the config, points SOFTHSM2_CONF at it, initialises a new token in the first free slot and stores
// the key and certificate on it.
SoftHsmToken create_softhsm_token(const SoftHsmTokenSpec& spec);

}  // namespace jaanch::crypto
