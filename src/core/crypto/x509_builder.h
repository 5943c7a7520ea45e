// Making keys, certificates, CRLs and PKCS#12 files with OpenSSL: what `jaanch-cli pki demo` and the tests
// need to stand up a test PKI. Not used to sign decisions. Internal to src/core/crypto (test_pki) and its
// tests.
//
// Errors: CryptoError with OpenSSL's reasons. Files holding keys are written 0600 and only encrypted (PKCS#12
// or encrypted PKCS#8); no private key is ever written in the clear.
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "crypto/ossl.h"
#include "crypto/secure_buffer.h"
#include "util/time.h"

namespace jaanch::crypto::x509 {

struct CertificateSpec {
    // Attributes in order, by OpenSSL short or long name: {"C", "IN"}, {"ST", "Rajasthan"}, {"CN", "…"}.
    std::vector<std::pair<std::string, std::string>> subject;
    Timestamp not_before{};
    Timestamp not_after{};
    bool ca = false;
    std::string key_usage;           // OpenSSL syntax: "critical,digitalSignature,nonRepudiation"
    std::string extended_key_usage;  // empty: none
};

ossl::EvpPkeyPtr generate_rsa_key(unsigned bits = 2048);

// Issues a certificate for `subject_key`'s public half, signed by issuer_key (self-signed when issuer is
// null).
ossl::X509Ptr issue(const CertificateSpec& spec, EVP_PKEY* subject_key, X509* issuer, EVP_PKEY* issuer_key);
// The same, naming `crl_url` as the certificate's CRL distribution point (none when empty).
ossl::X509Ptr issue(const CertificateSpec& spec, EVP_PKEY* subject_key, X509* issuer, EVP_PKEY* issuer_key,
                    const std::string& crl_url);

struct Revocation {
    X509* certificate;
    Timestamp when;
};

// A v2 CRL of `issuer` listing the revocations (reason keyCompromise), valid from this_update to next_update.
ossl::X509CrlPtr make_crl(X509* issuer, EVP_PKEY* issuer_key, const std::vector<Revocation>& revoked,
                          Timestamp this_update, Timestamp next_update);

void write_pem(const std::filesystem::path& file, X509* cert);
void write_pem(const std::filesystem::path& file, const std::vector<X509*>& certs);
void write_pem(const std::filesystem::path& file, X509_CRL* crl);
// PKCS#8 encrypted with AES-256-CBC under `password`; mode 0600.
void write_encrypted_key(const std::filesystem::path& file, EVP_PKEY* key, const SecretString& password);
// PKCS#12 (AES-256-CBC, PBKDF2, SHA-256 MAC: OpenSSL 3's defaults); cert may be null for a key-only file.
void write_pkcs12(const std::filesystem::path& file, EVP_PKEY* key, X509* cert,
                  const std::vector<X509*>& chain, const SecretString& password,
                  const std::string& friendly_name);
// Any text file (mode 0600 when `secret`).
void write_text(const std::filesystem::path& file, std::string_view text, bool secret = false);

}  // namespace jaanch::crypto::x509
