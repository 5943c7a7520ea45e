// The role matrix: each role × each action × inside and outside its jurisdiction, wrong level, wrong role for
// the area, and separation of duties, against a real jaanch-hub. Expectations are written out from the Jan
// Aadhaar member-deletion definition (forms/rj.jan-aadhaar-member-deletion.json), not computed by the code
// under test.
#include <boost/test/unit_test.hpp>

#include <set>

#include "hub_world.h"

BOOST_AUTO_TEST_SUITE(roles)

using namespace jaanch::hub::test;
using jaanch::model::Action;

namespace {

// Actions each level of the service offers for a deletion for "marriage" (the L2 → DC route is mandatory, so
// L2 cannot approve but must escalate).
const std::map<std::string, std::set<Action>> kAllowed{
    {"L1", {Action::forward, Action::reject, Action::return_to_applicant}},
    {"L2", {Action::reject, Action::send_back, Action::escalate}},
    {"DC", {Action::approve, Action::reject, Action::send_back}},
};

struct Step {
    std::string reason;
    std::string remark;
};

Step inputs_for(Action a) {
    switch (a) {
        case Action::reject:
            return {"RJ-DEL-NOT-MEMBER", ""};
        case Action::return_to_applicant:
            return {"RJ-DEL-DOC-MISSING", "Please attach the marriage certificate."};
        case Action::send_back:
            return {"", "Verify the family register again."};
        case Action::escalate:
            return {"", "Recommended: marriage certificate checked."};
        default:
            return {"", ""};
    }
}

jaanch::hub::test::HttpResponse act(World& w, const std::string& officer, const std::string& number,
                                    std::uint64_t version, Action a) {
    const Step s = inputs_for(a);
    auto& session = w.as(officer);
    return session.decide(session.decision(number, version, a, s.reason, s.remark));
}

// Brings a fresh application to `level`; returns its version there.
std::uint64_t bring_to(World& w, const std::string& number, const std::string& level, bool urban) {
    BOOST_REQUIRE_EQUAL(w.ingest(number, "1001", urban ? "urban" : "rural").status, 201);
    std::uint64_t version = 1;
    if (level == "L1")
        return version;
    BOOST_REQUIRE_EQUAL(act(w, urban ? "eo.in" : "vdo.in", number, version++, Action::forward).status, 201);
    if (level == "L2")
        return version;
    BOOST_REQUIRE_EQUAL(act(w, urban ? "sdo.in" : "bso.in", number, version++, Action::escalate).status, 201);
    return version;
}

struct Case {
    std::string in;
    std::string out;  // same role and level, another jurisdiction; empty when the world has none
    std::string level;
    bool urban;
};

}  // namespace

BOOST_AUTO_TEST_CASE(role_matrix_each_role_action_and_jurisdiction) {
    World w;
    const std::vector<Case> cases{{"vdo.in", "vdo.out", "L1", false},
                                  {"eo.in", "", "L1", true},
                                  {"bso.in", "bso.out", "L2", false},
                                  {"sdo.in", "", "L2", true},
                                  {"dc.in", "dc.out", "DC", false}};
    int n = 0;
    for (const auto& c : cases) {
        for (Action a : jaanch::model::all_actions()) {
            const std::string number = "RJ/MATRIX/" + std::to_string(++n);
            const std::string label = c.in + " " + std::string(jaanch::model::action_name(a)) + " " + number;
            const std::uint64_t version = bring_to(w, number, c.level, c.urban);
            if (!c.out.empty()) {
                const auto r = act(w, c.out, number, version, a);
                BOOST_TEST_CONTEXT(label + " outside") {
                    // Outside the jurisdiction the application is not seen: a decision answers as a read.
                    BOOST_TEST(r.status == 404);
                    BOOST_TEST(r.code() == "not_found");
                    BOOST_TEST(r.is_error_body());
                }
            }
            const auto r = act(w, c.in, number, version, a);
            BOOST_TEST_CONTEXT(label + " inside: " + r.body) {
                if (kAllowed.at(c.level).contains(a)) {
                    BOOST_TEST(r.status == 201);
                    BOOST_TEST(r.json()["application"]["version"].get<std::uint64_t>() == version + 1);
                } else {
                    BOOST_TEST(r.status == 422);
                    BOOST_TEST(r.code() == "action_not_allowed");
                    BOOST_TEST(w.version_of(c.in, number) == version);  // a refusal changes nothing
                }
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(wrong_level_wrong_role_and_death_route) {
    World w;
    // At L1: BSO and the Collector (a level it never reached) and EO (urban role on a rural application) do
    // not see it, so their decisions answer 404 like a read.
    bring_to(w, "RJ/WL/1", "L1", false);
    auto r = act(w, "bso.in", "RJ/WL/1", 1, Action::reject);
    BOOST_TEST(r.status == 404);
    BOOST_TEST(r.code() == "not_found");
    r = act(w, "eo.in", "RJ/WL/1", 1, Action::forward);
    BOOST_TEST(r.status == 404);
    BOOST_TEST(r.code() == "not_found");
    r = act(w, "dc.in", "RJ/WL/1", 1, Action::approve);
    BOOST_TEST(r.status == 404);
    BOOST_TEST(r.code() == "not_found");
    // A decision naming another officer than the one logged in.
    auto& vdo = w.as("vdo.in");
    auto d = vdo.decision("RJ/WL/1", 1, Action::forward);
    d.officer = "vdo.in2";
    r = vdo.decide(d);
    BOOST_TEST(r.status == 403);
    BOOST_TEST(r.code() == "not_the_officer");
    // A deletion for death: L2 approves itself, and may not escalate.
    BOOST_REQUIRE_EQUAL(w.ingest("RJ/DEATH/1", "1001", "rural", "death").status, 201);
    BOOST_REQUIRE_EQUAL(act(w, "vdo.in", "RJ/DEATH/1", 1, Action::forward).status, 201);
    r = act(w, "bso.in", "RJ/DEATH/1", 2, Action::escalate);
    BOOST_TEST(r.status == 422);
    BOOST_TEST(r.code() == "action_not_allowed");
    r = act(w, "bso.in", "RJ/DEATH/1", 2, Action::approve);
    BOOST_TEST(r.status == 201);
    BOOST_TEST(r.json()["application"]["status"] == "approved");
    // A finished application accepts nothing more: 409.
    r = act(w, "bso.in", "RJ/DEATH/1", 3, Action::reject);
    BOOST_TEST(r.status == 409);
    BOOST_TEST(r.code() == "not_pending");
}

BOOST_AUTO_TEST_CASE(a_decision_on_a_level_the_application_left_is_a_conflict_not_a_refusal) {
    World w;
    bring_to(w, "RJ/MOVED/1", "L1", false);
    // Two VDOs saw version 1 at L1; vdo.in's forward lands first and moves it to L2.
    BOOST_REQUIRE_EQUAL(act(w, "vdo.in", "RJ/MOVED/1", 1, Action::forward).status, 201);
    auto r = act(w, "vdo.in2", "RJ/MOVED/1", 1, Action::reject);
    BOOST_TEST_CONTEXT(r.body) {
        BOOST_TEST(r.status == 409);
        BOOST_TEST(r.code() == "moved_on");
        BOOST_TEST(r.json()["message"].get<std::string>().find("moved on since you saw it") !=
                   std::string::npos);
        BOOST_TEST(r.json()["details"]["application_version"] == 2);
        BOOST_TEST(r.json()["details"]["current_level"] == "L2");
        BOOST_TEST(r.json()["details"]["status"] == "pending");
    }
    BOOST_TEST(w.version_of("bso.in", "RJ/MOVED/1") == 2u);  // nothing applied
    // Still refusals, not races: outside the jurisdiction and a level the application never reached (not
    // seen: 404, telling nothing of where it is), and the current version at the wrong level.
    r = act(w, "vdo.out", "RJ/MOVED/1", 1, Action::forward);
    BOOST_TEST(r.status == 404);
    BOOST_TEST(r.code() == "not_found");
    BOOST_TEST(!r.json()["details"].contains("current_level"));
    r = act(w, "dc.in", "RJ/MOVED/1", 1, Action::approve);
    BOOST_TEST(r.status == 404);
    BOOST_TEST(r.code() == "not_found");
    r = act(w, "vdo.in2", "RJ/MOVED/1", 2, Action::forward);
    BOOST_TEST(r.status == 403);
    BOOST_TEST(r.code() == "wrong_level");
    // Sent back to L1 and decided there again: the first-level officer's old decision is stale, still 409.
    BOOST_REQUIRE_EQUAL(act(w, "bso.in", "RJ/MOVED/1", 2, Action::send_back).status, 201);
    r = act(w, "vdo.in2", "RJ/MOVED/1", 1, Action::forward);
    BOOST_TEST(r.status == 409);
    BOOST_TEST(r.code() == "stale_version");
    BOOST_TEST(r.json()["details"]["current_level"] == "L1");
}

BOOST_AUTO_TEST_CASE(separation_of_duties_after_a_promotion) {
    World w;
    bring_to(w, "RJ/SOD/1", "L1", false);
    BOOST_REQUIRE_EQUAL(act(w, "vdo.in2", "RJ/SOD/1", 1, Action::forward).status, 201);
    // vdo.in2 is promoted to BSO at L2 (same login, same certificate) while the hub runs.
    TestOfficer promoted{"vdo.in2", "BSO", "L2", "110", "1001", false, {}};
    w.hub.add_officer(promoted, "", true);
    OfficerSession as_bso(*w.client, promoted);
    const auto d = as_bso.decision("RJ/SOD/1", 2, Action::reject, "RJ-DEL-NOT-MEMBER");
    const auto r = as_bso.decide(d);
    BOOST_TEST(r.status == 403);
    BOOST_TEST(r.code() == "separation_of_duties");
    // Another BSO may act.
    BOOST_TEST(act(w, "bso.in", "RJ/SOD/1", 2, Action::reject).status == 201);
}

BOOST_AUTO_TEST_SUITE_END()
