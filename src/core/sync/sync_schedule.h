// When the workstation syncs by itself, without the officer pressing "Sync now": soon after a decision is
// saved (so it leaves while the link is up), regularly while the hub answers, and with growing pauses while
// it does not (a village link that is down for hours must not be hammered, yet a decision must leave soon
// after it returns). Pure bookkeeping on a steady clock: the caller owns the timer and the sync.
//
// Threads: not thread-safe; the workstation uses it on the UI thread only.
#pragma once

#include <chrono>
#include <optional>

namespace jaanch::sync {

class SyncSchedule {
  public:
    using Clock = std::chrono::steady_clock;

    struct Policy {
        std::chrono::seconds after_decision{2};   // a saved decision leaves this soon when online
        std::chrono::seconds while_online{180};   // pull new work this often while the hub answers
        std::chrono::seconds first_retry{10};     // the first pause after the hub could not be reached …
        std::chrono::seconds longest_retry{120};  // … doubling up to this
    };

    explicit SyncSchedule(Policy policy);
    SyncSchedule() : SyncSchedule(Policy{}) {}

    // A sync began (by the schedule or by the officer): nothing is due until it finishes.
    void started();
    // The sync ended; `online` says whether the hub answered. Schedules the next one.
    void finished(bool online, Clock::time_point now);
    // A decision went into the outbox: sync soon (unless offline, where the retry pace holds).
    void decision_saved(Clock::time_point now);

    bool due(Clock::time_point now) const;
    bool running() const { return running_; }
    bool online() const { return online_; }
    // When the next sync is planned; empty while one runs.
    std::optional<Clock::time_point> next() const;

  private:
    Policy policy_;
    bool running_ = false;
    bool online_ = true;        // optimistic until a sync says otherwise
    int failures_ = 0;          // consecutive syncs that could not reach the hub
    Clock::time_point next_{};  // the epoch: a new schedule is due at once
};

}  // namespace jaanch::sync
