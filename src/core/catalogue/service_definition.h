// One service of the catalogue (forms/<id>.json) as plain values. The format is documented in docs/forms.md
// and forms/service.schema.json; this header is its C++ twin.
//
// Parsing (parse_service) checks shape only: types, required and unknown keys. Meaning (unknown field types,
// duplicate keys, unreachable states …) is checked by validate_service in catalogue/validator.h, which
// reports every problem instead of stopping at the first.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/decision.h"
#include "util/json_reader.h"

namespace jaanch::catalogue {

// A label in both languages the workstation speaks. Either may be missing after parsing; the validator
// insists.
struct LocalizedText {
    std::string en;
    std::string hi;

    const std::string& in(std::string_view language) const {
        return language == "hi" && !hi.empty() ? hi : en;
    }
    bool operator==(const LocalizedText&) const = default;
};

struct EnumOption {
    std::string code;
    LocalizedText label;
};

struct FieldDefinition {
    std::string key;
    LocalizedText label;
    std::string type;  // see kFieldTypes in validator.h: "text", "date", "aadhaar", "family_members" …
    bool required = false;
    std::string group;                     // key of a FieldGroup
    std::vector<EnumOption> options;       // for "enum"
    std::vector<FieldDefinition> columns;  // for table types ("table", "family_members")
    bool is_table() const { return type == "table" || type == "family_members"; }
};

struct FieldGroup {
    std::string key;
    LocalizedText label;
};

struct DocumentRequirement {
    std::string kind;
    LocalizedText label;
    bool mandatory = false;
    std::vector<std::string> accepted;  // MIME types
};

struct ReasonCode {
    std::string code;
    LocalizedText label;
};

struct Deadline {
    int days = 0;
    std::string count = "calendar";  // "calendar" or "working"
};

struct LevelRole {
    std::string code;  // a role of forms/roles.json
    std::string area;  // "any", "rural" or "urban": which applications this role verifies at this level
};

// What an officer must have opened before approving or forwarding at a level (`review.require_opened`).
enum class ReviewRequirement {
    none,
    mandatory_documents,               // every mandatory document of the application, at least one page
    all_pages_of_mandatory_documents,  // every page of every mandatory document
};
std::string_view review_requirement_name(ReviewRequirement r);

struct Level {
    std::string id;
    LocalizedText label;
    std::vector<LevelRole> roles;
    std::vector<std::string> actions;  // action wire names; validated against model::Action
    Deadline deadline;
    bool exception = false;  // reached only by escalation along an exception route
    ReviewRequirement require_opened = ReviewRequirement::none;
};

// Escalation from one level to an exception level (e.g. L2 → District Collector), and when it applies.
struct ExceptionRoute {
    std::string id;
    LocalizedText label;
    std::string from;
    std::string to;
    json::Json when;         // a condition (docs/forms.md#rules); null = always available
    bool mandatory = false;  // when `when` holds, `from` may not approve: it must escalate
};

struct EligibilityRule {
    std::string id;
    LocalizedText label;
    json::Json rule;  // a condition (docs/forms.md#rules)
};

struct ServiceDefinition {
    std::string id;
    int version = 1;
    std::string state;  // ISO 3166-2:IN code without the prefix: "JH", "RJ", "HR", "MH", "MP"
    std::string portal;
    LocalizedText department;
    LocalizedText title;
    Deadline deadline;  // the Right to Service deadline for the whole application
    std::vector<FieldGroup> groups;
    std::vector<FieldDefinition> fields;
    std::vector<DocumentRequirement> documents;
    std::vector<ReasonCode> reject_reasons;
    std::vector<ReasonCode> return_reasons;
    std::vector<Level> levels;
    std::vector<ExceptionRoute> exception_routes;
    std::vector<EligibilityRule> eligibility;

    const Level* find_level(std::string_view level_id) const;
    const FieldDefinition* find_field(std::string_view key) const;
    const ReasonCode* find_reason(model::Action action, std::string_view code) const;
    const ExceptionRoute* route_from(std::string_view level_id) const;
    std::string key() const { return id + "@" + std::to_string(version); }
};

struct RoleDefinition {
    std::string code;
    LocalizedText label;
};

// Parses one service definition. Throws InputError (with JSON path) for shape errors.
ServiceDefinition parse_service(const json::Json& j);
std::vector<RoleDefinition> parse_roles(const json::Json& j);

void read_value(const json::Json& j, const std::string& path, LocalizedText& out);
void to_json(json::Json& j, const LocalizedText& v);

}  // namespace jaanch::catalogue
