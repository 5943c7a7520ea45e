// Opening SQLite databases the one way Jaanch uses them: WAL, foreign keys, FULL synchronous writes, a busy
// timeout, and versioned migrations tracked in PRAGMA user_version.
//
// One SQLite::Database is used by one thread at a time; a second thread opens its own connection (WAL lets
// readers and one writer work side by side).
#pragma once

#include <filesystem>
#include <memory>
#include <span>

#include <SQLiteCpp/Database.h>

#include "util/error.h"

namespace jaanch::store {

class StoreError : public Error {
  public:
    using Error::Error;
};

// The disk is full: nothing was half-written, and the message says what to free.
class DiskFullError : public StoreError {
  public:
    using StoreError::StoreError;
};

struct Migration {
    int version;      // 1, 2, 3 … in order, never reused
    const char* sql;  // one or more statements
};

// Opens or creates the database and applies every migration newer than its user_version, each in its own
// transaction. Throws StoreError naming the file for an unreadable, corrupt, or newer-than-known database.
std::unique_ptr<SQLite::Database> open_database(const std::filesystem::path& file,
                                                std::span<const Migration> migrations);

// Wraps an SQLite failure into a StoreError (or DiskFullError) that says what was being done.
[[noreturn]] void rethrow_sqlite(const std::exception& e, const std::string& doing);

}  // namespace jaanch::store
