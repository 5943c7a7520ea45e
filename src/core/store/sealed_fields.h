// What of an application the workspace may keep in plain text, and what it seals
// (docs/checks.md#aadhaar-at-rest).
//
// Sealed, with the value kept only as AES-256-GCM ciphertext (crypto/aadhaar_vault.h) and the application
// JSON holding the masked form instead:
//   - every field and table cell whose type in the service definition is `aadhaar` (kind "aadhaar", masked
//     `XXXX-XXXX-1234`, found again through the keyed lookup token of its digits);
//   - every `text` / `long_text` value with an Aadhaar-shaped number inside (kind "text", shown with those
//     numbers masked by checks::redact_aadhaar_numbers);
//   - for a service the catalogue does not know: any value that is an Aadhaar number (valid, 12 digits in
//     any common spelling) is kind "aadhaar", any other value containing one is kind "text".
// Other typed identifiers (bank accounts, mobiles …) are kept as they are. Signed decision history is never
// rewritten (its signatures cover it).
//
// The same pass derives the identity keys duplicates are found by: Aadhaar lookup tokens, Jan Aadhaar,
// Samagra and Haryana family IDs, and people (name, date of birth, village LGD code).
//
// Pure functions over their arguments; thread-safe.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "catalogue/service_definition.h"
#include "crypto/aadhaar_vault.h"
#include "model/application.h"

namespace jaanch::store {

struct SealedValue {
    std::string path;   // "aadhaar", "members[2].aadhaar"
    std::string kind;   // "aadhaar" or "text"
    std::string token;  // lookup token of an Aadhaar number's digits; empty for "text"
    crypto::Bytes sealed;
};

struct IdentityKey {
    std::string
        kind;  // "aadhaar", "jan_aadhaar_family_id", "samagra_family_id", "haryana_family_id", "person"
    std::string value;  // token, ID digits, or "YYYY-MM-DD|<village LGD code>" for a person
    std::string path;   // where in the application
    std::string name;   // a person's name as written; empty for the other kinds
};

struct SealedApplication {
    model::Application shown;  // what the workspace stores: sealed values replaced by their masked form
    std::vector<SealedValue> sealed;
    std::vector<IdentityKey> keys;
};

// The associated data a value is sealed under: a ciphertext moved to another application or field fails to
// open.
std::string sealing_context(const std::string& application, const std::string& path);

// Whether a value is already a mask made by this module ("XXXX-XXXX-1234"): an application read back from the
// workspace and stored again keeps its earlier ciphertext for such values (`previous`, by path).
bool is_masked_aadhaar(const std::string& value);

SealedApplication seal_application(const model::Application& app, const catalogue::ServiceDefinition* service,
                                   const crypto::AadhaarVault& vault,
                                   const std::map<std::string, SealedValue>& previous);

// Puts opened values back into a shown application (by path).
void unseal_into(model::Application& app, const std::map<std::string, std::string>& values);

}  // namespace jaanch::store
