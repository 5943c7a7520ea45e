// Storage on SQLite through SQLiteCpp: WAL journal, foreign keys on, versioned migrations
// (sqlite_migrations.cpp), synchronous=FULL so that a committed transaction survives a crash of the process
// or the machine, secure_delete=FAST (freed content zeroed where that costs no extra write). Aadhaar numbers
// are sealed with the vault key given to the constructor (storage/aadhaar_seal.h).
//
// Threads: one writer connection behind a mutex (Transaction holds it); a pool of reader connections leased
// per call, so reads run concurrently with the writer under WAL. Every method may be called from any thread.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <vector>

#include "crypto/aadhaar_vault.h"
#include "hub/storage/storage.h"

namespace SQLite {
class Database;
}

namespace jaanch::hub {

class SqliteStorage final : public Storage {
  public:
    // Opens (creating when `create`) the database file and migrates it to the current schema version,
    // sealing what an older hub left plain (in one transaction) under `vault_key` (32 bytes; the caller
    // reads it from outside the data folder, storage/vault_key_file.h). Throws StorageError when the file
    // is missing (and !create), unreadable or from a newer hub; crypto::CryptoError for a key that does not
    // open what the database holds.
    SqliteStorage(const std::filesystem::path& file, bool create, const crypto::Bytes& vault_key);
    ~SqliteStorage() override;

    static int schema_version();

    std::unique_ptr<Transaction> begin() override;

    std::optional<OfficerAccount> officer(const std::string& id) override;
    std::vector<OfficerAccount> officers() override;
    std::optional<Session> session(const std::string& token_sha256) override;
    std::optional<PortalKey> portal_key(const std::string& key_sha256) override;
    std::optional<StoredApplication> application(const std::string& number) override;
    std::optional<Claim> claim(const std::string& application) override;
    std::vector<QueueRow> queue(const QueueFilter& filter, Timestamp now) override;
    std::optional<DecisionRecord> decision(const std::string& id) override;
    std::vector<DecisionRecord> decisions_after(std::int64_t seq, int limit) override;
    std::vector<std::string> applications_with_document(const std::string& sha256) override;
    std::vector<AuditEntry> audit_after(std::int64_t seq, int limit) override;
    std::string aadhaar_token(const std::string& aadhaar) override;
    std::vector<std::string> applications_with_aadhaar_token(const std::string& token) override;
    std::string setting(const std::string& key, const std::string& fallback) override;
    StorageCounts counts() override;

  private:
    class Lease;
    Lease lease();
    void check_vault_key();
    void give_back(std::unique_ptr<SQLite::Database> db);

    std::filesystem::path file_;
    std::unique_ptr<const crypto::AadhaarVault> vault_;
    std::mutex writer_mutex_;
    std::unique_ptr<SQLite::Database> writer_;
    std::mutex pool_mutex_;
    std::vector<std::unique_ptr<SQLite::Database>> readers_;
};

}  // namespace jaanch::hub
