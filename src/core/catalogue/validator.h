// Checks the meaning of a service definition: everything parse_service cannot see from shape alone.
// Reports every problem it finds, each with the JSON path to fix. Pure; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "catalogue/service_definition.h"

namespace jaanch::catalogue {

// Field types a definition may use. The checks layer validates values of each type.
const std::vector<std::string>& field_types();
// MIME types a document requirement may accept.
const std::vector<std::string>& document_types();

struct Problem {
    std::string file;  // empty for problems found in memory
    std::size_t line = 0;
    std::string path;
    std::string message;

    // "forms/x.json:12: $.fields[2].type: unknown field type \"txt\""
    std::string to_string() const;
};

std::vector<Problem> validate_service(const ServiceDefinition& service,
                                      const std::vector<RoleDefinition>& roles);

}  // namespace jaanch::catalogue
