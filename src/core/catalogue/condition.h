// The small declarative language of service definitions for exception-route triggers and eligibility rules
// (docs/forms.md#rules). Conditions are JSON; they are validated when the catalogue loads and evaluated with
// three-valued logic, because an application's data is often incomplete.
//
// Pure functions; thread-safe.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "catalogue/service_definition.h"
#include "model/application.h"
#include "util/time.h"

namespace jaanch::catalogue {

enum class Truth { yes, no, unknown };

// Appends one message per problem ("path: message") found in a condition of `service`.
void check_condition(const json::Json& condition, const std::string& path, const ServiceDefinition& service,
                     std::vector<std::pair<std::string, std::string>>& problems);

// Evaluates a condition against an application. Precondition: the condition passed check_condition (the
// catalogue admits no service whose conditions did not). Missing data gives `unknown`, never a guess.
// Operators that need other applications (once_per_financial_year) are `unknown` here; the checks layer,
// which sees the local store, answers them.
Truth evaluate_condition(const json::Json& condition, const model::Application& application);

// A truth with the facts behind it, in both languages: "Joining date: 10 Jan 2020, 4 years 7 months by 15 Aug
// 2024 < 5 years". Facts name fields by their labels, enum values by their option labels, dates as people
// write them, and mask Aadhaar numbers.
struct Explanation {
    Truth truth = Truth::unknown;
    LocalizedText because;
};

struct ExplainContext {
    // Labels, option names and field types come from here; without it, keys and codes are shown.
    const ServiceDefinition* service = nullptr;
    // Answers once_per_financial_year for the key's value (`key_field` is the key's field name when the key
    // is
    // {"field": k}, else empty). Without it the operator is unknown: it needs the other applications.
    std::function<Explanation(const std::string& key_field, const std::string& key_value)>
        once_per_financial_year;
};

// evaluate_condition with the reasons. Same truth as evaluate_condition when the context answers nothing
// more; same precondition (the condition passed check_condition).
Explanation explain_condition(const json::Json& condition, const model::Application& application,
                              const ExplainContext& context);

}  // namespace jaanch::catalogue
