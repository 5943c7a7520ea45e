// Signed decisions: idempotent on the decision id, signature first, then the workflow rules, then one
// transaction.
#include "crypto/application_content.h"
#include "hub/service/hub_service.h"
#include "hub/service/visibility.h"
#include "hub/util/crypto_util.h"
#include "workflow/workflow.h"

namespace jaanch::hub {
namespace {

int status_for(workflow::Denial denial) {
    switch (workflow::denial_class(denial)) {
        case workflow::DenialClass::forbidden:
            return 403;
        case workflow::DenialClass::conflict:
            return 409;
        default:
            return 422;
    }
}

// Revocation refusals carry their own code; every other signature fault is bad_signature with the reason.
std::string signature_code(const std::string& reason) {
    if (reason == "revoked" || reason == "revocation_unknown" || reason == "revocation_stale")
        return reason;
    return "bad_signature";
}

struct DecisionRequest {
    model::Decision decision;
    std::string signature_der;
};

DecisionRequest read_request(const json::Json& body) {
    DecisionRequest out;
    try {
        json::ObjectReader r(body, "$");
        out.decision = r.required<model::Decision>("decision");
        const auto signature = r.required<std::string>("signature");
        r.finish();
        auto der = base64_decode(signature);
        if (!der || der->empty())
            throw ApiError(422, "bad_signature", "The signature is not valid base64 of a DER CMS signature.",
                           {{"path", "$.signature"}});
        out.signature_der = std::move(*der);
    } catch (const InputError& e) {
        throw ApiError(422, "invalid_request", e.what(), {{"path", e.path()}});
    }
    return out;
}

// The stored content no longer hashing to what the hub recorded when it wrote it means an edit outside the
// hub: nothing may be decided on it, whatever else the decision says.
void check_recorded_content(const StoredApplication& stored) {
    const model::Application& app = stored.app;
    if (stored.content_sha256.empty() || stored.content_sha256 == crypto::content_sha256(app))
        return;
    throw ApiError(
        409, "content_changed",
        "The hub's copy of application " + app.number +
            " was changed outside the hub (its content no longer has the hash the hub recorded "
            "for version " +
            std::to_string(app.version) +
            "), so no decision can be applied to it. Tell the hub administrator: the "
            "database needs to be restored from a backup.",
        {{"application_version", app.version}, {"recorded_content_sha256", stored.content_sha256}});
}

// A format-2 decision names the content it was made on; a decision on a version whose content (or documents)
// is not what the officer had is refused, naming what differs. Format 1 binds no content (signed before
// decisions did), and is checked by the workflow rules alone.
void check_content(const model::Decision& d, const StoredApplication& stored) {
    const model::Application& app = stored.app;
    if (d.format == model::kDecisionFormatFirst || d.application_version != app.version)
        return;  // a stale version is the workflow's 409 stale_version / moved_on
    const crypto::ContentComparison comparison = crypto::compare_content(d, app);
    if (comparison.matches())
        return;
    json::Json differences = json::Json::array();
    for (const auto& difference : comparison.differences)
        differences.push_back({{"path", difference.path}, {"change", difference.change}});
    throw ApiError(409, "content_changed",
                   "Application " + app.number + " version " + std::to_string(app.version) +
                       " is not what the decision was made on (" + crypto::describe(comparison) +
                       "); sync to see it as the hub has it, look again and decide again.",
                   {{"application_version", app.version},
                    {"content_sha256", crypto::content_sha256(app)},
                    {"differences", differences}});
}

}  // namespace

DecisionAnswer HubService::decide(const OfficerAccount& who, const json::Json& body, Timestamp now) {
    const DecisionRequest request = read_request(body);
    const model::Decision& d = request.decision;
    const std::string decision_json = json::Json(d).dump();

    auto replay_of = [&](const DecisionRecord& first) {
        if (first.officer_id != who.officer.id || first.decision_json != decision_json)
            throw ApiError(409, "decision_id_reused",
                           "Decision id " + d.id +
                               " was already used for a different decision; every decision needs "
                               "a new UUID.");
        return DecisionAnswer{201, first.response_json, true};
    };
    if (auto first = storage_.decision(d.id))
        return replay_of(*first);

    if (d.officer != who.officer.id)
        throw ApiError(
            403, "not_the_officer",
            "The decision is signed as officer " + d.officer + " but " + who.officer.id + " is logged in.");
    if (who.officer.certificate_sha256.empty())
        throw ApiError(422, "certificate_not_registered",
                       "Officer " + who.officer.id +
                           " has no registered signing certificate; ask the hub "
                           "administrator to register it with `jaanch-hub officer add --certificate`.");
    // The expensive check runs on this worker thread, outside the writer lock.
    // Revocation is judged at receipt (`now`), not at the signing time the officer's machine wrote.
    const SignatureVerdict verdict = signatures_.verify(request.signature_der, decision_signed_bytes(d),
                                                        who.officer.certificate_sha256, now);
    if (!verdict.ok)
        throw ApiError(422, signature_code(verdict.code), verdict.message, {{"reason", verdict.code}});
    const workflow::SignerIdentity signer{verdict.certificate_sha256, verdict.key_sha256};

    auto txn = storage_.begin();
    if (auto first = txn->decision(d.id))
        return replay_of(*first);  // a concurrent twin won the race
    const auto stored = txn->application(d.application);
    const auto officer = txn->officer(who.officer.id);
    if (!officer || officer->disabled)
        throw ApiError(403, "account_disabled", "The account " + who.officer.id + " is disabled.");
    // Exactly the answer a read gives, so deciding does not reveal what the officer may not see.
    if (!stored || !may_see(catalogue_, officer->officer, stored->app))
        throw ApiError(404, "not_found", "There is no application " + d.application + " that you may see.");
    check_recorded_content(*stored);
    if (d.format == model::kDecisionFormatFirst && txn->setting("decision_format_1", "accept") == "refuse")
        throw ApiError(
            422, "format_outdated",
            "This hub takes only decisions that bind the content they were made on (format 2), and "
            "this one is in format 1: it was made by a workstation older than the hub. Update the "
            "workstation, open the application again and decide again.");
    const auto& service = service_of(stored->app);
    const auto held = txn->claim(d.application);
    if (held && held->expires_at > now && held->officer_id != who.officer.id)
        throw ApiError(409, "claimed",
                       "Application " + d.application + " is claimed by " + held->officer_id + " until " +
                           format_timestamp(held->expires_at) +
                           "; it cannot be decided by someone else meanwhile.",
                       {{"officer", held->officer_id}, {"expires_at", format_timestamp(held->expires_at)}});
    const workflow::Verdict rules =
        workflow::check_decision(service, stored->app, officer->officer, d, signer);
    if (!rules.ok()) {
        json::Json details{{"application_version", stored->app.version}};
        // A conflict tells an officer who may see the application where it is now, so the workstation can
        // show the latest state beside the refused decision.
        if (workflow::denial_class(rules.denial) == workflow::DenialClass::conflict &&
            may_see(catalogue_, officer->officer, stored->app)) {
            details["status"] = model::status_name(stored->app.status);
            details["current_level"] = stored->app.current_level;
        }
        throw ApiError(status_for(rules.denial), std::string(workflow::denial_code(rules.denial)),
                       rules.message, std::move(details));
    }

    check_content(d, *stored);

    const std::string signature_sha256 = sha256_hex(request.signature_der);
    const model::Application next =
        workflow::apply_decision(service, stored->app, officer->officer, d, signature_sha256, now, signer);
    std::vector<std::string> visited{stored->app.current_level, next.current_level};
    txn->put_application(next, visited);
    const json::Json response{{"decision", d.id},
                              {"format", d.format},
                              {"signature_sha256", signature_sha256},
                              {"applied_at", format_timestamp(now)},
                              {"application",
                               {{"number", next.number},
                                {"status", model::status_name(next.status)},
                                {"current_level", next.current_level},
                                {"version", next.version}}}};
    DecisionRecord record;
    record.id = d.id;
    record.application = d.application;
    record.officer_id = who.officer.id;
    record.decision_json = decision_json;
    record.signature_der = request.signature_der;
    record.response_json = response.dump();
    record.applied_at = now;
    txn->insert_decision(record);
    txn->delete_claim(d.application);
    txn->append_audit(who.officer.id, "decision", d.application,
                      {{"decision", d.id},
                       {"action", model::action_name(d.action)},
                       {"signature_sha256", signature_sha256},
                       {"status_after", model::status_name(next.status)},
                       {"level_after", next.current_level},
                       {"version_after", next.version}},
                      now);
    if (!verdict.crl_warning.empty())
        txn->append_audit(who.officer.id, "crl_stale", d.application,
                          {{"decision", d.id}, {"warning", verdict.crl_warning}}, now);
    txn->commit();
    return DecisionAnswer{201, record.response_json, false};
}

std::string HubService::export_decisions(const std::string& portal, const std::string& cursor, int limit) {
    const std::int64_t after = parse_cursor(cursor);
    const int size = page_size(limit);
    const auto records = storage_.decisions_after(after, size);
    std::vector<std::string> released;
    for (const auto& r : records)
        if (r.sealed)
            released.push_back(r.application);
    audit_release("portal:" + portal, "export", released, now_utc());
    std::string out = "{\"decisions\":[";
    for (std::size_t i = 0; i < records.size(); ++i) {
        const auto& r = records[i];
        if (i > 0)
            out += ",";
        const json::Json head{
            {"seq", r.seq},
            {"application", r.application},
            {"officer", r.officer_id},
            {"applied_at", format_timestamp(r.applied_at)},
            {"format", json::Json::parse(r.decision_json).value("format", model::kDecisionFormatFirst)},
            {"signature", base64_encode(r.signature_der)}};
        std::string text = head.dump();
        text.pop_back();
        // The decision is embedded byte for byte as stored, so the portal can re-canonicalise and verify it.
        out += text + ",\"decision\":" + r.decision_json + ",\"outcome\":" + r.response_json + "}";
    }
    const std::int64_t next = records.empty() ? after : records.back().seq;
    out += "],\"cursor\":\"" + std::to_string(next) +
           "\",\"more\":" + (static_cast<int>(records.size()) == size ? "true" : "false") + "}";
    return out;
}

json::Json HubService::portal_application(const std::string& portal, const std::string& number) {
    const auto stored = storage_.application(number);
    if (!stored)
        throw ApiError(404, "not_found", "There is no application " + number + " on this hub.");
    if (stored->sealed)
        audit_release("portal:" + portal, "portal_application", {number}, now_utc());
    return json::Json{{"application", stored->app}, {"recorded_content_sha256", stored->content_sha256}};
}

}  // namespace jaanch::hub
