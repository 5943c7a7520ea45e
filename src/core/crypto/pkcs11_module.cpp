#include "crypto/pkcs11_module.h"

#include <cstdio>
#include <map>

#include <openssl/err.h>

#include "crypto/crypto_error.h"
#include "crypto/ossl.h"

namespace jaanch::crypto::p11 {
namespace {

// PKCS#11 v2.40 return values we name in messages or branch on.
constexpr unsigned long kCkrDeviceError = 0x30, kCkrDeviceRemoved = 0x32, kCkrKeyHandleInvalid = 0x60,
                        kCkrObjectHandleInvalid = 0x82, kCkrPinIncorrect = 0xA0, kCkrPinInvalid = 0xA1,
                        kCkrPinLenRange = 0xA2, kCkrPinExpired = 0xA3, kCkrPinLocked = 0xA4,
                        kCkrSessionClosed = 0xB0, kCkrSessionHandleInvalid = 0xB3, kCkrTokenNotPresent = 0xE0,
                        kCkrTokenNotRecognized = 0xE1, kCkrUserNotLoggedIn = 0x101;

}  // namespace

Module::~Module() {
    if (slots_ != nullptr)
        PKCS11_release_all_slots(ctx_, slots_, slot_count_);
    if (ctx_ != nullptr) {
        PKCS11_CTX_unload(ctx_);
        PKCS11_CTX_free(ctx_);
    }
    ERR_clear_error();
}

namespace {

std::map<std::string, std::weak_ptr<Module>>& loaded_modules() {
    static std::map<std::string, std::weak_ptr<Module>> loaded;
    return loaded;
}

}  // namespace

bool is_loaded(const std::filesystem::path& module) {
    auto it = loaded_modules().find(module.lexically_normal().string());
    return it != loaded_modules().end() && !it->second.expired();
}

std::shared_ptr<Module> acquire(const std::filesystem::path& module) {
    auto& loaded = loaded_modules();
    const std::string key = module.lexically_normal().string();
    if (auto existing = loaded[key].lock())
        return existing;

    std::error_code ec;
    if (!std::filesystem::is_regular_file(module, ec)) {
        throw SigningError(
            SigningFailure::module_not_found,
            "The PKCS#11 module " + module.string() +
                " does not exist. Install the token's driver (ProxKey, ePass2003, mToken …) or give "
                "the path of its PKCS#11 library.");
    }
    std::shared_ptr<Module> m(new Module());
    m->path_ = module;
    m->ctx_ = PKCS11_CTX_new();
    ERR_clear_error();
    if (m->ctx_ == nullptr || PKCS11_CTX_load(m->ctx_, module.c_str()) != 0) {
        std::string detail = ossl::take_errors();
        // A failed load leaves nothing to unload.
        if (m->ctx_ != nullptr)
            PKCS11_CTX_free(m->ctx_);
        m->ctx_ = nullptr;
        throw SigningError(SigningFailure::module_not_found,
                           "Cannot load " + module.string() + " as a PKCS#11 module (" + detail +
                               "). Check that it is the vendor's PKCS#11 library for this machine.");
    }
    if (PKCS11_enumerate_slots(m->ctx_, &m->slots_, &m->slot_count_) != 0) {
        std::string detail;
        const unsigned long rv = take_ckr(&detail);
        throw SigningError(SigningFailure::token_error, "The PKCS#11 module " + module.string() +
                                                            " cannot list its slots (" + ckr_name(rv) + ": " +
                                                            detail + "). Reconnect the token and try again.");
    }
    loaded[key] = m;
    return m;
}

unsigned long take_ckr(std::string* detail) {
    unsigned long rv = 0;
    const int lib = ERR_get_CKR_code();
    std::string text;
    char buf[256];
    while (unsigned long e = ERR_get_error()) {
        if (ERR_GET_LIB(e) == lib && rv == 0)
            rv = static_cast<unsigned long>(ERR_GET_REASON(e));
        ERR_error_string_n(e, buf, sizeof buf);
        if (!text.empty())
            text += "; ";
        text += buf;
    }
    if (detail != nullptr)
        *detail = text;
    return rv;
}

std::string ckr_name(unsigned long rv) {
    static const std::map<unsigned long, const char*> names{
        {0, "no PKCS#11 code"},
        {kCkrDeviceError, "CKR_DEVICE_ERROR"},
        {kCkrDeviceRemoved, "CKR_DEVICE_REMOVED"},
        {kCkrKeyHandleInvalid, "CKR_KEY_HANDLE_INVALID"},
        {kCkrObjectHandleInvalid, "CKR_OBJECT_HANDLE_INVALID"},
        {kCkrPinIncorrect, "CKR_PIN_INCORRECT"},
        {kCkrPinInvalid, "CKR_PIN_INVALID"},
        {kCkrPinLenRange, "CKR_PIN_LEN_RANGE"},
        {kCkrPinExpired, "CKR_PIN_EXPIRED"},
        {kCkrPinLocked, "CKR_PIN_LOCKED"},
        {kCkrSessionClosed, "CKR_SESSION_CLOSED"},
        {kCkrSessionHandleInvalid, "CKR_SESSION_HANDLE_INVALID"},
        {kCkrTokenNotPresent, "CKR_TOKEN_NOT_PRESENT"},
        {kCkrTokenNotRecognized, "CKR_TOKEN_NOT_RECOGNIZED"},
        {kCkrUserNotLoggedIn, "CKR_USER_NOT_LOGGED_IN"},
    };
    char hex[24];
    std::snprintf(hex, sizeof hex, " (0x%lx)", rv);
    auto it = names.find(rv);
    return std::string(it != names.end() ? it->second : "CKR") + hex;
}

bool is_removal(unsigned long rv) {
    switch (rv) {
        case kCkrDeviceError:
        case kCkrDeviceRemoved:
        case kCkrKeyHandleInvalid:
        case kCkrObjectHandleInvalid:  // SoftHSM's answer once the token's files are gone
        case kCkrSessionClosed:
        case kCkrSessionHandleInvalid:
        case kCkrTokenNotPresent:
        case kCkrTokenNotRecognized:
        case kCkrUserNotLoggedIn:
            return true;
        default:
            return false;
    }
}

}  // namespace jaanch::crypto::p11
