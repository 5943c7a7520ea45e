// RFC 8785 JSON Canonicalization Scheme (JCS): the exact bytes a decision's signature covers.
//
// Rules (docs/signatures.md): no whitespace; object members sorted by their names' UTF-16 code units; strings
// as UTF-8 with only `"`, `\` and U+0000..U+001F escaped (\b \t \n \f \r, else \u00xx lowercase); numbers as
// ECMAScript's Number.prototype.toString of the IEEE-754 double (shortest round-trip digits, exponent form
// below 1e-6 and from 1e21). Any off-the-shelf JCS library yields the same bytes for the same JSON.
//
// Errors: jaanch::InputError (with the JSON path) for what JCS cannot represent: NaN or infinity, an integer
// beyond ±2^53 (it would silently change when read as a double), a string that is not valid UTF-8, or binary
// values. Pure functions, thread-safe.
#pragma once

#include <string>

#include "model/decision.h"
#include "util/json_reader.h"

namespace jaanch::crypto {

// JCS of any JSON value.
std::string canonical_json(const json::Json& value);

// JCS of one number, as ECMAScript prints it ("1e+21", "0.000001", "5e-324"); throws InputError for NaN/inf.
std::string canonical_number(double value);

// The bytes an officer signs for a decision: canonical_json(json::Json(decision)).
std::string canonical_decision_bytes(const model::Decision& decision);

// Reads decision JSON text strictly (model::parse_decision) and returns its canonical bytes. Throws
// InputError when the text is not a valid decision, and when it is not in the model's normal form (for
// instance a `decided_at` with an offset instead of `Z`): a portal canonicalising that text itself would get
// other bytes.
std::string canonical_decision_bytes_from_text(std::string_view text, const std::string& source_name);

}  // namespace jaanch::crypto
