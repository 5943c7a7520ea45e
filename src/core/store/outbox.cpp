#include "store/outbox.h"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include "store/sqlite_database.h"
#include "util/enum_names.h"

namespace jaanch::store {
namespace {

constexpr EnumNames<OutboxState, 5> kStateNames{{{OutboxState::pending, "pending"},
                                                 {OutboxState::sending, "sending"},
                                                 {OutboxState::accepted, "accepted"},
                                                 {OutboxState::rejected, "rejected"},
                                                 {OutboxState::conflict, "conflict"}}};

constexpr const char* kColumns =
    "decision, signature, state, hub_message, attempts, next_attempt_at, created_at, updated_at";

OutboxEntry read_entry(SQLite::Statement& q) {
    OutboxEntry e;
    e.decision = model::parse_decision(q.getColumn(0).getString(), "outbox");
    e.signature = q.getColumn(1).getString();
    e.state = *enum_from_name(kStateNames, q.getColumn(2).getString());
    e.hub_message = q.getColumn(3).getString();
    e.attempts = q.getColumn(4).getInt();
    const std::string next = q.getColumn(5).getString();
    if (!next.empty())
        e.next_attempt_at = parse_timestamp(next);
    e.created_at = *parse_timestamp(q.getColumn(6).getString());
    e.updated_at = *parse_timestamp(q.getColumn(7).getString());
    return e;
}

}  // namespace

std::string_view outbox_state_name(OutboxState s) {
    return enum_name(kStateNames, s);
}

bool Outbox::add(const model::Decision& decision, const std::string& signature, Timestamp now) {
    try {
        SQLite::Statement q(
            db_,
            "INSERT OR IGNORE INTO outbox (decision_id, application, decision, signature, state, "
            "created_at, updated_at) VALUES (?, ?, ?, ?, 'pending', ?, ?)");
        q.bind(1, decision.id);
        q.bind(2, decision.application);
        q.bind(3, json::Json(decision).dump());
        q.bind(4, signature.data(), static_cast<int>(signature.size()));
        q.bind(5, format_timestamp(now));
        q.bind(6, format_timestamp(now));
        return q.exec() == 1;
    } catch (const std::exception& e) {
        rethrow_sqlite(e, "saving decision " + decision.id + " to the outbox");
    }
}

std::vector<OutboxEntry> Outbox::list(std::optional<OutboxState> state) const {
    std::vector<OutboxEntry> out;
    SQLite::Statement q(db_, std::string("SELECT ") + kColumns + " FROM outbox " +
                                 (state ? "WHERE state = ? " : "") + "ORDER BY created_at, decision_id");
    if (state)
        q.bind(1, std::string(outbox_state_name(*state)));
    while (q.executeStep())
        out.push_back(read_entry(q));
    return out;
}

std::optional<OutboxEntry> Outbox::find(const std::string& decision_id) const {
    SQLite::Statement q(db_, std::string("SELECT ") + kColumns + " FROM outbox WHERE decision_id = ?");
    q.bind(1, decision_id);
    if (!q.executeStep())
        return std::nullopt;
    return read_entry(q);
}

std::vector<OutboxEntry> Outbox::due(Timestamp now) const {
    std::vector<OutboxEntry> out;
    SQLite::Statement q(db_, std::string("SELECT ") + kColumns +
                                 " FROM outbox WHERE state = 'pending' AND next_attempt_at <= ? "
                                 "ORDER BY created_at, decision_id");
    q.bind(1, format_timestamp(now));
    while (q.executeStep())
        out.push_back(read_entry(q));
    return out;
}

std::size_t Outbox::count(OutboxState state) const {
    SQLite::Statement q(db_, "SELECT COUNT(*) FROM outbox WHERE state = ?");
    q.bind(1, std::string(outbox_state_name(state)));
    q.executeStep();
    return static_cast<std::size_t>(q.getColumn(0).getInt64());
}

void Outbox::set_state(const std::string& decision_id, OutboxState state, const std::string& message,
                       Timestamp now) {
    try {
        SQLite::Statement q(
            db_, "UPDATE outbox SET state = ?, hub_message = ?, updated_at = ? WHERE decision_id = ?");
        q.bind(1, std::string(outbox_state_name(state)));
        q.bind(2, message);
        q.bind(3, format_timestamp(now));
        q.bind(4, decision_id);
        if (q.exec() != 1)
            throw StoreError("Decision " + decision_id + " is not in the outbox.");
    } catch (const StoreError&) {
        throw;
    } catch (const std::exception& e) {
        rethrow_sqlite(e, "updating decision " + decision_id + " in the outbox");
    }
}

void Outbox::mark_sending(const std::string& id, Timestamp now) {
    set_state(id, OutboxState::sending, "", now);
    SQLite::Statement q(db_, "UPDATE outbox SET attempts = attempts + 1 WHERE decision_id = ?");
    q.bind(1, id);
    q.exec();
}

void Outbox::mark_accepted(const std::string& id, const std::string& m, Timestamp now) {
    set_state(id, OutboxState::accepted, m, now);
}
void Outbox::mark_rejected(const std::string& id, const std::string& m, Timestamp now) {
    set_state(id, OutboxState::rejected, m, now);
}
void Outbox::mark_conflict(const std::string& id, const std::string& m, Timestamp now) {
    set_state(id, OutboxState::conflict, m, now);
}

void Outbox::mark_retry(const std::string& id, const std::string& reason, Timestamp retry_at, Timestamp now) {
    SQLite::Transaction tx(db_);
    set_state(id, OutboxState::pending, reason, now);
    SQLite::Statement q(db_, "UPDATE outbox SET next_attempt_at = ? WHERE decision_id = ?");
    q.bind(1, format_timestamp(retry_at));
    q.bind(2, id);
    q.exec();
    tx.commit();
}

std::size_t Outbox::reset_sending(Timestamp now) {
    SQLite::Statement q(db_, "UPDATE outbox SET state = 'pending', updated_at = ? WHERE state = 'sending'");
    q.bind(1, format_timestamp(now));
    return static_cast<std::size_t>(q.exec());
}

bool Outbox::recall(const std::string& decision_id) {
    SQLite::Statement q(db_, "DELETE FROM outbox WHERE decision_id = ? AND state = 'pending'");
    q.bind(1, decision_id);
    return q.exec() == 1;
}

}  // namespace jaanch::store
