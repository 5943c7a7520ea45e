// Checks an application's values against its service definition: the shape each field type promises
// (docs/forms.md § Fields), required fields and table rows, enum codes, unknown keys, and the document
// checklist (known kinds, accepted types, mandatory kinds present).
//
// Shape, not truth: an Aadhaar number must be 12 digits not starting with 0 or 1, but its Verhoeff check
// digit, a PAN's holder type or whether an IFSC's bank exists are for the verifier to judge (the checks
// layer), which is why a portal may file an application whose Aadhaar number turns out to be wrong. Reports
// every problem, each with its JSON path relative to the application (`$.fields.applicant_mobile`,
// `$.tables.members[2].name`). Pure; thread-safe.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "catalogue/service_definition.h"
#include "catalogue/validator.h"
#include "model/application.h"

namespace jaanch::catalogue {

// Why `value` is not a well-formed value of `field`'s type, or nullopt when it is. `value` is non-empty.
std::optional<std::string> value_problem(const FieldDefinition& field, const std::string& value);

std::vector<Problem> check_application_values(const ServiceDefinition& service,
                                              const model::FieldValues& fields,
                                              const std::map<std::string, model::TableRows>& tables,
                                              const std::vector<model::DocumentRef>& documents);

}  // namespace jaanch::catalogue
