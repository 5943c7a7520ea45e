// A citizen's application as verifiers see it: form values, documents, where it stands and how it got there.
//
// Field values are strings in the canonical text form of their field type (dates `YYYY-MM-DD`, money in
// rupees with up to two decimals, identifiers as digits); the service definition says which type each key
// has. Table fields (the family-member table, years of service …) hold rows of such values.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "model/decision.h"
#include "model/document_ref.h"
#include "model/jurisdiction.h"
#include "util/json_reader.h"
#include "util/time.h"

namespace jaanch::model {

using FieldValues = std::map<std::string, std::string>;
using TableRows = std::vector<FieldValues>;

struct Application {
    std::string number;
    std::string service_id;
    int service_version = 1;
    Timestamp submitted_at{};
    Jurisdiction jurisdiction;
    FieldValues fields;
    std::map<std::string, TableRows> tables;  // e.g. "members" → one row per family member
    std::vector<DocumentRef> documents;
    std::string
        current_level;  // level id of the service; for a finished application, the level that finished it
    Status status = Status::pending;
    Timestamp level_entered_at{};  // when it reached current_level (per-level deadlines count from here)
    std::uint64_t version = 1;     // bumped by every change; decisions name the version they saw
    std::vector<ActionRecord> history;

    bool operator==(const Application&) const = default;

    const DocumentRef* find_document(const std::string& id) const;
    // The field's value, or empty when the applicant left it blank.
    std::string field(const std::string& key) const;
};

void read_value(const json::Json& j, const std::string& path, Application& out);
void to_json(json::Json& j, const Application& v);

Application parse_application(std::string_view text, const std::string& source_name);

}  // namespace jaanch::model
