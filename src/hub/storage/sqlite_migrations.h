// Schema migrations for SqliteStorage (see sqlite_migrations.cpp for the steps).
#pragma once

namespace SQLite {
class Database;
}

namespace jaanch::hub {

int latest_schema_version();

// Brings the database up to latest_schema_version(), one transaction per step.
// Throws StorageError for a database newer than this program.
void migrate(SQLite::Database& db);

}  // namespace jaanch::hub
