#include "catalogue/service_definition.h"

#include "util/enum_names.h"

namespace jaanch::catalogue {

void read_value(const json::Json& j, const std::string& path, LocalizedText& out) {
    json::ObjectReader r(j, path);
    out.en = r.optional_or<std::string>("en", "");
    out.hi = r.optional_or<std::string>("hi", "");
    r.finish();
}

void to_json(json::Json& j, const LocalizedText& v) {
    j = json::Json{{"en", v.en}, {"hi", v.hi}};
}

void read_value(const json::Json& j, const std::string& path, EnumOption& out) {
    json::ObjectReader r(j, path);
    out.code = r.required<std::string>("code");
    out.label = r.required<LocalizedText>("label");
    r.finish();
}

void read_value(const json::Json& j, const std::string& path, FieldDefinition& out) {
    json::ObjectReader r(j, path);
    out.key = r.required<std::string>("key");
    out.label = r.required<LocalizedText>("label");
    out.type = r.required<std::string>("type");
    out.required = r.optional_or<bool>("required", false);
    out.group = r.optional_or<std::string>("group", "");
    out.options = r.optional_or<std::vector<EnumOption>>("options", {});
    out.columns = r.optional_or<std::vector<FieldDefinition>>("columns", {});
    r.finish();
}

void read_value(const json::Json& j, const std::string& path, FieldGroup& out) {
    json::ObjectReader r(j, path);
    out.key = r.required<std::string>("key");
    out.label = r.required<LocalizedText>("label");
    r.finish();
}

void read_value(const json::Json& j, const std::string& path, DocumentRequirement& out) {
    json::ObjectReader r(j, path);
    out.kind = r.required<std::string>("kind");
    out.label = r.required<LocalizedText>("label");
    out.mandatory = r.required<bool>("mandatory");
    out.accepted = r.required<std::vector<std::string>>("accepted");
    r.finish();
}

void read_value(const json::Json& j, const std::string& path, ReasonCode& out) {
    json::ObjectReader r(j, path);
    out.code = r.required<std::string>("code");
    out.label = r.required<LocalizedText>("label");
    r.finish();
}

void read_value(const json::Json& j, const std::string& path, Deadline& out) {
    json::ObjectReader r(j, path);
    out.days = r.required<int>("days");
    out.count = r.optional_or<std::string>("count", "calendar");
    r.finish();
}

void read_value(const json::Json& j, const std::string& path, LevelRole& out) {
    json::ObjectReader r(j, path);
    out.code = r.required<std::string>("code");
    out.area = r.optional_or<std::string>("area", "any");
    r.finish();
}

namespace {

constexpr EnumNames<ReviewRequirement, 3> kReviewRequirementNames{
    {{ReviewRequirement::none, "none"},
     {ReviewRequirement::mandatory_documents, "mandatory_documents"},
     {ReviewRequirement::all_pages_of_mandatory_documents, "all_pages_of_mandatory_documents"}}};

struct LevelReview {
    ReviewRequirement require_opened = ReviewRequirement::none;
};

void read_value(const json::Json& j, const std::string& path, LevelReview& out) {
    json::ObjectReader r(j, path);
    read_enum(r.raw_required("require_opened"), r.path_of("require_opened"), kReviewRequirementNames,
              out.require_opened);
    r.finish();
}

}  // namespace

std::string_view review_requirement_name(ReviewRequirement r) {
    return enum_name(kReviewRequirementNames, r);
}

void read_value(const json::Json& j, const std::string& path, Level& out) {
    json::ObjectReader r(j, path);
    out.id = r.required<std::string>("id");
    out.label = r.required<LocalizedText>("label");
    out.roles = r.required<std::vector<LevelRole>>("roles");
    out.actions = r.required<std::vector<std::string>>("actions");
    out.deadline = r.required<Deadline>("deadline");
    out.exception = r.optional_or<bool>("exception", false);
    out.require_opened = r.optional_or<LevelReview>("review", {}).require_opened;
    r.finish();
}

void read_value(const json::Json& j, const std::string& path, ExceptionRoute& out) {
    json::ObjectReader r(j, path);
    out.id = r.required<std::string>("id");
    out.label = r.required<LocalizedText>("label");
    out.from = r.required<std::string>("from");
    out.to = r.required<std::string>("to");
    const json::Json* when = r.raw_optional("when");
    out.when = when ? *when : json::Json();
    out.mandatory = r.optional_or<bool>("mandatory", false);
    r.finish();
}

void read_value(const json::Json& j, const std::string& path, EligibilityRule& out) {
    json::ObjectReader r(j, path);
    out.id = r.required<std::string>("id");
    out.label = r.required<LocalizedText>("label");
    out.rule = r.raw_required("rule");
    r.finish();
}

namespace {

void read_reasons(json::ObjectReader& service, ServiceDefinition& out) {
    json::ObjectReader r(service.raw_required("reasons"), service.path_of("reasons"));
    out.reject_reasons = r.optional_or<std::vector<ReasonCode>>("reject", {});
    out.return_reasons = r.optional_or<std::vector<ReasonCode>>("return", {});
    r.finish();
}

void read_workflow(json::ObjectReader& service, ServiceDefinition& out) {
    json::ObjectReader r(service.raw_required("workflow"), service.path_of("workflow"));
    out.levels = r.required<std::vector<Level>>("levels");
    out.exception_routes = r.optional_or<std::vector<ExceptionRoute>>("exception_routes", {});
    r.finish();
}

}  // namespace

ServiceDefinition parse_service(const json::Json& j) {
    ServiceDefinition out;
    json::ObjectReader r(j, "$");
    r.raw_optional("$schema");  // editors' hint; carries no meaning
    out.id = r.required<std::string>("id");
    out.version = r.required<int>("version");
    out.state = r.required<std::string>("state");
    out.portal = r.required<std::string>("portal");
    out.department = r.required<LocalizedText>("department");
    out.title = r.required<LocalizedText>("title");
    out.deadline = r.required<Deadline>("deadline");
    out.groups = r.required<std::vector<FieldGroup>>("groups");
    out.fields = r.required<std::vector<FieldDefinition>>("fields");
    out.documents = r.required<std::vector<DocumentRequirement>>("documents");
    read_reasons(r, out);
    read_workflow(r, out);
    out.eligibility = r.optional_or<std::vector<EligibilityRule>>("eligibility", {});
    r.finish();
    return out;
}

void read_value(const json::Json& j, const std::string& path, RoleDefinition& out) {
    json::ObjectReader r(j, path);
    out.code = r.required<std::string>("code");
    out.label = r.required<LocalizedText>("label");
    r.finish();
}

std::vector<RoleDefinition> parse_roles(const json::Json& j) {
    json::ObjectReader r(j, "$");
    r.raw_optional("$schema");
    auto roles = r.required<std::vector<RoleDefinition>>("roles");
    r.finish();
    return roles;
}

const Level* ServiceDefinition::find_level(std::string_view level_id) const {
    for (const auto& level : levels) {
        if (level.id == level_id)
            return &level;
    }
    return nullptr;
}

const FieldDefinition* ServiceDefinition::find_field(std::string_view key) const {
    for (const auto& field : fields) {
        if (field.key == key)
            return &field;
    }
    return nullptr;
}

const ReasonCode* ServiceDefinition::find_reason(model::Action action, std::string_view code) const {
    const auto* list = action == model::Action::reject                ? &reject_reasons
                       : action == model::Action::return_to_applicant ? &return_reasons
                                                                      : nullptr;
    if (list == nullptr)
        return nullptr;
    for (const auto& reason : *list) {
        if (reason.code == code)
            return &reason;
    }
    return nullptr;
}

const ExceptionRoute* ServiceDefinition::route_from(std::string_view level_id) const {
    for (const auto& route : exception_routes) {
        if (route.from == level_id)
            return &route;
    }
    return nullptr;
}

}  // namespace jaanch::catalogue
