// Validators for the identifier and value types of docs/forms.md (Aadhaar with its Verhoeff check digit, PAN
// and its holder-type letter, IFSC, mobile, PIN code, bank account, Jan Aadhaar, Samagra, Haryana family IDs,
// e-mail, dates, money, numbers, enums), and check_application, which runs them over every field and table
// cell of an application.
//
// Each result is pass, fail with its reason in English and Hindi, or not applicable (an optional field left
// empty). Reasons never repeat a full Aadhaar number. Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalogue/service_definition.h"
#include "checks/check_result.h"
#include "model/application.h"
#include "util/time.h"

namespace jaanch::checks {

// The Verhoeff checksum over a string of decimal digits: valid when the last digit is the check digit.
bool verhoeff_valid(std::string_view digits);
// The check digit to append to `digits` (all decimal) so that the whole is Verhoeff-valid.
char verhoeff_check_digit(std::string_view digits);

// 12 digits, the first 2–9, Verhoeff-valid. Exactly digits: callers strip display separators first.
bool is_valid_aadhaar(std::string_view digits);

// The meaning of a PAN's fourth letter ("P" → individual person), or nullopt for a letter no PAN uses.
std::optional<LocalizedText> pan_holder_type(char letter);

// What a check needs besides the value: today's date (no date may lie after it) and the service's reference
// date for ages (the submission date).
struct CheckContext {
    Date today;
    Date reference;
};

// Checks one non-empty value against its field definition. `address` becomes FieldCheck::field.
FieldCheck check_value(const catalogue::FieldDefinition& field, const std::string& address,
                       std::string_view value, const CheckContext& context);

// Every field of `service` in form order, then every cell of every table row, then values the application
// holds for keys the service does not define (each a failure). Required-but-empty fields and empty required
// tables fail; empty optional fields are not applicable.
std::vector<FieldCheck> check_application(const catalogue::ServiceDefinition& service,
                                          const model::Application& application, Date today);

}  // namespace jaanch::checks
