// Aadhaar sealed on the hub (docs/checks.md#the-hubs-vault): a demo district seeded, decided and exported by
// the real jaanch-hub leaves no plain Aadhaar number in any byte of its data folder; officers who may see an
// application still get the number, and every release is audited; an old database is sealed when it is
// opened with a key; a key file others may read is refused.
#include <SQLiteCpp/SQLiteCpp.h>
#include <boost/test/unit_test.hpp>

#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "catalogue/catalogue.h"
#include "crypto/application_content.h"
#include "crypto/canonical_json.h"
#include "crypto/pkcs12_signer.h"
#include "hub/storage/aadhaar_seal.h"
#include "hub/storage/sqlite_storage.h"
#include "hub/storage/vault_key_file.h"
#include "hub/util/crypto_util.h"
#include "hub_harness.h"

BOOST_AUTO_TEST_SUITE(vault)

using namespace jaanch;
using namespace jaanch::hub::test;
namespace fs = std::filesystem;

namespace {

struct TempRoot {
    fs::path dir;
    TempRoot() {
        char pattern[] = "/tmp/jaanch-hub-vault-XXXXXX";
        dir = mkdtemp(pattern);
    }
    ~TempRoot() { fs::remove_all(dir); }
};

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Runs a shell command; `output` gets its stdout (and stderr unless the command redirects it itself).
int run(const std::string& command, std::string* output = nullptr) {
    const bool own_stderr = command.find(" 2>") != std::string::npos;
    FILE* p = popen((own_stderr ? command : command + " 2>&1").c_str(), "r");
    std::string text;
    char buffer[512];
    while (size_t n = fread(buffer, 1, sizeof buffer, p))
        text.append(buffer, n);
    const int status = pclose(p);
    if (output != nullptr)
        *output = text;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string hub(const std::string& words) {
    return std::string(JAANCH_HUB_EXE) + " " + words;
}

// `jaanch-hub serve` on an existing data folder; start() throws with the hub's output when it does not
// come up.
class Served {
  public:
    explicit Served(fs::path data) : data_(std::move(data)) {}
    ~Served() { stop(); }
    void start(const std::vector<std::string>& extra = {}) {
        int out[2];
        BOOST_REQUIRE_EQUAL(pipe(out), 0);
        std::vector<std::string> words{JAANCH_HUB_EXE, "serve",       "--data",  data_.string(),
                                       "--listen",     "127.0.0.1:0", "--forms", JAANCH_FORMS_DIR};
        words.insert(words.end(), extra.begin(), extra.end());
        pid_ = fork();
        if (pid_ == 0) {
            dup2(out[1], 1);
            dup2(out[1], 2);
            std::vector<char*> argv;
            for (auto& w : words)
                argv.push_back(w.data());
            argv.push_back(nullptr);
            execv(argv[0], argv.data());
            _exit(127);
        }
        close(out[1]);
        std::string seen;
        char c;
        while (seen.find("listening on") == std::string::npos || seen.back() != '\n') {
            if (read(out[0], &c, 1) != 1)
                break;
            seen += c;
        }
        close(out[0]);
        const auto at = seen.find("127.0.0.1:");
        if (seen.find("listening on") == std::string::npos || at == std::string::npos) {
            stop();
            throw std::runtime_error(seen);
        }
        port_ = std::stoi(seen.substr(at + 10));
    }
    void stop() {
        if (pid_ <= 0)
            return;
        kill(pid_, SIGTERM);
        waitpid(pid_, nullptr, 0);
        pid_ = -1;
    }
    HttpClient client() const { return HttpClient("http://127.0.0.1:" + std::to_string(port_)); }

  private:
    fs::path data_;
    pid_t pid_ = -1;
    int port_ = 0;
};

// The ways a number may be written down: together, and in 4-4-4 groups with spaces or hyphens.
std::vector<std::string> spellings(const std::string& digits) {
    const std::string a = digits.substr(0, 4), b = digits.substr(4, 4), c = digits.substr(8, 4);
    return {digits, a + " " + b + " " + c, a + "-" + b + "-" + c};
}

std::string digits_of(const std::string& value) {
    std::string out;
    for (char ch : value)
        if (ch >= '0' && ch <= '9')
            out += ch;
    return out;
}

// Every occurrence of any spelling of any number in any byte of any file under `root`.
std::vector<std::string> plain_hits(const fs::path& root, const std::set<std::string>& numbers) {
    std::vector<std::string> hits;
    for (const auto& entry : fs::recursive_directory_iterator(root)) {
        if (!entry.is_regular_file())
            continue;
        const std::string bytes = slurp(entry.path());
        for (const auto& n : numbers)
            for (const auto& s : spellings(n))
                if (bytes.find(s) != std::string::npos)
                    hits.push_back(entry.path().string() + ": " + s);
    }
    return hits;
}

std::size_t bytes_scanned(const fs::path& root) {
    std::size_t total = 0;
    for (const auto& entry : fs::recursive_directory_iterator(root))
        if (entry.is_regular_file())
            total += entry.file_size();
    return total;
}

// The values of the application's Aadhaar fields and table cells, by their path.
std::map<std::string, std::string> aadhaar_values(const model::Application& app,
                                                  const catalogue::Catalogue& catalogue) {
    std::map<std::string, std::string> out;
    const auto* service = catalogue.find(app.service_id, app.service_version);
    if (service == nullptr)
        return out;
    for (const auto& f : service->fields) {
        if (f.type == "aadhaar" && !app.field(f.key).empty())
            out[f.key] = app.field(f.key);
        if (!f.is_table())
            continue;
        const auto rows = app.tables.find(f.key);
        if (rows == app.tables.end())
            continue;
        for (const auto& column : f.columns) {
            if (column.type != "aadhaar")
                continue;
            for (std::size_t i = 0; i < rows->second.size(); ++i) {
                const auto cell = rows->second[i].find(column.key);
                if (cell != rows->second[i].end() && !cell->second.empty())
                    out[f.key + "[" + std::to_string(i) + "]." + column.key] = cell->second;
            }
        }
    }
    return out;
}

struct AuditRow {
    std::string actor, action, subject;
    Json details;
};

std::vector<AuditRow> releases(const fs::path& database) {
    SQLite::Database db(database.string(), SQLite::OPEN_READONLY);
    db.setBusyTimeout(10000);
    SQLite::Statement q(db,
                        "SELECT actor, action, subject, details FROM audit WHERE action = 'aadhaar_release' "
                        "ORDER BY seq");
    std::vector<AuditRow> out;
    while (q.executeStep())
        out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                       Json::parse(q.getColumn(3).getString())});
    return out;
}

bool lists(const AuditRow& row, const std::string& number) {
    for (const auto& n : row.details["applications"])
        if (n == number)
            return true;
    return false;
}

std::string login(const HttpClient& client, const Json& officer) {
    const auto r = client.request("POST", "/v1/sessions",
                                  Json{{"user", officer["user"]}, {"password", officer["password"]}}.dump(),
                                  {"Content-Type: application/json"});
    BOOST_REQUIRE_EQUAL(r.status, 201);
    return r.json()["token"];
}

// Rewrites a sealed database into the first schema with plain bodies, as an older hub wrote it.
void revert_to_schema_1(const fs::path& file, hub::SqliteStorage& storage) {
    SQLite::Database db(file.string(), SQLite::OPEN_READWRITE);
    db.setBusyTimeout(10000);
    SQLite::Transaction txn(db);
    std::vector<std::string> numbers, decisions;
    for (SQLite::Statement q(db, "SELECT number FROM applications"); q.executeStep();)
        numbers.push_back(q.getColumn(0).getString());
    for (SQLite::Statement q(db, "SELECT id FROM decisions"); q.executeStep();)
        decisions.push_back(q.getColumn(0).getString());
    SQLite::Statement app(db, "UPDATE applications SET body = ? WHERE number = ?");
    for (const auto& n : numbers) {
        app.bind(1, Json(storage.application(n)->app).dump());
        app.bind(2, n);
        app.exec();
        app.reset();
    }
    SQLite::Statement decision(db, "UPDATE decisions SET body = ? WHERE id = ?");
    for (const auto& id : decisions) {
        decision.bind(1, storage.decision(id)->decision_json);
        decision.bind(2, id);
        decision.exec();
        decision.reset();
    }
    db.exec(
        "ALTER TABLE applications DROP COLUMN content_sha256; "
        "ALTER TABLE applications DROP COLUMN sealed; ALTER TABLE decisions DROP COLUMN sealed; "
        "DROP TABLE aadhaar_tokens; DELETE FROM settings WHERE key = 'aadhaar_key_check'; "
        "PRAGMA user_version = 1");
    txn.commit();
}

const catalogue::Catalogue& forms() {
    static const auto loaded = catalogue::load_catalogue(JAANCH_FORMS_DIR);
    return loaded.catalogue;
}

}  // namespace

BOOST_AUTO_TEST_CASE(shadow_masks_every_spelling_and_keeps_other_numbers) {
    using hub::mask_aadhaar_shaped;
    BOOST_TEST(mask_aadhaar_shaped("234567890125") == "XXXX-XXXX-0125");  // check digit wrong: still masked
    BOOST_TEST(mask_aadhaar_shaped("id 2345 6789 0124, ok") == "id XXXX-XXXX-0124, ok");
    BOOST_TEST(mask_aadhaar_shaped("2345-6789-0124") == "XXXX-XXXX-0124");
    BOOST_TEST(mask_aadhaar_shaped("2345 6789-0124") == "2345 6789-0124");  // mixed separators
    BOOST_TEST(mask_aadhaar_shaped("1234567890123") == "1234567890123");    // 13 digits
    BOOST_TEST(mask_aadhaar_shaped("123456789012") == "123456789012");      // starts with 1
    BOOST_TEST(mask_aadhaar_shaped("92345678901245") == "92345678901245");  // longer number
    BOOST_TEST(hub::is_aadhaar_shaped("2345 6789 0124"));
    BOOST_TEST(!hub::is_aadhaar_shaped("2345 6789 0124 5"));
}

BOOST_AUTO_TEST_CASE(seeded_decided_exported_district_holds_no_plain_aadhaar) {
    TempRoot root;
    const fs::path data = root.dir / "data";
    std::string output;
    BOOST_REQUIRE_MESSAGE(run(hub("demo-seed --data '" + data.string() +
                                  "' --count 30 --kdf-iterations 1000 --forms '" + JAANCH_FORMS_DIR + "'"),
                              &output) == 0,
                          output);
    const fs::path key_file = root.dir / "data.vault-key";
    BOOST_REQUIRE(fs::exists(key_file));
    BOOST_TEST(((fs::status(key_file).permissions() & fs::perms::all) ==
                (fs::perms::owner_read | fs::perms::owner_write)));

    // Every seeded number, read back through the storage with the key (the storage opens what it sealed).
    std::set<std::string> numbers;
    std::map<std::string, std::map<std::string, std::string>> by_application;
    {
        hub::SqliteStorage storage(data / "hub.sqlite", false, hub::read_vault_key_file(key_file, data));
        SQLite::Database db((data / "hub.sqlite").string(), SQLite::OPEN_READONLY);
        SQLite::Statement q(db, "SELECT number FROM applications ORDER BY id");
        while (q.executeStep()) {
            const std::string number = q.getColumn(0).getString();
            const auto values = aadhaar_values(storage.application(number)->app, forms());
            for (const auto& [path, value] : values)
                numbers.insert(digits_of(value));
            if (!values.empty())
                by_application[number] = values;
        }
    }
    BOOST_TEST_MESSAGE(by_application.size()
                       << " of 30 applications hold " << numbers.size() << " Aadhaar numbers");
    BOOST_REQUIRE(by_application.size() >= 10u);

    Served served(data);
    served.start();
    const HttpClient client = served.client();
    const Json officers = Json::parse(slurp(data / "demo-officers.json"));

    // An L1 officer forwards an application with an Aadhaar number, typing the number into the remark.
    std::string decided;
    std::string remark_number;
    Json decider;
    for (const auto& o : officers) {
        if (o["level"] != "L1" || !decided.empty())
            continue;
        const std::string token = login(client, o);
        const Json queue = client.request("GET", "/v1/queue?limit=1000", "", {bearer(token)}).json();
        for (const auto& e : queue["entries"]) {
            const std::string number = e["application"]["number"];
            if (!e["actionable"].get<bool>() || !decided.empty() || !by_application.contains(number))
                continue;
            // The queue carries the plain number to an officer who may see the application.
            const auto& [path, value] = *by_application[number].begin();
            const auto app = model::parse_application(e["application"].dump(), "queue entry");
            if (path.find('[') == std::string::npos)
                BOOST_TEST(app.field(path) == value);
            remark_number = digits_of(value);
            model::Decision d;
            d.id = new_uuid();
            d.application = number;
            d.application_version = e["application"]["version"];
            d.action = model::Action::forward;
            d.remark = "Aadhaar " + spellings(remark_number)[1] + " matches the card.";
            d.officer = o["user"];
            d.role = o["role"];
            d.level = o["level"];
            d.decided_at = std::chrono::floor<std::chrono::seconds>(now_utc());
            model::Application seen;
            model::read_value(e["application"], "$.application", seen);
            std::map<std::string, crypto::PagesOpened> pages;
            for (const auto& doc : seen.documents)
                pages[doc.id] = {1, 1};
            crypto::bind_content(d, seen, pages);
            crypto::Pkcs12Signer signer(o["p12"].get<std::string>(),
                                        crypto::SecretString(o["p12_password"].get<std::string>()));
            const std::string der = signer.sign(crypto::canonical_decision_bytes(d));
            const auto r = client.request(
                "POST", "/v1/decisions", Json{{"decision", d}, {"signature", hub::base64_encode(der)}}.dump(),
                {bearer(token), "Content-Type: application/json"});
            BOOST_REQUIRE_MESSAGE(r.status == 201, r.body);
            decided = number;
            decider = o;
        }
    }
    BOOST_REQUIRE(!decided.empty());
    const auto& [decided_path, decided_value] = *by_application[decided].begin();

    // The officer who decided may still see it: the number and the remark come back in plain, audited once
    // per response.
    const std::string token = login(client, decider);
    const std::size_t before = releases(data / "hub.sqlite").size();
    const auto view = client.request("GET", "/v1/applications/" + url_escape(decided), "", {bearer(token)});
    BOOST_REQUIRE_EQUAL(view.status, 200);
    const auto app = model::parse_application(view.json()["application"].dump(), "view");
    BOOST_TEST(aadhaar_values(app, forms()).at(decided_path) == decided_value);
    auto audit = releases(data / "hub.sqlite");
    BOOST_REQUIRE_EQUAL(audit.size(), before + 1);
    BOOST_TEST(audit.back().actor == decider["user"].get<std::string>());
    BOOST_TEST(audit.back().details["via"] == "application");
    BOOST_TEST(lists(audit.back(), decided));

    const auto history =
        client.request("GET", "/v1/applications/" + url_escape(decided) + "/history", "", {bearer(token)});
    BOOST_REQUIRE_EQUAL(history.status, 200);
    BOOST_TEST(history.body.find(spellings(remark_number)[1]) != std::string::npos);
    audit = releases(data / "hub.sqlite");
    BOOST_REQUIRE_EQUAL(audit.size(), before + 2);
    BOOST_TEST(audit.back().details["via"] == "history");

    const auto queue = client.request("GET", "/v1/queue?limit=1000", "", {bearer(token)});
    BOOST_REQUIRE_EQUAL(queue.status, 200);
    audit = releases(data / "hub.sqlite");
    BOOST_REQUIRE_EQUAL(audit.size(), before + 3);  // one entry for the whole page
    BOOST_TEST(audit.back().details["via"] == "queue");
    BOOST_TEST(audit.back().details["applications"].size() >= 1u);

    // An officer of another state may not see it: 404 as before, and nothing released to them.
    for (const auto& o : officers) {
        if (o["jurisdiction"]["state"] == app.jurisdiction.state)
            continue;
        const auto other =
            client.request("GET", "/v1/applications/" + url_escape(decided), "", {bearer(login(client, o))});
        BOOST_TEST(other.status == 404);
        BOOST_TEST(other.body.find(decided_value) == std::string::npos);
        for (const auto& row : releases(data / "hub.sqlite"))
            BOOST_TEST(row.actor != o["user"].get<std::string>());
        break;
    }

    // The portal's export carries the decision as signed (its remark included), audited to the portal.
    std::string key;
    BOOST_REQUIRE_EQUAL(
        run(hub("portal add --data '" + data.string() + "' --name vault-test 2>/dev/null"), &key), 0);
    key = key.substr(0, key.find('\n'));
    const auto exported = client.request("GET", "/v1/portal/decisions?limit=1000", "", {bearer(key)});
    BOOST_REQUIRE_EQUAL(exported.status, 200);
    BOOST_TEST(exported.body.find(spellings(remark_number)[1]) != std::string::npos);
    audit = releases(data / "hub.sqlite");
    BOOST_TEST(audit.back().actor == "portal:vault-test");
    BOOST_TEST(lists(audit.back(), decided));

    // Every byte of the data folder while the hub runs (database, -wal, -shm, documents), then after it
    // stopped.
    numbers.insert(remark_number);
    BOOST_TEST(fs::exists(data / "hub.sqlite-wal"));
    BOOST_TEST_MESSAGE("scanning " << bytes_scanned(data) << " bytes for " << numbers.size() * 3
                                   << " spellings");
    auto hits = plain_hits(data, numbers);
    BOOST_TEST(hits.empty(), hits.size() << " plain hits, first: " << (hits.empty() ? "" : hits.front()));
    served.stop();
    hits = plain_hits(data, numbers);
    BOOST_TEST(hits.empty(), hits.size() << " plain hits, first: " << (hits.empty() ? "" : hits.front()));

    // Duplicates are found by token alone.
    hub::SqliteStorage storage(data / "hub.sqlite", false, hub::read_vault_key_file(key_file, data));
    const auto found = storage.applications_with_aadhaar_token(storage.aadhaar_token(decided_value));
    BOOST_TEST((std::find(found.begin(), found.end(), decided) != found.end()));
    BOOST_TEST(storage.applications_with_aadhaar_token(storage.aadhaar_token("999999999999")).empty());

    // The same district as a hub before the vault would have left it (schema 1, plain bodies): the next
    // start seals it again, decisions and history included, and the officer still gets the number.
    revert_to_schema_1(data / "hub.sqlite", storage);
    BOOST_REQUIRE(!plain_hits(data, numbers).empty());
    const auto started = std::chrono::steady_clock::now();
    served.start();
    BOOST_TEST_MESSAGE("start with the migration: " << std::chrono::duration_cast<std::chrono::milliseconds>(
                                                           std::chrono::steady_clock::now() - started)
                                                           .count()
                                                    << " ms");
    hits = plain_hits(data, numbers);
    BOOST_TEST(hits.empty(), hits.size() << " plain hits, first: " << (hits.empty() ? "" : hits.front()));
    const auto again = served.client().request("GET", "/v1/applications/" + url_escape(decided), "",
                                               {bearer(login(served.client(), decider))});
    BOOST_REQUIRE_EQUAL(again.status, 200);
    BOOST_TEST(aadhaar_values(model::parse_application(again.json()["application"].dump(), "view"), forms())
                   .at(decided_path) == decided_value);
    served.stop();
    BOOST_TEST(plain_hits(data, numbers).empty());
}

namespace {

// The first schema, as a hub before the vault left it (migration step 1, never edited).
constexpr const char* kSchemaV1 = R"sql(
CREATE TABLE settings(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE counters(name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
INSERT INTO counters(name, value) VALUES ('change', 0);
CREATE TABLE officers(id TEXT PRIMARY KEY, body TEXT NOT NULL, password_hash TEXT NOT NULL,
    totp_secret TEXT NOT NULL DEFAULT '', totp_last_step INTEGER NOT NULL DEFAULT 0,
    certificate_pem TEXT NOT NULL DEFAULT '', supervisor INTEGER NOT NULL DEFAULT 0 CHECK (supervisor IN (0, 1)),
    disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)), failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;
CREATE TABLE sessions(token_sha256 TEXT PRIMARY KEY, officer_id TEXT NOT NULL REFERENCES officers(id),
    created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL) WITHOUT ROWID;
CREATE INDEX sessions_by_officer ON sessions(officer_id);
CREATE TABLE portal_keys(key_sha256 TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, created_at INTEGER NOT NULL)
    WITHOUT ROWID;
CREATE TABLE applications(id INTEGER PRIMARY KEY, number TEXT NOT NULL UNIQUE, service_id TEXT NOT NULL,
    service_version INTEGER NOT NULL, state TEXT NOT NULL, district TEXT NOT NULL, subdistrict TEXT NOT NULL,
    village TEXT NOT NULL, area TEXT NOT NULL CHECK (area IN ('rural', 'urban')), status TEXT NOT NULL,
    current_level TEXT NOT NULL, version INTEGER NOT NULL, seq INTEGER NOT NULL UNIQUE, body TEXT NOT NULL);
CREATE INDEX applications_by_state ON applications(state, seq);
CREATE INDEX applications_by_district ON applications(state, district, seq);
CREATE INDEX applications_by_subdistrict ON applications(state, district, subdistrict, seq);
CREATE INDEX applications_by_village ON applications(state, district, subdistrict, village, seq);
CREATE TABLE app_levels(app_id INTEGER NOT NULL REFERENCES applications(id), level TEXT NOT NULL,
    PRIMARY KEY (app_id, level)) WITHOUT ROWID;
CREATE TABLE app_documents(sha256 TEXT NOT NULL, app_id INTEGER NOT NULL REFERENCES applications(id),
    PRIMARY KEY (sha256, app_id)) WITHOUT ROWID;
CREATE TABLE decisions(seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE,
    app_id INTEGER NOT NULL REFERENCES applications(id), officer_id TEXT NOT NULL REFERENCES officers(id),
    body TEXT NOT NULL, signature BLOB NOT NULL, response TEXT NOT NULL, applied_at INTEGER NOT NULL);
CREATE INDEX decisions_by_app_officer ON decisions(app_id, officer_id);
CREATE TABLE claims(app_id INTEGER PRIMARY KEY REFERENCES applications(id),
    officer_id TEXT NOT NULL REFERENCES officers(id), expires_at INTEGER NOT NULL);
CREATE TABLE audit(seq INTEGER PRIMARY KEY, at INTEGER NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
    subject TEXT NOT NULL, details TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL);
PRAGMA user_version = 1;
)sql";

}  // namespace

BOOST_AUTO_TEST_CASE(an_old_plain_database_is_sealed_when_opened_with_a_key) {
    TempRoot root;
    const fs::path data = root.dir / "old";
    fs::create_directories(data / "trust");
    fs::create_directories(data / "crl");
    fs::create_directories(data / "documents");
    for (const auto& entry : fs::directory_iterator(shared_pki().trust_dir))
        fs::copy_file(entry.path(), data / "trust" / entry.path().filename());
    const std::string field_number = "234567890124", cell_number = "3456 7890 1238",
                      remark_number = "456789012346";
    model::Decision d;
    d.format = model::kDecisionFormatFirst;  // the database is from before decisions bound their content
    d.id = new_uuid();
    d.application = "RJ/OLD/2026/000001";
    d.application_version = 1;
    d.action = model::Action::forward;
    d.remark = "Checked Aadhaar " + remark_number + " on the card.";
    d.officer = "vdo.old";
    d.role = "VDO";
    d.level = "L1";
    d.decided_at = std::chrono::floor<std::chrono::seconds>(now_utc());
    model::Application app;
    app.number = d.application;
    app.service_id = "rj.jan-aadhaar-member-deletion";
    app.jurisdiction.state = "08";
    app.jurisdiction.district = "110";
    app.jurisdiction.subdistrict = "1001";
    app.jurisdiction.village = "100101";
    app.current_level = "L2";
    app.version = 2;
    app.submitted_at = app.level_entered_at = d.decided_at;
    app.fields["aadhaar"] = field_number;
    app.fields["name"] = "Santosh Devi";
    app.tables["members"] = {{{"name", "Ramesh"}, {"aadhaar", cell_number}}};
    model::ActionRecord record;
    record.decision = d;
    record.signature_sha256 = std::string(64, 'a');
    record.applied_at = d.decided_at;
    record.level_after = "L2";
    app.history.push_back(record);
    {
        SQLite::Database db((data / "hub.sqlite").string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        db.exec(kSchemaV1);
        model::Officer officer;
        officer.id = "vdo.old";
        officer.name = "Old VDO";
        officer.role = "VDO";
        officer.level = "L1";
        officer.jurisdiction.state = "08";
        SQLite::Statement o(db, "INSERT INTO officers(id, body, password_hash) VALUES (?, ?, 'x')");
        o.bind(1, officer.id);
        o.bind(2, Json(officer).dump());
        o.exec();
        SQLite::Statement a(
            db,
            "INSERT INTO applications(id, number, service_id, service_version, state, district, "
            "subdistrict, village, area, status, current_level, version, seq, body) VALUES "
            "(1, ?, ?, 1, '08', '110', '1001', '100101', 'rural', 'pending', 'L2', 2, 1, ?)");
        a.bind(1, app.number);
        a.bind(2, app.service_id);
        a.bind(3, Json(app).dump());
        a.exec();
        SQLite::Statement q(
            db,
            "INSERT INTO decisions(id, app_id, officer_id, body, signature, response, applied_at) "
            "VALUES (?, 1, 'vdo.old', ?, x'00', '{}', 0)");
        q.bind(1, d.id);
        q.bind(2, Json(d).dump());
        q.exec();
        db.exec("UPDATE counters SET value = 1");
    }
    const std::set<std::string> numbers{field_number, digits_of(cell_number), remark_number};
    BOOST_REQUIRE(!plain_hits(data, numbers).empty());  // the scan finds what an old hub left

    // Without a key the hub refuses, saying how to make one.
    Served served(data);
    std::string refusal;
    try {
        served.start();
    } catch (const std::runtime_error& e) {
        refusal = e.what();
    }
    BOOST_TEST(refusal.find("vault-key create") != std::string::npos, refusal);

    const fs::path key_file = root.dir / "keys" / "old.key";
    std::string output;
    BOOST_REQUIRE_MESSAGE(
        run(hub("vault-key create '" + key_file.string() + "' --data '" + data.string() + "'"), &output) == 0,
        output);
    served.start();
    BOOST_TEST(served.client().request("GET", "/v1/health").status == 200);
    auto hits = plain_hits(data, numbers);
    BOOST_TEST(hits.empty(), hits.size() << " plain hits, first: " << (hits.empty() ? "" : hits.front()));
    served.stop();
    hits = plain_hits(data, numbers);
    BOOST_TEST(hits.empty(), hits.size() << " plain hits, first: " << (hits.empty() ? "" : hits.front()));

    // Sealed, not lost: the storage opens the numbers, the remark and the exact signed decision again.
    hub::SqliteStorage storage(data / "hub.sqlite", false, hub::read_vault_key_file(key_file, data));
    const auto stored = storage.application(app.number);
    BOOST_REQUIRE(stored);
    BOOST_TEST(stored->sealed);
    BOOST_TEST((stored->app == app));
    const auto decision = storage.decision(d.id);
    BOOST_REQUIRE(decision);
    BOOST_TEST(decision->decision_json == Json(d).dump());
    BOOST_TEST(decision->sealed);
    const std::vector<std::string> expected{app.number};
    BOOST_TEST(storage.applications_with_aadhaar_token(storage.aadhaar_token(field_number)) == expected);
    BOOST_TEST(storage.applications_with_aadhaar_token(storage.aadhaar_token(digits_of(cell_number))) ==
               expected);
    SQLite::Database db((data / "hub.sqlite").string(), SQLite::OPEN_READONLY);
    BOOST_TEST(db.execAndGet("PRAGMA user_version").getInt() == hub::SqliteStorage::schema_version());
}

BOOST_AUTO_TEST_CASE(a_key_file_others_may_read_is_refused) {
    HubProcess hub_process;
    const fs::path key_file = hub_process.data().parent_path() / "data.vault-key";
    BOOST_REQUIRE(fs::exists(key_file));
    auto refusal = [&](const std::vector<std::string>& extra = {}) {
        try {
            hub_process.start(extra);
        } catch (const std::runtime_error& e) {
            return std::string(e.what());
        }
        hub_process.stop();
        return std::string("(the hub started)");
    };
    ::chmod(key_file.c_str(), 0644);
    const std::string world_readable = refusal();
    BOOST_TEST(world_readable.find("mode 0644") != std::string::npos, world_readable);
    BOOST_TEST(world_readable.find("chmod 600 " + key_file.string()) != std::string::npos, world_readable);
    ::chmod(key_file.c_str(), 0620);
    BOOST_TEST(refusal().find("chmod 600") != std::string::npos);

    ::chmod(key_file.c_str(), 0600);
    BOOST_TEST(refusal() == "(the hub started)");

    // Another key than the one the folder's numbers are sealed under.
    const fs::path other = hub_process.data().parent_path() / "other.key";
    std::string output;
    BOOST_REQUIRE_EQUAL(run(hub("vault-key create '" + other.string() + "'"), &output), 0);
    BOOST_TEST(refusal({"--vault-key", other.string()}).find("not the one") != std::string::npos);

    // A missing key, and a key inside the data folder.
    fs::rename(key_file, key_file.string() + ".moved");
    BOOST_TEST(refusal().find("does not exist") != std::string::npos);
    BOOST_TEST(run(hub("vault-key create '" + (hub_process.data() / "k.key").string() + "' --data '" +
                       hub_process.data().string() + "'"),
                   &output) != 0);
    BOOST_TEST(output.find("inside the data folder") != std::string::npos, output);
}

BOOST_AUTO_TEST_SUITE_END()
