// Versioned schema migrations. PRAGMA user_version holds the version reached; each step runs in its own
// transaction, so an interrupted upgrade leaves the database at the previous version. Never edit a step that
// has shipped: add a new one.
#include "hub/storage/sqlite_migrations.h"

#include <SQLiteCpp/SQLiteCpp.h>

#include <string>
#include <vector>

#include "hub/storage/storage.h"

namespace jaanch::hub {
namespace {

const std::vector<std::string>& migrations() {
    static const std::vector<std::string> steps{
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
        // 2: the content hash of each application as the hub wrote it, beside its version.
        R"sql(
ALTER TABLE applications ADD COLUMN content_sha256 TEXT NOT NULL DEFAULT '';
)sql",
    };
    return steps;
}

}  // namespace

int latest_schema_version() {
    return static_cast<int>(migrations().size());
}

void migrate(SQLite::Database& db) {
    const int current = db.execAndGet("PRAGMA user_version").getInt();
    const int latest = latest_schema_version();
    if (current > latest)
        throw StorageError("The hub database is at schema version " + std::to_string(current) +
                           ", newer than this jaanch-hub understands (" + std::to_string(latest) +
                           "); run the newer jaanch-hub or restore a matching backup.");
    for (int version = current + 1; version <= latest; ++version) {
        SQLite::Transaction txn(db);
        db.exec(migrations()[static_cast<std::size_t>(version - 1)]);
        db.exec("PRAGMA user_version = " + std::to_string(version));
        txn.commit();
    }
}

}  // namespace jaanch::hub
