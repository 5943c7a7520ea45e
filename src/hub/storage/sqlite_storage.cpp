#include "hub/storage/sqlite_storage.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <iostream>

#include "crypto/application_content.h"
#include "hub/audit/audit_chain.h"
#include "hub/storage/aadhaar_seal.h"
#include "hub/storage/sqlite_migrations.h"
#include "hub/util/crypto_util.h"

namespace jaanch::hub {
namespace {

using SQLite::Database;
using SQLite::Statement;

std::int64_t seconds(Timestamp t) {
    return t.time_since_epoch().count();
}
Timestamp timestamp(std::int64_t s) {
    return Timestamp{std::chrono::seconds{s}};
}

// Runs `body`, turning SQLite's exceptions into StorageError with a sentence naming the operation.
template <class F>
auto guarded(const char* what, F&& body) -> decltype(body()) {
    try {
        return body();
    } catch (const SQLite::Exception& e) {
        throw StorageError(std::string("The hub database failed while ") + what + ": " + e.what() +
                           ". Check the disk and the data folder's permissions.");
    }
}

void configure(Database& db) {
    db.exec("PRAGMA foreign_keys = ON");
    db.exec("PRAGMA synchronous = FULL");
    db.setBusyTimeout(10000);
}

constexpr const char* kOfficerColumns =
    "body, password_hash, totp_secret, totp_last_step, certificate_pem, supervisor, disabled, failed_logins, "
    "locked_until";

OfficerAccount read_officer(Statement& q) {
    OfficerAccount out;
    model::read_value(json::parse_text(q.getColumn(0).getString(), "officer row"), "$", out.officer);
    out.password_hash = q.getColumn(1).getString();
    out.totp_secret = q.getColumn(2).getString();
    out.totp_last_step = q.getColumn(3).getInt64();
    out.certificate_pem = q.getColumn(4).getString();
    out.supervisor = q.getColumn(5).getInt() != 0;
    out.disabled = q.getColumn(6).getInt() != 0;
    out.failed_logins = q.getColumn(7).getInt();
    out.locked_until = timestamp(q.getColumn(8).getInt64());
    return out;
}

std::optional<OfficerAccount> select_officer(Database& db, const std::string& id) {
    Statement q(db, std::string("SELECT ") + kOfficerColumns + " FROM officers WHERE id = ?");
    q.bind(1, id);
    if (!q.executeStep())
        return std::nullopt;
    return read_officer(q);
}

crypto::Bytes blob_of(const SQLite::Column& column) {
    const auto* data = static_cast<const std::uint8_t*>(column.getBlob());
    return crypto::Bytes(data, data + column.getBytes());
}

// The text as received: the sealed copy opened when there is one, else the stored body (nothing to hide).
std::string opened(const SQLite::Column& body, const SQLite::Column& sealed, const std::string& context,
                   const crypto::AadhaarVault& vault) {
    if (sealed.isNull())
        return body.getString();
    return vault.open(blob_of(sealed), context);
}

std::optional<StoredApplication> select_application(Database& db, const std::string& number,
                                                    const crypto::AadhaarVault& vault) {
    Statement q(db, "SELECT body, seq, sealed, content_sha256 FROM applications WHERE number = ?");
    q.bind(1, number);
    if (!q.executeStep())
        return std::nullopt;
    StoredApplication out;
    out.app = model::parse_application(
        opened(q.getColumn(0), q.getColumn(2), application_context(number), vault), "application " + number);
    out.seq = q.getColumn(1).getInt64();
    out.sealed = !q.getColumn(2).isNull();
    out.content_sha256 = q.getColumn(3).getString();
    return out;
}

std::optional<Claim> select_claim(Database& db, const std::string& number) {
    Statement q(db,
                "SELECT c.officer_id, c.expires_at FROM claims c JOIN applications a ON a.id = c.app_id "
                "WHERE a.number = ?");
    q.bind(1, number);
    if (!q.executeStep())
        return std::nullopt;
    return Claim{number, q.getColumn(0).getString(), timestamp(q.getColumn(1).getInt64())};
}

constexpr const char* kDecisionColumns =
    "d.seq, d.id, a.number, d.officer_id, d.body, d.signature, d.response, d.applied_at, d.sealed";

DecisionRecord read_decision(Statement& q, const crypto::AadhaarVault& vault) {
    DecisionRecord out;
    out.seq = q.getColumn(0).getInt64();
    out.id = q.getColumn(1).getString();
    out.application = q.getColumn(2).getString();
    out.officer_id = q.getColumn(3).getString();
    out.decision_json = opened(q.getColumn(4), q.getColumn(8), decision_context(out.id), vault);
    out.sealed = !q.getColumn(8).isNull();
    const SQLite::Column signature = q.getColumn(5);
    out.signature_der.assign(static_cast<const char*>(signature.getBlob()),
                             static_cast<std::size_t>(signature.getBytes()));
    out.response_json = q.getColumn(6).getString();
    out.applied_at = timestamp(q.getColumn(7).getInt64());
    return out;
}

std::optional<DecisionRecord> select_decision(Database& db, const std::string& id,
                                              const crypto::AadhaarVault& vault) {
    Statement q(db, std::string("SELECT ") + kDecisionColumns +
                        " FROM decisions d JOIN applications a ON a.id = d.app_id WHERE d.id = ?");
    q.bind(1, id);
    if (!q.executeStep())
        return std::nullopt;
    return read_decision(q, vault);
}

std::string select_setting(Database& db, const std::string& key, const std::string& fallback) {
    Statement q(db, "SELECT value FROM settings WHERE key = ?");
    q.bind(1, key);
    return q.executeStep() ? q.getColumn(0).getString() : fallback;
}

std::int64_t application_id(Database& db, const std::string& number) {
    Statement q(db, "SELECT id FROM applications WHERE number = ?");
    q.bind(1, number);
    if (!q.executeStep())
        throw StorageError("Application " + number + " is not stored.");
    return q.getColumn(0).getInt64();
}

class SqliteTransaction final : public Transaction {
  public:
    SqliteTransaction(std::mutex& mutex, Database& db, const crypto::AadhaarVault& vault)
        : lock_(mutex), db_(db), vault_(vault) {
        guarded("starting a transaction", [&] { db_.exec("BEGIN IMMEDIATE"); });
    }
    ~SqliteTransaction() override {
        if (committed_)
            return;
        try {
            db_.exec("ROLLBACK");
        } catch (const std::exception& e) {
            // A destructor cannot throw; the connection stays usable because the next BEGIN would fail
            // loudly.
            std::cerr << "jaanch-hub: rolling back a transaction failed: " << e.what() << "\n";
        }
    }

    std::optional<OfficerAccount> officer(const std::string& id) override {
        return guarded("reading an officer", [&] { return select_officer(db_, id); });
    }

    void put_officer(const OfficerAccount& a) override {
        guarded("saving an officer", [&] {
            Statement q(db_, std::string("INSERT OR REPLACE INTO officers(id, ") + kOfficerColumns +
                                 ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            q.bind(1, a.officer.id);
            q.bind(2, json::Json(a.officer).dump());
            q.bind(3, a.password_hash);
            q.bind(4, a.totp_secret);
            q.bind(5, a.totp_last_step);
            q.bind(6, a.certificate_pem);
            q.bind(7, a.supervisor ? 1 : 0);
            q.bind(8, a.disabled ? 1 : 0);
            q.bind(9, a.failed_logins);
            q.bind(10, seconds(a.locked_until));
            q.exec();
        });
    }

    void put_session(const Session& s) override {
        guarded("saving a session", [&] {
            Statement q(
                db_,
                "INSERT INTO sessions(token_sha256, officer_id, created_at, expires_at) VALUES (?,?,?,?)");
            q.bind(1, s.token_sha256);
            q.bind(2, s.officer_id);
            q.bind(3, seconds(s.created_at));
            q.bind(4, seconds(s.expires_at));
            q.exec();
        });
    }

    void delete_session(const std::string& token_sha256) override {
        guarded("ending a session", [&] {
            Statement q(db_, "DELETE FROM sessions WHERE token_sha256 = ?");
            q.bind(1, token_sha256);
            q.exec();
        });
    }

    void put_portal_key(const PortalKey& k) override {
        guarded("saving a portal key", [&] {
            Statement q(db_,
                        "INSERT OR REPLACE INTO portal_keys(key_sha256, name, created_at) VALUES (?,?,?)");
            q.bind(1, k.key_sha256);
            q.bind(2, k.name);
            q.bind(3, seconds(k.created_at));
            q.exec();
        });
    }

    std::optional<StoredApplication> application(const std::string& number) override {
        return guarded("reading an application", [&] { return select_application(db_, number, vault_); });
    }

    std::int64_t put_application(const model::Application& app,
                                 const std::vector<std::string>& levels_visited) override {
        return guarded("saving an application", [&] {
            db_.exec("UPDATE counters SET value = value + 1 WHERE name = 'change'");
            const std::int64_t seq =
                db_.execAndGet("SELECT value FROM counters WHERE name = 'change'").getInt64();
            const std::string text = json::Json(app).dump();
            const SealedJson sealed = seal_application_json(app, text, vault_);
            Statement q(
                db_,
                "INSERT INTO applications(number, service_id, service_version, state, district, subdistrict, "
                "village, area, status, current_level, version, seq, body, sealed, content_sha256) "
                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15) "
                "ON CONFLICT(number) DO UPDATE SET status = ?9, current_level = ?10, version = ?11, "
                "seq = ?12, body = ?13, sealed = ?14, content_sha256 = ?15");
            q.bind(1, app.number);
            q.bind(2, app.service_id);
            q.bind(3, app.service_version);
            q.bind(4, app.jurisdiction.state);
            q.bind(5, app.jurisdiction.district);
            q.bind(6, app.jurisdiction.subdistrict);
            q.bind(7, app.jurisdiction.village);
            q.bind(8, std::string(model::area_name(app.jurisdiction.area)));
            q.bind(9, std::string(model::status_name(app.status)));
            q.bind(10, app.current_level);
            q.bind(11, static_cast<std::int64_t>(app.version));
            q.bind(12, seq);
            q.bind(13, sealed.shown);
            if (sealed.sealed)
                q.bind(14, sealed.sealed->data(), static_cast<int>(sealed.sealed->size()));
            else
                q.bind(14);
            q.bind(15, crypto::content_sha256(app));
            q.exec();
            const std::int64_t id = application_id(db_, app.number);
            replace_aadhaar_tokens(db_, id, sealed);
            Statement level(db_, "INSERT OR IGNORE INTO app_levels(app_id, level) VALUES (?, ?)");
            for (const auto& l : levels_visited) {
                level.bind(1, id);
                level.bind(2, l);
                level.exec();
                level.reset();
            }
            Statement doc(db_, "INSERT OR IGNORE INTO app_documents(sha256, app_id) VALUES (?, ?)");
            for (const auto& d : app.documents) {
                doc.bind(1, d.sha256);
                doc.bind(2, id);
                doc.exec();
                doc.reset();
            }
            return seq;
        });
    }

    std::optional<DecisionRecord> decision(const std::string& id) override {
        return guarded("reading a decision", [&] { return select_decision(db_, id, vault_); });
    }

    std::int64_t insert_decision(const DecisionRecord& r) override {
        return guarded("saving a decision", [&] {
            const SealedJson sealed = seal_decision_json(r.id, r.decision_json, vault_);
            Statement q(
                db_,
                "INSERT INTO decisions(id, app_id, officer_id, body, signature, response, applied_at, "
                "sealed) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
            q.bind(1, r.id);
            q.bind(2, application_id(db_, r.application));
            q.bind(3, r.officer_id);
            q.bind(4, sealed.shown);
            if (sealed.sealed)
                q.bind(8, sealed.sealed->data(), static_cast<int>(sealed.sealed->size()));
            else
                q.bind(8);
            q.bind(5, r.signature_der.data(), static_cast<int>(r.signature_der.size()));
            q.bind(6, r.response_json);
            q.bind(7, seconds(r.applied_at));
            q.exec();
            return db_.getLastInsertRowid();
        });
    }

    std::optional<Claim> claim(const std::string& application) override {
        return guarded("reading a claim", [&] { return select_claim(db_, application); });
    }

    void put_claim(const Claim& c) override {
        guarded("saving a claim", [&] {
            Statement q(db_,
                        "INSERT OR REPLACE INTO claims(app_id, officer_id, expires_at) VALUES (?, ?, ?)");
            q.bind(1, application_id(db_, c.application));
            q.bind(2, c.officer_id);
            q.bind(3, seconds(c.expires_at));
            q.exec();
        });
    }

    void delete_claim(const std::string& application) override {
        guarded("releasing a claim", [&] {
            Statement q(db_,
                        "DELETE FROM claims WHERE app_id = (SELECT id FROM applications WHERE number = ?)");
            q.bind(1, application);
            q.exec();
        });
    }

    AuditEntry append_audit(const std::string& actor, const std::string& action, const std::string& subject,
                            const json::Json& details, Timestamp at) override {
        return guarded("appending to the audit log", [&] {
            AuditEntry e;
            e.seq = 1;
            e.prev_hash = kAuditGenesisHash;
            Statement last(db_, "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1");
            if (last.executeStep()) {
                e.seq = last.getColumn(0).getInt64() + 1;
                e.prev_hash = last.getColumn(1).getString();
            }
            e.at = at;
            e.actor = actor;
            e.action = action;
            e.subject = subject;
            e.details = details;
            e.hash = audit_hash(e);
            Statement q(db_,
                        "INSERT INTO audit(seq, at, actor, action, subject, details, prev_hash, hash) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
            q.bind(1, e.seq);
            q.bind(2, seconds(at));
            q.bind(3, actor);
            q.bind(4, action);
            q.bind(5, subject);
            q.bind(6, details.dump());
            q.bind(7, e.prev_hash);
            q.bind(8, e.hash);
            q.exec();
            return e;
        });
    }

    std::string setting(const std::string& key, const std::string& fallback) override {
        return guarded("reading a setting", [&] { return select_setting(db_, key, fallback); });
    }

    void put_setting(const std::string& key, const std::string& value) override {
        guarded("saving a setting", [&] {
            Statement q(db_, "INSERT OR REPLACE INTO settings(key, value) VALUES (?, ?)");
            q.bind(1, key);
            q.bind(2, value);
            q.exec();
        });
    }

    void commit() override {
        guarded("committing a transaction", [&] { db_.exec("COMMIT"); });
        committed_ = true;
        lock_.unlock();  // the writer slot is free as soon as the work is durable
    }

  private:
    std::unique_lock<std::mutex> lock_;
    Database& db_;
    const crypto::AadhaarVault& vault_;
    bool committed_ = false;
};

}  // namespace

// A reader connection borrowed from the pool for one call.
class SqliteStorage::Lease {
  public:
    Lease(SqliteStorage& owner, std::unique_ptr<Database> db) : owner_(owner), db_(std::move(db)) {}
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease() { owner_.give_back(std::move(db_)); }
    Database& operator*() { return *db_; }

  private:
    SqliteStorage& owner_;
    std::unique_ptr<Database> db_;
};

SqliteStorage::SqliteStorage(const std::filesystem::path& file, bool create, const crypto::Bytes& vault_key)
    : file_(file), vault_(std::make_unique<crypto::AadhaarVault>(vault_key)) {
    if (!create && !std::filesystem::exists(file))
        throw StorageError("There is no hub database at " + file.string() +
                           "; create the data folder first with `jaanch-hub init --data DIR`.");
    guarded("opening the database", [&] {
        writer_ = std::make_unique<Database>(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        writer_->exec("PRAGMA journal_mode = WAL");
        configure(*writer_);
        // Deleted and replaced row content is zeroed where that costs no extra write (FAST): what is stored
        // holds no plain Aadhaar anyway (masked shadows, sealed originals), and a migration that sealed plain
        // rows rebuilds the file below; a full overwrite of every freed page cost ~10 % of decision
        // throughput.
        writer_->exec("PRAGMA secure_delete = FAST");
        if (migrate(*writer_, *vault_)) {
            // A step rewrote rows (sealed what was plain): rebuild the file and empty the WAL, so no free
            // page or old WAL frame still holds the text it replaced.
            writer_->exec("VACUUM");
            writer_->exec("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        check_vault_key();
    });
}

SqliteStorage::~SqliteStorage() = default;

// A constant sealed under the key the first time the hub runs with it: a hub started with another key stops
// here, before it seals anything new under the wrong key beside numbers it can no longer open.
void SqliteStorage::check_vault_key() {
    static constexpr const char* kSetting = "aadhaar_key_check";
    static constexpr const char* kPlain = "jaanch-hub aadhaar key check";
    if (select_setting(*writer_, kSetting, "").empty()) {
        // OR IGNORE: another process opening the folder at the same moment may have written its own first;
        // the one stored is checked below either way.
        const crypto::Bytes sealed = vault_->seal_text(kPlain, kSetting);
        Statement q(*writer_, "INSERT OR IGNORE INTO settings(key, value) VALUES (?, ?)");
        q.bind(1, kSetting);
        q.bind(2, base64_encode(std::string(sealed.begin(), sealed.end())));
        q.exec();
    }
    const std::string stored = select_setting(*writer_, kSetting, "");
    const auto bytes = base64_decode(stored);
    bool ok = false;
    try {
        ok = bytes && vault_->open(crypto::Bytes(bytes->begin(), bytes->end()), kSetting) == kPlain;
    } catch (const crypto::CryptoError&) {
        ok = false;
    }
    if (!ok)
        throw StorageError(
            "The Aadhaar key given is not the one the numbers in " + file_.string() +
            " are sealed under, so the hub will not start (it could open none of them). Give "
            "this data folder's own key with --vault-key, or restore it from your key backup.");
}

int SqliteStorage::schema_version() {
    return latest_schema_version();
}

std::unique_ptr<Transaction> SqliteStorage::begin() {
    return std::make_unique<SqliteTransaction>(writer_mutex_, *writer_, *vault_);
}

SqliteStorage::Lease SqliteStorage::lease() {
    {
        std::lock_guard lock(pool_mutex_);
        if (!readers_.empty()) {
            auto db = std::move(readers_.back());
            readers_.pop_back();
            return Lease(*this, std::move(db));
        }
    }
    return guarded("opening a reader connection", [&] {
        auto db = std::make_unique<Database>(file_.string(), SQLite::OPEN_READONLY);
        configure(*db);
        return Lease(*this, std::move(db));
    });
}

void SqliteStorage::give_back(std::unique_ptr<Database> db) {
    if (!db)
        return;
    std::lock_guard lock(pool_mutex_);
    if (readers_.size() < 32)
        readers_.push_back(std::move(db));
}

std::optional<OfficerAccount> SqliteStorage::officer(const std::string& id) {
    auto db = lease();
    return guarded("reading an officer", [&] { return select_officer(*db, id); });
}

std::vector<OfficerAccount> SqliteStorage::officers() {
    auto db = lease();
    return guarded("listing officers", [&] {
        std::vector<OfficerAccount> out;
        Statement q(*db, std::string("SELECT ") + kOfficerColumns + " FROM officers ORDER BY id");
        while (q.executeStep())
            out.push_back(read_officer(q));
        return out;
    });
}

std::optional<Session> SqliteStorage::session(const std::string& token_sha256) {
    auto db = lease();
    return guarded("reading a session", [&]() -> std::optional<Session> {
        Statement q(*db, "SELECT officer_id, created_at, expires_at FROM sessions WHERE token_sha256 = ?");
        q.bind(1, token_sha256);
        if (!q.executeStep())
            return std::nullopt;
        return Session{token_sha256, q.getColumn(0).getString(), timestamp(q.getColumn(1).getInt64()),
                       timestamp(q.getColumn(2).getInt64())};
    });
}

std::optional<PortalKey> SqliteStorage::portal_key(const std::string& key_sha256) {
    auto db = lease();
    return guarded("reading a portal key", [&]() -> std::optional<PortalKey> {
        Statement q(*db, "SELECT name, created_at FROM portal_keys WHERE key_sha256 = ?");
        q.bind(1, key_sha256);
        if (!q.executeStep())
            return std::nullopt;
        return PortalKey{q.getColumn(0).getString(), key_sha256, timestamp(q.getColumn(1).getInt64())};
    });
}

std::optional<StoredApplication> SqliteStorage::application(const std::string& number) {
    auto db = lease();
    return guarded("reading an application", [&] { return select_application(*db, number, *vault_); });
}

std::optional<Claim> SqliteStorage::claim(const std::string& application) {
    auto db = lease();
    return guarded("reading a claim", [&] { return select_claim(*db, application); });
}

std::vector<QueueRow> SqliteStorage::queue(const QueueFilter& f, Timestamp now) {
    // The scope narrows by LGD codes (served by the applications_by_* indexes, in seq order); then an
    // application shows when the officer acted on it, or when it has been at the officer's level in a service
    // and area their role verifies there.
    std::string sql =
        "SELECT a.seq, a.body, c.officer_id, c.expires_at, a.number, a.sealed FROM applications a "
        "LEFT JOIN claims c ON c.app_id = a.id AND c.expires_at > ? "
        "WHERE a.seq > ? AND a.state = ?";
    std::vector<std::string> text;
    auto narrow = [&](const std::string& column, const std::string& value) {
        if (value.empty())
            return;
        sql += " AND a." + column + " = ?";
        text.push_back(value);
    };
    narrow("district", f.scope.district);
    narrow("subdistrict", f.scope.subdistrict);
    narrow("village", f.scope.village);
    narrow("area", f.scope.area);
    sql += " AND (EXISTS (SELECT 1 FROM decisions d WHERE d.app_id = a.id AND d.officer_id = ?)";
    text.push_back(f.officer_id);
    if (!f.service_areas.empty()) {
        sql += " OR (EXISTS (SELECT 1 FROM app_levels l WHERE l.app_id = a.id AND l.level = ?) AND (";
        text.push_back(f.level);
        bool first = true;
        for (const auto& [service, areas] : f.service_areas) {
            sql += first ? "" : " OR ";
            first = false;
            sql += "(a.service_id = ? AND a.area IN (";
            text.push_back(service);
            for (std::size_t i = 0; i < areas.size(); ++i) {
                sql += i ? ", ?" : "?";
                text.push_back(areas[i]);
            }
            sql += "))";
        }
        sql += "))";
    }
    sql += ") ORDER BY a.seq LIMIT ?";
    auto db = lease();
    return guarded("reading a queue", [&] {
        Statement q(*db, sql);
        int index = 1;
        q.bind(index++, seconds(now));
        q.bind(index++, f.after_seq);
        q.bind(index++, f.scope.state);
        for (const auto& value : text)
            q.bind(index++, value);
        q.bind(index, f.limit);
        std::vector<QueueRow> out;
        while (q.executeStep()) {
            QueueRow row;
            row.seq = q.getColumn(0).getInt64();
            row.number = q.getColumn(4).getString();
            row.application_json =
                opened(q.getColumn(1), q.getColumn(5), application_context(row.number), *vault_);
            row.sealed = !q.getColumn(5).isNull();
            if (!q.getColumn(2).isNull()) {
                row.claim = Claim{"", q.getColumn(2).getString(), timestamp(q.getColumn(3).getInt64())};
            }
            out.push_back(std::move(row));
        }
        return out;
    });
}

std::optional<DecisionRecord> SqliteStorage::decision(const std::string& id) {
    auto db = lease();
    return guarded("reading a decision", [&] { return select_decision(*db, id, *vault_); });
}

std::vector<DecisionRecord> SqliteStorage::decisions_after(std::int64_t seq, int limit) {
    auto db = lease();
    return guarded("exporting decisions", [&] {
        Statement q(*db, std::string("SELECT ") + kDecisionColumns +
                             " FROM decisions d JOIN applications a ON a.id = d.app_id WHERE d.seq > ? "
                             "ORDER BY d.seq LIMIT ?");
        q.bind(1, seq);
        q.bind(2, limit);
        std::vector<DecisionRecord> out;
        while (q.executeStep())
            out.push_back(read_decision(q, *vault_));
        return out;
    });
}

std::vector<std::string> SqliteStorage::applications_with_document(const std::string& sha256) {
    auto db = lease();
    return guarded("finding a document's applications", [&] {
        Statement q(*db,
                    "SELECT a.number FROM app_documents d JOIN applications a ON a.id = d.app_id "
                    "WHERE d.sha256 = ? ORDER BY a.id");
        q.bind(1, sha256);
        std::vector<std::string> out;
        while (q.executeStep())
            out.push_back(q.getColumn(0).getString());
        return out;
    });
}

std::string SqliteStorage::aadhaar_token(const std::string& aadhaar) {
    return vault_->lookup_token(aadhaar);
}

std::vector<std::string> SqliteStorage::applications_with_aadhaar_token(const std::string& token) {
    auto db = lease();
    return guarded("finding applications by Aadhaar token", [&] {
        Statement q(
            *db,
            "SELECT DISTINCT a.number, a.id FROM aadhaar_tokens t JOIN applications a ON a.id = t.app_id "
            "WHERE t.token = ? ORDER BY a.id");
        q.bind(1, token);
        std::vector<std::string> out;
        while (q.executeStep())
            out.push_back(q.getColumn(0).getString());
        return out;
    });
}

std::vector<AuditEntry> SqliteStorage::audit_after(std::int64_t seq, int limit) {
    auto db = lease();
    return guarded("reading the audit log", [&] {
        Statement q(
            *db,
            "SELECT seq, at, actor, action, subject, details, prev_hash, hash FROM audit WHERE seq > ? "
            "ORDER BY seq LIMIT ?");
        q.bind(1, seq);
        q.bind(2, limit);
        std::vector<AuditEntry> out;
        while (q.executeStep()) {
            AuditEntry e;
            e.seq = q.getColumn(0).getInt64();
            e.at = timestamp(q.getColumn(1).getInt64());
            e.actor = q.getColumn(2).getString();
            e.action = q.getColumn(3).getString();
            e.subject = q.getColumn(4).getString();
            // A details column that no longer parses is tampering too: keep the raw text so the hash fails.
            try {
                e.details = json::Json::parse(q.getColumn(5).getString());
            } catch (const json::Json::parse_error&) {
                e.details = q.getColumn(5).getString();
            }
            e.prev_hash = q.getColumn(6).getString();
            e.hash = q.getColumn(7).getString();
            out.push_back(std::move(e));
        }
        return out;
    });
}

std::string SqliteStorage::setting(const std::string& key, const std::string& fallback) {
    auto db = lease();
    return guarded("reading a setting", [&] { return select_setting(*db, key, fallback); });
}

StorageCounts SqliteStorage::counts() {
    auto db = lease();
    return guarded("counting rows", [&] {
        StorageCounts c;
        c.applications = (*db).execAndGet("SELECT COUNT(*) FROM applications").getInt64();
        c.pending = (*db).execAndGet("SELECT COUNT(*) FROM applications WHERE status = 'pending'").getInt64();
        c.decisions = (*db).execAndGet("SELECT COUNT(*) FROM decisions").getInt64();
        c.officers = (*db).execAndGet("SELECT COUNT(*) FROM officers").getInt64();
        c.audit_entries = (*db).execAndGet("SELECT COUNT(*) FROM audit").getInt64();
        return c;
    });
}

}  // namespace jaanch::hub
