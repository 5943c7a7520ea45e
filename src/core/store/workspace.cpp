#include "store/workspace.h"

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include <openssl/rand.h>

#include <cstdlib>

#include "store/vault_key.h"
#include "store/workspace_schema.h"
#include "util/enum_names.h"
#include "workflow/deadline.h"

namespace jaanch::store {
namespace {

constexpr EnumNames<DocumentState, 4> kDocumentStates{{{DocumentState::missing, "missing"},
                                                       {DocumentState::partial, "partial"},
                                                       {DocumentState::complete, "complete"},
                                                       {DocumentState::corrupt, "corrupt"}}};

const char* sort_column(QueueSort s) {
    switch (s) {
        case QueueSort::level_due:
            return "level_due";
        case QueueSort::service_due:
            return "service_due";
        case QueueSort::submitted_at:
            return "submitted_at";
        case QueueSort::number:
            return "number";
        case QueueSort::applicant_name:
            return "name_key";
        case QueueSort::service_id:
            return "service_id";
        case QueueSort::village:
            return "village";
        case QueueSort::status:
            return "status";
        case QueueSort::current_level:
            return "current_level";
        case QueueSort::claimed_by:
            return "claimed_by";
    }
    return "level_due";
}

std::string host_of(const std::string& url) {
    std::string host = url;
    if (auto scheme = host.find("://"); scheme != std::string::npos)
        host = host.substr(scheme + 3);
    host = host.substr(0, host.find('/'));
    for (char& c : host) {
        if (c == ':')
            c = '_';  // a port in a folder name
    }
    return host.empty() ? "hub" : host;
}

// Writes the row; false when the stored version is newer (nothing changed).
bool upsert_application(SQLite::Database& db, const catalogue::Catalogue& catalogue,
                        const model::Application& app) {
    const auto* service = catalogue.find(app.service_id, app.service_version);
    std::string service_due, level_due;
    if (service != nullptr && service->find_level(app.current_level) != nullptr) {
        const auto due = workflow::deadlines_for(*service, app, catalogue.calendar(service->state));
        service_due = format_date(due.service_due);
        level_due = format_date(due.level_due);
    }
    const std::string name = applicant_name(service, app);
    SQLite::Statement q(db, R"sql(
        INSERT INTO applications (number, service_id, status, current_level, applicant_name, name_key, village,
                                  submitted_at, service_due, level_due, version, body)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT(number) DO UPDATE SET service_id = excluded.service_id, status = excluded.status,
            current_level = excluded.current_level, applicant_name = excluded.applicant_name,
            name_key = excluded.name_key, village = excluded.village, submitted_at = excluded.submitted_at,
            service_due = excluded.service_due, level_due = excluded.level_due, version = excluded.version,
            body = excluded.body
        WHERE excluded.version >= applications.version)sql");
    q.bind(1, app.number);
    q.bind(2, app.service_id);
    q.bind(3, std::string(model::status_name(app.status)));
    q.bind(4, app.current_level);
    q.bind(5, name);
    q.bind(6, name_search_key(name));
    q.bind(7,
           app.jurisdiction.village_name.empty() ? app.jurisdiction.village : app.jurisdiction.village_name);
    q.bind(8, format_timestamp(app.submitted_at));
    q.bind(9, service_due);
    q.bind(10, level_due);
    q.bind(11, static_cast<std::int64_t>(app.version));
    q.bind(12, json::Json(app).dump());
    if (q.exec() == 0)
        return false;

    SQLite::Statement doc(
        db, "INSERT OR IGNORE INTO documents (sha256, size, mime_type, state) VALUES (?, ?, ?, 'missing')");
    SQLite::Statement link(db,
                           "INSERT OR REPLACE INTO application_documents (application, document_id, sha256) "
                           "VALUES (?, ?, ?)");
    for (const auto& d : app.documents) {
        doc.bind(1, d.sha256);
        doc.bind(2, static_cast<std::int64_t>(d.size));
        doc.bind(3, d.mime_type);
        doc.exec();
        doc.reset();
        link.bind(1, app.number);
        link.bind(2, d.id);
        link.bind(3, d.sha256);
        link.exec();
        link.reset();
    }
    return true;
}

std::string random_id() {
    unsigned char b[16];
    if (RAND_bytes(b, sizeof b) != 1)
        throw StoreError(
            "The system's random generator failed, so the workspace could not be named. Try again.");
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (unsigned char c : b) {
        out += kHex[c >> 4];
        out += kHex[c & 15];
    }
    return out;
}

std::map<std::string, SealedValue> sealed_rows(SQLite::Database& db, const std::string& number) {
    std::map<std::string, SealedValue> out;
    SQLite::Statement q(db, "SELECT path, kind, token, sealed FROM sealed_values WHERE application = ?");
    q.bind(1, number);
    while (q.executeStep()) {
        const auto blob = q.getColumn(3);
        const auto* data = static_cast<const std::uint8_t*>(blob.getBlob());
        SealedValue v{q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                      crypto::Bytes(data, data + blob.getBytes())};
        out.emplace(v.path, std::move(v));
    }
    return out;
}

void replace_sealed(SQLite::Database& db, const std::string& number, const SealedApplication& sealed) {
    SQLite::Statement del(db, "DELETE FROM sealed_values WHERE application = ?");
    del.bind(1, number);
    del.exec();
    SQLite::Statement del_keys(db, "DELETE FROM identity_keys WHERE application = ?");
    del_keys.bind(1, number);
    del_keys.exec();
    SQLite::Statement ins(
        db, "INSERT INTO sealed_values (application, path, kind, token, sealed) VALUES (?, ?, ?, ?, ?)");
    for (const auto& v : sealed.sealed) {
        ins.bind(1, number);
        ins.bind(2, v.path);
        ins.bind(3, v.kind);
        ins.bind(4, v.token);
        ins.bind(5, v.sealed.data(), static_cast<int>(v.sealed.size()));
        ins.exec();
        ins.reset();
    }
    SQLite::Statement key(db,
                          "INSERT OR REPLACE INTO identity_keys (application, kind, value, path, name) "
                          "VALUES (?, ?, ?, ?, ?)");
    for (const auto& k : sealed.keys) {
        key.bind(1, number);
        key.bind(2, k.kind);
        key.bind(3, k.value);
        key.bind(4, k.path);
        key.bind(5, k.name);
        key.exec();
        key.reset();
    }
}

QueueRow read_row(SQLite::Statement& q) {
    QueueRow r;
    r.number = q.getColumn(0).getString();
    r.service_id = q.getColumn(1).getString();
    r.applicant_name = q.getColumn(2).getString();
    r.village = q.getColumn(3).getString();
    r.submitted_at = q.getColumn(4).getString();
    r.service_due = q.getColumn(5).getString();
    r.level_due = q.getColumn(6).getString();
    r.current_level = q.getColumn(7).getString();
    r.status = q.getColumn(8).getString();
    r.claimed_by = q.getColumn(9).getString();
    r.version = static_cast<std::uint64_t>(q.getColumn(10).getInt64());
    return r;
}

}  // namespace

std::string_view document_state_name(DocumentState s) {
    return enum_name(kDocumentStates, s);
}

std::string applicant_name(const catalogue::ServiceDefinition* service, const model::Application& app) {
    if (service != nullptr) {
        for (const auto& f : service->fields) {
            if (f.required && f.type == "text")
                return app.field(f.key);
        }
    }
    return app.field("applicant_name");
}

std::string name_search_key(const std::string& name) {
    std::string out;
    bool space = false;
    for (char c : name) {
        if (c == ' ' || c == '\t' || c == '.' || c == ',') {
            space = !out.empty();
            continue;
        }
        if (space)
            out += ' ';
        space = false;
        out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return out;
}

Workspace::Workspace(std::filesystem::path dir, const catalogue::Catalogue& catalogue,
                     WorkspaceOptions options)
    : dir_(std::move(dir)),
      catalogue_(catalogue),
      options_(std::move(options)),
      db_(open_database(dir_ / "workspace.db", kWorkspaceMigrations)),
      documents_(dir_ / "documents"),
      outbox_(*db_),
      activity_(*db_) {
    try {
        SQLite::Statement name(*db_,
                               "INSERT OR IGNORE INTO sync_state (key, value) VALUES ('workspace_id', ?)");
        name.bind(1, random_id());
        name.exec();
        workspace_id_ = sync_value("workspace_id");
        if (sync_value("aadhaar_sealed").empty())
            seal_existing();
    } catch (const Error&) {
        throw;
    } catch (const std::exception& e) {
        rethrow_sqlite(e, "opening the workspace " + dir_.string());
    }
}

std::filesystem::path Workspace::key_file() const {
    return vault_key_path(workspace_id_, options_.key_dir);
}

const crypto::AadhaarVault& Workspace::vault() const {
    if (vault_)
        return *vault_;
    const auto file = key_file();
    auto key = read_vault_key(file);
    if (!key) {
        if (db_->execAndGet("SELECT COUNT(*) FROM sealed_values").getInt64() > 0)
            throw StoreError(
                "The Aadhaar key of the workspace " + dir_.string() + " is missing (" + file.string() +
                "), so its Aadhaar numbers cannot be read. Restore the key file from the backup, or "
                "delete the workspace and sync again.");
        key = load_or_create_vault_key(file);
    }
    vault_ = std::make_unique<crypto::AadhaarVault>(*key);
    return *vault_;
}

void Workspace::upsert(const model::Application& app) {
    const auto* service = catalogue_.find(app.service_id, app.service_version);
    const auto sealed = seal_application(app, service, vault(), sealed_rows(*db_, app.number));
    if (upsert_application(*db_, catalogue_, sealed.shown))
        replace_sealed(*db_, app.number, sealed);
}

// A workspace from before sealing: seal every application, then VACUUM and truncate the WAL so the plain
// bodies leave the free pages too. The flag is set last, so an interrupted run is done again (values already
// sealed keep their ciphertext).
void Workspace::seal_existing() {
    const bool any = db_->execAndGet("SELECT COUNT(*) FROM applications").getInt64() > 0;
    if (any) {
        std::vector<std::string> numbers;
        SQLite::Statement q(*db_, "SELECT number FROM applications");
        while (q.executeStep())
            numbers.push_back(q.getColumn(0).getString());
        SQLite::Transaction tx(*db_);
        for (const auto& n : numbers) {
            SQLite::Statement body(*db_, "SELECT body FROM applications WHERE number = ?");
            body.bind(1, n);
            if (!body.executeStep())
                continue;
            auto app = model::parse_application(body.getColumn(0).getString(), "workspace application " + n);
            const auto* service = catalogue_.find(app.service_id, app.service_version);
            const auto sealed = seal_application(app, service, vault(), sealed_rows(*db_, n));
            SQLite::Statement up(*db_, "UPDATE applications SET body = ? WHERE number = ?");
            up.bind(1, json::Json(sealed.shown).dump());
            up.bind(2, n);
            up.exec();
            replace_sealed(*db_, n, sealed);
        }
        tx.commit();
        db_->exec("VACUUM");
        db_->exec("PRAGMA wal_checkpoint(TRUNCATE)");
        set_sync_value("aadhaar_sealed", "1");
    } else {
        set_sync_value("aadhaar_sealed", "1");
    }
}

Workspace::~Workspace() = default;

std::filesystem::path Workspace::default_dir(const std::string& hub_url, const std::string& officer) {
    std::filesystem::path base;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg != nullptr && *xdg != '\0') {
        base = xdg;
    } else if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0') {
        base = std::filesystem::path(home) / ".local" / "share";
    } else {
        throw StoreError(
            "Cannot find a place for the workspace: neither XDG_DATA_HOME nor HOME is set. "
            "Pass --workspace DIR.");
    }
    return base / "jaanch" / host_of(hub_url) / officer;
}

void Workspace::store_applications(const std::vector<model::Application>& apps,
                                   const std::string& next_cursor) {
    try {
        SQLite::Transaction tx(*db_);
        for (const auto& app : apps)
            upsert(app);
        if (!next_cursor.empty())
            set_sync_value("cursor", next_cursor);
        tx.commit();
    } catch (const Error&) {
        throw;  // StoreError, or the vault's CryptoError: already a sentence
    } catch (const std::exception& e) {
        rethrow_sqlite(e, "saving " + std::to_string(apps.size()) + " applications from the hub");
    }
}

void Workspace::set_claim(const std::string& number, const std::string& claimed_by) {
    SQLite::Statement q(*db_, "UPDATE applications SET claimed_by = ? WHERE number = ?");
    q.bind(1, claimed_by);
    q.bind(2, number);
    q.exec();
}

void Workspace::set_claims(const std::vector<ClaimChange>& claims) {
    SQLite::Transaction tx(*db_);
    for (const auto& c : claims)
        set_claim(c.number, c.claimed_by);
    tx.commit();
}

std::optional<model::Application> Workspace::application(const std::string& number) const {
    SQLite::Statement q(*db_, "SELECT body FROM applications WHERE number = ?");
    q.bind(1, number);
    if (!q.executeStep())
        return std::nullopt;
    return model::parse_application(q.getColumn(0).getString(), "workspace application " + number);
}

QueuePage Workspace::queue(const QueueFilter& f) const {
    std::string where = " WHERE 1=1";
    std::vector<std::string> params;
    auto add = [&](const char* clause, std::string value) {
        where += clause;
        params.push_back(std::move(value));
    };
    if (!f.service_id.empty())
        add(" AND service_id = ?", f.service_id);
    if (!f.status.empty())
        add(" AND status = ?", f.status);
    if (!f.level.empty())
        add(" AND current_level = ?", f.level);
    if (f.overdue_on)
        add(" AND status = 'pending' AND level_due < ?", format_date(*f.overdue_on));
    if (f.due_by)
        add(" AND status = 'pending' AND level_due <= ?", format_date(*f.due_by));
    if (!f.search.empty()) {
        where += " AND (number LIKE ? ESCAPE '\\' OR name_key LIKE ? ESCAPE '\\')";
        std::string escaped;
        for (char c : name_search_key(f.search)) {
            if (c == '%' || c == '_' || c == '\\')
                escaped += '\\';
            escaped += c;
        }
        std::string raw;
        for (char c : f.search) {
            if (c == '%' || c == '_' || c == '\\')
                raw += '\\';
            raw += c;
        }
        params.push_back(raw + "%");
        params.push_back("%" + escaped + "%");
    }
    QueuePage page;
    SQLite::Statement count(*db_, "SELECT COUNT(*) FROM applications" + where);
    for (std::size_t i = 0; i < params.size(); ++i)
        count.bind(static_cast<int>(i + 1), params[i]);
    count.executeStep();
    page.total = static_cast<std::size_t>(count.getColumn(0).getInt64());

    // Ties broken by number; for the number itself a second term would make SQLite sort instead of walking
    // its index.
    const std::string direction = f.descending ? " DESC" : " ASC";
    const std::string order = std::string(" ORDER BY ") + sort_column(f.sort) + direction +
                              (f.sort == QueueSort::number ? "" : ", number" + direction);
    SQLite::Statement q(*db_,
                        "SELECT number, service_id, applicant_name, village, submitted_at, service_due, "
                        "level_due, current_level, status, claimed_by, version FROM applications" +
                            where + order + " LIMIT ? OFFSET ?");
    int i = 1;
    for (const auto& p : params)
        q.bind(i++, p);
    q.bind(i++, static_cast<std::int64_t>(f.limit));
    q.bind(i, static_cast<std::int64_t>(f.offset));
    while (q.executeStep())
        page.rows.push_back(read_row(q));
    return page;
}

std::size_t Workspace::application_count() const {
    return static_cast<std::size_t>(db_->execAndGet("SELECT COUNT(*) FROM applications").getInt64());
}

DocumentState Workspace::document_state(const std::string& sha256) const {
    SQLite::Statement q(*db_, "SELECT state FROM documents WHERE sha256 = ?");
    q.bind(1, sha256);
    if (!q.executeStep())
        return DocumentState::missing;
    return enum_from_name(kDocumentStates, q.getColumn(0).getString()).value_or(DocumentState::missing);
}

void Workspace::set_document_state(const std::string& sha256, DocumentState state, const std::string& error) {
    SQLite::Statement q(*db_, "UPDATE documents SET state = ?, error = ? WHERE sha256 = ?");
    q.bind(1, std::string(document_state_name(state)));
    q.bind(2, error);
    q.bind(3, sha256);
    if (q.exec() != 1)
        throw StoreError("Document " + sha256 + " is not referenced by any application here.");
}

void Workspace::set_document_states(const std::vector<DocumentStateChange>& changes) {
    SQLite::Transaction tx(*db_);
    for (const auto& c : changes)
        set_document_state(c.sha256, c.state, c.error);
    tx.commit();
}

std::vector<DocumentToFetch> Workspace::documents_to_fetch(std::size_t limit) const {
    std::vector<DocumentToFetch> out;
    SQLite::Statement q(*db_, R"sql(
        SELECT d.sha256, d.size, d.mime_type, MIN(a.level_due) AS due, MIN(a.number) AS first_number
        FROM documents d JOIN application_documents ad ON ad.sha256 = d.sha256
                         JOIN applications a ON a.number = ad.application
        WHERE d.state IN ('missing', 'partial', 'corrupt')
        GROUP BY d.sha256 ORDER BY due, first_number, d.sha256 LIMIT ?)sql");
    q.bind(1, static_cast<std::int64_t>(limit));
    while (q.executeStep())
        out.push_back({q.getColumn(0).getString(), static_cast<std::uint64_t>(q.getColumn(1).getInt64()),
                       q.getColumn(2).getString(), q.getColumn(3).getString()});
    return out;
}

std::optional<std::string> Workspace::document_note(const std::string& sha256, const std::string& key) const {
    SQLite::Statement q(*db_, "SELECT value FROM document_notes WHERE sha256 = ? AND key = ?");
    q.bind(1, sha256);
    q.bind(2, key);
    if (!q.executeStep())
        return std::nullopt;
    return q.getColumn(0).getString();
}

std::vector<std::pair<std::string, std::string>> Workspace::document_notes(const std::string& sha256) const {
    std::vector<std::pair<std::string, std::string>> out;
    SQLite::Statement q(*db_, "SELECT key, value FROM document_notes WHERE sha256 = ? ORDER BY key");
    q.bind(1, sha256);
    while (q.executeStep())
        out.emplace_back(q.getColumn(0).getString(), q.getColumn(1).getString());
    return out;
}

void Workspace::set_document_note(const std::string& sha256, const std::string& key,
                                  const std::string& value) {
    try {
        SQLite::Statement q(*db_,
                            "INSERT INTO document_notes (sha256, key, value) VALUES (?, ?, ?) "
                            "ON CONFLICT(sha256, key) DO UPDATE SET value = excluded.value");
        q.bind(1, sha256);
        q.bind(2, key);
        q.bind(3, value);
        q.exec();
    } catch (const std::exception& e) {
        rethrow_sqlite(e, "remembering a note on document " + sha256.substr(0, 12));
    }
}

std::string Workspace::sync_value(const std::string& key) const {
    SQLite::Statement q(*db_, "SELECT value FROM sync_state WHERE key = ?");
    q.bind(1, key);
    return q.executeStep() ? q.getColumn(0).getString() : std::string();
}

void Workspace::set_sync_value(const std::string& key, const std::string& value) {
    SQLite::Statement q(*db_,
                        "INSERT INTO sync_state (key, value) VALUES (?, ?) "
                        "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    q.bind(1, key);
    q.bind(2, value);
    q.exec();
}

void Workspace::set_sync_values(const std::vector<std::pair<std::string, std::string>>& values) {
    SQLite::Transaction tx(*db_);
    for (const auto& [key, value] : values)
        set_sync_value(key, value);
    tx.commit();
}

void Workspace::queue_decision(const model::Decision& d, const std::string& signature,
                               const std::string& officer, Timestamp now) {
    SQLite::Transaction tx(*db_);
    outbox_.add(d, signature, now);
    activity_.append(now, officer, "decided", d.application,
                     std::string(model::action_name(d.action)) + " " + d.id);
    tx.commit();
}

}  // namespace jaanch::store
