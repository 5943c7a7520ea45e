// Portal ingest: an application and its documents, validated against its service definition, stored
// atomically.
#include <set>

#include "catalogue/value_check.h"
#include "hub/service/hub_service.h"
#include "hub/service/visibility.h"
#include "hub/util/crypto_util.h"
#include "model/identifiers.h"

namespace jaanch::hub {
namespace {

json::Json problem_list(const std::vector<catalogue::Problem>& problems) {
    json::Json out = json::Json::array();
    for (const auto& p : problems)
        out.push_back({{"path", p.path}, {"message", p.message}});
    return out;
}

// The part of an application the portal sends; the hub sets the workflow state.
model::Application read_submission(const json::Json& j) {
    model::Application app;
    json::ObjectReader r(j, "$");
    app.number = r.required<std::string>("number");
    if (!model::is_application_number(app.number))
        json::fail(r.path_of("number"), "not a valid application number: \"" + app.number.substr(0, 80) +
                                            "\" (letters, digits, _ - . /, at most 64, no \"..\")");
    app.service_id = model::read_identifier(r, "service_id");
    app.service_version = r.required<int>("service_version");
    app.submitted_at = r.required<Timestamp>("submitted_at");
    app.jurisdiction = r.required<model::Jurisdiction>("jurisdiction");
    app.fields = r.optional_or<model::FieldValues>("fields", {});
    app.tables = r.optional_or<std::map<std::string, model::TableRows>>("tables", {});
    app.documents = r.optional_or<std::vector<model::DocumentRef>>("documents", {});
    r.finish();
    std::set<std::string> ids;
    for (std::size_t i = 0; i < app.documents.size(); ++i) {
        if (!ids.insert(app.documents[i].id).second)
            json::fail(json::index_path("$.documents", i) + ".id",
                       "duplicate document id \"" + app.documents[i].id + "\"");
    }
    return app;
}

bool same_submission(const model::Application& a, const model::Application& b) {
    return a.number == b.number && a.service_id == b.service_id && a.service_version == b.service_version &&
           a.submitted_at == b.submitted_at && a.jurisdiction == b.jurisdiction && a.fields == b.fields &&
           a.tables == b.tables && a.documents == b.documents;
}

}  // namespace

json::Json HubService::ingest(const std::string& portal, const json::Json& body,
                              const std::map<std::string, std::string>& parts, Timestamp now, int& status) {
    model::Application app;
    try {
        app = read_submission(body);
    } catch (const InputError& e) {
        throw ApiError(422, "invalid_application", e.what(),
                       {{"errors", json::Json::array({{{"path", e.path()}, {"message", e.what()}}})}});
    }
    const auto* service = catalogue_.find(app.service_id, app.service_version);
    if (service == nullptr)
        throw ApiError(
            422, "unknown_service",
            "This hub has no service " + app.service_id + " version " + std::to_string(app.service_version) +
                ".",
            {{"errors",
              json::Json::array({{{"path", "$.service_id"}, {"message", "unknown service or version"}}})}});

    auto problems = catalogue::check_application_values(*service, app.fields, app.tables, app.documents);
    // Every document's bytes must arrive with it or already be stored (documents are shared across
    // applications).
    std::set<std::string> ids;
    for (std::size_t i = 0; i < app.documents.size(); ++i) {
        const auto& ref = app.documents[i];
        ids.insert(ref.id);
        const std::string at = json::index_path("$.documents", i);
        auto part = parts.find(ref.id);
        if (part == parts.end()) {
            const auto size = documents_.size(ref.sha256);
            if (!size)
                problems.push_back({"", 0, at, "the bytes of document \"" + ref.id + "\" were not uploaded"});
            else if (*size != ref.size)
                problems.push_back({"", 0, at + ".size", "the stored document has another size"});
            continue;
        }
        if (part->second.size() > options_.max_document)
            problems.push_back({"", 0, at,
                                "document \"" + ref.id + "\" is larger than the limit of " +
                                    std::to_string(options_.max_document >> 20) + " MiB"});
        else if (part->second.size() != ref.size)
            problems.push_back({"", 0, at + ".size",
                                "the upload has " + std::to_string(part->second.size()) + " bytes, not " +
                                    std::to_string(ref.size)});
        else if (sha256_hex(part->second) != ref.sha256)
            problems.push_back({"", 0, at + ".sha256", "the upload's SHA-256 differs from the one declared"});
    }
    for (const auto& [name, bytes] : parts) {
        if (!ids.contains(name))
            problems.push_back({"", 0, "$.documents",
                                "an uploaded part \"" + name.substr(0, 64) + "\" matches no document id"});
    }
    if (!problems.empty())
        throw ApiError(422, "invalid_application",
                       "Application " + app.number + " has " + std::to_string(problems.size()) +
                           " problem(s); each is listed in details.errors.",
                       {{"errors", problem_list(problems)}});

    // Bytes first, each durable before the transaction that refers to them commits.
    for (const auto& ref : app.documents) {
        auto part = parts.find(ref.id);
        if (part != parts.end())
            documents_.put(part->second);
    }
    app.current_level = service->levels.front().id;
    app.status = model::Status::pending;
    app.level_entered_at = now;
    app.version = 1;
    auto txn = storage_.begin();
    if (const auto existing = txn->application(app.number)) {
        if (!same_submission(existing->app, app))
            throw ApiError(409, "application_exists",
                           "Application " + app.number + " was already filed with different content.");
        status = 200;  // a retried ingest: same answer, nothing changes
        return json::Json{{"number", app.number}, {"seq", existing->seq}, {"already_ingested", true}};
    }
    const std::int64_t seq = txn->put_application(app, levels_visited(*service, app));
    txn->append_audit("portal:" + portal, "ingest", app.number,
                      {{"service", service->key()}, {"documents", app.documents.size()}}, now);
    txn->commit();
    status = 201;
    return json::Json{{"number", app.number}, {"seq", seq}, {"already_ingested", false}};
}

}  // namespace jaanch::hub
