#include "workflow/workflow.h"

#include <algorithm>

#include "catalogue/condition.h"
#include "util/enum_names.h"

namespace jaanch::workflow {
namespace {

using catalogue::Level;
using catalogue::ServiceDefinition;
using model::Action;

constexpr EnumNames<Denial, 16> kDenialCodes{{{Denial::none, "none"},
                                              {Denial::wrong_service, "wrong_service"},
                                              {Denial::wrong_role, "wrong_role"},
                                              {Denial::wrong_level, "wrong_level"},
                                              {Denial::outside_jurisdiction, "outside_jurisdiction"},
                                              {Denial::separation_of_duties, "separation_of_duties"},
                                              {Denial::not_the_officer, "not_the_officer"},
                                              {Denial::stale_version, "stale_version"},
                                              {Denial::not_pending, "not_pending"},
                                              {Denial::moved_on, "moved_on"},
                                              {Denial::wrong_application, "wrong_application"},
                                              {Denial::action_not_allowed, "action_not_allowed"},
                                              {Denial::missing_reason, "missing_reason"},
                                              {Denial::invalid_reason, "invalid_reason"},
                                              {Denial::missing_remark, "missing_remark"},
                                              {Denial::review_incomplete, "review_incomplete"}}};

Verdict deny(Denial d, std::string message) {
    return Verdict{d, std::move(message)};
}

std::string quoted(const std::string& s) {
    return "\"" + s + "\"";
}

std::vector<const Level*> normal_levels(const ServiceDefinition& service) {
    std::vector<const Level*> out;
    for (const auto& level : service.levels) {
        if (!level.exception)
            out.push_back(&level);
    }
    return out;
}

bool role_fits(const Level& level, const model::Officer& officer, model::Area area) {
    return std::any_of(level.roles.begin(), level.roles.end(), [&](const catalogue::LevelRole& r) {
        return r.code == officer.role && (r.area == "any" || r.area == model::area_name(area));
    });
}

// An exception route's trigger; unknown data counts as "holds", so doubt goes up to the exception approver.
bool route_applies(const catalogue::ExceptionRoute& route, const model::Application& app) {
    return catalogue::evaluate_condition(route.when, app) != catalogue::Truth::no;
}

bool action_permitted_here(const ServiceDefinition& service, const Level& level,
                           const model::Application& app, Action action) {
    const std::string name(model::action_name(action));
    if (std::find(level.actions.begin(), level.actions.end(), name) == level.actions.end())
        return false;
    const catalogue::ExceptionRoute* route = service.route_from(level.id);
    if (action == Action::escalate)
        return route != nullptr && route_applies(*route, app);
    if (action == Action::approve && route != nullptr && route->mandatory)
        return !route_applies(*route, app);
    return true;
}

Verdict check_reason_and_remark(const ServiceDefinition& service, const model::Decision& d) {
    const std::string action(model::action_name(d.action));
    const bool takes_reason = d.action == Action::reject || d.action == Action::return_to_applicant;
    if (takes_reason && d.reason_code.empty())
        return deny(Denial::missing_reason, "A " + action + " needs a reason code of this service.");
    if (!takes_reason && !d.reason_code.empty())
        return deny(Denial::invalid_reason,
                    "A " + action + " takes no reason code, but " + quoted(d.reason_code) + " was given.");
    if (takes_reason && service.find_reason(d.action, d.reason_code) == nullptr)
        return deny(Denial::invalid_reason, "Reason code " + quoted(d.reason_code) + " is not a " + action +
                                                " reason of service " + quoted(service.id) + ".");
    const bool needs_remark = d.action == Action::return_to_applicant || d.action == Action::escalate ||
                              d.action == Action::send_back;
    if (needs_remark && d.remark.find_first_not_of(" \t\r\n") == std::string::npos)
        return deny(Denial::missing_remark, "A " + action + " needs a remark explaining it.");
    return {};
}

bool is_mandatory_kind(const ServiceDefinition& service, const std::string& kind) {
    return std::any_of(
        service.documents.begin(), service.documents.end(),
        [&](const catalogue::DocumentRequirement& r) { return r.kind == kind && r.mandatory; });
}

bool opened_enough(catalogue::ReviewRequirement requirement, const model::DocumentReview& r) {
    if (requirement == catalogue::ReviewRequirement::mandatory_documents)
        return r.pages_opened > 0;
    return r.pages_total > 0 && r.pages_opened == r.pages_total;
}

}  // namespace

bool review_required_for(Action action) {
    return action == Action::approve || action == Action::forward;
}

std::vector<ReviewGap> review_gaps(const ServiceDefinition& service, const model::Application& app,
                                   const std::vector<model::DocumentReview>& opened) {
    std::vector<ReviewGap> gaps;
    const Level* level = service.find_level(app.current_level);
    if (level == nullptr || level->require_opened == catalogue::ReviewRequirement::none)
        return gaps;
    for (const auto& doc : app.documents) {
        if (!is_mandatory_kind(service, doc.kind))
            continue;
        auto it = std::find_if(opened.begin(), opened.end(),
                               [&](const model::DocumentReview& r) { return r.document == doc.id; });
        const model::DocumentReview seen =
            it == opened.end() ? model::DocumentReview{doc.id, doc.sha256} : *it;
        if (!opened_enough(level->require_opened, seen))
            gaps.push_back({doc.id, seen.pages_opened, seen.pages_total});
    }
    return gaps;
}

std::string describe_gaps(const std::vector<ReviewGap>& gaps) {
    std::string out;
    for (const auto& g : gaps) {
        out += out.empty() ? "" : ", ";
        out += g.document + (g.pages_total == 0 ? std::string(" (never opened)")
                                                : " (" + std::to_string(g.pages_opened) + " of " +
                                                      std::to_string(g.pages_total) + " pages opened)");
    }
    return out;
}

namespace {

Verdict check_review(const ServiceDefinition& service, const model::Application& app,
                     const model::Decision& d) {
    if (!review_required_for(d.action))
        return {};
    const auto gaps = review_gaps(service, app, d.documents);
    if (gaps.empty())
        return {};
    const Level& level = *service.find_level(app.current_level);
    if (d.format == model::kDecisionFormatFirst)
        return deny(Denial::review_incomplete,
                    "At level " + level.id + " of this service a " +
                        std::string(model::action_name(d.action)) +
                        " must show which documents were opened, and this decision is in format 1, which "
                        "cannot: it was made by a workstation older than the hub. Update the workstation, "
                        "open the documents and decide again.");
    return deny(Denial::review_incomplete,
                "At level " + level.id + " of this service an officer must open " +
                    (level.require_opened == catalogue::ReviewRequirement::mandatory_documents
                         ? std::string("every mandatory document")
                         : std::string("every page of every mandatory document")) +
                    " before a " + std::string(model::action_name(d.action)) +
                    "; still unopened: " + describe_gaps(gaps) + ".");
}

}  // namespace

DenialClass denial_class(Denial d) {
    switch (d) {
        case Denial::none:
            return DenialClass::none;
        case Denial::wrong_service:
        case Denial::wrong_role:
        case Denial::wrong_level:
        case Denial::outside_jurisdiction:
        case Denial::separation_of_duties:
        case Denial::not_the_officer:
            return DenialClass::forbidden;
        case Denial::stale_version:
        case Denial::not_pending:
        case Denial::moved_on:
            return DenialClass::conflict;
        default:
            return DenialClass::invalid;
    }
}

std::string_view denial_code(Denial d) {
    return enum_name(kDenialCodes, d);
}

namespace {

// Whether `record` was decided by the same person as the one now signing: the same account, or the same
// certificate or public key under another account.
bool same_person(const model::ActionRecord& record, const model::Officer& officer,
                 const SignerIdentity& signer) {
    if (record.decision.officer == officer.id)
        return true;
    const bool same_certificate = !record.signer_certificate_sha256.empty() &&
                                  record.signer_certificate_sha256 == signer.certificate_sha256;
    const bool same_key = !record.signer_key_sha256.empty() && record.signer_key_sha256 == signer.key_sha256;
    return same_certificate || same_key;
}

Verdict already_acted(const model::ActionRecord& record, const model::Application& app,
                      const model::Officer& officer, const std::string& level) {
    if (record.decision.officer == officer.id)
        return deny(Denial::separation_of_duties, "Officer " + officer.id + " already acted on application " +
                                                      app.number + " at level " + record.decision.level +
                                                      " and cannot also act at level " + level + ".");
    return deny(Denial::separation_of_duties,
                "The certificate that signs this decision already signed application " + app.number +
                    " at level " + record.decision.level + " as officer " + record.decision.officer +
                    "; one person cannot act at two levels of an application, under any account.");
}

}  // namespace

Verdict may_act(const ServiceDefinition& service, const model::Application& app,
                const model::Officer& officer) {
    return may_act(service, app, officer, SignerIdentity{officer.certificate_sha256, ""});
}

Verdict may_act(const ServiceDefinition& service, const model::Application& app,
                const model::Officer& officer, const SignerIdentity& signer) {
    if (app.status != model::Status::pending)
        return deny(Denial::not_pending, "Application " + app.number + " is already " +
                                             std::string(model::status_name(app.status)) +
                                             "; it accepts no decision.");
    if (app.service_id != service.id || !officer.handles_service(app.service_id))
        return deny(Denial::wrong_service,
                    "Officer " + officer.id + " does not handle service " + quoted(app.service_id) + ".");
    const Level* level = service.find_level(app.current_level);
    if (level == nullptr)
        return deny(Denial::wrong_level, "Application " + app.number + " is at level " +
                                             quoted(app.current_level) + ", which service " +
                                             quoted(service.id) + " does not define.");
    if (officer.level != level->id)
        return deny(Denial::wrong_level, "Application " + app.number + " is at level " + level->id +
                                             "; officer " + officer.id + " works at level " + officer.level +
                                             ".");
    if (!role_fits(*level, officer, app.jurisdiction.area))
        return deny(Denial::wrong_role, "Role " + quoted(officer.role) + " does not verify " +
                                            std::string(model::area_name(app.jurisdiction.area)) +
                                            " applications at level " + level->id + " of this service.");
    if (!officer.jurisdiction.covers(app.jurisdiction))
        return deny(Denial::outside_jurisdiction,
                    "Application " + app.number + " is outside officer " + officer.id + "'s jurisdiction.");
    for (const auto& record : app.history) {
        if (record.decision.level != level->id && same_person(record, officer, signer))
            return already_acted(record, app, officer, level->id);
    }
    return {};
}

std::vector<Action> allowed_actions(const ServiceDefinition& service, const model::Application& app,
                                    const model::Officer& officer) {
    std::vector<Action> out;
    if (!may_act(service, app, officer).ok())
        return out;
    const Level& level = *service.find_level(app.current_level);
    for (const auto& name : level.actions) {
        auto action = model::action_from_name(name);
        if (action && action_permitted_here(service, level, app, *action))
            out.push_back(*action);
    }
    return out;
}

namespace {

// Two officers may decide offline on the same application; when one lands first the application leaves the
// other's level. That is not the other officer overstepping (forbidden) but a race they lost (conflict: pull
// the latest state and look again). It is a race only when the decision names an older version, the officer
// handles this service in this jurisdiction, and the application really was at the decision's level.
bool moved_on_since(const ServiceDefinition& service, const model::Application& app,
                    const model::Officer& officer, const model::Decision& decision, const Verdict& refusal) {
    if (refusal.denial != Denial::wrong_level || decision.application_version >= app.version)
        return false;
    if (!officer.jurisdiction.covers(app.jurisdiction) || decision.level == app.current_level)
        return false;
    const bool first_level = !service.levels.empty() && service.levels.front().id == decision.level;
    return first_level ||
           std::any_of(app.history.begin(), app.history.end(), [&](const model::ActionRecord& r) {
               return r.decision.level == decision.level || r.level_after == decision.level;
           });
}

Verdict moved_on(const model::Application& app, const model::Decision& decision) {
    return deny(Denial::moved_on,
                "Application " + app.number + " has moved on since you saw it: you decided on version " +
                    std::to_string(decision.application_version) + " at level " + decision.level +
                    ", and it is now version " + std::to_string(app.version) + ", " +
                    std::string(model::status_name(app.status)) + " at level " + app.current_level +
                    ". Sync to see its latest state; your decision was not applied.");
}

}  // namespace

Verdict check_decision(const ServiceDefinition& service, const model::Application& app,
                       const model::Officer& officer, const model::Decision& decision) {
    return check_decision(service, app, officer, decision, SignerIdentity{officer.certificate_sha256, ""});
}

Verdict check_decision(const ServiceDefinition& service, const model::Application& app,
                       const model::Officer& officer, const model::Decision& decision,
                       const SignerIdentity& signer) {
    if (decision.application != app.number)
        return deny(Denial::wrong_application,
                    "The decision is for application " + decision.application + ", not " + app.number + ".");
    if (decision.officer != officer.id || decision.role != officer.role || decision.level != officer.level)
        return deny(Denial::not_the_officer, "The decision names officer " + decision.officer + " (" +
                                                 decision.role + ", " + decision.level + "), but " +
                                                 officer.id + " (" + officer.role + ", " + officer.level +
                                                 ") is acting.");
    if (Verdict v = may_act(service, app, officer, signer); !v.ok()) {
        if (moved_on_since(service, app, officer, decision, v))
            return moved_on(app, decision);
        return v;
    }
    if (decision.application_version != app.version)
        return deny(Denial::stale_version,
                    "Application " + app.number + " changed since it was opened (version " +
                        std::to_string(decision.application_version) + " was seen, it is now " +
                        std::to_string(app.version) + "); reopen it and decide again.");
    const Level& level = *service.find_level(app.current_level);
    if (!action_permitted_here(service, level, app, decision.action))
        return deny(Denial::action_not_allowed,
                    "Action " + quoted(std::string(model::action_name(decision.action))) +
                        " is not allowed at level " + level.id + " for application " + app.number + ".");
    if (Verdict v = check_reason_and_remark(service, decision); !v.ok())
        return v;
    return check_review(service, app, decision);
}

Transition transition_for(const ServiceDefinition& service, const model::Application& app, Action action) {
    const auto normal = normal_levels(service);
    const Level* level = service.find_level(app.current_level);
    auto pos = std::find(normal.begin(), normal.end(), level);
    switch (action) {
        case Action::approve:
            return {model::Status::approved, level->id};
        case Action::reject:
            return {model::Status::rejected, level->id};
        case Action::return_to_applicant:
            return {model::Status::returned, level->id};
        case Action::forward:
            return {model::Status::pending, (*(pos + 1))->id};
        case Action::escalate:
            return {model::Status::pending, service.route_from(level->id)->to};
        case Action::send_back:
            if (level->exception) {
                for (const auto& route : service.exception_routes) {
                    if (route.to == level->id)
                        return {model::Status::pending, route.from};
                }
            }
            return {model::Status::pending, (*(pos - 1))->id};
    }
    throw Error("unhandled workflow action");
}

model::Application apply_decision(const ServiceDefinition& service, const model::Application& app,
                                  const model::Officer& officer, const model::Decision& decision,
                                  const std::string& signature_sha256, Timestamp applied_at) {
    return apply_decision(service, app, officer, decision, signature_sha256, applied_at,
                          SignerIdentity{officer.certificate_sha256, ""});
}

model::Application apply_decision(const ServiceDefinition& service, const model::Application& app,
                                  const model::Officer& officer, const model::Decision& decision,
                                  const std::string& signature_sha256, Timestamp applied_at,
                                  const SignerIdentity& signer) {
    if (Verdict v = check_decision(service, app, officer, decision, signer); !v.ok())
        throw WorkflowError(std::move(v));
    const Transition next = transition_for(service, app, decision.action);
    model::Application out = app;
    if (next.level != out.current_level)
        out.level_entered_at = applied_at;
    out.status = next.status;
    out.current_level = next.level;
    out.version = app.version + 1;
    model::ActionRecord record{decision, signature_sha256, applied_at, next.status, next.level, "", ""};
    // Kept only from the hub's verified signer; the registered-certificate default is not a proof of who
    // signed.
    if (!signer.key_sha256.empty()) {
        record.signer_certificate_sha256 = signer.certificate_sha256;
        record.signer_key_sha256 = signer.key_sha256;
    }
    out.history.push_back(std::move(record));
    return out;
}

model::Application resubmit(const ServiceDefinition& service, const model::Application& app,
                            Timestamp resubmitted_at) {
    if (app.status != model::Status::returned)
        throw WorkflowError(
            deny(Denial::not_pending, "Application " + app.number +
                                          " was not returned to the applicant, so it cannot be "
                                          "resubmitted."));
    model::Application out = app;
    out.status = model::Status::pending;
    out.current_level = service.levels.front().id;
    out.level_entered_at = resubmitted_at;
    out.version = app.version + 1;
    return out;
}

}  // namespace jaanch::workflow
