#include "model/application.h"

#include <set>

#include "model/identifiers.h"

namespace jaanch::model {

const DocumentRef* Application::find_document(const std::string& id) const {
    for (const auto& doc : documents) {
        if (doc.id == id)
            return &doc;
    }
    return nullptr;
}

std::string Application::field(const std::string& key) const {
    auto it = fields.find(key);
    return it == fields.end() ? std::string() : it->second;
}

void read_value(const json::Json& j, const std::string& path, Application& out) {
    json::ObjectReader r(j, path);
    out.number = r.required<std::string>("number");
    if (!is_application_number(out.number))
        json::fail(r.path_of("number"), "not a valid application number: \"" + out.number + "\"");
    out.service_id = read_identifier(r, "service_id");
    out.service_version = r.required<int>("service_version");
    if (out.service_version < 1)
        json::fail(r.path_of("service_version"), "must be 1 or more");
    out.submitted_at = r.required<Timestamp>("submitted_at");
    out.jurisdiction = r.required<Jurisdiction>("jurisdiction");
    out.fields = r.required<FieldValues>("fields");
    out.tables = r.required<std::map<std::string, TableRows>>("tables");
    out.documents = r.required<std::vector<DocumentRef>>("documents");
    std::set<std::string> ids;
    for (std::size_t i = 0; i < out.documents.size(); ++i) {
        if (!ids.insert(out.documents[i].id).second)
            json::fail(json::index_path(r.path_of("documents"), i) + ".id",
                       "duplicate document id \"" + out.documents[i].id + "\"");
    }
    out.current_level = read_identifier(r, "current_level");
    out.status = r.required<Status>("status");
    out.level_entered_at = r.required<Timestamp>("level_entered_at");
    out.version = r.required<std::uint64_t>("version");
    if (out.version < 1)
        json::fail(r.path_of("version"), "must be 1 or more");
    out.history = r.required<std::vector<ActionRecord>>("history");
    r.finish();
}

void to_json(json::Json& j, const Application& v) {
    j = json::Json{{"number", v.number},
                   {"service_id", v.service_id},
                   {"service_version", v.service_version},
                   {"submitted_at", format_timestamp(v.submitted_at)},
                   {"jurisdiction", v.jurisdiction},
                   {"fields", v.fields},
                   {"tables", v.tables},
                   {"documents", v.documents},
                   {"current_level", v.current_level},
                   {"status", status_name(v.status)},
                   {"level_entered_at", format_timestamp(v.level_entered_at)},
                   {"version", v.version},
                   {"history", v.history}};
}

Application parse_application(std::string_view text, const std::string& source_name) {
    Application out;
    read_value(json::parse_text(text, source_name), "$", out);
    return out;
}

}  // namespace jaanch::model
