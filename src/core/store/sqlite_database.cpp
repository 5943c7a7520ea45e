#include "store/sqlite_database.h"

#include <SQLiteCpp/Exception.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <sqlite3.h>

namespace jaanch::store {

void rethrow_sqlite(const std::exception& e, const std::string& doing) {
    if (const auto* sq = dynamic_cast<const SQLite::Exception*>(&e);
        sq != nullptr && sq->getErrorCode() == SQLITE_FULL)
        throw DiskFullError("The disk is full while " + doing +
                            ". Nothing was lost: free some space (old downloads, the trash) and try again.");
    throw StoreError("Local database error while " + doing + ": " + e.what());
}

std::unique_ptr<SQLite::Database> open_database(const std::filesystem::path& file,
                                                std::span<const Migration> migrations) {
    std::unique_ptr<SQLite::Database> db;
    try {
        std::error_code ec;
        std::filesystem::create_directories(file.parent_path(), ec);
        db = std::make_unique<SQLite::Database>(file, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE, 5000);
        db->exec("PRAGMA journal_mode=WAL");
        db->exec("PRAGMA synchronous=FULL");
        db->exec("PRAGMA foreign_keys=ON");
        const int current = db->execAndGet("PRAGMA user_version").getInt();
        const int newest = migrations.empty() ? 0 : migrations.back().version;
        if (current > newest)
            throw StoreError("The database " + file.string() + " was made by a newer Jaanch (schema " +
                             std::to_string(current) + ", this program knows " + std::to_string(newest) +
                             "). Update Jaanch; the file was not changed.");
        for (const auto& m : migrations) {
            if (m.version <= current)
                continue;
            SQLite::Transaction tx(*db);
            db->exec(m.sql);
            db->exec("PRAGMA user_version=" + std::to_string(m.version));
            tx.commit();
        }
    } catch (const StoreError&) {
        throw;
    } catch (const std::exception& e) {
        rethrow_sqlite(e, "opening " + file.string());
    }
    return db;
}

}  // namespace jaanch::store
