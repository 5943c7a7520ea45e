#include "sync/sync_schedule.h"

#include <algorithm>

namespace jaanch::sync {

SyncSchedule::SyncSchedule(Policy policy) : policy_(policy) {}

void SyncSchedule::started() {
    running_ = true;
}

void SyncSchedule::finished(bool online, Clock::time_point now) {
    running_ = false;
    online_ = online;
    if (online) {
        failures_ = 0;
        next_ = now + policy_.while_online;
        return;
    }
    // 10 s, 20 s, 40 s … capped: the pause grows while the link stays down.
    const int doublings = std::min(failures_, 16);
    ++failures_;
    const auto pause =
        std::min<std::chrono::seconds>(policy_.first_retry * (1LL << doublings), policy_.longest_retry);
    next_ = now + pause;
}

void SyncSchedule::decision_saved(Clock::time_point now) {
    if (!online_)
        return;  // the retry pace decides; the decision is safe in the outbox meanwhile
    next_ = std::min(next_, now + policy_.after_decision);
}

bool SyncSchedule::due(Clock::time_point now) const {
    return !running_ && now >= next_;
}

std::optional<SyncSchedule::Clock::time_point> SyncSchedule::next() const {
    if (running_)
        return std::nullopt;
    return next_;
}

}  // namespace jaanch::sync
