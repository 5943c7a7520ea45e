// Deciding at the workstation, online or not: build the decision from what the officer saw, check it against
// the same workflow rules the hub enforces (so an officer never signs what the hub will refuse for role,
// level or reason), sign its canonical bytes, and put decision + signature into the outbox and "decided" into
// the activity log in one SQLite transaction. Only after that commit may anything tell the officer the
// decision is saved.
//
// Errors: workflow::WorkflowError when the rules refuse; crypto::SigningError from the signer; SyncError when
// the application is unknown locally, already has a decision waiting, or the signer's certificate is not the
// one the hub registered for the officer; store::StoreError when the workspace cannot be written. Threads:
// the caller's (the Workspace's thread). Signing may block on a token.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "catalogue/catalogue.h"
#include "crypto/application_content.h"
#include "crypto/signer.h"
#include "model/decision.h"
#include "model/officer.h"
#include "store/review_store.h"
#include "store/workspace.h"

namespace jaanch::sync {

struct DecisionInput {
    std::string application;
    model::Action action = model::Action::forward;
    std::string reason_code;
    std::string remark;
    std::vector<model::FieldCheck> field_checks;
    std::vector<model::DocumentCheck> document_checks;
};

// The two halves of decide_locally, for a UI that shows the officer exactly what will be signed in between:
// prepare_decision builds and checks the decision (no signing, nothing stored); commit_decision signs its
// canonical bytes and stores decision + signature + activity in one transaction.
model::Decision prepare_decision(store::Workspace& workspace, const catalogue::Catalogue& catalogue,
                                 const model::Officer& officer, const DecisionInput& input, Timestamp now);
model::Decision commit_decision(store::Workspace& workspace, const model::Officer& officer,
                                crypto::Signer& signer, const model::Decision& decision, Timestamp now);

model::Decision decide_locally(store::Workspace& workspace, const catalogue::Catalogue& catalogue,
                               const model::Officer& officer, crypto::Signer& signer,
                               const DecisionInput& input, Timestamp now);

// Takes back a decision still waiting in the outbox (state pending) and logs "recalled" in the activity log.
// Throws SyncError, naming the state it is in, for a decision already sending, sent, refused or unknown.
void recall_decision(store::Workspace& workspace, const std::string& officer, const std::string& decision_id,
                     Timestamp now);

// The pages the officer had on screen (store::ReviewStore::pages_seen), as a decision binds them
// (crypto::bind_content's `pages`). The one conversion: prepare_decision uses it, and so does anything that
// asks before deciding whether the review requirement is met (workstation::review_gaps).
std::map<std::string, crypto::PagesOpened> pages_opened(const std::map<std::string, store::PagesSeen>& seen);
// The documents of `app` with the pages opened, exactly as a decision made now would bind them
// (Decision::documents), for workflow::review_gaps.
std::vector<model::DocumentReview> documents_reviewed(const model::Application& app,
                                                      const std::map<std::string, store::PagesSeen>& seen);

// A random (version 4) UUID in lowercase 8-4-4-4-12 form.
std::string new_uuid();

}  // namespace jaanch::sync
