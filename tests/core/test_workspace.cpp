#include <boost/test/unit_test.hpp>

#include "core/temp_dir.h"

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <filesystem>
#include <fstream>

#include "catalogue/catalogue.h"
#include "core/model_samples.h"
#include "store/workspace.h"
#include "util/sha256.h"

using namespace jaanch;
namespace fs = std::filesystem;

namespace {

const catalogue::Catalogue& shipped() {
    static const auto result = catalogue::load_catalogue(JAANCH_FORMS_DIR);
    return result.catalogue;
}

model::Application app_numbered(int i, const char* name, const char* entered, std::uint64_t version = 1) {
    auto a = test::sample_application();
    a.number = "RJ/JA/2026/" + std::to_string(100000 + i);
    a.service_id = "rj.jan-aadhaar-member-deletion";
    a.fields = {{"head_name", name}, {"deletion_reason", "death"}};
    a.current_level = "L1";
    a.history.clear();
    a.level_entered_at = *parse_timestamp(std::string(entered) + "T06:00:00Z");
    a.submitted_at = a.level_entered_at;
    a.version = version;
    a.documents[0].sha256 = sha256_hex("doc" + std::to_string(i));
    return a;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(workspace)

BOOST_AUTO_TEST_CASE(applications_round_trip_and_survive_reopening) {
    test::TempDir dir("jaanch-ws");
    {
        store::Workspace ws(dir.path, shipped());
        ws.store_applications({app_numbered(1, "Santosh Devi", "2026-11-02")}, "cursor-1");
    }
    store::Workspace ws(dir.path, shipped());
    BOOST_TEST(ws.cursor() == "cursor-1");
    auto back = ws.application("RJ/JA/2026/100001");
    BOOST_REQUIRE(back);
    BOOST_TEST((*back == app_numbered(1, "Santosh Devi", "2026-11-02")));
    BOOST_TEST(!ws.application("RJ/JA/2026/999999"));
}

BOOST_AUTO_TEST_CASE(an_older_version_never_overwrites_a_newer_one) {
    test::TempDir dir("jaanch-ws");
    store::Workspace ws(dir.path, shipped());
    ws.store_applications({app_numbered(1, "New Name", "2026-11-02", 5)}, "");
    ws.store_applications({app_numbered(1, "Old Name", "2026-11-02", 4)}, "");
    BOOST_TEST(ws.application("RJ/JA/2026/100001")->field("head_name") == "New Name");
}

BOOST_AUTO_TEST_CASE(queue_filters_sorts_searches_and_pages) {
    test::TempDir dir("jaanch-ws");
    store::Workspace ws(dir.path, shipped());
    std::vector<model::Application> apps{app_numbered(1, "Santosh Devi", "2026-11-02"),
                                         app_numbered(2, "Ramesh  Meena", "2026-11-10"),
                                         app_numbered(3, "सुनीता देवी", "2026-10-20")};
    apps[1].status = model::Status::approved;
    ws.store_applications(apps, "");
    auto all = ws.queue({});
    BOOST_TEST(all.total == 3u);
    BOOST_REQUIRE(all.rows.size() == 3u);
    BOOST_TEST(all.rows[0].number == "RJ/JA/2026/100003");  // soonest level deadline first
    BOOST_TEST(all.rows[0].applicant_name == "सुनीता देवी");
    // L1 has 7 working days (RJ calendar): from Mon 2 Nov → 3,4,5,6,7,9,10 (Sun 8 off) → 10 Nov.
    BOOST_TEST(ws.queue({.search = "santosh"}).rows.at(0).level_due == "2026-11-10");

    BOOST_TEST(ws.queue({.status = "approved"}).total == 1u);
    BOOST_TEST(ws.queue({.search = "ramesh meena"}).total == 1u);  // case and spacing folded
    BOOST_TEST(ws.queue({.search = "देवी"}).total == 1u);
    BOOST_TEST(ws.queue({.search = "RJ/JA/2026/10000"}).total == 3u);  // number prefix
    BOOST_TEST(ws.queue({.search = "%"}).total == 0u);                 // LIKE wildcards are literal
    BOOST_TEST(ws.queue({.overdue_on = *parse_date("2026-11-05")}).total == 1u);
    auto by_name =
        ws.queue({.sort = store::QueueSort::applicant_name, .descending = true, .offset = 1, .limit = 1});
    BOOST_TEST(by_name.total == 3u);
    BOOST_REQUIRE(by_name.rows.size() == 1u);
    BOOST_TEST(by_name.rows[0].applicant_name == "Santosh Devi");
}

BOOST_AUTO_TEST_CASE(documents_are_fetched_soonest_deadline_first_and_verified) {
    test::TempDir dir("jaanch-ws");
    store::Workspace ws(dir.path, shipped());
    ws.store_applications({app_numbered(1, "A", "2026-11-10"), app_numbered(2, "B", "2026-11-01")}, "");
    auto todo = ws.documents_to_fetch(10);
    BOOST_REQUIRE(todo.size() == 2u);
    BOOST_TEST(todo[0].sha256 == sha256_hex("doc2"));
    BOOST_TEST((ws.document_state(todo[0].sha256) == store::DocumentState::missing));

    ws.documents().put("doc2", sha256_hex("doc2"));
    ws.set_document_state(sha256_hex("doc2"), store::DocumentState::complete);
    BOOST_TEST(ws.documents().read(sha256_hex("doc2")) == "doc2");
    BOOST_TEST(ws.documents_to_fetch(10).size() == 1u);
    BOOST_CHECK_THROW(ws.documents().put("tampered", sha256_hex("doc1")), store::StoreError);
    BOOST_CHECK_THROW(ws.documents().path_of("../../etc/passwd"), store::StoreError);

    // A partial download completes only when its bytes hash to its name.
    const std::string sha1 = sha256_hex("doc1");
    std::ofstream(ws.documents().partial_path(sha1), std::ios::binary) << "doX";
    BOOST_TEST(ws.documents().partial_size(sha1) == 3u);
    BOOST_TEST(!ws.documents().complete_partial(sha1));
    BOOST_TEST(ws.documents().partial_size(sha1) == 0u);
    std::ofstream(ws.documents().partial_path(sha1), std::ios::binary) << "doc1";
    BOOST_TEST(ws.documents().complete_partial(sha1));
    BOOST_TEST(ws.documents().has(sha1));
}

BOOST_AUTO_TEST_CASE(outbox_states_and_recall) {
    test::TempDir dir("jaanch-ws");
    store::Workspace ws(dir.path, shipped());
    const auto now = *parse_timestamp("2026-11-21T06:00:00Z");
    auto d = test::sample_decision();
    BOOST_TEST(ws.outbox().add(d, std::string("\x30\x82\x00\x01", 4), now));
    BOOST_TEST(!ws.outbox().add(d, "other", now));  // same decision id: no double
    BOOST_TEST(ws.outbox().count(store::OutboxState::pending) == 1u);
    auto entry = ws.outbox().find(d.id);
    BOOST_REQUIRE(entry);
    BOOST_TEST((entry->decision == d));
    BOOST_TEST(entry->signature == std::string("\x30\x82\x00\x01", 4));
    BOOST_TEST(ws.outbox().due(now).size() == 1u);

    ws.outbox().mark_sending(d.id, now);
    BOOST_TEST(!ws.outbox().recall(d.id));             // only pending decisions can be recalled
    BOOST_TEST(ws.outbox().reset_sending(now) == 1u);  // as after a crash mid-send
    ws.outbox().mark_sending(d.id, now);
    ws.outbox().mark_retry(d.id, "hub unreachable", now + std::chrono::seconds(30), now);
    BOOST_TEST(ws.outbox().due(now).empty());
    BOOST_TEST(ws.outbox().due(now + std::chrono::seconds(30)).size() == 1u);
    BOOST_TEST(ws.outbox().find(d.id)->attempts == 2);
    ws.outbox().mark_rejected(d.id, "reason code withdrawn", now);
    BOOST_TEST((ws.outbox().find(d.id)->state == store::OutboxState::rejected));
    BOOST_TEST(ws.outbox().find(d.id)->hub_message == "reason code withdrawn");

    auto d2 = test::sample_decision();
    d2.id = "3f2b8c1e-9a4d-4e6b-8f1a-000000000002";
    ws.outbox().add(d2, "sig", now);
    BOOST_TEST(ws.outbox().recall(d2.id));
    BOOST_TEST(!ws.outbox().find(d2.id));
    BOOST_CHECK_THROW(ws.outbox().mark_accepted("no-such-id", "", now), store::StoreError);
}

BOOST_AUTO_TEST_CASE(activity_log_chain_detects_edits) {
    test::TempDir dir("jaanch-ws");
    store::Workspace ws(dir.path, shipped());
    const auto now = *parse_timestamp("2026-11-21T06:00:00Z");
    ws.activity().append(now, "vdo.1", "opened", "RJ/JA/2026/100001", "");
    ws.activity().append(now, "vdo.1", "viewed_page", "RJ/JA/2026/100001", "aadhaar p1");
    ws.activity().append(now, "vdo.1", "decided", "RJ/JA/2026/100001", "forward");
    BOOST_TEST(!ws.activity().first_broken());
    BOOST_TEST(ws.activity().entries("RJ/JA/2026/100001").size() == 3u);
    // Edited behind the workspace's back, through a connection of its own, as a tamperer would.
    SQLite::Database tamper(dir.path / "workspace.db", SQLite::OPEN_READWRITE);
    tamper.exec("UPDATE activity_log SET detail = 'aadhaar p2' WHERE seq = 2");
    BOOST_TEST(ws.activity().first_broken().value_or(0) == 2);
    tamper.exec("UPDATE activity_log SET detail = 'aadhaar p1' WHERE seq = 2");
    tamper.exec("DELETE FROM activity_log WHERE seq = 2");
    BOOST_TEST(ws.activity().first_broken().value_or(0) == 3);
}

BOOST_AUTO_TEST_CASE(unusable_databases_give_clear_errors) {
    test::TempDir dir("jaanch-ws");
    { store::Workspace ws(dir.path, shipped()); }
    {
        SQLite::Database db(dir.path / "workspace.db", SQLite::OPEN_READWRITE);
        db.exec("PRAGMA user_version = 99");
    }
    BOOST_CHECK_EXCEPTION(store::Workspace(dir.path, shipped()), store::StoreError,
                          [](const store::StoreError& e) {
                              return std::string(e.what()).find("newer Jaanch") != std::string::npos;
                          });
    test::TempDir garbage("jaanch-ws");
    std::ofstream(garbage.path / "workspace.db") << "this is not a database, just text that is long enough";
    BOOST_CHECK_EXCEPTION(store::Workspace(garbage.path, shipped()), store::StoreError,
                          [](const store::StoreError& e) {
                              return std::string(e.what()).find("workspace.db") != std::string::npos;
                          });
}

BOOST_AUTO_TEST_CASE(document_notes_survive_reopening) {
    test::TempDir dir("jaanch-ws");
    const std::string sha = sha256_hex("doc1");
    {
        store::Workspace ws(dir.path, shipped());
        BOOST_TEST(!ws.document_note(sha, "password"));
        ws.set_document_note(sha, "password", "SANT2001");
        ws.set_document_note(sha, "rotation:2", "90");
        ws.set_document_note(sha, "rotation:2", "180");
    }
    store::Workspace ws(dir.path, shipped());
    BOOST_TEST(ws.document_note(sha, "password").value_or("") == "SANT2001");
    const auto notes = ws.document_notes(sha);
    BOOST_REQUIRE(notes.size() == 2u);
    BOOST_TEST(notes[1].first == "rotation:2");
    BOOST_TEST(notes[1].second == "180");
}

BOOST_AUTO_TEST_CASE(default_dir_follows_xdg) {
    setenv("XDG_DATA_HOME", "/tmp/xdg-test", 1);
    BOOST_TEST(store::Workspace::default_dir("https://hub.ranchi.example:8443/api", "ci.ranchi.1").string() ==
               "/tmp/xdg-test/jaanch/hub.ranchi.example_8443/ci.ranchi.1");
    unsetenv("XDG_DATA_HOME");
}

BOOST_AUTO_TEST_SUITE_END()
