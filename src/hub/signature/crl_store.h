// The hub's certificate revocation lists and revocation settings: one CRL per CA in DATA/crl/, checked
// against DATA/trust when added, and the settings that say what an unknown or stale revocation status does.
//
// A running hub notices a change without a restart through the `crl_generation` setting in the database:
// every change here (a CRL added by `jaanch-hub crl add` or by the periodic fetch, a CA allowed without a
// CRL, the stale policy) bumps it inside the audited transaction, and VerifierSignatureCheck rebuilds its
// verifier when the number it reads differs from the one it loaded (docs/signatures.md § revocation).
//
// Settings (database): crl_generation (a counter), crl_stale ("refuse" or "warn"; refuse when unset),
// crl_allow_without (JSON array of CA subjects, RFC 2253, allowed to publish no CRL).
// Errors: CryptoError for a CRL that is not a trusted CA's; jaanch::Error for files that cannot be written.
// Threads: the functions may run in several processes at once (admin command and the serve process): each
// file is written to a temporary name and renamed, and the settings change in one storage transaction.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "crypto/verifier.h"
#include "hub/storage/storage.h"

namespace jaanch::hub {

struct RevocationSettings {
    std::string generation;  // "" before any change
    crypto::StaleCrl stale = crypto::StaleCrl::refuse;
    std::vector<std::string> allowed_without;  // CA subjects (RFC 2253)
};

RevocationSettings revocation_settings(Storage& storage);

// What adding a CRL did.
enum class CrlAddition { added, replaced, already_held, older };

struct CrlAdded {
    CrlAddition outcome = CrlAddition::added;
    crypto::CrlDescription crl;
    std::string held_this_update;  // for older / already_held: the thisUpdate of the CRL kept
};

class CrlStore {
  public:
    CrlStore(std::filesystem::path trust_dir, std::filesystem::path crl_dir);

    // Checks `bytes` (PEM or DER) against the trust folder and keeps it as the CRL of its CA when it is newer
    // than the one held (by thisUpdate); an older one is refused (outcome older, nothing changes). On a
    // change bumps crl_generation and audits `crl_add` (actor `actor`, "admin" or "crl_fetch") in one
    // transaction.
    CrlAdded add(std::string_view bytes, Storage& storage, const std::string& actor, Timestamp now) const;

    // Every CRL held, one per CA (a folder of hand-copied files may hold several: all are listed).
    // The usable CRLs. A file that is not a trusted CA's CRL throws, naming it, unless `unusable` is given:
    // then it is skipped and its sentence added there (one bad file must not stop the others being served).
    std::vector<crypto::CrlDescription> list(std::vector<std::string>* unusable = nullptr) const;
    std::vector<std::filesystem::path> files() const;

    const std::filesystem::path& trust_dir() const { return trust_dir_; }

  private:
    std::filesystem::path trust_dir_;
    std::filesystem::path crl_dir_;
};

// Allows (allow = true) or no longer allows a CA to have no CRL; audited `ca_allow_without_crl` /
// `ca_require_crl`; bumps the generation. `subject` is the CA's RFC 2253 subject.
void set_allowed_without_crl(Storage& storage, const std::string& subject, bool allow, Timestamp now);

// Sets crl_stale; audited `crl_stale_policy`; bumps the generation.
void set_stale_policy(Storage& storage, crypto::StaleCrl policy, Timestamp now);

}  // namespace jaanch::hub
