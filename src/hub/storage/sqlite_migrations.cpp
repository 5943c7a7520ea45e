// Versioned schema migrations. PRAGMA user_version holds the version reached; each step runs in its own
// transaction, so an interrupted upgrade leaves the database at the previous version. Never edit a step that
// has shipped: add a new one. A step is SQL, optionally followed (in the same transaction) by code that
// rewrites rows with what SQL cannot do, such as sealing with the vault.
#include "hub/storage/sqlite_migrations.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <functional>
#include <string>
#include <vector>

#include "hub/storage/aadhaar_seal.h"
#include "hub/storage/storage.h"

namespace jaanch::hub {
namespace {

struct Step {
    // Implicit, so that a step of plain SQL stays a bare string literal in the list below.
    Step(const char* sql_text) : sql(sql_text) {}
    Step(const char* sql_text, std::function<void(SQLite::Database&, const crypto::AadhaarVault&)> rows)
        : sql(sql_text), code(std::move(rows)) {}
    std::string sql;
    std::function<void(SQLite::Database&, const crypto::AadhaarVault&)> code;
};

void seal_existing(SQLite::Database& db, const crypto::AadhaarVault& vault);

const std::vector<Step>& migrations() {
    static const std::vector<Step> steps{
        // 1: the first schema.
        R"sql(
CREATE TABLE settings(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE counters(name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
INSERT INTO counters(name, value) VALUES ('change', 0);

CREATE TABLE officers(
    id TEXT PRIMARY KEY,
    body TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    totp_secret TEXT NOT NULL DEFAULT '',
    totp_last_step INTEGER NOT NULL DEFAULT 0,
    certificate_pem TEXT NOT NULL DEFAULT '',
    supervisor INTEGER NOT NULL DEFAULT 0 CHECK (supervisor IN (0, 1)),
    disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

CREATE TABLE sessions(
    token_sha256 TEXT PRIMARY KEY,
    officer_id TEXT NOT NULL REFERENCES officers(id),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX sessions_by_officer ON sessions(officer_id);

CREATE TABLE portal_keys(
    key_sha256 TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    created_at INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE applications(
    id INTEGER PRIMARY KEY,
    number TEXT NOT NULL UNIQUE,
    service_id TEXT NOT NULL,
    service_version INTEGER NOT NULL,
    state TEXT NOT NULL,
    district TEXT NOT NULL,
    subdistrict TEXT NOT NULL,
    village TEXT NOT NULL,
    area TEXT NOT NULL CHECK (area IN ('rural', 'urban')),
    status TEXT NOT NULL,
    current_level TEXT NOT NULL,
    version INTEGER NOT NULL,
    seq INTEGER NOT NULL UNIQUE,
    body TEXT NOT NULL
);
CREATE INDEX applications_by_state ON applications(state, seq);
CREATE INDEX applications_by_district ON applications(state, district, seq);
CREATE INDEX applications_by_subdistrict ON applications(state, district, subdistrict, seq);
CREATE INDEX applications_by_village ON applications(state, district, subdistrict, village, seq);

CREATE TABLE app_levels(
    app_id INTEGER NOT NULL REFERENCES applications(id),
    level TEXT NOT NULL,
    PRIMARY KEY (app_id, level)
) WITHOUT ROWID;

CREATE TABLE app_documents(
    sha256 TEXT NOT NULL,
    app_id INTEGER NOT NULL REFERENCES applications(id),
    PRIMARY KEY (sha256, app_id)
) WITHOUT ROWID;

CREATE TABLE decisions(
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    app_id INTEGER NOT NULL REFERENCES applications(id),
    officer_id TEXT NOT NULL REFERENCES officers(id),
    body TEXT NOT NULL,
    signature BLOB NOT NULL,
    response TEXT NOT NULL,
    applied_at INTEGER NOT NULL
);
CREATE INDEX decisions_by_app_officer ON decisions(app_id, officer_id);

CREATE TABLE claims(
    app_id INTEGER PRIMARY KEY REFERENCES applications(id),
    officer_id TEXT NOT NULL REFERENCES officers(id),
    expires_at INTEGER NOT NULL
);

CREATE TABLE audit(
    seq INTEGER PRIMARY KEY,
    at INTEGER NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    subject TEXT NOT NULL,
    details TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
)sql",
        // 2: Aadhaar sealed at rest (docs/checks.md#the-hubs-vault). `body` becomes a masked shadow, the
        // text as received is kept in `sealed` (AES-256-GCM under the key outside the data folder), and the
        // keyed lookup tokens of the numbers are indexed beside; existing rows are sealed in the same
        // transaction. From here on, a step that reads or rewrites a body must do so in code, on the opened
        // `sealed` copy: SQL sees only the shadow.
        {R"sql(
ALTER TABLE applications ADD COLUMN sealed BLOB;
ALTER TABLE decisions ADD COLUMN sealed BLOB;
CREATE TABLE aadhaar_tokens(
    token TEXT NOT NULL,
    app_id INTEGER NOT NULL REFERENCES applications(id),
    path TEXT NOT NULL,
    PRIMARY KEY (token, app_id, path)
) WITHOUT ROWID;
CREATE INDEX aadhaar_tokens_by_app ON aadhaar_tokens(app_id);
)sql",
         seal_existing},
        // 3: the content hash of each application as the hub wrote it, beside its version.
        R"sql(
ALTER TABLE applications ADD COLUMN content_sha256 TEXT NOT NULL DEFAULT '';
)sql",
    };
    return steps;
}

std::vector<std::int64_t> ids(SQLite::Database& db, const std::string& sql) {
    std::vector<std::int64_t> out;
    SQLite::Statement q(db, sql);
    while (q.executeStep())
        out.push_back(q.getColumn(0).getInt64());
    return out;
}

// Ids are read first and rows one by one after, so no statement scans a table while it is being rewritten.
void seal_existing(SQLite::Database& db, const crypto::AadhaarVault& vault) {
    SQLite::Statement app(db, "SELECT number, body FROM applications WHERE id = ?");
    for (const std::int64_t id : ids(db, "SELECT id FROM applications ORDER BY id")) {
        app.bind(1, id);
        app.executeStep();
        const std::string number = app.getColumn(0).getString();
        const std::string body = app.getColumn(1).getString();
        app.reset();
        write_sealed_application(
            db, id,
            seal_application_json(model::parse_application(body, "application " + number), body, vault));
    }
    SQLite::Statement decision(db, "SELECT id, body FROM decisions WHERE seq = ?");
    SQLite::Statement update(db, "UPDATE decisions SET body = ?, sealed = ? WHERE seq = ?");
    for (const std::int64_t seq : ids(db, "SELECT seq FROM decisions ORDER BY seq")) {
        decision.bind(1, seq);
        decision.executeStep();
        const SealedJson s =
            seal_decision_json(decision.getColumn(0).getString(), decision.getColumn(1).getString(), vault);
        decision.reset();
        if (!s.sealed)
            continue;
        update.bind(1, s.shown);
        update.bind(2, s.sealed->data(), static_cast<int>(s.sealed->size()));
        update.bind(3, seq);
        update.exec();
        update.reset();
    }
}

}  // namespace

void write_sealed_application(SQLite::Database& db, std::int64_t app_id, const SealedJson& s) {
    SQLite::Statement update(db, "UPDATE applications SET body = ?, sealed = ? WHERE id = ?");
    update.bind(1, s.shown);
    if (s.sealed)
        update.bind(2, s.sealed->data(), static_cast<int>(s.sealed->size()));
    else
        update.bind(2);
    update.bind(3, app_id);
    update.exec();
    replace_aadhaar_tokens(db, app_id, s);
}

void replace_aadhaar_tokens(SQLite::Database& db, std::int64_t app_id, const SealedJson& s) {
    SQLite::Statement clear(db, "DELETE FROM aadhaar_tokens WHERE app_id = ?");
    clear.bind(1, app_id);
    clear.exec();
    SQLite::Statement token(db, "INSERT OR IGNORE INTO aadhaar_tokens(token, app_id, path) VALUES (?, ?, ?)");
    for (const auto& t : s.tokens) {
        token.bind(1, t.token);
        token.bind(2, app_id);
        token.bind(3, t.path);
        token.exec();
        token.reset();
    }
}

int latest_schema_version() {
    return static_cast<int>(migrations().size());
}

bool migrate(SQLite::Database& db, const crypto::AadhaarVault& vault) {
    bool rewrote = false;
    const int current = db.execAndGet("PRAGMA user_version").getInt();
    const int latest = latest_schema_version();
    if (current > latest)
        throw StorageError("The hub database is at schema version " + std::to_string(current) +
                           ", newer than this jaanch-hub understands (" + std::to_string(latest) +
                           "); run the newer jaanch-hub or restore a matching backup.");
    for (int version = current + 1; version <= latest; ++version) {
        SQLite::Transaction txn(db);
        const Step& step = migrations()[static_cast<std::size_t>(version - 1)];
        db.exec(step.sql);
        if (step.code) {
            step.code(db, vault);
            rewrote = rewrote || current > 0;  // a new database had no rows to rewrite
        }
        db.exec("PRAGMA user_version = " + std::to_string(version));
        txn.commit();
    }
    return rewrote;
}

}  // namespace jaanch::hub
