#include "hub/signature/verifier_check.h"

#include "crypto/canonical_json.h"

namespace jaanch::hub {

std::string decision_signed_bytes(const model::Decision& decision) {
    return crypto::canonical_decision_bytes(decision);
}

VerifierSignatureCheck::VerifierSignatureCheck(const std::filesystem::path& trust_dir,
                                               std::vector<std::filesystem::path> crl_files)
    : verifier_(crypto::VerifyOptions{trust_dir, std::move(crl_files), std::nullopt}) {}

SignatureVerdict VerifierSignatureCheck::verify(std::string_view cms_der, std::string_view signed_bytes,
                                                const std::string& registered_certificate_sha256) const {
    const crypto::VerifyResult result =
        verifier_.verify(signed_bytes, cms_der, crypto::VerifyExpectations{registered_certificate_sha256});
    if (result.ok)
        return SignatureVerdict{true, "", ""};
    return SignatureVerdict{false, std::string(crypto::reason_name(result.reason)), result.message};
}

}  // namespace jaanch::hub
