#include "workstation/policy_signer.h"

#include "crypto/pkcs11_signer.h"
#include "crypto/pkcs12_signer.h"

namespace jaanch::workstation {

PolicySigner::PolicySigner(Opener opener, PinPolicy policy, std::string description)
    : opener_(std::move(opener)), policy_(policy), description_(std::move(description)) {}

crypto::Signer& PolicySigner::open() const {
    if (!open_)
        open_ = opener_();
    return *open_;
}

std::string PolicySigner::certificate_der() const {
    if (certificate_.empty())
        certificate_ = open().certificate_der();
    return certificate_;
}

std::string PolicySigner::sign_at(std::string_view canonical, Timestamp signing_time) {
    try {
        std::string signature = open().sign_at(canonical, signing_time);
        if (policy_ == PinPolicy::every_time)
            open_.reset();
        return signature;
    } catch (const crypto::SigningError&) {
        open_.reset();  // a pulled-out token or a refused PIN: the next signature starts afresh
        throw;
    }
}

void PolicySigner::forget() {
    open_.reset();
}

PolicySigner::Opener opener_for(const AccountSettings& settings, crypto::PinPrompt ask) {
    if (settings.key_source == KeySource::token) {
        const crypto::Pkcs11Config config{settings.pkcs11_module, settings.token_label, settings.token_serial,
                                          "", ""};
        return [config, ask] { return std::make_unique<crypto::Pkcs11Signer>(config, ask); };
    }
    if (settings.key_source == KeySource::p12) {
        const std::filesystem::path file = settings.p12_file;
        return [file, ask]() -> std::unique_ptr<crypto::Signer> {
            crypto::SecretString password =
                ask(crypto::PinRequest{file.filename().string(), "", false, false});
            if (password.empty())
                throw crypto::SigningError(
                    crypto::SigningFailure::pin_cancelled,
                    "Signing was cancelled: no password was given for " + file.string() + ".");
            return std::make_unique<crypto::Pkcs12Signer>(file, password);
        };
    }
    throw crypto::SigningError(
        crypto::SigningFailure::key_not_found,
        "No signing key is chosen. Open Preferences and choose your DSC token or PKCS#12 file.");
}

}  // namespace jaanch::workstation
