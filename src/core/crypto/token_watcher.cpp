#include "crypto/token_watcher.h"

#include <dlfcn.h>
#include <p11-kit/pkcs11.h>

#include <mutex>
#include <optional>

#include <openssl/x509.h>

#include "crypto/crypto_error.h"
#include "crypto/pkcs11_module.h"

namespace jaanch::crypto {
namespace {

// PKCS#11 pads its fixed-width text fields with spaces.
std::string field(const unsigned char* text, std::size_t width) {
    std::string s(reinterpret_cast<const char*>(text), width);
    s.erase(s.find_last_not_of(' ') + 1);
    return s;
}

// The module's function list, from a dlopen handle kept for the process (dlopen of the same path shares
// the instance libp11 loads, so initialisation state is one).
CK_FUNCTION_LIST_PTR functions_of(const std::filesystem::path& module, std::string& problem) {
    void* handle = ::dlopen(module.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) {
        const char* why = ::dlerror();
        problem = "Cannot load the PKCS#11 module " + module.string() + " (" +
                  (why ? why : "unknown reason") + "). Check the module path in Preferences.";
        return nullptr;
    }
    auto get = reinterpret_cast<CK_C_GetFunctionList>(::dlsym(handle, "C_GetFunctionList"));
    CK_FUNCTION_LIST_PTR list = nullptr;
    if (get == nullptr || get(&list) != CKR_OK || list == nullptr) {
        ::dlclose(handle);
        problem = module.string() + " is not a PKCS#11 module (it has no C_GetFunctionList).";
        return nullptr;
    }
    return list;  // the handle stays open: the list points into the library
}

std::vector<TokenInfo> list_present(CK_FUNCTION_LIST_PTR f, std::string& problem) {
    std::vector<TokenInfo> out;
    CK_ULONG count = 0;
    CK_RV rv = f->C_GetSlotList(CK_TRUE, nullptr, &count);
    std::vector<CK_SLOT_ID> slots(count);
    if (rv == CKR_OK && count > 0)
        rv = f->C_GetSlotList(CK_TRUE, slots.data(), &count);
    if (rv != CKR_OK) {
        problem = "The PKCS#11 module cannot list its slots (" + p11::ckr_name(rv) + ").";
        return out;
    }
    slots.resize(count);
    for (CK_SLOT_ID slot : slots) {
        CK_TOKEN_INFO info{};
        if (f->C_GetTokenInfo(slot, &info) != CKR_OK)
            continue;  // pulled out between the two calls
        if ((info.flags & CKF_TOKEN_INITIALIZED) == 0)
            continue;  // an empty slot (SoftHSM's free slot)
        out.push_back({field(info.label, sizeof info.label),
                       field(info.serialNumber, sizeof info.serialNumber),
                       field(info.manufacturerID, sizeof info.manufacturerID),
                       field(info.model, sizeof info.model), true, (info.flags & CKF_USER_PIN_LOCKED) != 0});
    }
    return out;
}

}  // namespace

bool TokenPresence::operator==(const TokenPresence& other) const {
    if (problem != other.problem || tokens.size() != other.tokens.size())
        return false;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const auto &a = tokens[i], &b = other.tokens[i];
        if (a.label != b.label || a.serial != b.serial || a.pin_locked != b.pin_locked)
            return false;
    }
    return true;
}

TokenPresence scan_tokens(const std::filesystem::path& module) {
    TokenPresence presence;
    std::lock_guard lock(token_mutex());
    CK_FUNCTION_LIST_PTR f = functions_of(module, presence.problem);
    if (f == nullptr)
        return presence;
    if (p11::is_loaded(module)) {  // a signer holds it: list without disturbing its session
        presence.tokens = list_present(f, presence.problem);
        return presence;
    }
    CK_C_INITIALIZE_ARGS args{};
    args.flags = CKF_OS_LOCKING_OK;
    const CK_RV rv = f->C_Initialize(&args);
    if (rv != CKR_OK && rv != CKR_CRYPTOKI_ALREADY_INITIALIZED) {
        presence.problem =
            "The PKCS#11 module " + module.string() + " does not start (" + p11::ckr_name(rv) + ").";
        return presence;
    }
    presence.tokens = list_present(f, presence.problem);
    if (rv == CKR_OK)
        f->C_Finalize(nullptr);  // only what this look started; a fresh start sees new tokens
    return presence;
}

std::string token_certificate_subject(const std::filesystem::path& module, const std::string& label) {
    std::lock_guard lock(token_mutex());
    auto m = p11::acquire(module);
    for (unsigned i = 0; i < m->slot_count(); ++i) {
        PKCS11_TOKEN* t = m->slots()[i].token;
        if (t == nullptr || label != t->label)
            continue;
        PKCS11_CERT* certs = nullptr;
        unsigned count = 0;
        if (PKCS11_enumerate_certs(t, &certs, &count) != 0 || count == 0 || certs[0].x509 == nullptr)
            return "";
        char buffer[512];
        X509_NAME_oneline(X509_get_subject_name(certs[0].x509), buffer, sizeof buffer);
        return buffer;
    }
    throw SigningError(SigningFailure::token_not_found, "No token labelled \"" + label + "\" is present in " +
                                                            module.string() + ". Insert it and try again.");
}

TokenWatcher::TokenWatcher(std::filesystem::path module, Listener listener, std::chrono::milliseconds period)
    : module_(std::move(module)), listener_(std::move(listener)), worker_("token-watch") {
    worker_.post([this, period] { watch(period); });
}

TokenWatcher::~TokenWatcher() = default;

void TokenWatcher::watch(std::chrono::milliseconds period) {
    std::optional<TokenPresence> last;
    do {
        TokenPresence now = scan_tokens(module_);
        if (!last || !(*last == now)) {
            last = now;
            worker_.lifetime().to_main([this, now] { listener_(now); });
        }
    } while (worker_.rest_for(period));
}

}  // namespace jaanch::crypto
