// The local workspace's SQL schema, as ordered migrations. Add a new migration; never edit a released one.
#pragma once

#include <array>

#include "store/sqlite_database.h"

namespace jaanch::store {

inline constexpr std::array<Migration, 5> kWorkspaceMigrations{{
    {1, R"sql(
CREATE TABLE applications (
    number          TEXT PRIMARY KEY,
    service_id      TEXT NOT NULL,
    status          TEXT NOT NULL,
    current_level   TEXT NOT NULL,
    applicant_name  TEXT NOT NULL,   -- as written, for display
    name_key        TEXT NOT NULL,   -- normalised for search
    village         TEXT NOT NULL,   -- display name, else the LGD code
    submitted_at    TEXT NOT NULL,   -- RFC 3339
    service_due     TEXT NOT NULL,   -- YYYY-MM-DD
    level_due       TEXT NOT NULL,   -- YYYY-MM-DD
    version         INTEGER NOT NULL,
    claimed_by      TEXT NOT NULL DEFAULT '',
    body            TEXT NOT NULL    -- the Application JSON
);
CREATE INDEX applications_service ON applications(service_id);
CREATE INDEX applications_status ON applications(status, level_due);
CREATE INDEX applications_level_due ON applications(level_due);
CREATE INDEX applications_name ON applications(name_key);
CREATE INDEX applications_submitted ON applications(submitted_at);

CREATE TABLE documents (
    sha256      TEXT PRIMARY KEY,
    size        INTEGER NOT NULL,
    mime_type   TEXT NOT NULL,
    state       TEXT NOT NULL CHECK (state IN ('missing', 'partial', 'complete', 'corrupt')),
    error       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX documents_state ON documents(state);

CREATE TABLE application_documents (
    application TEXT NOT NULL REFERENCES applications(number) ON DELETE CASCADE,
    document_id TEXT NOT NULL,
    sha256      TEXT NOT NULL REFERENCES documents(sha256),
    PRIMARY KEY (application, document_id)
);
CREATE INDEX application_documents_sha ON application_documents(sha256);

CREATE TABLE outbox (
    decision_id     TEXT PRIMARY KEY,
    application     TEXT NOT NULL,
    decision        TEXT NOT NULL,   -- the signed Decision JSON
    signature       BLOB NOT NULL,   -- DER CMS
    state           TEXT NOT NULL CHECK (state IN ('pending', 'sending', 'accepted', 'rejected', 'conflict')),
    hub_message     TEXT NOT NULL DEFAULT '',
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
);
CREATE INDEX outbox_state ON outbox(state, created_at);

CREATE TABLE sync_state (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE activity_log (
    seq         INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    officer     TEXT NOT NULL,
    kind        TEXT NOT NULL,
    application TEXT NOT NULL,
    detail      TEXT NOT NULL,
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL
);
)sql"},
    // What the viewer remembers per document: the password that opened it, page rotations.
    {2, R"sql(
CREATE TABLE document_notes (
    sha256 TEXT NOT NULL,
    key    TEXT NOT NULL,
    value  TEXT NOT NULL,
    PRIMARY KEY (sha256, key)
);
)sql"},
    // Aadhaar at rest (docs/checks.md): sealed values beside the masked application JSON, and the identity
    // keys duplicates are found by. Applications stored before this are sealed by the Workspace on opening.
    {3, R"sql(
CREATE TABLE sealed_values (
    application TEXT NOT NULL REFERENCES applications(number) ON DELETE CASCADE,
    path        TEXT NOT NULL,   -- "aadhaar", "members[2].aadhaar"
    kind        TEXT NOT NULL CHECK (kind IN ('aadhaar', 'text')),
    token       TEXT NOT NULL,   -- keyed lookup token (HMAC) of an Aadhaar number; '' for text
    sealed      BLOB NOT NULL,   -- AES-256-GCM, the application and path as associated data
    PRIMARY KEY (application, path)
);
CREATE TABLE identity_keys (
    application TEXT NOT NULL REFERENCES applications(number) ON DELETE CASCADE,
    kind        TEXT NOT NULL,   -- aadhaar (token), jan_aadhaar_family_id, samagra_family_id, haryana_family_id, person
    value       TEXT NOT NULL,   -- token, ID, or "YYYY-MM-DD|village LGD code" for a person
    path        TEXT NOT NULL,
    name        TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (application, kind, path)
);
CREATE INDEX identity_keys_lookup ON identity_keys(kind, value);
)sql"},
    // The review pane (store/review_store.h): history signatures fetched from the hub, the officer's document
    // checklist and the pages seen, saved queue filters; and indexes so every queue column sorts in SQL.
    {4, R"sql(
CREATE TABLE history_signatures (
    decision_id TEXT PRIMARY KEY,
    application TEXT NOT NULL,
    signature   BLOB NOT NULL,   -- DER CMS, as the hub stored it
    fetched_at  TEXT NOT NULL
);
CREATE INDEX history_signatures_application ON history_signatures(application);
CREATE TABLE document_checks (
    application TEXT NOT NULL,
    document_id TEXT NOT NULL,
    mark        TEXT NOT NULL CHECK (mark IN ('seen', 'valid', 'invalid')),
    reason      TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (application, document_id)
);
CREATE TABLE page_views (
    application TEXT NOT NULL,
    document_id TEXT NOT NULL,
    page        INTEGER NOT NULL,
    first_at    TEXT NOT NULL,
    PRIMARY KEY (application, document_id, page)
);
CREATE TABLE saved_filters (
    name   TEXT PRIMARY KEY,
    filter TEXT NOT NULL             -- JSON (review_store.cpp)
);
-- (column, number) for every sortable column: ORDER BY column, number then walks one index with no sort step.
CREATE INDEX applications_service_number ON applications(service_id, number);
CREATE INDEX applications_name_number ON applications(name_key, number);
CREATE INDEX applications_submitted_number ON applications(submitted_at, number);
CREATE INDEX applications_level_due_number ON applications(level_due, number);
CREATE INDEX applications_village ON applications(village, number);
CREATE INDEX applications_level ON applications(current_level, number);
CREATE INDEX applications_service_due ON applications(service_due, number);
CREATE INDEX applications_claimed ON applications(claimed_by, number);
CREATE INDEX applications_status_number ON applications(status, number);
)sql"},
    // How many pages the document had when a page was seen: a decision states pages opened out of pages
    // total.
    {5, R"sql(
ALTER TABLE page_views ADD COLUMN page_count INTEGER NOT NULL DEFAULT 0;
)sql"},
}};

}  // namespace jaanch::store
