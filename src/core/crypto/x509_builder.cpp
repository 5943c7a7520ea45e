#include "crypto/x509_builder.h"

#include <fstream>

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/rsa.h>

#include "crypto/crypto_error.h"

namespace jaanch::crypto::x509 {
namespace {

[[noreturn]] void fail(const std::string& what) {
    throw CryptoError("Cannot " + what + " (" + ossl::take_errors() + ").");
}

void add_extension(X509* cert, X509* issuer, int nid, const std::string& value) {
    if (value.empty())
        return;
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer ? issuer : cert, cert, nullptr, nullptr, 0);
    X509_EXTENSION* ext = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.c_str());
    if (ext == nullptr)
        fail("build the certificate extension " + value);
    const int ok = X509_add_ext(cert, ext, -1);
    X509_EXTENSION_free(ext);
    if (ok != 1)
        fail("add the certificate extension " + value);
}

ossl::Asn1IntegerPtr random_serial() {
    ossl::BignumPtr bn(BN_new());
    // 127 random bits: positive, unique in practice, within RFC 5280's 20 octets.
    if (!bn || BN_rand(bn.get(), 127, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) != 1)
        fail("draw a serial number");
    return ossl::Asn1IntegerPtr(BN_to_ASN1_INTEGER(bn.get(), nullptr));
}

void write_bio(const std::filesystem::path& file, BIO* bio, bool secret) {
    write_text(file, ossl::bio_contents(bio), secret);
}

}  // namespace

ossl::EvpPkeyPtr generate_rsa_key(unsigned bits) {
    ossl::EvpPkeyPtr key(EVP_RSA_gen(bits));
    if (!key)
        fail("generate an RSA key");
    return key;
}

ossl::X509Ptr issue(const CertificateSpec& spec, EVP_PKEY* subject_key, X509* issuer, EVP_PKEY* issuer_key) {
    return issue(spec, subject_key, issuer, issuer_key, "");
}

ossl::X509Ptr issue(const CertificateSpec& spec, EVP_PKEY* subject_key, X509* issuer, EVP_PKEY* issuer_key,
                    const std::string& crl_url) {
    ossl::X509Ptr cert(X509_new());
    if (!cert || X509_set_version(cert.get(), 2) != 1)
        fail("create a certificate");
    ossl::Asn1IntegerPtr serial = random_serial();
    X509_set_serialNumber(cert.get(), serial.get());
    ossl::Asn1TimePtr from = ossl::to_asn1_time(spec.not_before), to = ossl::to_asn1_time(spec.not_after);
    X509_set1_notBefore(cert.get(), from.get());
    X509_set1_notAfter(cert.get(), to.get());
    X509_NAME* name = X509_get_subject_name(cert.get());
    for (const auto& [field, value] : spec.subject) {
        if (X509_NAME_add_entry_by_txt(name, field.c_str(), MBSTRING_UTF8,
                                       reinterpret_cast<const unsigned char*>(value.c_str()), -1, -1, 0) != 1)
            fail("set the subject field " + field);
    }
    X509_set_issuer_name(cert.get(), issuer ? X509_get_subject_name(issuer) : name);
    if (X509_set_pubkey(cert.get(), subject_key) != 1)
        fail("set the certificate's public key");
    add_extension(cert.get(), issuer, NID_basic_constraints,
                  spec.ca ? "critical,CA:TRUE" : "critical,CA:FALSE");
    add_extension(cert.get(), issuer, NID_key_usage, spec.key_usage);
    add_extension(cert.get(), issuer, NID_ext_key_usage, spec.extended_key_usage);
    add_extension(cert.get(), issuer, NID_subject_key_identifier, "hash");
    add_extension(cert.get(), issuer, NID_authority_key_identifier, "keyid:always");
    if (!crl_url.empty())
        add_extension(cert.get(), issuer, NID_crl_distribution_points, "URI:" + crl_url);
    if (X509_sign(cert.get(), issuer_key, EVP_sha256()) <= 0)
        fail("sign the certificate");
    return cert;
}

ossl::X509CrlPtr make_crl(X509* issuer, EVP_PKEY* issuer_key, const std::vector<Revocation>& revoked,
                          Timestamp this_update, Timestamp next_update) {
    ossl::X509CrlPtr crl(X509_CRL_new());
    if (!crl || X509_CRL_set_version(crl.get(), 1) != 1)
        fail("create a CRL");
    X509_CRL_set_issuer_name(crl.get(), X509_get_subject_name(issuer));
    ossl::Asn1TimePtr last = ossl::to_asn1_time(this_update), next = ossl::to_asn1_time(next_update);
    X509_CRL_set1_lastUpdate(crl.get(), last.get());
    X509_CRL_set1_nextUpdate(crl.get(), next.get());
    for (const auto& r : revoked) {
        X509_REVOKED* entry = X509_REVOKED_new();
        ossl::Asn1TimePtr when = ossl::to_asn1_time(r.when);
        ossl::Asn1IntegerPtr serial(ASN1_INTEGER_dup(X509_get0_serialNumber(r.certificate)));
        X509_REVOKED_set_serialNumber(entry, serial.get());
        X509_REVOKED_set_revocationDate(entry, when.get());
        ASN1_ENUMERATED* reason = ASN1_ENUMERATED_new();
        ASN1_ENUMERATED_set(reason, 1);  // keyCompromise
        X509_REVOKED_add1_ext_i2d(entry, NID_crl_reason, reason, 0, 0);
        ASN1_ENUMERATED_free(reason);
        if (X509_CRL_add0_revoked(crl.get(), entry) != 1) {
            X509_REVOKED_free(entry);
            fail("add a revoked certificate to the CRL");
        }
    }
    ossl::Asn1IntegerPtr number(ASN1_INTEGER_new());
    ASN1_INTEGER_set(number.get(), 1);
    X509_CRL_add1_ext_i2d(crl.get(), NID_crl_number, number.get(), 0, 0);
    X509_CRL_sort(crl.get());
    if (X509_CRL_sign(crl.get(), issuer_key, EVP_sha256()) <= 0)
        fail("sign the CRL");
    return crl;
}

void write_text(const std::filesystem::path& file, std::string_view text, bool secret) {
    std::filesystem::create_directories(file.parent_path());
    {
        std::ofstream out(file, std::ios::binary | std::ios::trunc);
        if (secret) {
            std::filesystem::permissions(
                file, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
        }
        out.write(text.data(), static_cast<std::streamsize>(text.size()));
        if (!out)
            throw CryptoError("Cannot write " + file.string() +
                              ". Check the folder's permissions and free space.");
    }
}

void write_pem(const std::filesystem::path& file, X509* cert) {
    write_pem(file, std::vector<X509*>{cert});
}

void write_pem(const std::filesystem::path& file, const std::vector<X509*>& certs) {
    ossl::BioPtr bio(BIO_new(BIO_s_mem()));
    for (X509* cert : certs) {
        if (PEM_write_bio_X509(bio.get(), cert) != 1)
            fail("encode a certificate as PEM");
    }
    write_bio(file, bio.get(), false);
}

void write_pem(const std::filesystem::path& file, X509_CRL* crl) {
    ossl::BioPtr bio(BIO_new(BIO_s_mem()));
    if (PEM_write_bio_X509_CRL(bio.get(), crl) != 1)
        fail("encode a CRL as PEM");
    write_bio(file, bio.get(), false);
}

void write_encrypted_key(const std::filesystem::path& file, EVP_PKEY* key, const SecretString& password) {
    ossl::BioPtr bio(BIO_new(BIO_s_mem()));
    if (PEM_write_bio_PKCS8PrivateKey(bio.get(), key, EVP_aes_256_cbc(), nullptr, 0, nullptr,
                                      const_cast<char*>(password.c_str())) != 1)
        fail("encrypt a private key");
    write_bio(file, bio.get(), true);
}

void write_pkcs12(const std::filesystem::path& file, EVP_PKEY* key, X509* cert,
                  const std::vector<X509*>& chain, const SecretString& password,
                  const std::string& friendly_name) {
    ossl::X509StackPtr ca(sk_X509_new_null());
    for (X509* c : chain) {
        X509_up_ref(c);
        sk_X509_push(ca.get(), c);
    }
    ossl::Pkcs12Ptr p12(
        PKCS12_create(password.c_str(), friendly_name.c_str(), key, cert, ca.get(), 0, 0, 0, 0, 0));
    if (!p12)
        fail("create the PKCS#12 file " + file.string());
    ossl::BioPtr bio(BIO_new(BIO_s_mem()));
    if (i2d_PKCS12_bio(bio.get(), p12.get()) != 1)
        fail("encode the PKCS#12 file " + file.string());
    write_bio(file, bio.get(), true);
}

}  // namespace jaanch::crypto::x509
