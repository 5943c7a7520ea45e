// The workflow rules: who may do what to an application, and what a decision leads to.
//
// Pure and deterministic, so the hub (which enforces) and the workstation (which only offers what will be
// accepted) apply exactly the same rules from the same service definition. No I/O, no clock: the caller
// passes every time. Thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "catalogue/service_definition.h"
#include "model/application.h"
#include "model/decision.h"
#include "model/officer.h"
#include "util/error.h"

namespace jaanch::workflow {

// Why a decision is refused. Grouped by what the caller should do about it (see denial_class).
enum class Denial {
    none,
    // forbidden: the officer may not act here at all
    wrong_service,
    wrong_role,
    wrong_level,
    outside_jurisdiction,
    separation_of_duties,
    not_the_officer,  // the decision names another officer, role or level than the one acting
    // conflict: the application moved on
    stale_version,
    not_pending,
    moved_on,  // the decision was made at an older version, at a level the application has since left
    // invalid: the decision itself is malformed for this service
    wrong_application,
    action_not_allowed,
    missing_reason,
    invalid_reason,
    missing_remark,
    review_incomplete,  // the level asks for documents (or pages) to be opened that the decision shows
                        // unopened
};

enum class DenialClass { none, forbidden, conflict, invalid };

DenialClass denial_class(Denial d);
std::string_view denial_code(
    Denial d);  // stable snake_case code for APIs and logs, e.g. "separation_of_duties"

struct Verdict {
    Denial denial = Denial::none;
    std::string message;  // a complete sentence for the officer; empty when allowed

    bool ok() const { return denial == Denial::none; }
};

class WorkflowError : public Error {
  public:
    explicit WorkflowError(Verdict verdict) : Error(verdict.message), verdict_(std::move(verdict)) {}
    const Verdict& verdict() const { return verdict_; }

  private:
    Verdict verdict_;
};

// Who signs a decision, by certificate: separation of duties is about people, so an earlier decision of the
// application signed with the same certificate or the same public key counts as this officer's even under
// another account. Empty fields compare with nothing.
struct SignerIdentity {
    std::string certificate_sha256;  // SHA-256 of the signer certificate's DER
    std::string key_sha256;          // SHA-256 of its SubjectPublicKeyInfo DER
};

// May this officer act on this application now (before choosing an action)? Separation of duties compares
// the account and the officer's registered certificate (Officer::certificate_sha256).
Verdict may_act(const catalogue::ServiceDefinition& service, const model::Application& app,
                const model::Officer& officer);
// The same, comparing the history with `signer` (the hub passes the certificate that signed the decision).
Verdict may_act(const catalogue::ServiceDefinition& service, const model::Application& app,
                const model::Officer& officer, const SignerIdentity& signer);

// The actions this officer may take on this application now, in the service's order; empty when may_act
// fails.
std::vector<model::Action> allowed_actions(const catalogue::ServiceDefinition& service,
                                           const model::Application& app, const model::Officer& officer);

// Every rule a decision must pass, in a fixed order so the same fault always gives the same answer.
Verdict check_decision(const catalogue::ServiceDefinition& service, const model::Application& app,
                       const model::Officer& officer, const model::Decision& decision);
// The same with the identity of the certificate that signed the decision (see SignerIdentity).
Verdict check_decision(const catalogue::ServiceDefinition& service, const model::Application& app,
                       const model::Officer& officer, const model::Decision& decision,
                       const SignerIdentity& signer);

// A mandatory document the level's review requirement (catalogue::ReviewRequirement) still asks to be opened
// before an approval or a forward, with what the officer had opened of it.
struct ReviewGap {
    std::string document;  // DocumentRef::id
    std::uint32_t pages_opened = 0;
    std::uint32_t pages_total = 0;  // 0 when never opened
};

// Whether the review requirement applies to this action: approving and forwarding vouch for the documents.
bool review_required_for(model::Action action);

// The gaps between what the application's current level requires to be opened and `opened` (one entry per
// document, as Decision::documents); empty when the requirement is met or the level has none.
std::vector<ReviewGap> review_gaps(const catalogue::ServiceDefinition& service, const model::Application& app,
                                   const std::vector<model::DocumentReview>& opened);

// "caste_proof (0 of 3 pages opened), income_proof (never opened)": for messages.
std::string describe_gaps(const std::vector<ReviewGap>& gaps);

struct Transition {
    model::Status status = model::Status::pending;
    std::string level;
};

// Where an action leads from the application's current level. Precondition: the action is allowed there.
Transition transition_for(const catalogue::ServiceDefinition& service, const model::Application& app,
                          model::Action action);

// Applies a decision that passes check_decision: the next state, version + 1, the decision appended to
// history. Throws WorkflowError with the verdict otherwise; the input is never modified.
model::Application apply_decision(const catalogue::ServiceDefinition& service, const model::Application& app,
                                  const model::Officer& officer, const model::Decision& decision,
                                  const std::string& signature_sha256, Timestamp applied_at);
// The same, checking with check_decision(…, signer) and recording `signer` in the new history entry.
model::Application apply_decision(const catalogue::ServiceDefinition& service, const model::Application& app,
                                  const model::Officer& officer, const model::Decision& decision,
                                  const std::string& signature_sha256, Timestamp applied_at,
                                  const SignerIdentity& signer);

// The citizen corrected a returned application: back to the first level. Throws WorkflowError unless
// returned.
model::Application resubmit(const catalogue::ServiceDefinition& service, const model::Application& app,
                            Timestamp resubmitted_at);

}  // namespace jaanch::workflow
