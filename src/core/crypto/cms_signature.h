// Building the CMS SignedData of a decision signature from an OpenSSL key handle. Shared by the PKCS#12 and
// PKCS#11 signers: the key may live in memory or on a token (a libp11 EVP_PKEY whose operations go to the
// token). Internal to src/core/crypto.
#pragma once

#include <string>
#include <string_view>

#include <openssl/evp.h>
#include <openssl/x509.h>

#include "util/time.h"

namespace jaanch::crypto {

// DER CMS SignedData: detached, SHA-256, with `cert` and `extra_certs` (may be null) embedded, and the signed
// attributes contentType, signingTime (= signing_time), messageDigest and ESS signingCertificateV2
// (CAdES-BES). No SMIMECapabilities. Throws SigningError(signing_failed) with OpenSSL's reasons; the caller
// holds whatever lock its key needs.
std::string build_detached_cms(EVP_PKEY* key, X509* cert, STACK_OF(X509) * extra_certs,
                               std::string_view content, Timestamp signing_time);

// The same, but a failure returns false with the reasons left on OpenSSL's error queue (and `what` saying
// which step failed), so that a token signer can read the module's CKR_ code from it.
bool try_build_detached_cms(EVP_PKEY* key, X509* cert, STACK_OF(X509) * extra_certs, std::string_view content,
                            Timestamp signing_time, std::string& der_out, std::string& what);

// Throws SigningError(certificate_key_mismatch) when `cert` does not hold the public half of `key`.
void check_certificate_matches_key(X509* cert, EVP_PKEY* key, const std::string& source);

}  // namespace jaanch::crypto
