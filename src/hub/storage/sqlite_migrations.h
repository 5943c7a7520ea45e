// Schema migrations for SqliteStorage (see sqlite_migrations.cpp for the steps).
#pragma once

#include <cstdint>

#include "crypto/aadhaar_vault.h"

namespace SQLite {
class Database;
}

namespace jaanch::hub {

int latest_schema_version();

struct SealedJson;

// Brings the database up to latest_schema_version(), one transaction per step; steps that seal existing rows
// use `vault`. Returns whether a step rewrote existing rows (the caller then compacts the file so that no
// page still holds the old text). Throws StorageError for a database newer than this program.
bool migrate(SQLite::Database& db, const crypto::AadhaarVault& vault);

// Replaces an application's Aadhaar lookup tokens; inside a transaction.
void replace_aadhaar_tokens(SQLite::Database& db, std::int64_t app_id, const SealedJson& sealed);

// Writes an application's sealed body (body, sealed) and replaces its lookup tokens; inside a transaction.
void write_sealed_application(SQLite::Database& db, std::int64_t app_id, const SealedJson& sealed);

}  // namespace jaanch::hub
