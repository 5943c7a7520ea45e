// A Signer over a DSC on a USB token (ProxKey, ePass2003, mToken …) or any PKCS#11 device, through the
// vendor's PKCS#11 module (a .so). SoftHSM2 stands in for a token in tests and the demo.
//
// How: libp11's own API (PKCS11_CTX_load, PKCS11_login, PKCS11_get_private_key) gives an OpenSSL EVP_PKEY
// whose private operations run on the token; CMS is then built by OpenSSL as for a software key
// (docs/signatures.md explains why libp11's API rather than the deprecated ENGINE interface).
//
// Lifecycle: the constructor loads the module, finds the token (by label or serial), refuses a locked token
// without asking for the PIN, asks the injected PinPrompt once, logs in, finds the private key (by id or
// label) and the certificate with the same id. A wrong PIN is an error and is never retried: tokens lock
// after a few wrong tries. The PIN is wiped (OPENSSL_cleanse) as soon as the login returns; libp11 keeps its
// own copy for re-login after fork() and wipes it when the session closes, i.e. when the signer is destroyed.
//
// Threads: every PKCS#11 call of the process (all signers, all modules, token administration) is serialised
// on one mutex, because vendor modules are commonly not thread-safe. A module loaded by several signers is
// shared; the last one to go unloads it.
//
// Errors (SigningError): module_not_found, token_not_found, pin_locked, pin_cancelled, wrong_pin,
// key_not_found, certificate_not_found (a key without a certificate), certificate_key_mismatch, token_removed
// (sign_at() after the token was pulled out: open a new signer), token_error (other module failures, with the
// CKR_ code).
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "crypto/secure_buffer.h"
#include "crypto/signer.h"

namespace jaanch::crypto {

struct Pkcs11Config {
    std::filesystem::path module;  // the vendor's PKCS#11 library, or /usr/lib/softhsm/libsofthsm2.so
    std::string token_label;       // choose the token by label …
    std::string token_serial;      // … or by serial number; both empty: the only token present
    std::string key_id;            // choose the key by CKA_ID (hex, e.g. "01") …
    std::string key_label;         // … or by CKA_LABEL; both empty: the only private key on the token
};

// What the PIN prompt is told; count_low and final_try come from the token's flags before the login.
struct PinRequest {
    std::string token_label;
    std::string token_serial;
    bool count_low = false;  // an earlier PIN was wrong
    bool final_try = false;  // one more wrong PIN locks the token
};

// Returns the PIN, or an empty SecretString when the officer cancels.
using PinPrompt = std::function<SecretString(const PinRequest&)>;

// A token present in a slot, for a chooser dialog or `jaanch-cli` messages.
struct TokenInfo {
    std::string label;
    std::string serial;
    std::string manufacturer;
    std::string model;
    bool initialized = false;
    bool pin_locked = false;
};

// Lists the tokens a module sees. Throws SigningError(module_not_found / token_error).
std::vector<TokenInfo> list_tokens(const std::filesystem::path& module);

class Pkcs11Signer final : public Signer {
  public:
    Pkcs11Signer(const Pkcs11Config& config, const PinPrompt& prompt);
    ~Pkcs11Signer() override;
    Pkcs11Signer(const Pkcs11Signer&) = delete;
    Pkcs11Signer& operator=(const Pkcs11Signer&) = delete;

    std::string certificate_der() const override;
    std::string description() const override;
    std::string sign_at(std::string_view canonical, Timestamp signing_time) override;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// The process-wide lock every PKCS#11 call takes (also used by token administration in test_pki).
std::mutex& token_mutex();

}  // namespace jaanch::crypto
