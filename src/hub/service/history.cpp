// GET /v1/applications/{number}/history: the signatures behind an application's history, so a workstation can
// verify every earlier decision itself (the application's history carries only their SHA-256).
#include "hub/service/hub_service.h"
#include "hub/service/visibility.h"
#include "hub/util/crypto_util.h"

namespace jaanch::hub {

json::Json HubService::history(const OfficerAccount& who, const std::string& number) {
    const auto stored = storage_.application(number);
    if (!stored || !may_see(catalogue_, who.officer, stored->app))
        throw ApiError(404, "not_found", "There is no application " + number + " that you may see.");
    json::Json records = json::Json::array();
    bool released = false;
    for (const auto& action : stored->app.history) {
        const auto record = storage_.decision(action.decision.id);
        if (!record)
            throw ApiError(500, "internal_error",
                           "The hub's record of decision " + action.decision.id + " on " + number +
                               " is missing; run `jaanch-hub audit verify` and restore from a backup.");
        released = released || record->sealed;
        records.push_back(json::Json{{"decision", json::Json::parse(record->decision_json)},
                                     {"signature", base64_encode(record->signature_der)},
                                     {"signature_sha256", action.signature_sha256},
                                     {"applied_at", format_timestamp(record->applied_at)}});
    }
    if (released)
        audit_release(who.officer.id, "history", {number}, now_utc());
    return json::Json{{"application", number}, {"records", records}};
}

}  // namespace jaanch::hub
