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

}  // namespace jaanch::catalogue
