// The officer's queue, application reads, claims and document access.
#include <charconv>

#include "hub/service/hub_service.h"
#include "hub/service/visibility.h"
#include "model/document_ref.h"
#include "model/identifiers.h"
#include "workflow/workflow.h"

namespace jaanch::hub {
namespace {

ApiError not_found(const std::string& number) {
    return ApiError(404, "not_found", "There is no application " + number + " that you may see.");
}

json::Json claim_json(const std::optional<Claim>& claim, Timestamp now) {
    if (!claim || claim->expires_at <= now)
        return nullptr;
    return json::Json{{"officer", claim->officer_id}, {"expires_at", format_timestamp(claim->expires_at)}};
}

json::Json action_names(const std::vector<model::Action>& actions) {
    json::Json out = json::Json::array();
    for (auto a : actions)
        out.push_back(std::string(model::action_name(a)));
    return out;
}

ApiError denial_error(const workflow::Verdict& verdict) {
    const int status = workflow::denial_class(verdict.denial) == workflow::DenialClass::forbidden  ? 403
                       : workflow::denial_class(verdict.denial) == workflow::DenialClass::conflict ? 409
                                                                                                   : 422;
    return ApiError(status, std::string(workflow::denial_code(verdict.denial)), verdict.message);
}

}  // namespace

std::int64_t parse_cursor(const std::string& cursor) {
    if (cursor.empty())
        return 0;
    std::int64_t value = 0;
    auto [ptr, ec] = std::from_chars(cursor.data(), cursor.data() + cursor.size(), value);
    if (ec != std::errc() || ptr != cursor.data() + cursor.size() || value < 0)
        throw ApiError(
            400, "invalid_cursor",
            "The cursor \"" + cursor.substr(0, 40) + "\" is not one this hub gave out; start without one.");
    return value;
}

int HubService::page_size(int requested) const {
    if (requested == 0)
        return options_.default_page;
    if (requested < 0 || requested > options_.max_page)
        throw ApiError(400, "invalid_limit",
                       "The page size must be between 1 and " + std::to_string(options_.max_page) + ".");
    return requested;
}

const catalogue::ServiceDefinition& HubService::service_of(const model::Application& app) const {
    const auto* service = catalogue_.find(app.service_id, app.service_version);
    if (service == nullptr)
        throw ApiError(409, "unknown_service",
                       "Application " + app.number + " is filed under service " + app.service_id +
                           " version " + std::to_string(app.service_version) +
                           ", which this hub's catalogue no longer has.");
    return *service;
}

std::string HubService::queue(const OfficerAccount& who, const std::string& cursor, int limit,
                              Timestamp now) {
    QueueFilter filter = queue_filter(catalogue_, who.officer);
    filter.after_seq = parse_cursor(cursor);
    filter.limit = page_size(limit);
    const auto rows = storage_.queue(filter, now);
    // The stored application JSON is embedded as it is: no re-serialisation of up to a thousand applications.
    std::vector<std::string> released;
    std::string out = "{\"entries\":[";
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& row = rows[i];
        const auto app = model::parse_application(row.application_json, "stored application");
        const auto* service = catalogue_.find(app.service_id, app.service_version);
        json::Json entry{{"seq", row.seq}, {"claim", claim_json(row.claim, now)}};
        if (service != nullptr) {
            const auto verdict = workflow::may_act(*service, app, who.officer);
            entry["actionable"] = verdict.ok();
            entry["denial"] =
                verdict.ok() ? json::Json(nullptr) : json::Json(workflow::denial_code(verdict.denial));
            entry["allowed_actions"] = action_names(workflow::allowed_actions(*service, app, who.officer));
        } else {
            entry["actionable"] = false;
            entry["denial"] = "unknown_service";
            entry["allowed_actions"] = json::Json::array();
        }
        std::string text = entry.dump();
        text.pop_back();  // reopen the object to append the raw application
        if (i > 0)
            out += ",";
        out += text + ",\"application\":" + row.application_json + "}";
        if (row.sealed)
            released.push_back(row.number);
    }
    // Every row is one the officer may see (the queue's filter is visibility.h's rule).
    audit_release(who.officer.id, "queue", released, now);
    const std::int64_t next = rows.empty() ? filter.after_seq : rows.back().seq;
    out += "],\"cursor\":\"" + std::to_string(next) +
           "\",\"more\":" + (static_cast<int>(rows.size()) == filter.limit ? "true" : "false") + "}";
    return out;
}

json::Json HubService::application_view(const OfficerAccount& who, const std::string& number, Timestamp now) {
    const auto stored = storage_.application(number);
    if (!stored || !may_see(catalogue_, who.officer, stored->app))
        throw not_found(number);
    const auto& service = service_of(stored->app);
    const auto verdict = workflow::may_act(service, stored->app, who.officer);
    if (stored->sealed)
        audit_release(who.officer.id, "application", {number}, now);
    return json::Json{
        {"seq", stored->seq},
        {"application", stored->app},
        {"claim", claim_json(storage_.claim(number), now)},
        {"actionable", verdict.ok()},
        {"denial", verdict.ok() ? json::Json(nullptr) : json::Json(workflow::denial_code(verdict.denial))},
        {"allowed_actions", action_names(workflow::allowed_actions(service, stored->app, who.officer))}};
}

json::Json HubService::claim(const OfficerAccount& who, const std::string& number, const json::Json& request,
                             Timestamp now) {
    json::ObjectReader r(request, "$");
    const auto minutes = r.optional<int>("minutes");
    const bool takeover = r.optional_or<bool>("takeover", false);
    r.finish();
    std::chrono::seconds length = options_.default_claim;
    if (minutes) {
        if (*minutes < 1 || std::chrono::minutes(*minutes) > options_.max_claim)
            throw ApiError(422, "invalid_request",
                           "A claim lasts between 1 and " + std::to_string(options_.max_claim.count() / 60) +
                               " minutes.",
                           {{"path", "$.minutes"}});
        length = std::chrono::minutes(*minutes);
    }
    auto txn = storage_.begin();
    const auto stored = txn->application(number);
    if (!stored || !may_see(catalogue_, who.officer, stored->app))
        throw not_found(number);
    const auto held = txn->claim(number);
    const bool held_by_other = held && held->expires_at > now && held->officer_id != who.officer.id;
    if (held_by_other && !takeover)
        throw ApiError(409, "claimed",
                       "Application " + number + " is claimed by " + held->officer_id + " until " +
                           format_timestamp(held->expires_at) + ".",
                       {{"officer", held->officer_id}, {"expires_at", format_timestamp(held->expires_at)}});
    if (held_by_other && !who.supervisor)
        throw ApiError(403, "not_supervisor",
                       "Only a supervisor may take over a claim; " + who.officer.id + " is not one.");
    if (!held_by_other) {
        // Claiming is for doing the work: the officer must be able to act on it now.
        const auto verdict = workflow::may_act(service_of(stored->app), stored->app, who.officer);
        if (!verdict.ok())
            throw denial_error(verdict);
    }
    const Claim claim{number, who.officer.id, now + length};
    txn->put_claim(claim);
    json::Json details{{"expires_at", format_timestamp(claim.expires_at)}};
    if (held_by_other)
        details["taken_from"] = held->officer_id;
    txn->append_audit(who.officer.id, held_by_other ? "claim_takeover" : "claim", number, details, now);
    txn->commit();
    return json::Json{{"application", number},
                      {"officer", claim.officer_id},
                      {"expires_at", format_timestamp(claim.expires_at)}};
}

void HubService::release(const OfficerAccount& who, const std::string& number, Timestamp now) {
    auto txn = storage_.begin();
    const auto stored = txn->application(number);
    if (!stored || !may_see(catalogue_, who.officer, stored->app))
        throw not_found(number);
    const auto held = txn->claim(number);
    if (!held || held->expires_at <= now)
        return;  // nothing to release: releasing is idempotent
    if (held->officer_id != who.officer.id && !who.supervisor)
        throw ApiError(403, "not_claim_holder",
                       "Application " + number + " is claimed by " + held->officer_id +
                           "; only they or a "
                           "supervisor may release it.");
    txn->delete_claim(number);
    txn->append_audit(who.officer.id, "release", number, {{"holder", held->officer_id}}, now);
    txn->commit();
}

DocumentAccess HubService::document(const OfficerAccount& who, const std::string& sha256) {
    if (!model::is_sha256_hex(sha256))
        throw ApiError(400, "invalid_document_name",
                       "Documents are addressed by their SHA-256 as 64 lowercase hexadecimal digits.");
    for (const auto& number : storage_.applications_with_document(sha256)) {
        const auto stored = storage_.application(number);
        if (!stored || !may_see(catalogue_, who.officer, stored->app))
            continue;
        for (const auto& ref : stored->app.documents) {
            if (ref.sha256 != sha256)
                continue;
            const auto size = documents_.size(sha256);
            if (!size)
                throw ApiError(500, "document_missing",
                               "Document " + sha256 +
                                   " is referenced but missing from the document store; restore "
                                   "the data folder from a backup.");
            return DocumentAccess{sha256, *size, ref.mime_type};
        }
    }
    throw ApiError(404, "not_found",
                   "There is no document " + sha256 + " in an application that you may see.");
}

json::Json HubService::health() {
    const auto c = storage_.counts();
    return json::Json{{"status", "ok"},
                      {"services", catalogue_.size()},
                      {"applications", c.applications},
                      {"pending", c.pending},
                      {"decisions", c.decisions},
                      {"officers", c.officers},
                      {"audit_entries", c.audit_entries}};
}

}  // namespace jaanch::hub
