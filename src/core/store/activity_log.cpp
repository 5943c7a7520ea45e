#include "store/activity_log.h"

#include <SQLiteCpp/Statement.h>

#include "store/sqlite_database.h"
#include "util/json_reader.h"
#include "util/sha256.h"

namespace jaanch::store {
namespace {

const std::string kGenesis(64, '0');

ActivityEntry read_entry(SQLite::Statement& q) {
    ActivityEntry e;
    e.seq = q.getColumn(0).getInt64();
    e.at = parse_timestamp(q.getColumn(1).getString()).value_or(Timestamp{});
    e.officer = q.getColumn(2).getString();
    e.kind = q.getColumn(3).getString();
    e.application = q.getColumn(4).getString();
    e.detail = q.getColumn(5).getString();
    e.prev_hash = q.getColumn(6).getString();
    e.hash = q.getColumn(7).getString();
    return e;
}

constexpr const char* kSelect =
    "SELECT seq, at, officer, kind, application, detail, prev_hash, hash FROM activity_log ";

}  // namespace

std::string ActivityLog::entry_hash(const ActivityEntry& e) {
    // A JSON array gives every field an unambiguous boundary (no "ab"+"c" == "a"+"bc").
    const json::Json fields = {e.seq,      format_timestamp(e.at), e.officer, e.kind, e.application, e.detail,
                               e.prev_hash};
    return sha256_hex(fields.dump());
}

ActivityEntry ActivityLog::append(Timestamp at, const std::string& officer, const std::string& kind,
                                  const std::string& application, const std::string& detail) {
    try {
        ActivityEntry e{0, at, officer, kind, application, detail, kGenesis, ""};
        SQLite::Statement last(db_, "SELECT seq, hash FROM activity_log ORDER BY seq DESC LIMIT 1");
        if (last.executeStep()) {
            e.seq = last.getColumn(0).getInt64() + 1;
            e.prev_hash = last.getColumn(1).getString();
        } else {
            e.seq = 1;
        }
        e.hash = entry_hash(e);
        SQLite::Statement q(
            db_,
            "INSERT INTO activity_log (seq, at, officer, kind, application, detail, prev_hash, "
            "hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        q.bind(1, e.seq);
        q.bind(2, format_timestamp(e.at));
        q.bind(3, e.officer);
        q.bind(4, e.kind);
        q.bind(5, e.application);
        q.bind(6, e.detail);
        q.bind(7, e.prev_hash);
        q.bind(8, e.hash);
        q.exec();
        return e;
    } catch (const std::exception& ex) {
        rethrow_sqlite(ex, "recording activity \"" + kind + "\"");
    }
}

std::vector<ActivityEntry> ActivityLog::entries(const std::string& application) const {
    std::vector<ActivityEntry> out;
    SQLite::Statement q(
        db_, std::string(kSelect) + (application.empty() ? "" : "WHERE application = ? ") + "ORDER BY seq");
    if (!application.empty())
        q.bind(1, application);
    while (q.executeStep())
        out.push_back(read_entry(q));
    return out;
}

std::optional<std::int64_t> ActivityLog::first_broken() const {
    SQLite::Statement q(db_, std::string(kSelect) + "ORDER BY seq");
    std::string prev = kGenesis;
    std::int64_t expected_seq = 1;
    while (q.executeStep()) {
        const ActivityEntry e = read_entry(q);
        if (e.seq != expected_seq || e.prev_hash != prev || entry_hash(e) != e.hash)
            return e.seq;
        prev = e.hash;
        ++expected_seq;
    }
    return std::nullopt;
}

}  // namespace jaanch::store
