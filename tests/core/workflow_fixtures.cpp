#include "core/workflow_fixtures.h"

#include <cstdio>
#include <map>

#include "crypto/application_content.h"

namespace jaanch::test {

std::string sample_value(const catalogue::FieldDefinition& field, bool last_option) {
    const std::string& t = field.type;
    if (t == "enum")
        return last_option ? field.options.back().code : field.options.front().code;
    if (t == "date")
        return "1980-06-15";
    if (t == "number" || t == "year")
        return "2020";
    if (t == "money")
        return "120000.00";
    if (t == "boolean")
        return last_option ? "no" : "yes";
    if (t == "aadhaar")
        return "234567890124";
    if (t == "pan")
        return "ABCPE1234F";
    if (t == "ifsc")
        return "SBIN0001234";
    if (t == "mobile")
        return "9876543210";
    if (t == "pincode")
        return "834001";
    if (t == "email")
        return "applicant@example.in";
    if (t == "jan_aadhaar_family_id")
        return "1234567890";
    if (t == "jan_aadhaar_member_id")
        return "12345678901";
    if (t == "samagra_family_id")
        return "12345678";
    if (t == "samagra_member_id")
        return "123456789";
    return "Sample " + field.key;
}

model::Application make_application(const catalogue::ServiceDefinition& service, model::Area area,
                                    bool last_option) {
    model::Application app;
    app.number =
        "T/" + service.id + "/" + (area == model::Area::rural ? "R" : "U") + (last_option ? "L" : "F");
    app.service_id = service.id;
    app.service_version = service.version;
    app.submitted_at = *parse_timestamp("2026-11-01T10:00:00Z");
    app.jurisdiction = {"20", "364", "2563", area == model::Area::rural ? "362145" : "900001", area, ""};
    for (const auto& field : service.fields) {
        if (!field.is_table()) {
            app.fields[field.key] = sample_value(field, last_option);
            continue;
        }
        model::FieldValues row;
        for (const auto& column : field.columns)
            row[column.key] = sample_value(column, last_option);
        app.tables[field.key] = {row};
    }
    app.current_level = service.levels.front().id;
    app.level_entered_at = app.submitted_at;
    return app;
}

Roster make_roster(const catalogue::ServiceDefinition& service) {
    Roster roster;
    for (const auto& level : service.levels) {
        for (const auto& role : level.roles) {
            for (const char* area : {"rural", "urban"}) {
                if (role.area != "any" && role.area != area)
                    continue;
                model::Officer o;
                o.id = level.id + "." + role.code + "." + area;
                o.name = "Officer " + o.id;
                o.role = role.code;
                o.level = level.id;
                o.jurisdiction = {"20", "364", "", "", role.area == "any" ? "" : area};
                o.services = {service.id};
                roster.inside.push_back(o);
                o.id += ".elsewhere";
                o.jurisdiction.district = "365";
                roster.outside.push_back(o);
                if (role.area == "any")
                    break;
            }
        }
    }
    return roster;
}

const model::Officer* officer_for(const catalogue::ServiceDefinition& service, const model::Application& app,
                                  const std::vector<model::Officer>& officers) {
    for (const auto& o : officers) {
        if (workflow::may_act(service, app, o).ok())
            return &o;
    }
    return nullptr;
}

model::Decision make_decision(const catalogue::ServiceDefinition& service, const model::Application& app,
                              const model::Officer& officer, model::Action action, int serial) {
    model::Decision d;
    char id[40];
    std::snprintf(id, sizeof id, "00000000-0000-4000-8000-%012d", serial);
    d.id = id;
    d.application = app.number;
    d.application_version = app.version;
    d.action = action;
    // A service without reasons for an action still gets a code, so the decision is refused for the action.
    if (action == model::Action::reject)
        d.reason_code = service.reject_reasons.empty() ? "NONE" : service.reject_reasons.front().code;
    if (action == model::Action::return_to_applicant)
        d.reason_code = service.return_reasons.empty() ? "NONE" : service.return_reasons.front().code;
    if (action == model::Action::return_to_applicant || action == model::Action::escalate ||
        action == model::Action::send_back)
        d.remark = "Remark for " + std::string(model::action_name(action));
    d.officer = officer.id;
    d.role = officer.role;
    d.level = officer.level;
    d.decided_at = app.submitted_at + std::chrono::hours(24 * static_cast<int>(app.version));
    std::map<std::string, crypto::PagesOpened> every_page;
    for (const auto& doc : app.documents)
        every_page[doc.id] = {2, 2};
    crypto::bind_content(d, app, every_page);
    return d;
}

}  // namespace jaanch::test
