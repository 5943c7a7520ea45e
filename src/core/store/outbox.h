// Decisions waiting to reach the hub. A decision is in the outbox, on disk, before anyone is told it is
// saved.
//
// States: pending → sending → accepted | rejected (a permanent 4xx, with the hub's message) | conflict (409);
// sending → pending again after a network error, with the next attempt time. Only a pending decision can be
// recalled. Every method is one SQLite transaction on the workspace connection; same thread as its Workspace.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>

#include "model/decision.h"
#include "util/time.h"

namespace jaanch::store {

enum class OutboxState { pending, sending, accepted, rejected, conflict };
std::string_view outbox_state_name(OutboxState s);

struct OutboxEntry {
    model::Decision decision;
    std::string signature;  // DER CMS bytes
    OutboxState state = OutboxState::pending;
    std::string hub_message;
    int attempts = 0;
    std::optional<Timestamp> next_attempt_at;
    Timestamp created_at{};
    Timestamp updated_at{};
};

class Outbox {
  public:
    explicit Outbox(SQLite::Database& db) : db_(db) {}

    // Durable on return (synchronous=FULL). Adding the same decision id again is a no-op that returns false.
    bool add(const model::Decision& decision, const std::string& signature, Timestamp now);

    std::vector<OutboxEntry> list(std::optional<OutboxState> state = std::nullopt) const;
    std::optional<OutboxEntry> find(const std::string& decision_id) const;
    // Pending entries whose next attempt is due at `now`, oldest first.
    std::vector<OutboxEntry> due(Timestamp now) const;
    std::size_t count(OutboxState state) const;

    void mark_sending(const std::string& decision_id, Timestamp now);
    void mark_accepted(const std::string& decision_id, const std::string& hub_message, Timestamp now);
    void mark_rejected(const std::string& decision_id, const std::string& hub_message, Timestamp now);
    void mark_conflict(const std::string& decision_id, const std::string& hub_message, Timestamp now);
    // Back to pending after a transient failure; next attempt at `retry_at`.
    void mark_retry(const std::string& decision_id, const std::string& reason, Timestamp retry_at,
                    Timestamp now);
    // Crash recovery: anything left "sending" by a killed process goes back to pending (the hub is
    // idempotent).
    std::size_t reset_sending(Timestamp now);

    // Removes a pending decision. Returns false (and changes nothing) for any other state.
    bool recall(const std::string& decision_id);

  private:
    void set_state(const std::string& decision_id, OutboxState state, const std::string& message,
                   Timestamp now);
    SQLite::Database& db_;
};

}  // namespace jaanch::store
