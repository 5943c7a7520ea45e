// One sync of an officer's workspace with the hub:
//   1. push the outbox (decisions are small and matter most, so they leave first on a thin link);
//   2. pull queue changes from the stored cursor, each page stored with the cursor that follows it in one
//      transaction (a sync cut off halfway resumes from the last stored page);
//   3. download missing documents in the background order of the queue: applications due soonest first;
//   4. fetch the signatures of earlier decisions (HubClient::history) of pending applications whose
//      signatures the workspace lacks, due soonest first, at most SyncOptions::history_limit per sync (the
//      rest at the next), so that the history pane verifies them offline too (sync/history_check.h); before
//      that, the hub's CRLs (GET /v1/crls) into WORKSPACE/crl, so revocation is judged offline as on the hub.
// An unreachable hub ends the sync early with status offline; nothing decided is lost, since the outbox is on
// disk. An expired session (AuthExpired) is reported with needs_login and the outbox is kept. A full disk
// (store::DiskFullError) ends it with disk_full and the error's sentence as the problem: documents finished
// before it count, partial ones stay partial and resume at the next sync once space is freed.
//
// Session values in the workspace's sync_state: hub_url, user, token (a bearer token: never logged), officer
// (the Officer JSON the hub returned at login), token_expires_at. Threads: run() works on the calling thread
// and calls the observer there. The workstation runs it on its own worker with its own Workspace and forwards
// observer calls through dispatch::to_main.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>

#include "store/workspace.h"
#include "sync/document_downloader.h"
#include "sync/hub_client.h"
#include "sync/outbox_pusher.h"
#include "sync/sync_observer.h"

namespace jaanch::sync {

struct SyncOptions {
    bool documents = true;
    int page_size = 500;
    DownloadOptions download;
    HubClientOptions client;
    BackoffPolicy backoff;
    bool ignore_backoff = true;  // an explicit sync sends every pending decision now
    bool history = true;
    // A few KB per application: bounded so that a first sync of a large queue on a thin link is not held up
    // (the rest arrive at later syncs, or when an application is opened online).
    std::size_t history_limit = 300;
};

struct SyncReport {
    bool online = false;
    bool needs_login = false;
    bool disk_full = false;
    std::string problem;  // why the sync ended early; empty when it finished
    std::size_t applications_pulled = 0;
    PushSummary pushed;
    std::size_t documents_fetched = 0;
    std::size_t documents_failed = 0;
    std::size_t documents_damaged = 0;
    std::size_t histories_fetched = 0;  // applications whose earlier decisions' signatures arrived
    std::uint64_t bytes = 0;
    std::size_t decisions_waiting = 0;
};

// Saves a login's session values into the workspace (sync_state).
void save_session(store::Workspace& workspace, const std::string& hub_url, const std::string& user,
                  const Login& login);
// Ends the officer's session: forgets the token here (always) and asks the hub to end it, so a copy of it
// stops working at once; logs "logged_out". Decisions in the outbox stay and are sent after the next log-in.
// Returns an empty string when the hub confirmed, else why it could not (offline: the token then ends at its
// expiry).
std::string end_session(store::Workspace& workspace, Timestamp now, HubClientOptions options = {});
// The officer saved at login; throws SyncError when the workspace has never been logged in.
model::Officer session_officer(const store::Workspace& workspace);
std::size_t decisions_waiting(store::Workspace& workspace);

class SyncEngine {
  public:
    SyncEngine(store::Workspace& workspace, SyncObserver& observer, SyncOptions options = {});

    SyncReport run();
    // Asks a running run() to stop after its current step (any thread).
    void cancel() { cancel_ = true; }

  private:
    void pull(HubClient& client, SyncReport& report);
    void download(SyncReport& report);
    void fetch_crls(HubClient& client, SyncReport& report);  // a hub error is the report's problem
    void fetch_history(HubClient& client, SyncReport& report);
    void status(bool online, bool needs_login, const std::string& message);

    store::Workspace& workspace_;
    SyncObserver& observer_;
    SyncOptions options_;
    std::atomic<bool> cancel_{false};
};

}  // namespace jaanch::sync
