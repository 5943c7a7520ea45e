#include "crypto/aadhaar_vault.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/kdf.h>
#include <openssl/rand.h>

#include <memory>

namespace jaanch::crypto {

namespace {

constexpr std::uint8_t kVersion = 1;
constexpr std::size_t kNonce = 12, kTag = 16;

struct CipherFree {
    void operator()(EVP_CIPHER_CTX* c) const { EVP_CIPHER_CTX_free(c); }
};
using CipherPtr = std::unique_ptr<EVP_CIPHER_CTX, CipherFree>;
struct PkeyCtxFree {
    void operator()(EVP_PKEY_CTX* c) const { EVP_PKEY_CTX_free(c); }
};

[[noreturn]] void crypto_fail(const std::string& what) {
    throw CryptoError(what +
                      " failed inside OpenSSL; the Aadhaar vault cannot continue. Check that OpenSSL 3 "
                      "is installed correctly.");
}

Bytes hkdf(const Bytes& key, std::string_view info) {
    std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree> ctx(EVP_PKEY_CTX_new_id(EVP_PKEY_HKDF, nullptr));
    Bytes out(32);
    std::size_t length = out.size();
    const std::string salt = "jaanch-aadhaar-vault";
    if (!ctx || EVP_PKEY_derive_init(ctx.get()) <= 0 ||
        EVP_PKEY_CTX_set_hkdf_md(ctx.get(), EVP_sha256()) <= 0 ||
        EVP_PKEY_CTX_set1_hkdf_salt(ctx.get(), reinterpret_cast<const unsigned char*>(salt.data()),
                                    static_cast<int>(salt.size())) <= 0 ||
        EVP_PKEY_CTX_set1_hkdf_key(ctx.get(), key.data(), static_cast<int>(key.size())) <= 0 ||
        EVP_PKEY_CTX_add1_hkdf_info(ctx.get(), reinterpret_cast<const unsigned char*>(info.data()),
                                    static_cast<int>(info.size())) <= 0 ||
        EVP_PKEY_derive(ctx.get(), out.data(), &length) <= 0)
        crypto_fail("Deriving a key with HKDF");
    return out;
}

std::string digits_only(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c != ' ' && c != '-')
            out += c;
    }
    return out;
}

const unsigned char* bytes_of(std::string_view s) {
    return reinterpret_cast<const unsigned char*>(s.data());
}

}  // namespace

AadhaarVault::AadhaarVault(const Bytes& master_key) {
    if (master_key.size() != 32)
        throw CryptoError("The Aadhaar vault key must be 32 bytes (AES-256); " +
                          std::to_string(master_key.size()) + " bytes were given.");
    encryption_key_ = hkdf(master_key, "aes-256-gcm");
    token_key_ = hkdf(master_key, "hmac-sha256-token");
}

AadhaarVault::~AadhaarVault() {
    OPENSSL_cleanse(encryption_key_.data(), encryption_key_.size());
    OPENSSL_cleanse(token_key_.data(), token_key_.size());
}

Bytes AadhaarVault::random_key() {
    Bytes key(32);
    if (RAND_bytes(key.data(), static_cast<int>(key.size())) != 1)
        crypto_fail("Generating a random key");
    return key;
}

Bytes AadhaarVault::seal(std::string_view aadhaar, std::string_view context) const {
    return seal_text(digits_only(aadhaar), context);
}

Bytes AadhaarVault::seal_text(std::string_view plain, std::string_view context) const {
    Bytes out(1 + kNonce + plain.size() + kTag);
    out[0] = kVersion;
    if (RAND_bytes(out.data() + 1, kNonce) != 1)
        crypto_fail("Generating a nonce");
    CipherPtr ctx(EVP_CIPHER_CTX_new());
    int n = 0;
    if (!ctx ||
        EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, encryption_key_.data(), out.data() + 1) !=
            1 ||
        EVP_EncryptUpdate(ctx.get(), nullptr, &n, bytes_of(context), static_cast<int>(context.size())) != 1 ||
        EVP_EncryptUpdate(ctx.get(), out.data() + 1 + kNonce, &n, bytes_of(plain),
                          static_cast<int>(plain.size())) != 1 ||
        EVP_EncryptFinal_ex(ctx.get(), out.data() + 1 + kNonce + n, &n) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTag, out.data() + out.size() - kTag) != 1)
        crypto_fail("Encrypting with AES-256-GCM");
    return out;
}

std::string AadhaarVault::open(const Bytes& sealed, std::string_view context) const {
    if (sealed.size() < 1 + kNonce + kTag || sealed[0] != kVersion)
        throw CryptoError(
            "The stored Aadhaar ciphertext is truncated or of an unknown version; it cannot be opened.");
    const std::size_t length = sealed.size() - 1 - kNonce - kTag;
    std::string plain(length, '\0');
    Bytes tag(sealed.end() - kTag, sealed.end());
    CipherPtr ctx(EVP_CIPHER_CTX_new());
    int n = 0;
    if (!ctx ||
        EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, encryption_key_.data(),
                           sealed.data() + 1) != 1 ||
        EVP_DecryptUpdate(ctx.get(), nullptr, &n, bytes_of(context), static_cast<int>(context.size())) != 1 ||
        EVP_DecryptUpdate(ctx.get(), reinterpret_cast<unsigned char*>(plain.data()), &n,
                          sealed.data() + 1 + kNonce, static_cast<int>(length)) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTag, tag.data()) != 1)
        crypto_fail("Decrypting with AES-256-GCM");
    int final_length = 0;
    if (EVP_DecryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char*>(plain.data()) + n, &final_length) !=
        1) {
        OPENSSL_cleanse(plain.data(), plain.size());
        throw CryptoError(
            "The stored Aadhaar number failed its integrity check: it was altered, or sealed under "
            "another key or for another record. Restore it from the hub.");
    }
    return plain;
}

std::string AadhaarVault::lookup_token(std::string_view aadhaar) const {
    const std::string plain = digits_only(aadhaar);
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (HMAC(EVP_sha256(), token_key_.data(), static_cast<int>(token_key_.size()), bytes_of(plain),
             plain.size(), mac, &length) == nullptr)
        crypto_fail("Computing an HMAC-SHA256 lookup token");
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (unsigned int i = 0; i < length; ++i) {
        out += kHex[mac[i] >> 4];
        out += kHex[mac[i] & 15];
    }
    return out;
}

}  // namespace jaanch::crypto
