#include "crypto/cms_signature.h"

#include "crypto/crypto_error.h"
#include "crypto/ossl.h"

#include <openssl/err.h>

namespace jaanch::crypto {

bool try_build_detached_cms(EVP_PKEY* key, X509* cert, STACK_OF(X509) * extra_certs, std::string_view content,
                            Timestamp signing_time, std::string& der_out, std::string& what) {
    ERR_clear_error();
    constexpr unsigned kFlags = CMS_DETACHED | CMS_BINARY | CMS_PARTIAL | CMS_NOSMIMECAP;
    ossl::CmsPtr cms(CMS_sign(nullptr, nullptr, nullptr, nullptr, kFlags));
    if (!cms)
        return what = "CMS_sign failed", false;
    // CMS_CADES adds the ESS signingCertificateV2 attribute (SHA-256 of the signer certificate).
    CMS_SignerInfo* si = CMS_add1_signer(cms.get(), cert, key, EVP_sha256(), kFlags | CMS_CADES);
    if (si == nullptr)
        return what = "the key or certificate cannot sign (CMS_add1_signer)", false;
    // Set signingTime ourselves (OpenSSL only adds "now" when none is present), so the caller decides it.
    ossl::Asn1TimePtr when = ossl::to_asn1_time(signing_time);
    if (!when || CMS_signed_add1_attr_by_NID(si, NID_pkcs9_signingTime, when->type, when.get(), -1) != 1)
        return what = "cannot add the signing time", false;
    for (int i = 0; extra_certs != nullptr && i < sk_X509_num(extra_certs); ++i) {
        X509* extra = sk_X509_value(extra_certs, i);
        if (X509_cmp(extra, cert) != 0 && CMS_add1_cert(cms.get(), extra) != 1)
            return what = "cannot add a chain certificate", false;
    }
    ossl::BioPtr data = ossl::memory_bio(content);
    if (CMS_final(cms.get(), data.get(), nullptr, kFlags) != 1)
        return what = "the signing operation failed", false;
    ossl::BioPtr out(BIO_new(BIO_s_mem()));
    if (i2d_CMS_bio(out.get(), cms.get()) != 1)
        return what = "cannot encode the signature as DER", false;
    der_out = ossl::bio_contents(out.get());
    return true;
}

std::string build_detached_cms(EVP_PKEY* key, X509* cert, STACK_OF(X509) * extra_certs,
                               std::string_view content, Timestamp signing_time) {
    std::string der, what;
    if (!try_build_detached_cms(key, cert, extra_certs, content, signing_time, der, what)) {
        throw SigningError(SigningFailure::signing_failed,
                           "Could not create the signature: " + what + " (" + ossl::take_errors() + ").");
    }
    return der;
}

void check_certificate_matches_key(X509* cert, EVP_PKEY* key, const std::string& source) {
    if (X509_check_private_key(cert, key) != 1) {
        ERR_clear_error();
        throw SigningError(
            SigningFailure::certificate_key_mismatch,
            "The certificate in " + source + " (subject " + ossl::name_text(X509_get_subject_name(cert)) +
                ") does not belong to its private key. Ask the certifying authority for the right "
                "certificate, or pick the key and certificate with the same id.");
    }
}

}  // namespace jaanch::crypto
