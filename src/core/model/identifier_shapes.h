// The shape of each identifier as written canonically (no spaces or hyphens): one rule per identifier, shared
// by the hub, which refuses an application whose values are not of their type's shape
// (catalogue/value_check.h), and by the checks, which start from the shape and then judge the truth
// (Aadhaar's Verhoeff digit, a PAN's holder type, a mobile of ten equal digits: checks/identifiers.h). It
// lives in model, below both, so that neither reaches up to the other. Pure functions; thread-safe; no
// dependency beyond the standard library.
#pragma once

#include <cstddef>
#include <string_view>

namespace jaanch::model {

bool all_decimal_digits(std::string_view s);                  // non-empty, 0–9 only
bool aadhaar_shape(std::string_view s);                       // 12 digits, the first 2–9
bool pan_shape(std::string_view s);                           // AAAAA9999A
bool ifsc_shape(std::string_view s);                          // AAAA0 and 6 capital letters or digits
bool mobile_shape(std::string_view s);                        // 10 digits, the first 6–9
bool pincode_shape(std::string_view s);                       // 6 digits, the first not 0
bool bank_account_shape(std::string_view s);                  // 9 to 18 digits
bool haryana_family_id_shape(std::string_view s);             // 8 capital letters or digits
bool exactly_digits(std::string_view s, std::size_t length);  // `length` digits (family IDs …)

}  // namespace jaanch::model
