// The history pane's signature marks: each earlier decision of an application checked on the workstation,
// with the signature bytes fetched from the hub (HubClient::history, kept in the workspace by
// store::ReviewStore) and crypto::Verifier over the trust folder of the workspace (WORKSPACE/trust: the CCA
// root and licensed CAs, the same anchors the hub trusts). Nothing here trusts the hub's word that a decision
// was signed: the bytes are verified locally. Revocation is judged with the CRLs the last sync brought
// (WORKSPACE/crl, from GET /v1/crls) at the time the hub recorded each decision (ActionRecord::applied_at):
// a certificate revoked after a decision was applied leaves that decision valid. A workspace that has never
// received CRLs (older hub) checks no revocation; one that has refuses a signer whose CA has none there
// unless the hub allows that CA without a CRL. A CRL past its nextUpdate still counts (warned in the
// message).
//
// Threads: the caller's (the Workspace's thread). Errors: store errors rise; a bad signature is a mark, never
// an exception; a trust folder that cannot be read gives every record the mark no_trust with the reason.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "model/application.h"
#include "store/review_store.h"
#include "sync/hub_client.h"

namespace jaanch::sync {

enum class SignatureMark {
    valid,        // verified: chain, validity, key usage, content
    invalid,      // the verifier refused it; reason and message say why
    not_fetched,  // the signature bytes are not in the workspace yet (offline, or never opened online)
    no_trust,     // the workspace has no usable trust folder to check against
};

struct HistoryMark {
    std::string decision_id;
    SignatureMark mark = SignatureMark::not_fetched;
    std::string reason;   // the verifier's reason name ("content_mismatch" …), or "digest_mismatch"
    std::string message;  // a complete sentence for the officer
};

// WORKSPACE/trust.
std::filesystem::path trust_dir_of(const store::Workspace& workspace);

// WORKSPACE/crl: the hub's CRLs (*.crl, DER) and allowed-without-crl.json.
std::filesystem::path crl_dir_of(const store::Workspace& workspace);

// Adds the hub's CRLs to the workspace's (files written under temporary names, then renamed) and takes its
// list of CAs allowed without a CRL. CRLs are never removed: the newest valid one of each CA is the one used.
// Throws jaanch::Error when the folder cannot be written.
void store_crls(store::Workspace& workspace, const HubCrls& crls);

// Stores the fetched signatures of `number` in the workspace.
void store_history(store::Workspace& workspace, const std::string& number,
                   const std::vector<HistorySignature>& signatures, Timestamp now);

// One mark per record of app.history, in the same order.
std::vector<HistoryMark> check_history(store::Workspace& workspace, const model::Application& app);

}  // namespace jaanch::sync
