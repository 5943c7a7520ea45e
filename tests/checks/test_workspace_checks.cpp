// The checks that need the local workspace, on real SQLite files: Aadhaar sealed at rest (the raw bytes of
// workspace.db, -wal, -shm and the document folder never hold a seeded number), reveal with its activity-log
// entry, ApplicationHistory on the store, duplicates (token, family ID, fuzzy person), document reuse and
// earlier verification, and review_application's summary.
#include <boost/test/unit_test.hpp>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "catalogue/catalogue.h"
#include "checks/identifiers.h"
#include "core/workflow_fixtures.h"
#include "store/workspace.h"
#include "store/workspace_schema.h"
#include "util/sha256.h"
#include "workspace_checks/application_review.h"
#include "workspace_checks/cross_checks.h"
#include "workspace_checks/workspace_history.h"

#include <SQLiteCpp/Statement.h>

using namespace jaanch;
namespace fs = std::filesystem;
using checks::ReviewStatus;

namespace {

struct TempDir {
    fs::path path;
    TempDir() {
        char pattern[] = "/tmp/jaanch-checks-ws-XXXXXX";
        path = mkdtemp(pattern);
    }
    ~TempDir() { fs::remove_all(path); }
};

const catalogue::Catalogue& shipped() {
    static const auto result = catalogue::load_catalogue(JAANCH_FORMS_DIR);
    return result.catalogue;
}

const catalogue::ServiceDefinition& service(const std::string& id) {
    const auto* s = shipped().latest(id);
    BOOST_REQUIRE_MESSAGE(s != nullptr, "the shipped catalogue has " << id);
    return *s;
}

// A Verhoeff-valid Aadhaar number made from a serial.
std::string aadhaar(int serial) {
    std::string body = std::to_string(50000000000LL + serial * 7919LL);  // 11 digits starting 5
    return body + checks::verhoeff_check_digit(body);
}

std::string spaced(const std::string& n, char sep) {
    return n.substr(0, 4) + sep + n.substr(4, 4) + sep + n.substr(8);
}

std::string read_all(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

model::Application app_of(const std::string& service_id, const std::string& number, const std::string& name,
                          const std::string& id) {
    const auto& s = service(service_id);
    auto app = test::make_application(s, model::Area::rural, false);
    app.number = number;
    for (const auto& f : s.fields)
        if (f.required && f.type == "text") {
            app.fields[f.key] = name;
            break;
        }
    if (app.fields.count("aadhaar"))
        app.fields["aadhaar"] = id;
    app.documents.clear();
    return app;
}

struct World {
    TempDir dir;
    store::WorkspaceOptions options{dir.path / "keys"};
    store::Workspace ws{dir.path / "ws", shipped(), options};
};

}  // namespace

BOOST_AUTO_TEST_SUITE(workspace_checks)

BOOST_AUTO_TEST_CASE(aadhaar_is_never_in_plain_text_in_the_workspace_files) {
    World w;
    std::vector<std::string> seeded;
    std::vector<model::Application> apps;
    for (int i = 0; i < 40; ++i) {
        const std::string id = aadhaar(i);
        seeded.push_back(id);
        auto app =
            app_of("jh.caste-certificate", "JH/CC/" + std::to_string(i), "Applicant " + std::to_string(i),
                   i % 3 == 0   ? spaced(id, ' ')
                   : i % 3 == 1 ? spaced(id, '-')
                                : id);
        // Free text holding a number too: sealed whole, shown masked.
        app.fields["house_locality"] = "Near school, Aadhaar " + seeded.back();
        const std::string doc = "%PDF-1.4\n% Caste proof of Applicant " + std::to_string(i) + "\n%%EOF\n";
        const std::string sha = sha256_hex(doc);
        w.ws.documents().put(doc, sha);
        app.documents.push_back(
            {"caste_proof", "caste_proof", "proof.pdf", "application/pdf", doc.size(), sha});
        apps.push_back(app);
    }
    // Family-table cells of Aadhaar type.
    for (int i = 40; i < 50; ++i) {
        auto app = app_of("rj.jan-aadhaar-family-enrolment", "RJ/EN/" + std::to_string(i),
                          "Head " + std::to_string(i), "");
        auto row = app.tables["members"].front();
        app.tables["members"].clear();
        for (int m = 0; m < 3; ++m) {
            row["aadhaar"] = aadhaar(i * 10 + m);
            seeded.push_back(row["aadhaar"]);
            app.tables["members"].push_back(row);
        }
        apps.push_back(app);
    }
    w.ws.store_applications(apps, "c1");
    for (const auto& a : apps)
        for (const auto& d : a.documents)
            w.ws.set_document_state(d.sha256, store::DocumentState::complete);

    // Read the files while the workspace is open, so the WAL and shared-memory files exist.
    std::string disk;
    std::size_t files = 0;
    for (const auto& entry : fs::recursive_directory_iterator(w.dir.path / "ws"))
        if (entry.is_regular_file()) {
            disk += read_all(entry.path());
            ++files;
        }
    BOOST_TEST(fs::exists(w.dir.path / "ws" / "workspace.db-wal"));
    BOOST_TEST(files >= 4u);
    for (const auto& n : seeded)
        for (const auto& form : {n, spaced(n, ' '), spaced(n, '-')})
            BOOST_TEST(disk.find(form) == std::string::npos, "found " << form << " on disk");
    BOOST_TEST(disk.find("XXXX-XXXX-" + seeded[5].substr(8)) != std::string::npos);

    // The key lives outside the workspace folder, readable by its owner alone.
    const fs::path key = w.ws.key_file();
    BOOST_TEST(key.parent_path() == w.dir.path / "keys");
    struct stat st {};
    BOOST_REQUIRE(stat(key.c_str(), &st) == 0);
    BOOST_TEST((st.st_mode & 0777) == 0600u);

    // Reads are masked; reveal gives the number and is logged (who, which application, which field).
    const auto shown = w.ws.application("JH/CC/7");
    BOOST_REQUIRE(shown);
    BOOST_TEST(shown->field("aadhaar") == "XXXX-XXXX-" + seeded[7].substr(8));
    BOOST_TEST(shown->field("house_locality") == "Near school, Aadhaar XXXX-XXXX-" + seeded[7].substr(8));
    const auto before = w.ws.activity().entries().size();
    // Revealed as 12 digits whatever the spelling it came in.
    BOOST_TEST(w.ws.reveal("JH/CC/7", "aadhaar", "vdo.ranchi", now_utc()) == seeded[7]);
    BOOST_TEST(w.ws.reveal("RJ/EN/41", "members[2].aadhaar", "vdo.jaipur", now_utc()) == aadhaar(412));
    const auto log = w.ws.activity().entries();
    BOOST_REQUIRE(log.size() == before + 2);
    BOOST_TEST(log[before].kind == "revealed_aadhaar");
    BOOST_TEST(log[before].officer == "vdo.ranchi");
    BOOST_TEST(log[before].application == "JH/CC/7");
    BOOST_TEST(log[before].detail == "aadhaar");
    BOOST_TEST(log[before + 1].detail == "members[2].aadhaar");
    BOOST_TEST(!w.ws.activity().first_broken().has_value());
    BOOST_CHECK_THROW(w.ws.reveal("JH/CC/7", "mobile", "vdo.ranchi", now_utc()), store::StoreError);

    // The application read back and stored again (masked) keeps its ciphertext.
    auto again = *shown;
    again.version += 1;
    w.ws.store_applications({again}, "");
    BOOST_TEST(w.ws.unsealed_application("JH/CC/7")->field("aadhaar") == seeded[7]);
    BOOST_TEST(w.ws.unsealed_application("JH/CC/7")->field("house_locality") ==
               "Near school, Aadhaar " + seeded[7]);

    // Without its key the workspace opens (masked reads work) but cannot reveal, and says why.
    store::Workspace keyless(w.dir.path / "ws", shipped(), store::WorkspaceOptions{w.dir.path / "elsewhere"});
    BOOST_TEST(keyless.application("JH/CC/7")->field("aadhaar") == shown->field("aadhaar"));
    BOOST_CHECK_EXCEPTION(keyless.reveal("JH/CC/7", "aadhaar", "x", now_utc()), store::StoreError,
                          [](const store::StoreError& e) {
                              return std::string(e.what()).find("missing") != std::string::npos;
                          });
}

BOOST_AUTO_TEST_CASE(a_workspace_from_before_sealing_is_sealed_on_opening) {
    TempDir dir;
    const std::string id = aadhaar(77);
    auto app = app_of("jh.caste-certificate", "JH/OLD/1", "Old Applicant", id);
    {  // The schema before migration 3, with the application JSON in plain text as it used to be stored.
        auto db = store::open_database(dir.path / "ws" / "workspace.db",
                                       std::span(store::kWorkspaceMigrations).first(2));
        SQLite::Statement q(
            *db,
            "INSERT INTO applications (number, service_id, status, current_level, applicant_name, "
            "name_key, village, submitted_at, service_due, level_due, version, body) "
            "VALUES (?, ?, 'pending', 'L1', 'Old Applicant', 'old applicant', 'x', '', '', '', 1, ?)");
        q.bind(1, app.number);
        q.bind(2, app.service_id);
        q.bind(3, json::Json(app).dump());
        q.exec();
    }
    BOOST_REQUIRE(read_all(dir.path / "ws" / "workspace.db").find(id) != std::string::npos);
    store::Workspace ws(dir.path / "ws", shipped(), store::WorkspaceOptions{dir.path / "keys"});
    std::string disk;
    for (const auto& entry : fs::directory_iterator(dir.path / "ws"))
        if (entry.is_regular_file())
            disk += read_all(entry.path());
    BOOST_TEST(disk.find(id) == std::string::npos);
    BOOST_TEST(ws.application(app.number)->field("aadhaar") == "XXXX-XXXX-" + id.substr(8));
    BOOST_TEST(ws.reveal(app.number, "aadhaar", "vdo.test", now_utc()) == id);
}

BOOST_AUTO_TEST_CASE(application_history_on_the_store_answers_once_per_financial_year) {
    World w;
    const auto& s = service("rj.jan-aadhaar-income-update");
    auto approved = test::make_application(s, model::Area::rural, false);
    approved.number = "RJ/IU/1";
    approved.fields["jan_aadhaar_family_id"] = "4455667788";
    approved.status = model::Status::approved;
    approved.level_entered_at = *parse_timestamp("2026-06-10T06:00:00Z");
    auto old = approved;
    old.number = "RJ/IU/0";
    old.level_entered_at = *parse_timestamp("2025-06-10T06:00:00Z");
    auto other_family = approved;
    other_family.number = "RJ/IU/2";
    other_family.fields["jan_aadhaar_family_id"] = "9999999999";
    w.ws.store_applications({approved, old, other_family}, "");

    checks::WorkspaceHistory history(w.ws);
    const auto fy2026 =
        history.approved_in_financial_year(s.id, "jan_aadhaar_family_id", "4455667788", 2026, "RJ/IU/9");
    BOOST_REQUIRE(fy2026.size() == 1u);
    BOOST_TEST(fy2026[0].number == "RJ/IU/1");
    BOOST_TEST(
        history.approved_in_financial_year(s.id, "jan_aadhaar_family_id", "4455667788", 2025, "").size() ==
        1u);
    BOOST_TEST(
        history.approved_in_financial_year(s.id, "jan_aadhaar_family_id", "4455667788", 2026, "RJ/IU/1")
            .empty());
    BOOST_TEST(
        history.approved_in_financial_year(s.id, "jan_aadhaar_family_id", "1111111111", 2026, "").empty());

    // Through the eligibility rules: a second annual update in FY 2026-27 fails and names the first.
    auto second = approved;
    second.number = "RJ/IU/3";
    second.status = model::Status::pending;
    second.fields["update_kind"] = "annual";
    second.submitted_at = *parse_timestamp("2026-11-01T06:00:00Z");
    const auto rules = checks::evaluate_eligibility(s, second, &history);
    bool found = false;
    for (const auto& r : rules)
        if (r.id == "annual-once-per-year") {
            found = true;
            BOOST_TEST((r.status == checks::RuleStatus::fail));
            BOOST_TEST(r.because.en.find("RJ/IU/1") != std::string::npos, r.because.en);
        }
    BOOST_TEST(found);
}

BOOST_AUTO_TEST_CASE(duplicates_by_token_family_id_and_person) {
    World w;
    const std::string same = aadhaar(1);
    auto a = app_of("jh.caste-certificate", "JH/CC/A", "Sunita Devi", same);
    a.fields["date_of_birth"] = "1994-03-12";
    auto b =
        app_of("jh.caste-certificate", "JH/CC/B", "Someone Else", spaced(same, ' '));  // same number, spaced
    auto c = app_of("jh.income-certificate", "JH/IC/C", "Sunita Devi", same);          // another service
    auto d = app_of("jh.caste-certificate", "JH/CC/D", "Rejected One", same);
    d.status = model::Status::rejected;
    auto e = app_of("jh.caste-certificate", "JH/CC/E", "सुनीता देवी", aadhaar(2));  // same person in Hindi
    e.fields["date_of_birth"] = "1994-03-12";
    auto f = app_of("jh.caste-certificate", "JH/CC/F", "Suneeta Devi", aadhaar(3));  // other birth date
    f.fields["date_of_birth"] = "1990-01-01";
    auto g = app_of("jh.caste-certificate", "JH/CC/G", "Sunil Dev", aadhaar(4));  // same date, 3 edits off
    auto h = app_of("jh.caste-certificate", "JH/CC/H", "Suneeta Devee", aadhaar(5));  // other village
    h.fields["date_of_birth"] = "1994-03-12";
    h.jurisdiction.village = "362999";
    g.fields["date_of_birth"] = "1994-03-12";
    w.ws.store_applications({a, b, c, d, e, f, g, h}, "");

    const auto items =
        checks::find_duplicates(*w.ws.unsealed_application("JH/CC/A"), service("jh.caste-certificate"), w.ws);
    std::map<std::string, std::string> by_other;
    for (const auto& i : items) {
        BOOST_TEST((i.status == ReviewStatus::attention));
        BOOST_REQUIRE(i.related.size() == 1u);
        by_other[i.related[0]] = i.subject;
        BOOST_TEST(i.reason.en.find(same) == std::string::npos);
        BOOST_TEST(i.reason.en.find(spaced(same, '-')) == std::string::npos);
    }
    BOOST_TEST(by_other.size() == 2u);
    BOOST_TEST(by_other["JH/CC/B"] == "aadhaar");
    BOOST_TEST(by_other["JH/CC/E"] == "person");

    // Family IDs: two pending Jan Aadhaar income updates of one family.
    const auto& iu = service("rj.jan-aadhaar-income-update");
    auto x = test::make_application(iu, model::Area::rural, false);
    x.number = "RJ/IU/X";
    auto y = x;
    y.number = "RJ/IU/Y";
    w.ws.store_applications({x, y}, "");
    const auto family = checks::find_duplicates(x, iu, w.ws);
    BOOST_REQUIRE(family.size() >= 1u);
    BOOST_TEST(family[0].subject == "family_id");
    BOOST_TEST(family[0].related.at(0) == "RJ/IU/Y");

    // Nothing to find: one pass item.
    const auto none =
        checks::find_duplicates(*w.ws.unsealed_application("JH/CC/G"), service("jh.caste-certificate"), w.ws);
    BOOST_REQUIRE(none.size() == 1u);
    BOOST_TEST((none[0].status == ReviewStatus::pass));
}

BOOST_AUTO_TEST_CASE(document_reuse_and_earlier_verification) {
    World w;
    const std::string doc = "%PDF-1.4\n% one income proof\n%%EOF\n";
    const std::string sha = sha256_hex(doc);
    const model::DocumentRef ref{"income_proof",    "income_proof", "income.pdf",
                                 "application/pdf", doc.size(),     sha};
    auto mine = app_of("jh.income-certificate", "JH/IC/1", "Ramesh Meena", aadhaar(10));
    mine.documents = {ref};
    auto same_person = app_of("jh.caste-certificate", "JH/CC/2", "Ramesh Meena", aadhaar(10));
    same_person.documents = {ref};
    auto stranger = app_of("jh.income-certificate", "JH/IC/3", "Priya Sharma", aadhaar(11));
    stranger.documents = {ref};
    // An earlier decision on the stranger's application marked this file valid.
    model::ActionRecord record;
    record.decision.format = model::kDecisionFormatFirst;
    record.decision.id = "0b7d4c1e-3f2a-4b5c-8d9e-0f1a2b3c4d5e";
    record.decision.application = "JH/IC/3";
    record.decision.officer = "ddo.ranchi";
    record.decision.role = "circle_inspector";
    record.decision.level = "L1";
    record.decision.decided_at = *parse_timestamp("2026-10-05T06:00:00Z");
    record.decision.document_checks = {{"income_proof", model::DocumentMark::valid, ""}};
    record.signature_sha256 = sha256_hex("signature");
    record.applied_at = record.decision.decided_at;
    record.level_after = "L2";
    stranger.history = {record};
    w.ws.store_applications({mine, same_person, stranger}, "");

    const auto items = checks::document_reuse(*w.ws.unsealed_application("JH/IC/1"), ref, w.ws);
    int attention = 0, same = 0, verified = 0;
    for (const auto& i : items) {
        BOOST_TEST(i.subject == "income_proof");
        if (i.status == ReviewStatus::attention) {
            ++attention;
            BOOST_TEST(i.related.at(0) == "JH/IC/3");
        }
        if (i.label.en == "Reused by the same applicant")
            ++same;
        if (i.label.en == "Already verified") {
            ++verified;
            BOOST_TEST(i.reason.en.find("ddo.ranchi") != std::string::npos, i.reason.en);
            BOOST_TEST(i.reason.en.find("5 Oct 2026") != std::string::npos, i.reason.en);
        }
    }
    BOOST_TEST(attention == 1);
    BOOST_TEST(same == 1);
    BOOST_TEST(verified == 1);
}

BOOST_AUTO_TEST_CASE(review_application_counts_what_needs_attention) {
    World w;
    const auto& s = service("jh.caste-certificate");
    auto good = app_of(s.id, "JH/CC/10", "Lakshmi Bai", aadhaar(20));
    auto twin = app_of(s.id, "JH/CC/11", "Other Person", aadhaar(20));
    auto bad = app_of(s.id, "JH/CC/12", "Geeta Kumari", "234567890125");  // wrong check digit
    w.ws.store_applications({good, twin, bad}, "");
    const Date today = *parse_date("2026-11-21");

    // The masked application from the workspace is reviewed with its real number: the check digit passes.
    const auto shown = *w.ws.application("JH/CC/10");
    const auto report = checks::review_application(shown, s, w.ws, today);
    bool aadhaar_field = false;
    for (const auto& f : report.fields)
        if (f.subject == "aadhaar") {
            aadhaar_field = true;
            BOOST_TEST((f.status == ReviewStatus::pass), f.reason.en);
        }
    BOOST_TEST(aadhaar_field);
    BOOST_TEST(report.duplicates.at(0).related.at(0) == "JH/CC/11");
    BOOST_TEST(report.attention_count() >= 1u);
    BOOST_TEST(report.summary().en == std::to_string(report.attention_count()) + " checks need attention");

    const auto bad_report = checks::review_application(*w.ws.application("JH/CC/12"), s, w.ws, today);
    for (const auto& f : bad_report.fields)
        if (f.subject == "aadhaar")
            BOOST_TEST((f.status == ReviewStatus::fail));
    BOOST_TEST(bad_report.attention_count() > 0u);
}

BOOST_AUTO_TEST_SUITE_END()
