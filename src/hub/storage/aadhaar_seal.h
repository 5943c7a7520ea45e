// How the hub keeps Aadhaar numbers out of its database (docs/checks.md#the-hubs-vault): the JSON it stores
// for an application or a decision is a masked shadow, and the text as received is kept only sealed with
// AES-256-GCM (crypto/aadhaar_vault.h) beside it.
//
// The shadow masks every Aadhaar-shaped number in every string of the JSON: 12 digits starting 2–9, written
// together or in 4-4-4 groups with one space or hyphen, not touching other digits, valid check digit or not
// (an applicant's mistyped number is still theirs). It needs no service definition, so the storage and its
// migrations can seal without the catalogue; over-masking (a 12-digit bank account) costs nothing because
// every reader of the hub gets the opened original, never the shadow. Free text (remarks, notes) is covered
// by the same pass, and signed decisions keep their exact bytes in the sealed copy.
//
// Lookup tokens (HMAC-SHA256, AadhaarVault::lookup_token) are made for every field and table cell whose
// whole value is Aadhaar-shaped, so duplicates are found by token alone.
//
// Pure functions over their arguments; thread-safe. Errors: crypto::CryptoError from the vault.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "crypto/aadhaar_vault.h"
#include "model/application.h"

namespace jaanch::hub {

// `text` with every Aadhaar-shaped number (see above) replaced by checks::mask_aadhaar's "XXXX-XXXX-1234".
std::string mask_aadhaar_shaped(std::string_view text);

// Whether a value as a whole is one Aadhaar-shaped number.
bool is_aadhaar_shaped(std::string_view value);

struct AadhaarToken {
    std::string path;   // "aadhaar", "members[2].aadhaar"
    std::string token;  // 64 hex characters
};

struct SealedJson {
    std::string shown;                    // the masked shadow, valid JSON
    std::optional<crypto::Bytes> sealed;  // the original text; nullopt when the shadow equals it
    std::vector<AadhaarToken> tokens;     // applications only
};

// The associated data the original is sealed under, so a sealed copy moved to another row fails to open.
std::string application_context(const std::string& number);
std::string decision_context(const std::string& id);

// `json_text` is the application's JSON as the hub serves it (json::Json::dump, which writes digits as they
// are: a number written as \u escapes would not be seen).
SealedJson seal_application_json(const model::Application& app, const std::string& json_text,
                                 const crypto::AadhaarVault& vault);
SealedJson seal_decision_json(const std::string& id, const std::string& json_text,
                              const crypto::AadhaarVault& vault);

}  // namespace jaanch::hub
