// The SignatureCheck the hub ships: jaanch_core's crypto::Verifier (CMS, chain to the trust anchors,
// validity, key usage, CRLs) plus the officer's registered certificate. Trust anchors are the certificates in
// DATA/trust.
#pragma once

#include <filesystem>
#include <vector>

#include "crypto/verifier.h"
#include "hub/signature/signature_check.h"

namespace jaanch::hub {

class VerifierSignatureCheck final : public SignatureCheck {
  public:
    // Throws crypto::CryptoError when the trust folder is missing, empty or unreadable.
    VerifierSignatureCheck(const std::filesystem::path& trust_dir,
                           std::vector<std::filesystem::path> crl_files);

    SignatureVerdict verify(std::string_view cms_der, std::string_view signed_bytes,
                            const std::string& registered_certificate_sha256) const override;

  private:
    crypto::Verifier verifier_;
};

}  // namespace jaanch::hub
