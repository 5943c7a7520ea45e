#include "crypto/softhsm_token.h"

#include <cstdlib>
#include <mutex>
#include <vector>

#include <openssl/err.h>

#include "crypto/crypto_error.h"
#include "crypto/pkcs11_module.h"
#include "crypto/pkcs11_signer.h"
#include "crypto/x509_builder.h"

namespace jaanch::crypto {
namespace {

[[noreturn]] void fail(const std::string& what) {
    std::string detail;
    const unsigned long rv = p11::take_ckr(&detail);
    throw SigningError(SigningFailure::token_error,
                       "Cannot " + what + " on SoftHSM (" + p11::ckr_name(rv) + ": " + detail + ").");
}

std::vector<unsigned char> id_bytes(const std::string& hex) {
    std::vector<unsigned char> out;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2)
        out.push_back(static_cast<unsigned char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
    return out;
}

PKCS11_SLOT* slot_where(const p11::Module& m, bool initialized, const std::string& label) {
    for (unsigned i = 0; i < m.slot_count(); ++i) {
        PKCS11_SLOT* slot = &m.slots()[i];
        if (slot->token == nullptr || (slot->token->initialized != 0) != initialized)
            continue;
        if (!initialized || label == slot->token->label)
            return slot;
    }
    return nullptr;
}

}  // namespace

SoftHsmToken create_softhsm_token(const SoftHsmTokenSpec& spec) {
    SoftHsmToken out;
    out.label = spec.label;
    out.config = std::filesystem::absolute(spec.dir / "softhsm2.conf");
    const auto tokens = std::filesystem::absolute(spec.dir / "tokens");
    std::filesystem::create_directories(tokens);
    x509::write_text(out.config,
                     "# SoftHSM2 configuration of a Jaanch TEST token. TEST ONLY.\n"
                     "directories.tokendir = " +
                         tokens.string() +
                         "\n"
                         "objectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n");
    setenv("SOFTHSM2_CONF", out.config.c_str(), 1);

    std::lock_guard lock(token_mutex());
    ERR_clear_error();
    {
        auto module = p11::acquire(spec.module);
        PKCS11_SLOT* slot = slot_where(*module, false, "");
        if (slot == nullptr)
            fail("find a free slot");
        // C_InitToken reads exactly 32 bytes of label, blank-padded; libp11 passes our string through.
        if (spec.label.size() > 32)
            throw CryptoError("A token label has at most 32 bytes: \"" + spec.label + "\".");
        const std::string padded = spec.label + std::string(32 - spec.label.size(), ' ');
        if (PKCS11_init_token(slot->token, spec.so_pin->c_str(), padded.c_str()) != 0)
            fail("initialise the token");
    }
    // SoftHSM moves an initialised token to a new slot: list the slots again with a fresh module.
    {
        auto module = p11::acquire(spec.module);
        PKCS11_SLOT* slot = slot_where(*module, true, spec.label);
        if (slot == nullptr)
            fail("find the new token");
        out.serial = slot->token->serialnr;
        if (PKCS11_open_session(slot, 1) != 0 || PKCS11_login(slot, 1, spec.so_pin->c_str()) != 0)
            fail("log in as security officer");
        if (PKCS11_init_pin(slot->token, spec.user_pin->c_str()) != 0)
            fail("set the user PIN");
        if (PKCS11_logout(slot) != 0)
            fail("log out the security officer");
        if (PKCS11_open_session(slot, 1) != 0 || PKCS11_login(slot, 0, spec.user_pin->c_str()) != 0)
            fail("log in as user");
        std::vector<unsigned char> id = id_bytes(spec.object_id_hex);
        std::string label = spec.object_label;
        if (spec.key != nullptr &&
            PKCS11_store_private_key(slot->token, spec.key, label.data(), id.data(), id.size()) != 0)
            fail("store the private key");
        if (spec.cert != nullptr && PKCS11_store_certificate(slot->token, spec.cert, label.data(), id.data(),
                                                             id.size(), nullptr) != 0)
            fail("store the certificate");
        PKCS11_logout(slot);
    }
    ERR_clear_error();
    return out;
}

}  // namespace jaanch::crypto
