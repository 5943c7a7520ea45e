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
//   no valid CRL covers the issuer); and, when asked, that the certificate is the one registered for the
//   officer (not_registered).
// - The validation time is VerifyOptions::at_time when set, else the signing time the signature carries.
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
};

// Per-call expectations.
struct VerifyExpectations {
    // When non-empty, the signer certificate's SHA-256 (lowercase hex) must equal this (the hub's registered
    // one).
    std::string certificate_sha256;
};

struct VerifyResult {
    bool ok = false;
    VerifyReason reason = VerifyReason::malformed;
    std::string message;  // a complete sentence; for ok, names the signer and the signing time
    std::optional<SignerDetails> signer;
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

// One-shot form: loads the trust folder and CRLs, verifies one signature. Throws like Verifier's constructor.
VerifyResult verify(std::string_view canonical, std::string_view der_cms, const VerifyOptions& options,
                    const VerifyExpectations& expect = {});

}  // namespace jaanch::crypto
