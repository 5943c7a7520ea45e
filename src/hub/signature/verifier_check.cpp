#include "hub/signature/verifier_check.h"

#include <iostream>

#include "crypto/canonical_json.h"
#include "hub/signature/crl_store.h"

namespace jaanch::hub {

std::string decision_signed_bytes(const model::Decision& decision) {
    return crypto::canonical_decision_bytes(decision);
}

VerifierSignatureCheck::VerifierSignatureCheck(std::filesystem::path trust_dir, std::filesystem::path crl_dir,
                                               Storage& storage)
    : trust_dir_(std::move(trust_dir)), crl_dir_(std::move(crl_dir)), storage_(storage) {
    generation_ = storage_.setting("crl_generation", "");
    verifier_ = build();
}

std::shared_ptr<const crypto::Verifier> VerifierSignatureCheck::build() const {
    const RevocationSettings settings = revocation_settings(storage_);
    crypto::VerifyOptions options;
    options.trust_dir = trust_dir_;
    options.crl_files = CrlStore(trust_dir_, crl_dir_).files();
    options.require_revocation = true;
    options.issuers_without_crl = settings.allowed_without;
    options.stale_crl = settings.stale;
    return std::make_shared<const crypto::Verifier>(options);
}

std::shared_ptr<const crypto::Verifier> VerifierSignatureCheck::current() const {
    const std::string generation = storage_.setting("crl_generation", "");
    std::lock_guard lock(mutex_);
    if (generation != generation_ && generation != failed_generation_) {
        try {
            verifier_ = build();
            generation_ = generation;
        } catch (const std::exception& e) {
            failed_generation_ = generation;
            std::cerr << "jaanch-hub: warning: the CRLs or trust anchors changed but cannot be loaded ("
                      << e.what() << "); decisions are still checked against the ones loaded before.\n";
        }
    }
    return verifier_;
}

SignatureVerdict VerifierSignatureCheck::verify(std::string_view cms_der, std::string_view signed_bytes,
                                                const std::string& registered_certificate_sha256,
                                                Timestamp received_at) const {
    crypto::VerifyExpectations expect;
    expect.certificate_sha256 = registered_certificate_sha256;
    expect.revocation_time = received_at;
    const crypto::VerifyResult result = current()->verify(signed_bytes, cms_der, expect);
    SignatureVerdict verdict;
    verdict.ok = result.ok;
    if (!result.ok) {
        verdict.code = std::string(crypto::reason_name(result.reason));
        verdict.message = result.message;
    }
    if (result.signer) {
        verdict.certificate_sha256 = result.signer->certificate_sha256;
        verdict.key_sha256 = result.signer->public_key_sha256;
    }
    if (result.crl_stale)
        verdict.crl_warning = result.crl_warning;
    return verdict;
}

}  // namespace jaanch::hub
