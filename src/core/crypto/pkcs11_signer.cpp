#include "crypto/pkcs11_signer.h"

#include <cstring>

#include <openssl/err.h>

#include "crypto/cms_signature.h"
#include "crypto/ossl.h"
#include "crypto/pkcs11_module.h"

namespace jaanch::crypto {
namespace {

constexpr unsigned long kCkrPinIncorrect = 0xA0, kCkrPinInvalid = 0xA1, kCkrPinLenRange = 0xA2,
                        kCkrPinExpired = 0xA3, kCkrPinLocked = 0xA4;

std::string id_hex(const unsigned char* id, std::size_t len) {
    return ossl::hex(id, len);
}

std::string lower(std::string s) {
    for (char& c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string token_names(const p11::Module& m) {
    std::string out;
    for (unsigned i = 0; i < m.slot_count(); ++i) {
        const PKCS11_TOKEN* t = m.slots()[i].token;
        if (t == nullptr || !t->initialized)
            continue;
        if (!out.empty())
            out += ", ";
        out += "\"" + std::string(t->label) + "\" (serial " + t->serialnr + ")";
    }
    return out.empty() ? "none" : out;
}

PKCS11_SLOT* find_slot(const p11::Module& m, const Pkcs11Config& config) {
    PKCS11_SLOT* found = nullptr;
    int matches = 0;
    for (unsigned i = 0; i < m.slot_count(); ++i) {
        PKCS11_SLOT* slot = &m.slots()[i];
        const PKCS11_TOKEN* t = slot->token;
        if (t == nullptr || !t->initialized)
            continue;
        const bool by_label = config.token_label.empty() || config.token_label == t->label;
        const bool by_serial = config.token_serial.empty() || config.token_serial == t->serialnr;
        if (by_label && by_serial) {
            found = slot;
            ++matches;
        }
    }
    const std::string wanted = !config.token_label.empty()    ? "labelled \"" + config.token_label + "\""
                               : !config.token_serial.empty() ? "with serial " + config.token_serial
                                                              : "";
    if (matches == 0) {
        throw SigningError(SigningFailure::token_not_found,
                           "No token " +
                               (wanted.empty() ? std::string("is present") : wanted + " is present") +
                               " in " + m.path().string() + " (tokens seen: " + token_names(m) +
                               "). Insert the DSC token, or choose it by its label or serial.");
    }
    if (matches > 1) {
        throw SigningError(SigningFailure::token_not_found, "Several tokens match in " + m.path().string() +
                                                                " (" + token_names(m) +
                                                                "). Choose one by its label or serial.");
    }
    return found;
}

[[noreturn]] void login_failed(unsigned long rv, const std::string& detail, const PKCS11_TOKEN* t) {
    const std::string token = "the token \"" + std::string(t->label) + "\"";
    switch (rv) {
        case kCkrPinIncorrect:
        case kCkrPinInvalid:
        case kCkrPinLenRange:
            throw SigningError(
                SigningFailure::wrong_pin,
                "The PIN was refused by " + token +
                    ". It was not tried again, because tokens lock after a few wrong PINs; check the "
                    "PIN before the next try. Nothing was signed.");
        case kCkrPinLocked:
            throw SigningError(
                SigningFailure::pin_locked,
                "The PIN of " + token +
                    " is locked after too many wrong tries. Ask the certifying authority or your "
                    "administrator to unlock it with the SO PIN.");
        case kCkrPinExpired:
            throw SigningError(
                SigningFailure::token_error,
                "The PIN of " + token + " has expired. Change it with the token vendor's tool.");
        default:
            if (p11::is_removal(rv)) {
                throw SigningError(
                    SigningFailure::token_removed,
                    token + " was removed during the login (" + p11::ckr_name(rv) + "). Insert it again.");
            }
            throw SigningError(SigningFailure::token_error, "The login to " + token + " failed (" +
                                                                p11::ckr_name(rv) + ": " + detail + ").");
    }
}

PKCS11_KEY* find_key(PKCS11_TOKEN* token, const Pkcs11Config& config) {
    PKCS11_KEY* keys = nullptr;
    unsigned count = 0;
    if (PKCS11_enumerate_keys(token, &keys, &count) != 0) {
        std::string detail;
        const unsigned long rv = p11::take_ckr(&detail);
        throw SigningError(p11::is_removal(rv) ? SigningFailure::token_removed : SigningFailure::token_error,
                           "Cannot list the keys on the token \"" + std::string(token->label) + "\" (" +
                               p11::ckr_name(rv) + ").");
    }
    std::string seen;
    PKCS11_KEY* found = nullptr;
    int matches = 0;
    for (unsigned i = 0; i < count; ++i) {
        PKCS11_KEY* k = &keys[i];
        const std::string id = id_hex(k->id, k->id_len);
        const std::string label = k->label ? k->label : "";
        if (!seen.empty())
            seen += ", ";
        seen += "\"" + label + "\" (id " + id + ")";
        const bool by_id = config.key_id.empty() || lower(config.key_id) == id;
        const bool by_label = config.key_label.empty() || config.key_label == label;
        if (by_id && by_label) {
            found = k;
            ++matches;
        }
    }
    if (matches == 1)
        return found;
    const std::string wanted = !config.key_id.empty()      ? "with id " + config.key_id
                               : !config.key_label.empty() ? "labelled \"" + config.key_label + "\""
                                                           : "";
    if (matches == 0) {
        throw SigningError(SigningFailure::key_not_found, "The token \"" + std::string(token->label) +
                                                              "\" has no private key " + wanted +
                                                              " (keys: " + (seen.empty() ? "none" : seen) +
                                                              "). Choose the key by its id or label.");
    }
    throw SigningError(SigningFailure::key_not_found, "The token \"" + std::string(token->label) +
                                                          "\" has several private keys (" + seen +
                                                          "). Choose one by its id or label.");
}

// The certificate with the key's CKA_ID, else (when the key was chosen by label) the one with its label.
PKCS11_CERT* find_certificate(PKCS11_TOKEN* token, PKCS11_KEY* key, PKCS11_CERT** all, unsigned* count) {
    if (PKCS11_enumerate_certs(token, all, count) != 0) {
        const unsigned long rv = p11::take_ckr();
        throw SigningError(p11::is_removal(rv) ? SigningFailure::token_removed : SigningFailure::token_error,
                           "Cannot list the certificates on the token \"" + std::string(token->label) +
                               "\" (" + p11::ckr_name(rv) + ").");
    }
    for (unsigned i = 0; i < *count; ++i) {
        PKCS11_CERT* c = &(*all)[i];
        if (key->id_len > 0 && c->id_len == key->id_len && std::memcmp(c->id, key->id, key->id_len) == 0)
            return c;
    }
    for (unsigned i = 0; i < *count; ++i) {
        PKCS11_CERT* c = &(*all)[i];
        if (key->label && c->label && std::strcmp(key->label, c->label) == 0)
            return c;
    }
    return nullptr;
}

}  // namespace

std::mutex& token_mutex() {
    static std::mutex m;
    return m;
}

std::vector<TokenInfo> list_tokens(const std::filesystem::path& module) {
    std::lock_guard lock(token_mutex());
    auto m = p11::acquire(module);
    std::vector<TokenInfo> out;
    for (unsigned i = 0; i < m->slot_count(); ++i) {
        const PKCS11_TOKEN* t = m->slots()[i].token;
        if (t == nullptr)
            continue;
        out.push_back(
            {t->label, t->serialnr, t->manufacturer, t->model, t->initialized != 0, t->userPinLocked != 0});
    }
    m.reset();  // unload under the lock when it was the last user
    return out;
}

struct Pkcs11Signer::Impl {
    std::shared_ptr<p11::Module> module;
    std::string token_label;
    std::string key_text;
    ossl::EvpPkeyPtr key;
    ossl::X509Ptr cert;
    ossl::X509StackPtr chain{sk_X509_new_null()};
};

Pkcs11Signer::Pkcs11Signer(const Pkcs11Config& config, const PinPrompt& prompt)
    : impl_(std::make_unique<Impl>()) {
    std::unique_lock lock(token_mutex());
    ERR_clear_error();
    impl_->module = p11::acquire(config.module);
    PKCS11_SLOT* slot = find_slot(*impl_->module, config);
    PKCS11_TOKEN* token = slot->token;
    impl_->token_label = token->label;
    const std::string name = "the token \"" + impl_->token_label + "\"";
    if (token->userPinLocked) {
        throw SigningError(SigningFailure::pin_locked,
                           "The PIN of " + name +
                               " is locked after too many wrong tries; no PIN was asked. Ask the certifying "
                               "authority or your administrator to unlock it with the SO PIN.");
    }
    int logged_in = 0;
    if (PKCS11_is_logged_in(slot, 0, &logged_in) != 0)
        logged_in = 0;
    ERR_clear_error();
    if (!logged_in) {
        const PinRequest request{token->label, token->serialnr, token->userPinCountLow != 0,
                                 token->userPinFinalTry != 0};
        // The prompt may show a dialog; other token users wait, which is what serialising means.
        SecretString pin = prompt ? prompt(request) : SecretString();
        if (pin.empty()) {
            throw SigningError(SigningFailure::pin_cancelled,
                               "No PIN was given for " + name + ", so nothing was signed.");
        }
        const int rc = PKCS11_login(slot, 0, pin.c_str());
        pin.clear();
        if (rc != 0) {
            std::string detail;
            const unsigned long rv = p11::take_ckr(&detail);
            login_failed(rv, detail, token);
        }
    }
    PKCS11_KEY* key = find_key(token, config);
    impl_->key_text =
        "key \"" + std::string(key->label ? key->label : "") + "\" (id " + id_hex(key->id, key->id_len) + ")";
    PKCS11_CERT* certs = nullptr;
    unsigned cert_count = 0;
    PKCS11_CERT* cert = find_certificate(token, key, &certs, &cert_count);
    if (cert == nullptr || cert->x509 == nullptr) {
        throw SigningError(SigningFailure::certificate_not_found,
                           name + " holds the " + impl_->key_text +
                               " but no certificate for it (none with the same id or label). Write the DSC "
                               "certificate to the token with the same id as the key.");
    }
    impl_->cert.reset(X509_dup(cert->x509));
    for (unsigned i = 0; i < cert_count; ++i) {
        X509* other = certs[i].x509;
        // CA certificates some CAs put on the token help verifiers build the chain.
        if (&certs[i] != cert && other != nullptr && X509_check_ca(other) > 0) {
            X509_up_ref(other);
            sk_X509_push(impl_->chain.get(), other);
        }
    }
    impl_->key.reset(PKCS11_get_private_key(key));
    if (!impl_->key) {
        const unsigned long rv = p11::take_ckr();
        throw SigningError(
            p11::is_removal(rv) ? SigningFailure::token_removed : SigningFailure::token_error,
            "Cannot use the " + impl_->key_text + " on " + name + " (" + p11::ckr_name(rv) + ").");
    }
    check_certificate_matches_key(impl_->cert.get(), impl_->key.get(), name);
}

Pkcs11Signer::~Pkcs11Signer() {
    std::lock_guard lock(token_mutex());
    impl_->key.reset();
    impl_->module.reset();
}

std::string Pkcs11Signer::certificate_der() const {
    return ossl::to_der(impl_->cert.get());
}

std::string Pkcs11Signer::description() const {
    return "token \"" + impl_->token_label + "\" " + impl_->key_text + " via " +
           impl_->module->path().string();
}

std::string Pkcs11Signer::sign_at(std::string_view canonical, Timestamp signing_time) {
    std::lock_guard lock(token_mutex());
    ERR_clear_error();
    std::string der, what;
    if (try_build_detached_cms(impl_->key.get(), impl_->cert.get(), impl_->chain.get(), canonical,
                               signing_time, der, what)) {
        return der;
    }
    std::string detail;
    const unsigned long rv = p11::take_ckr(&detail);
    if (p11::is_removal(rv)) {
        throw SigningError(
            SigningFailure::token_removed,
            "The token \"" + impl_->token_label + "\" was removed or its session ended (" +
                p11::ckr_name(rv) +
                "). Nothing was signed; insert the token and sign again (the PIN will be asked again).");
    }
    throw SigningError(SigningFailure::signing_failed, "The token \"" + impl_->token_label +
                                                           "\" could not sign: " + what + " (" +
                                                           p11::ckr_name(rv) + ": " + detail + ").");
}

}  // namespace jaanch::crypto
