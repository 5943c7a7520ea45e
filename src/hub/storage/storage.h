// The hub's storage, behind an interface so that a PostgreSQL implementation can replace SQLite later.
//
// Contract for any implementation (docs/architecture.md § hub storage):
// - Writes happen only inside a Transaction. Transactions are serialised (one writer at a time, in the order
//   begin() returns them; commit() frees the writer slot); a transaction destroyed without commit() rolls
//   back completely. Every state change of the hub (an ingest, a decision, a claim, a log-in) is exactly one
//   transaction, so nothing is ever half-applied.
// - Sequence numbers (`seq` of applications, decisions and audit entries) are assigned inside the writing
//   transaction and are strictly increasing in commit order, so a reader paging with "seq > cursor" never
//   skips a committed row. PostgreSQL: take the writer lock with `LOCK TABLE ... IN EXCLUSIVE MODE` or an
//   advisory lock and assign seq from a counter row in the same transaction (a plain SEQUENCE would break the
//   commit-order promise).
// - Reads on Storage see the latest committed state and may run on any thread, concurrently with a writer.
// - Document bytes are not stored here but in DocumentStore; rows refer to them by SHA-256.
// - Aadhaar numbers are sealed at rest (docs/checks.md#the-hubs-vault): what the storage writes holds them
//   only masked or encrypted, and every read gives them back opened; deciding who may see them, and
//   auditing that they went out, is the service's (StoredApplication::sealed says when it is a release).
// Errors: implementation failures throw jaanch::Error (StorageError) with a sentence naming the operation.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "model/application.h"
#include "model/officer.h"
#include "util/error.h"
#include "util/json_reader.h"
#include "util/time.h"

namespace jaanch::hub {

class StorageError : public Error {
  public:
    using Error::Error;
};

// An officer's hub account: the shared model plus what only the hub keeps.
struct OfficerAccount {
    model::Officer officer;
    std::string password_hash;        // see auth/password.h
    std::string totp_secret;          // base32; empty when the officer has no second factor
    std::int64_t totp_last_step = 0;  // last TOTP step accepted (replay guard)
    std::string certificate_pem;      // registered signing certificate; empty until registered
    bool supervisor = false;          // may take over another officer's claim in their own jurisdiction
    bool disabled = false;
    int failed_logins = 0;     // consecutive failures since the last success
    Timestamp locked_until{};  // log-in refused until then
};

struct Session {
    std::string token_sha256;  // the bearer token itself is never stored
    std::string officer_id;
    Timestamp created_at{};
    Timestamp expires_at{};
};

struct PortalKey {
    std::string name;
    std::string key_sha256;
    Timestamp created_at{};
};

struct Claim {
    std::string application;
    std::string officer_id;
    Timestamp expires_at{};
};

struct StoredApplication {
    model::Application app;  // as received and decided: Aadhaar numbers in plain (opened from the vault)
    std::int64_t seq = 0;    // the change sequence number of its last change
    bool sealed = false;     // it holds an Aadhaar number (sealed at rest): serving it is a release
    // crypto::content_sha256 of the content as the hub last wrote it (empty for rows written before the hub
    // recorded it): a body whose content no longer hashes to this was changed behind the hub's back.
    std::string content_sha256;
};

// A decision the hub accepted, with its signature and the answer it gave (replayed for a repeated id).
struct DecisionRecord {
    std::int64_t seq = 0;  // export cursor; assigned by insert_decision
    std::string id;
    std::string application;
    std::string officer_id;
    std::string decision_json;  // as received
    std::string signature_der;  // the CMS signature bytes
    std::string response_json;  // the 201 body first returned
    Timestamp applied_at{};
    bool sealed = false;  // set by reads: decision_json holds an Aadhaar number (sealed at rest)
};

struct AuditEntry {
    std::int64_t seq = 0;
    Timestamp at{};
    std::string actor;    // officer id, "portal:NAME" or "admin"
    std::string action;   // "decision", "ingest", "claim", "login" …
    std::string subject;  // application number, officer id …
    json::Json details = json::Json::object();
    std::string prev_hash;
    std::string hash;
};

// What an officer's queue shows (see QueueFilter in the queue's SQL, docs/api.md § queue).
struct QueueFilter {
    std::string officer_id;
    model::JurisdictionScope scope;
    std::string level;
    // Services whose applications at `level` this officer verifies, each with the areas ("rural", "urban")
    // their role covers there.
    std::vector<std::pair<std::string, std::vector<std::string>>> service_areas;
    std::int64_t after_seq = 0;
    int limit = 100;
};

struct QueueRow {
    std::int64_t seq = 0;
    std::string application_json;  // the JSON of model::Application (opened), ready to embed in a response
    std::optional<Claim> claim;    // unexpired claims only
    std::string number;            // the application's number
    bool sealed = false;           // as StoredApplication::sealed
};

struct StorageCounts {
    std::int64_t applications = 0;
    std::int64_t pending = 0;
    std::int64_t decisions = 0;
    std::int64_t officers = 0;
    std::int64_t audit_entries = 0;
};

// A write transaction; see the contract above. Not thread-safe: used by one thread from begin() to commit().
class Transaction {
  public:
    virtual ~Transaction() = default;

    virtual std::optional<OfficerAccount> officer(const std::string& id) = 0;
    virtual void put_officer(const OfficerAccount& account) = 0;  // insert or replace

    virtual void put_session(const Session& session) = 0;
    virtual void delete_session(const std::string& token_sha256) = 0;
    virtual void put_portal_key(const PortalKey& key) = 0;

    virtual std::optional<StoredApplication> application(const std::string& number) = 0;
    // Inserts or replaces; records the levels it has been at and the documents it references; returns its new
    // seq.
    virtual std::int64_t put_application(const model::Application& app,
                                         const std::vector<std::string>& levels_visited) = 0;

    virtual std::optional<DecisionRecord> decision(const std::string& id) = 0;
    virtual std::int64_t insert_decision(const DecisionRecord& record) = 0;  // returns its seq

    virtual std::optional<Claim> claim(const std::string& application) = 0;  // including expired ones
    virtual void put_claim(const Claim& claim) = 0;
    virtual void delete_claim(const std::string& application) = 0;

    // Appends to the hash chain (audit/audit_chain.h computes the hash) and returns the entry as stored.
    virtual AuditEntry append_audit(const std::string& actor, const std::string& action,
                                    const std::string& subject, const json::Json& details, Timestamp at) = 0;

    virtual std::string setting(const std::string& key, const std::string& fallback) = 0;
    virtual void put_setting(const std::string& key, const std::string& value) = 0;

    virtual void commit() = 0;
};

class Storage {
  public:
    virtual ~Storage() = default;

    // Waits for the writer slot; the returned transaction holds it until committed or destroyed.
    virtual std::unique_ptr<Transaction> begin() = 0;

    virtual std::optional<OfficerAccount> officer(const std::string& id) = 0;
    virtual std::vector<OfficerAccount> officers() = 0;
    virtual std::optional<Session> session(const std::string& token_sha256) = 0;
    virtual std::optional<PortalKey> portal_key(const std::string& key_sha256) = 0;
    virtual std::optional<StoredApplication> application(const std::string& number) = 0;
    virtual std::optional<Claim> claim(const std::string& application) = 0;
    virtual std::vector<QueueRow> queue(const QueueFilter& filter, Timestamp now) = 0;
    virtual std::optional<DecisionRecord> decision(const std::string& id) = 0;
    virtual std::vector<DecisionRecord> decisions_after(std::int64_t seq, int limit) = 0;
    // Numbers of the applications that reference a document.
    virtual std::vector<std::string> applications_with_document(const std::string& sha256) = 0;
    virtual std::vector<AuditEntry> audit_after(std::int64_t seq, int limit) = 0;
    // Duplicates by Aadhaar without the plain number (docs/checks.md#the-hubs-vault): the keyed lookup token
    // of a number (separators ignored), and the numbers of the applications holding it in a field or table
    // cell, oldest first.
    virtual std::string aadhaar_token(const std::string& aadhaar) = 0;
    virtual std::vector<std::string> applications_with_aadhaar_token(const std::string& token) = 0;
    virtual std::string setting(const std::string& key, const std::string& fallback) = 0;
    virtual StorageCounts counts() = 0;
};

}  // namespace jaanch::hub
