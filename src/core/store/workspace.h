// An officer's local workspace: the applications they can see, the documents downloaded for them, the outbox
// of signed decisions, the sync cursor and the activity log. One folder per officer and hub:
//   DIR/workspace.db   SQLite (WAL, synchronous=FULL, versioned migrations: store/workspace_schema.h)
//   DIR/documents/     content-addressed document files (store/document_folder.h)
// Aadhaar numbers are never in plain text in either: applications are stored with them sealed
// (store/sealed_fields.h) under a key kept outside DIR (store/vault_key.h); reads give the masked form, and
// reveal() gives the full number and records that in the activity log.
//
// Threads: a Workspace is one SQLite connection; use it from one thread at a time. The sync engine opens its
// own Workspace on its thread; WAL lets it write while the UI reads. The connection stays inside: what must
// change together is one named method here (one transaction each), so no caller composes SQL transactions.
// Errors: StoreError (DiskFullError for a full disk) with what was being done; nothing is half-applied.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>

#include "catalogue/catalogue.h"
#include "model/application.h"
#include "model/decision.h"
#include "store/activity_log.h"
#include "store/document_folder.h"
#include "store/outbox.h"
#include "store/sealed_fields.h"
#include "store/sqlite_database.h"
#include "util/time.h"

namespace jaanch::store {

enum class DocumentState { missing, partial, complete, corrupt };
std::string_view document_state_name(DocumentState s);

struct QueueRow {
    std::string number;
    std::string service_id;
    std::string applicant_name;
    std::string village;
    std::string submitted_at;  // RFC 3339
    std::string service_due;   // YYYY-MM-DD
    std::string level_due;     // YYYY-MM-DD
    std::string current_level;
    std::string status;
    std::string claimed_by;
    std::uint64_t version = 0;
};

enum class QueueSort {
    level_due,
    service_due,
    submitted_at,
    number,
    applicant_name,
    service_id,
    village,
    status,
    current_level,
    claimed_by
};

struct QueueFilter {
    std::string service_id;          // empty = all
    std::string status;              // empty = all
    std::string level;               // empty = all
    std::optional<Date> overdue_on;  // only applications whose level deadline is before this day
    std::optional<Date> due_by;  // only pending applications whose level deadline is on or before this day
    std::string search;          // application number prefix or part of the applicant's name
    QueueSort sort = QueueSort::level_due;
    bool descending = false;
    std::size_t offset = 0;
    std::size_t limit = 200;
};

struct QueuePage {
    std::vector<QueueRow> rows;
    std::size_t total = 0;  // matching rows, for the virtual list's size
};

struct DocumentToFetch {
    std::string sha256;
    std::uint64_t size = 0;
    std::string mime_type;
    std::string earliest_due;  // of the applications needing it: soonest first
};

// Who holds the claim on an application after a sync (claimed_by empty: nobody).
struct ClaimChange {
    std::string number;
    std::string claimed_by;
};

// A document's state after a download attempt; `error` says why it is not complete.
struct DocumentStateChange {
    std::string sha256;
    DocumentState state = DocumentState::missing;
    std::string error;
};

struct WorkspaceOptions {
    std::filesystem::path key_dir;  // where the Aadhaar key file is; empty = the default (store/vault_key.h)
};

// Another application sharing an identity key (Aadhaar token, family ID, person) with the one asked about.
struct IdentityMatch {
    IdentityKey mine;            // the key of the application asked about
    std::string application;     // the other application
    std::string other_path;      // where the other holds it
    std::string other_name;      // for "person": the other's name as written
    std::string status;          // the other's status
    std::string applicant_name;  // the other's applicant, for display
};

// An application that has a document with a given SHA-256 attached.
struct DocumentUse {
    std::string application;
    std::string document_id;
    std::string service_id;
    std::string status;
    std::string applicant_name;
    std::string applicant_token;  // lookup token of the applicant's own Aadhaar field; empty when none
};

class Workspace {
  public:
    // Opens or creates the workspace. The catalogue supplies deadlines and display fields; it must outlive
    // this. A workspace made before Aadhaar sealing has its applications sealed (and the file vacuumed) on
    // opening.
    Workspace(std::filesystem::path dir, const catalogue::Catalogue& catalogue,
              WorkspaceOptions options = {});
    ~Workspace();
    Workspace(const Workspace&) = delete;
    Workspace& operator=(const Workspace&) = delete;

    // $XDG_DATA_HOME/jaanch/<hub host>/<officer> (~/.local/share when unset).
    static std::filesystem::path default_dir(const std::string& hub_url, const std::string& officer);

    const std::filesystem::path& dir() const { return dir_; }

    // Stores a batch of applications from the hub and the cursor that follows them, in one transaction.
    // Documents they reference are registered as missing unless already known.
    void store_applications(const std::vector<model::Application>& apps, const std::string& next_cursor);
    void set_claim(const std::string& number, const std::string& claimed_by);
    // A page of claims from the hub, in one transaction.
    void set_claims(const std::vector<ClaimChange>& claims);

    // The application as stored: Aadhaar values masked (XXXX-XXXX-1234), free text with Aadhaar numbers
    // masked inside.
    std::optional<model::Application> application(const std::string& number) const;

    // The full value of a sealed field ("aadhaar", "members[1].aadhaar"). Appends "revealed_aadhaar"
    // (officer, application, field path) to the activity log first, in the same transaction. Throws
    // StoreError when the application holds no sealed value at `path`, or the key is missing.
    std::string reveal(const std::string& number, const std::string& path, const std::string& officer,
                       Timestamp at);
    // The sealed paths of an application ("aadhaar", "members[0].aadhaar" …), for a Reveal button per field.
    std::vector<std::string> sealed_paths(const std::string& number) const;
    // The application with every sealed value opened, for the automatic checks inside this process (check
    // digits, duplicate tokens). Never display it: nothing is logged because nothing is shown.
    std::optional<model::Application> unsealed_application(const std::string& number) const;

    // The identity keys of an application whose values are in plain text (e.g. unsealed_application's).
    std::vector<IdentityKey> identity_keys_of(const model::Application& plain) const;
    // Other pending or approved applications of `service_id` holding any of `keys` (an index lookup each).
    std::vector<IdentityMatch> identity_matches(const std::vector<IdentityKey>& keys,
                                                const std::string& service_id,
                                                const std::string& except_number) const;
    // Approved applications of `service_id` whose field `key_field` equals `key_value` (plain; Aadhaar fields
    // are matched by token), other than `except_number`.
    std::vector<model::Application> approved_with_field(const std::string& service_id,
                                                        const std::string& key_field,
                                                        const std::string& key_value,
                                                        const std::string& except_number) const;
    // Every application with the document `sha256` attached.
    std::vector<DocumentUse> document_uses(const std::string& sha256) const;
    QueuePage queue(const QueueFilter& filter) const;
    std::size_t application_count() const;

    DocumentState document_state(const std::string& sha256) const;
    void set_document_state(const std::string& sha256, DocumentState state, const std::string& error = "");
    // A batch of states in one transaction: one fsync for the batch rather than one per document. Throws
    // StoreError (nothing changed) when a document is not referenced by any application here.
    void set_document_states(const std::vector<DocumentStateChange>& changes);
    // Documents not yet complete, soonest level deadline first; one application's documents together, so the
    // application the officer opens first is whole as early as possible.
    std::vector<DocumentToFetch> documents_to_fetch(std::size_t limit) const;
    DocumentFolder& documents() { return documents_; }

    // Small per-document facts the viewer keeps (the password that opened it, page rotations).
    std::optional<std::string> document_note(const std::string& sha256, const std::string& key) const;
    std::vector<std::pair<std::string, std::string>> document_notes(const std::string& sha256) const;
    void set_document_note(const std::string& sha256, const std::string& key, const std::string& value);

    std::string sync_value(const std::string& key) const;  // "" when unset
    void set_sync_value(const std::string& key, const std::string& value);
    // Several values (a session: hub, user, token …) in one transaction, so none is kept without the others.
    void set_sync_values(const std::vector<std::pair<std::string, std::string>>& values);
    std::string cursor() const { return sync_value("cursor"); }

    const catalogue::Catalogue& catalogue() const { return catalogue_; }
    // The random name of this workspace, which names its key file.
    const std::string& workspace_id() const { return workspace_id_; }
    std::filesystem::path key_file() const;

    Outbox& outbox() { return outbox_; }
    ActivityLog& activity() { return activity_; }
    // A signed decision into the outbox and "decided" (action and decision id) by `officer` into the
    // activity log, in one transaction: a decision is never queued unlogged, nor logged unqueued. Errors rise
    // as the outbox raises them (a full disk as DiskFullError or SQLite's SQLITE_FULL); nothing is kept then.
    void queue_decision(const model::Decision& d, const std::string& signature, const std::string& officer,
                        Timestamp now);

  private:
    friend class ReviewStore;  // its tables live in this database; it is a view on this connection

    // The vault, its key read or (while nothing is sealed yet) made on first use.
    const crypto::AadhaarVault& vault() const;
    void upsert(const model::Application& app);
    void seal_existing();

    std::filesystem::path dir_;
    const catalogue::Catalogue& catalogue_;
    WorkspaceOptions options_;
    std::string workspace_id_;
    mutable std::unique_ptr<crypto::AadhaarVault> vault_;
    std::unique_ptr<SQLite::Database> db_;
    DocumentFolder documents_;
    Outbox outbox_;
    ActivityLog activity_;
};

// The applicant's display name for a service: the first required text field of the form (docs/forms.md).
std::string applicant_name(const catalogue::ServiceDefinition* service, const model::Application& app);

// Lowercase ASCII, single spaces: the key names are searched by (Devanagari passes through unchanged).
std::string name_search_key(const std::string& name);

}  // namespace jaanch::store
