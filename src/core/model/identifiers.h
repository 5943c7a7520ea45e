// Shape rules for the identifiers the model uses as keys (ids, codes, application numbers).
#pragma once

#include <string>
#include <string_view>

#include "util/json_reader.h"

namespace jaanch::model {

// Letters, digits, '_', '-' and '.', 1 to 64 characters: safe in URLs, file names and log lines.
bool is_identifier(std::string_view text);

// Reads a required key that must be an identifier.
std::string read_identifier(json::ObjectReader& r, std::string_view key);

// Application numbers also allow '/', as portals print them (e.g. "JH/RNC/2026/000123").
bool is_application_number(std::string_view text);

// RFC 4122 textual UUID, lowercase.
bool is_uuid(std::string_view text);

}  // namespace jaanch::model
