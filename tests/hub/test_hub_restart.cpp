// Durability and the audit chain: a hub killed with SIGKILL right after acknowledging loses nothing; the
// chain verifies, and tampering with one entry is found and named.
#include <boost/test/unit_test.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include "hub/util/crypto_util.h"
#include "hub_world.h"

BOOST_AUTO_TEST_SUITE(restart)

using namespace jaanch::hub::test;
using jaanch::model::Action;

BOOST_AUTO_TEST_CASE(a_killed_hub_loses_nothing_it_acknowledged) {
    World w;
    auto& vdo = w.as("vdo.in");
    std::vector<std::string> answers;
    std::string last_body;
    for (int i = 1; i <= 4; ++i) {
        const std::string number = "RJ/K/" + std::to_string(i);
        BOOST_REQUIRE_EQUAL(w.ingest(number).status, 201);
        if (i == 4)
            break;
        last_body = vdo.body_for(vdo.decision(number, 1, Action::forward));
        const auto r = vdo.post("/v1/decisions", last_body);
        BOOST_REQUIRE_EQUAL(r.status, 201);
        answers.push_back(r.body);
    }
    BOOST_REQUIRE_EQUAL(vdo.post("/v1/applications/" + url_escape("RJ/K/4") + "/claim", "{}").status, 200);
    const Json before = w.health();
    const Json app_before = w.application("vdo.in", "RJ/K/4");
    w.hub.kill_hard();

    w.hub.start();
    w.client = std::make_unique<HttpClient>(w.hub.client());
    w.sessions.clear();  // sessions survive too, but a fresh client needs fresh objects
    BOOST_TEST(w.health() == before);
    BOOST_TEST(w.application("vdo.in", "RJ/K/4") == app_before);
    BOOST_TEST(w.version_of("vdo.in", "RJ/K/3") == 2u);
    // The replay of an acknowledged decision still gets its first answer.
    const auto replay = w.as("vdo.in").post("/v1/decisions", last_body);
    BOOST_TEST(replay.status == 201);
    BOOST_TEST(replay.body == answers.back());
    std::string out;
    BOOST_TEST(w.hub.admin({"audit", "verify"}, &out) == 0, out);
    BOOST_TEST(out.find("intact") != std::string::npos);
    BOOST_TEST(w.hub.stop() == 0);
}

BOOST_AUTO_TEST_CASE(audit_verify_names_the_first_broken_entry) {
    World w;
    BOOST_REQUIRE_EQUAL(w.ingest("RJ/A/1").status, 201);
    auto& vdo = w.as("vdo.in");
    BOOST_REQUIRE_EQUAL(vdo.decide(vdo.decision("RJ/A/1", 1, Action::reject, "RJ-DEL-FORGED")).status, 201);
    BOOST_REQUIRE_EQUAL(w.hub.stop(), 0);
    std::string out;
    BOOST_REQUIRE_EQUAL(w.hub.admin({"audit", "verify"}, &out), 0);
    std::int64_t target = 0;
    {
        SQLite::Database db((w.hub.data() / "hub.sqlite").string(), SQLite::OPEN_READWRITE);
        target = db.execAndGet("SELECT seq FROM audit WHERE action = 'decision'").getInt64();
        // Someone rewrites history: the rejection becomes an approval.
        db.exec(
            "UPDATE audit SET details = replace(details, 'rejected', 'approved') WHERE action = 'decision'");
    }
    BOOST_TEST(w.hub.admin({"audit", "verify"}, &out) == 1);
    BOOST_TEST(out.find("broken at entry " + std::to_string(target)) != std::string::npos, out);
    {
        SQLite::Database db((w.hub.data() / "hub.sqlite").string(), SQLite::OPEN_READWRITE);
        db.exec(
            "UPDATE audit SET details = replace(details, 'approved', 'rejected') WHERE action = 'decision'");
        db.exec("DELETE FROM audit WHERE seq = 2");  // an entry removed breaks the link after it
    }
    BOOST_TEST(w.hub.admin({"audit", "verify"}, &out) == 1);
    BOOST_TEST(out.find("broken at entry 3") != std::string::npos, out);
}

BOOST_AUTO_TEST_SUITE_END()
