#include "crypto/pkcs12_signer.h"

#include <fstream>
#include <iterator>

#include <openssl/err.h>
#include <openssl/provider.h>

#include "crypto/cms_signature.h"
#include "crypto/ossl.h"

namespace jaanch::crypto {
namespace {

// OpenSSL 3 moved RC2/RC4-40 (still common in .pfx files exported by Windows and older CA tools) to the
// legacy provider. Loading it also requires loading "default" explicitly, or the default algorithms would
// vanish. Both stay loaded until exit, then are unloaded (so that leak checkers see everything freed).
void load_legacy_provider_once() {
    struct Providers {
        OSSL_PROVIDER* base = OSSL_PROVIDER_try_load(nullptr, "default", 1);
        OSSL_PROVIDER* legacy = OSSL_PROVIDER_try_load(nullptr, "legacy", 1);
        ~Providers() {
            if (legacy != nullptr)
                OSSL_PROVIDER_unload(legacy);
            if (base != nullptr)
                OSSL_PROVIDER_unload(base);
        }
    };
    static Providers providers;
    ERR_clear_error();
}

std::string read_file(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        throw SigningError(SigningFailure::file_unreadable, "Cannot open the PKCS#12 file " + file.string() +
                                                                ". Check the path and its permissions.");
    }
    return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

struct Pkcs12Signer::Impl {
    std::filesystem::path file;
    ossl::EvpPkeyPtr key;
    ossl::X509Ptr cert;
    ossl::X509StackPtr chain;
};

Pkcs12Signer::Pkcs12Signer(const std::filesystem::path& file, const SecretString& password)
    : impl_(std::make_unique<Impl>()) {
    impl_->file = file;
    const std::string source = "the PKCS#12 file " + file.string();
    const std::string bytes = read_file(file);
    ERR_clear_error();
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    ossl::Pkcs12Ptr p12(d2i_PKCS12(nullptr, &p, static_cast<long>(bytes.size())));
    if (!p12) {
        ERR_clear_error();
        throw SigningError(SigningFailure::file_unreadable,
                           file.string() +
                               " is not a PKCS#12 (.p12/.pfx) file. Export the DSC again with its "
                               "private key, as PKCS#12.");
    }
    if (PKCS12_mac_present(p12.get()) && PKCS12_verify_mac(p12.get(), password.c_str(), -1) != 1) {
        ERR_clear_error();
        throw SigningError(
            SigningFailure::wrong_pin,
            "The password for " + source + " is wrong. Nothing was signed; enter the password again.");
    }
    EVP_PKEY* key = nullptr;
    X509* cert = nullptr;
    STACK_OF(X509)* chain = nullptr;
    if (PKCS12_parse(p12.get(), password.c_str(), &key, &cert, &chain) != 1) {
        ERR_clear_error();
        load_legacy_provider_once();
        if (PKCS12_parse(p12.get(), password.c_str(), &key, &cert, &chain) != 1) {
            throw SigningError(SigningFailure::file_unreadable,
                               "Cannot decrypt " + source + " (" + ossl::take_errors() +
                                   "). The file may be damaged or use an unsupported encryption.");
        }
    }
    impl_->key.reset(key);
    impl_->cert.reset(cert);
    impl_->chain.reset(chain);
    if (!impl_->key) {
        throw SigningError(
            SigningFailure::key_not_found,
            source + " holds no private key. Export the DSC again, including its private key.");
    }
    if (!impl_->cert) {
        throw SigningError(SigningFailure::certificate_not_found,
                           source +
                               " holds a private key but no certificate for it. Export the DSC again with "
                               "its certificate.");
    }
    check_certificate_matches_key(impl_->cert.get(), impl_->key.get(), source);
}

Pkcs12Signer::~Pkcs12Signer() = default;

std::string Pkcs12Signer::certificate_der() const {
    return ossl::to_der(impl_->cert.get());
}

std::string Pkcs12Signer::description() const {
    return "PKCS#12 file " + impl_->file.string();
}

std::string Pkcs12Signer::sign_at(std::string_view canonical, Timestamp signing_time) {
    return build_detached_cms(impl_->key.get(), impl_->cert.get(), impl_->chain.get(), canonical,
                              signing_time);
}

}  // namespace jaanch::crypto
