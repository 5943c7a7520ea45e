// Verification of an officer's signature on a decision: a detached CMS SignedData (DER) over the decision's
// canonical bytes (docs/signatures.md). Used by the hub, the workstation's history view and
// `jaanch-cli verify`.
//
// Contract:
// - verify() never throws for a bad signature: every way a signature can fail is a VerifyResult with
//   ok = false, a VerifyReason and a complete-sentence message. It throws jaanch::crypto::CryptoError only
//   when the verifier itself cannot work (an unreadable trust folder or CRL file, detected at construction).
// - The checks, in order, each with its own reason: the CMS structure (malformed); the SHA-256 message digest
//   against the canonical bytes (content_mismatch, i.e. tampered content); the signature value over the
//   signed attributes (bad_signature); the ESS signingCertificateV2 attribute, when present, against the
//   signer certificate (signer_mismatch); the chain to the trust anchors (untrusted); the validity of every
//   certificate of the chain at the validation time (outside_validity); key usage digitalSignature or
//   nonRepudiation (key_usage); revocation against the configured CRLs (revoked, or revocation_unknown when
//   no valid CRL covers the issuer, or revocation_stale when the covering CRL was past its nextUpdate and
//   the options refuse that); and, when asked, that the certificate is the one registered for the officer
//   (not_registered).
// - The validation time is VerifyOptions::at_time when set, else the signing time the signature carries.
// - Revocation is judged at the revocation time (VerifyExpectations::revocation_time, else the validation
//   time): a CRL entry whose revocationDate is after it does not revoke (OpenSSL ignores the date, so this
//   compares it itself), and the newest valid CRL of the issuer counts as stale when its nextUpdate is
//   before it. The hub passes the time it received the decision; history checks pass the hub's applied_at.
// - Threads: a Verifier is immutable after construction; verify() may be called from any number of threads.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/time.h"

namespace jaanch::crypto {

enum class VerifyReason {
    none,                // the signature is valid
    malformed,           // not a detached CMS SignedData with one signer, SHA-256 and the required attributes
    content_mismatch,    // the canonical bytes are not the ones signed: the decision was altered
    bad_signature,       // the signature value does not verify with the signer's public key
    signer_mismatch,     // signingCertificateV2 names another certificate than the one that signed
    untrusted,           // the certificate does not chain to a configured trust anchor
    outside_validity,    // a certificate of the chain was expired or not yet valid at the validation time
    key_usage,           // the certificate is not for signing (no digitalSignature / nonRepudiation)
    revoked,             // a configured CRL lists the certificate
    revocation_unknown,  // CRLs are configured but none valid covers the certificate's issuer
    not_registered,      // the certificate is not the one registered for this officer
    revocation_stale,    // the issuer's newest CRL was past its nextUpdate (StaleCrl::refuse only)
};

// What a CRL past its nextUpdate at the revocation time does.
enum class StaleCrl {
    warn,    // still used: the result is ok (when nothing else fails) with crl_stale and a warning sentence
    refuse,  // revocation_stale
};

// Wire name of a reason: "none", "content_mismatch" … (stable: the hub returns it in its API).
std::string_view reason_name(VerifyReason r);

// Who signed, as read from the signer certificate; filled whenever the certificate could be found,
// including when a later check failed.
struct SignerDetails {
    std::string certificate_der;     // DER bytes of the signer certificate
    std::string certificate_sha256;  // lowercase hex SHA-256 of certificate_der (what
                                     // Officer::certificate_sha256 holds)
    std::string common_name;         // CN of the subject
    std::string subject;             // RFC 2253 form, e.g. "CN=Anil Kumar Mahto,O=...,C=IN"
    std::string issuer;              // RFC 2253 form
    std::string serial;              // uppercase hex, no separators
    std::string public_key_sha256;   // lowercase hex SHA-256 of the DER SubjectPublicKeyInfo: the same key
                                     // under a re-issued certificate has the same value
    Timestamp not_before{};
    Timestamp not_after{};
    std::optional<Timestamp> signing_time;  // the CMS signingTime attribute
};

struct VerifyOptions {
    // Folder of trusted CA certificates (PEM or DER, *.pem *.crt *.cer *.der): in production CCA India's root
    // and the licensed CAs' certificates. Must exist and hold at least one certificate.
    std::filesystem::path trust_dir;
    // CRL files (PEM or DER). When non-empty, the signer certificate must be covered by one of them.
    std::vector<std::filesystem::path> crl_files;
    // Overrides the validation time (default: the signing time in the signature).
    std::optional<Timestamp> at_time;
    // When true the signer's issuer must be covered by a CRL even when crl_files is empty (unknown
    // revocation status is refused), unless it is in issuers_without_crl.
    bool require_revocation = false;
    // RFC 2253 subjects (SignerDetails::issuer form) of CAs allowed to publish no CRL: their certificates
    // are not checked for revocation when no CRL of theirs is configured.
    std::vector<std::string> issuers_without_crl;
    StaleCrl stale_crl = StaleCrl::warn;
};

// Per-call expectations.
struct VerifyExpectations {
    // When non-empty, the signer certificate's SHA-256 (lowercase hex) must equal this (the hub's registered
    // one).
    std::string certificate_sha256;
    // The time revocation is judged at (see the contract above); default: the validation time.
    std::optional<Timestamp> revocation_time;
};

struct VerifyResult {
    bool ok = false;
    VerifyReason reason = VerifyReason::malformed;
    std::string message;  // a complete sentence; for ok, names the signer and the signing time
    std::optional<SignerDetails> signer;
    // The issuer's CRL was past its nextUpdate at the revocation time and StaleCrl::warn let it count;
    // crl_warning says which CRL and since when.
    bool crl_stale = false;
    std::string crl_warning;
};

// Loads the trust anchors and CRLs once; then verifies any number of signatures.
class Verifier {
  public:
    // Throws CryptoError (util/error.h style message) when the trust folder or a CRL file cannot be read.
    explicit Verifier(const VerifyOptions& options);
    ~Verifier();
    Verifier(Verifier&&) noexcept;
    Verifier& operator=(Verifier&&) noexcept;
    Verifier(const Verifier&) = delete;
    Verifier& operator=(const Verifier&) = delete;

    // canonical: the canonical bytes of the decision (canonical_decision_bytes()); der_cms: the DER
    // signature.
    VerifyResult verify(std::string_view canonical, std::string_view der_cms,
                        const VerifyExpectations& expect = {}) const;

    // The same, checking the certificate at `at_time` instead of the configured time or the signing time.
    VerifyResult verify_at(std::string_view canonical, std::string_view der_cms, Timestamp at_time,
                           const VerifyExpectations& expect = {}) const;

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// Reads a certificate (DER or PEM) and describes it (signing_time empty); throws CryptoError when `bytes` is
// not a certificate. For registering an officer's certificate and for printing who signed.
SignerDetails describe_certificate(std::string_view bytes);

// A CRL as read and checked against a trust folder: whose it is, when it was issued and next due.
struct CrlDescription {
    std::string der;
    std::string sha256;  // lowercase hex of der
    std::string issuer;  // RFC 2253, as SignerDetails::issuer
    Timestamp this_update{};
    std::optional<Timestamp> next_update;
    std::size_t entries = 0;
};

// Reads a CRL (PEM or DER) and checks its signature against the CA certificates of `trust_dir` whose subject
// is its issuer. Throws CryptoError with a sentence when the bytes are no CRL, no trusted CA has that name,
// or the signature does not verify with that CA's key.
CrlDescription check_crl(std::string_view bytes, const std::filesystem::path& trust_dir);

// The http(s) URIs of a certificate's CRL distribution points (PEM or DER); empty when it names none. Throws
// CryptoError when `bytes` is not a certificate.
std::vector<std::string> crl_distribution_points(std::string_view bytes);

// One-shot form: loads the trust folder and CRLs, verifies one signature. Throws like Verifier's constructor.
VerifyResult verify(std::string_view canonical, std::string_view der_cms, const VerifyOptions& options,
                    const VerifyExpectations& expect = {});

}  // namespace jaanch::crypto
