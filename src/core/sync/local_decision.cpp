#include "sync/local_decision.h"

#include <SQLiteCpp/Exception.h>
#include <openssl/rand.h>
#include <sqlite3.h>

#include "crypto/application_content.h"
#include "crypto/canonical_json.h"
#include "store/review_store.h"
#include "sync/sync_error.h"
#include "util/sha256.h"
#include "workflow/workflow.h"

namespace jaanch::sync {
namespace {

// The officer must learn that this decision is NOT saved (not merely that "the disk is full"), and what to
// do.
store::DiskFullError not_saved_disk_full(const store::Workspace& workspace, const model::Decision& d) {
    return store::DiskFullError(
        "The disk holding the workspace (" + workspace.dir().string() + ") is full, so the decision on " +
        d.application +
        " was NOT saved: nothing went into the outbox. Free some space on that disk (old "
        "downloads, the trash) and decide again.");
}

}  // namespace

std::string new_uuid() {
    unsigned char b[16];
    if (RAND_bytes(b, sizeof b) != 1)
        throw SyncError("The system's random generator failed, so no decision id could be made. Try again.");
    b[6] = static_cast<unsigned char>((b[6] & 0x0f) | 0x40);
    b[8] = static_cast<unsigned char>((b[8] & 0x3f) | 0x80);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            out += '-';
        out += kHex[b[i] >> 4];
        out += kHex[b[i] & 15];
    }
    return out;
}

namespace {

// The content the officer had (with the Aadhaar numbers the workspace seals opened again: the hub hashes the
// values it was sent) and the pages they had on screen.
void bind_what_was_seen(store::Workspace& workspace, model::Decision& d) {
    const auto app = workspace.unsealed_application(d.application);
    if (!app)
        throw SyncError("Application " + d.application + " vanished from the workspace while deciding.");
    crypto::bind_content(d, *app, pages_opened(store::ReviewStore(workspace).pages_seen(d.application)));
}

}  // namespace

std::map<std::string, crypto::PagesOpened> pages_opened(const std::map<std::string, store::PagesSeen>& seen) {
    std::map<std::string, crypto::PagesOpened> pages;
    for (const auto& [document, s] : seen)
        pages[document] = {static_cast<std::uint32_t>(s.pages.size()),
                           static_cast<std::uint32_t>(std::max<int>(s.page_count, 0))};
    return pages;
}

std::vector<model::DocumentReview> documents_reviewed(const model::Application& app,
                                                      const std::map<std::string, store::PagesSeen>& seen) {
    model::Decision d;
    crypto::bind_content(d, app, pages_opened(seen));
    return d.documents;
}

model::Decision prepare_decision(store::Workspace& workspace, const catalogue::Catalogue& catalogue,
                                 const model::Officer& officer, const DecisionInput& input, Timestamp now) {
    const auto app = workspace.application(input.application);
    if (!app)
        throw SyncError("Application " + input.application +
                        " is not in this workspace. Sync first, or check the "
                        "number with `jaanch-cli queue`.");
    for (const auto& e : workspace.outbox().list()) {
        if (e.decision.application == input.application &&
            (e.state == store::OutboxState::pending || e.state == store::OutboxState::sending))
            throw SyncError("Application " + input.application +
                            " already has a decision waiting to be sent (" + e.decision.id +
                            "). Recall it first if it was a mistake.");
    }
    const auto* service = catalogue.find(app->service_id, app->service_version);
    if (service == nullptr)
        throw SyncError("Application " + input.application + " is filed under service " + app->service_id +
                        " version " + std::to_string(app->service_version) +
                        ", which this workstation's catalogue does not have. Update the forms folder.");

    model::Decision d;
    d.id = new_uuid();
    d.application = app->number;
    d.application_version = app->version;
    d.action = input.action;
    d.reason_code = input.reason_code;
    d.remark = input.remark;
    d.field_checks = input.field_checks;
    d.document_checks = input.document_checks;
    d.officer = officer.id;
    d.role = officer.role;
    d.level = officer.level;
    d.decided_at = std::chrono::time_point_cast<std::chrono::seconds>(now);
    bind_what_was_seen(workspace, d);
    const workflow::Verdict verdict = workflow::check_decision(*service, *app, officer, d);
    if (!verdict.ok())
        throw workflow::WorkflowError(verdict);
    return d;
}

model::Decision commit_decision(store::Workspace& workspace, const model::Officer& officer,
                                crypto::Signer& signer, const model::Decision& d, Timestamp now) {
    const std::string certificate = signer.certificate_der();
    if (!officer.certificate_sha256.empty() && sha256_hex(certificate) != officer.certificate_sha256)
        throw SyncError("The signing certificate (" + signer.description() +
                        ") is not the one the hub registered "
                        "for " +
                        officer.id + " (SHA-256 " + officer.certificate_sha256.substr(0, 16) +
                        "…), so the hub would refuse the signature. Choose the officer's own DSC.");
    const std::string signature = signer.sign_at(crypto::canonical_decision_bytes(d), d.decided_at);

    try {
        workspace.queue_decision(d, signature, officer.id, now);
    } catch (const store::DiskFullError&) {
        throw not_saved_disk_full(workspace, d);
    } catch (const SQLite::Exception& e) {
        if (e.getErrorCode() == SQLITE_FULL)
            throw not_saved_disk_full(workspace, d);
        store::rethrow_sqlite(e, "saving the decision on " + d.application + " (it was not saved)");
    }
    return d;
}

model::Decision decide_locally(store::Workspace& workspace, const catalogue::Catalogue& catalogue,
                               const model::Officer& officer, crypto::Signer& signer,
                               const DecisionInput& input, Timestamp now) {
    return commit_decision(workspace, officer, signer,
                           prepare_decision(workspace, catalogue, officer, input, now), now);
}

void recall_decision(store::Workspace& workspace, const std::string& officer, const std::string& decision_id,
                     Timestamp now) {
    const auto entry = workspace.outbox().find(decision_id);
    if (!entry)
        throw SyncError("Decision " + decision_id +
                        " is not in this workspace's outbox, so there is nothing to recall.");
    if (!workspace.outbox().recall(decision_id)) {
        const auto now_state = workspace.outbox().find(decision_id);  // a sync may have taken it meanwhile
        throw SyncError("Decision " + decision_id + " on " + entry->decision.application +
                        " cannot be recalled: it is " +
                        std::string(store::outbox_state_name(now_state ? now_state->state : entry->state)) +
                        ", and only a decision still waiting in the outbox can be taken back.");
    }
    workspace.activity().append(now, officer, "recalled", entry->decision.application, decision_id);
}

}  // namespace jaanch::sync
