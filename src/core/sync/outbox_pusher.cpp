#include "sync/outbox_pusher.h"

#include <algorithm>

#include "sync/sync_error.h"

namespace jaanch::sync {

std::chrono::milliseconds backoff_delay(int attempts, const BackoffPolicy& policy, std::mt19937_64& random) {
    const int doublings = std::clamp(attempts, 0, 30);
    const double full =
        std::min(static_cast<double>(policy.first.count()) * static_cast<double>(1ULL << doublings),
                 static_cast<double>(policy.ceiling.count()));
    std::uniform_real_distribution<double> jitter(0.0, full / 2);
    return std::chrono::milliseconds(static_cast<std::int64_t>(full / 2 + jitter(random)));
}

OutboxPusher::OutboxPusher(store::Workspace& workspace, HubClient& client, SyncObserver& observer,
                           BackoffPolicy policy)
    : workspace_(workspace),
      client_(client),
      observer_(observer),
      policy_(policy),
      random_(std::random_device{}()) {}

std::size_t OutboxPusher::recover() {
    return workspace_.outbox().reset_sending(now_utc());
}

PushSummary OutboxPusher::push(Timestamp now, bool ignore_backoff) {
    auto& outbox = workspace_.outbox();
    PushSummary summary;
    const auto entries = ignore_backoff ? outbox.list(store::OutboxState::pending) : outbox.due(now);
    SyncProgress progress;
    progress.phase = SyncPhase::push;
    progress.items_total = entries.size();
    observer_.on_progress(progress);
    for (const auto& entry : entries) {
        const std::string& id = entry.decision.id;
        outbox.mark_sending(id, now_utc());
        if (before_send)
            before_send(id);
        try {
            const DecisionReceipt receipt = client_.submit(entry.decision, entry.signature);
            outbox.mark_accepted(id, receipt.answer.dump(), now_utc());
            ++summary.accepted;
            observer_.on_notice({SyncNotice::Kind::decision_accepted, id,
                                 "Decision on " + entry.decision.application + " reached the hub" +
                                     (receipt.replay ? " (it had arrived before)." : ".")});
        } catch (const AuthExpired&) {
            outbox.mark_retry(id, "waiting for a new login", now_utc(), now_utc());
            throw;
        } catch (const Conflict& e) {
            // The application moved on: bring its latest state in, then let the officer look again.
            try {
                const QueueEntry latest = client_.application(entry.decision.application);
                workspace_.store_applications({latest.application}, workspace_.cursor());
                workspace_.set_claim(latest.application.number, latest.claimed_by);
            } catch (const HubRefused&) {
                // Gone from the officer's view: the conflict message still says why.
            }
            outbox.mark_conflict(id, e.hub_message(), now_utc());
            ++summary.conflicts;
            observer_.on_notice(
                {SyncNotice::Kind::decision_conflict, id,
                 "Decision on " + entry.decision.application + " conflicts: " + e.hub_message()});
        } catch (const HubRefused& e) {
            outbox.mark_rejected(id, e.hub_message(), now_utc());
            ++summary.rejected;
            observer_.on_notice(
                {SyncNotice::Kind::decision_rejected, id,
                 "The hub rejected the decision on " + entry.decision.application + ": " + e.hub_message()});
        } catch (const SyncError& e) {  // Offline, ServerError, a garbled answer: try again later
            const auto wait = backoff_delay(entry.attempts, policy_, random_);
            outbox.mark_retry(id, e.what(), now_utc() + std::chrono::ceil<std::chrono::seconds>(wait),
                              now_utc());
            ++summary.deferred;
            if (dynamic_cast<const Offline*>(&e) != nullptr) {
                summary.offline = true;
                break;
            }
        }
        ++progress.items_done;
        observer_.on_progress(progress);
    }
    return summary;
}

}  // namespace jaanch::sync
