#include "workstation/application_conventions.h"

namespace jaanch::workstation {
namespace {

std::string first_field_of_type(const model::Application& app, const catalogue::ServiceDefinition* service,
                                const std::string& type) {
    if (service == nullptr)
        return {};
    for (const auto& f : service->fields) {
        if (f.type == type && !app.field(f.key).empty())
            return app.field(f.key);
    }
    return {};
}

std::string applicant_name(const model::Application& app, const catalogue::ServiceDefinition* service) {
    if (service == nullptr)
        return {};
    // Service definitions list the applicant's name first among their required text fields.
    for (const auto& f : service->fields) {
        if (f.required && f.type == "text")
            return app.field(f.key);
    }
    return {};
}

}  // namespace

viewer::ConventionInputs convention_inputs(const model::Application& app,
                                           const catalogue::ServiceDefinition* service) {
    viewer::ConventionInputs in;
    in.applicant_name = applicant_name(app, service);
    in.applicant_date_of_birth = first_field_of_type(app, service, "date");
    for (const auto& [table, rows] : app.tables) {
        for (const auto& row : rows) {
            auto relation = row.find("relation");
            // The head of family is "head" in Jan Aadhaar tables and "self" where the applicant heads the
            // list.
            if (relation == row.end() || (relation->second != "head" && relation->second != "self"))
                continue;
            if (auto name = row.find("name"); name != row.end())
                in.head_of_family_name = name->second;
            if (auto dob = row.find("date_of_birth"); dob != row.end())
                in.head_of_family_date_of_birth = dob->second;
        }
    }
    return in;
}

}  // namespace jaanch::workstation
