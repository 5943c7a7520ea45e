// Delivers the outbox to the hub, each decision exactly once: the hub is idempotent on the decision UUID, so
// a decision whose answer was lost (a dropped link, a killed process) is simply sent again and the hub
// replays its first answer.
//
// Per decision: pending → sending (on disk before the request leaves) → accepted | rejected (a permanent 4xx,
// with the hub's message for the officer) | conflict (409: the application's latest state is pulled into the
// workspace first) | pending again after a network error or 5xx, with an exponential back-off with jitter.
// An expired session puts the decision back to pending untouched and raises AuthExpired.
// Threads: the caller's; the Workspace and HubClient belong to that thread.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <random>

#include "store/workspace.h"
#include "sync/hub_client.h"
#include "sync/sync_observer.h"

namespace jaanch::sync {

struct BackoffPolicy {
    std::chrono::milliseconds first{2000};
    std::chrono::milliseconds ceiling{std::chrono::minutes(10)};
};

// The wait before attempt `attempts + 1`: first·2^attempts capped at the ceiling, of which a random half is
// jitter (so a village's workstations coming back together do not all retry in the same second).
std::chrono::milliseconds backoff_delay(int attempts, const BackoffPolicy& policy, std::mt19937_64& random);

struct PushSummary {
    std::size_t accepted = 0;
    std::size_t rejected = 0;
    std::size_t conflicts = 0;
    std::size_t deferred = 0;  // back to pending for a later attempt
    bool offline = false;      // the hub could not be reached; the rest waits for the next sync
};

class OutboxPusher {
  public:
    OutboxPusher(store::Workspace& workspace, HubClient& client, SyncObserver& observer,
                 BackoffPolicy policy = {});

    // Crash recovery: decisions a killed process left "sending" go back to pending. Call once before pushing.
    std::size_t recover();

    // Sends every decision that is due at `now`, oldest first. Stops at the first network failure (the others
    // would fail the same way). `ignore_backoff` sends even those still waiting out a back-off (an explicit
    // `sync` by the officer). Throws AuthExpired (the decision stays pending).
    PushSummary push(Timestamp now, bool ignore_backoff = false);

    // Test hook: called after a decision is marked sending and before its request leaves.
    std::function<void(const std::string& decision_id)> before_send;

  private:
    store::Workspace& workspace_;
    HubClient& client_;
    SyncObserver& observer_;
    BackoffPolicy policy_;
    std::mt19937_64 random_;
};

}  // namespace jaanch::sync
