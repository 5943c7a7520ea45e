// The SignatureCheck the hub ships: jaanch_core's crypto::Verifier (CMS, chain to the trust anchors,
// validity, key usage, CRLs) plus the officer's registered certificate. Trust anchors are the certificates in
// DATA/trust, CRLs the files of DATA/crl (signature/crl_store.h). Unknown revocation status is refused
// unless the CA is allowed without a CRL.
//
// Reloading: each verify() reads the storage's crl_generation setting; when it differs from the one the
// current verifier was built for, the verifier is rebuilt from the folders and settings (under a mutex; the
// verifications already running keep the old one). So `jaanch-hub crl add` and the periodic fetch take
// effect on the next decision, without a restart. A rebuild that fails (a damaged file) keeps the old
// verifier and prints the reason to stderr once per generation.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <vector>

#include "crypto/verifier.h"
#include "hub/signature/signature_check.h"
#include "hub/storage/storage.h"

namespace jaanch::hub {

class VerifierSignatureCheck final : public SignatureCheck {
  public:
    // Throws crypto::CryptoError when the trust folder is missing, empty or unreadable, or a CRL file is
    // not a CRL.
    VerifierSignatureCheck(std::filesystem::path trust_dir, std::filesystem::path crl_dir, Storage& storage);

    SignatureVerdict verify(std::string_view cms_der, std::string_view signed_bytes,
                            const std::string& registered_certificate_sha256,
                            Timestamp received_at) const override;

  private:
    std::shared_ptr<const crypto::Verifier> current() const;
    std::shared_ptr<const crypto::Verifier> build() const;

    std::filesystem::path trust_dir_;
    std::filesystem::path crl_dir_;
    Storage& storage_;
    mutable std::mutex mutex_;
    mutable std::shared_ptr<const crypto::Verifier> verifier_;
    mutable std::string generation_;
    mutable std::string failed_generation_;
};

}  // namespace jaanch::hub
