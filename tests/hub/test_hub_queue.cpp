// Queue visibility and cursors, claims, idempotent decisions, signature checks and the portal export.
#include <boost/test/unit_test.hpp>

#include <set>

#include "hub/util/crypto_util.h"
#include "hub_world.h"

BOOST_AUTO_TEST_SUITE(queue)

using namespace jaanch::hub::test;
using jaanch::model::Action;

namespace {

std::set<std::string> queue_numbers(OfficerSession& s, int limit = 100) {
    std::set<std::string> out;
    std::string cursor;
    for (int pages = 0; pages < 100; ++pages) {
        const auto r =
            s.get("/v1/queue?limit=" + std::to_string(limit) + (cursor.empty() ? "" : "&cursor=" + cursor));
        BOOST_REQUIRE_EQUAL(r.status, 200);
        const Json page = r.json();
        for (const auto& e : page["entries"]) {
            const std::string number = e["application"]["number"];
            BOOST_TEST(out.insert(number).second, "no duplicate across pages: " + number);
        }
        cursor = page["cursor"];
        if (!page["more"].get<bool>())
            break;
    }
    return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(queue_shows_what_each_officer_may_see_with_a_stable_cursor) {
    World w;
    for (int i = 1; i <= 5; ++i)
        BOOST_REQUIRE_EQUAL(w.ingest("RJ/Q/R" + std::to_string(i)).status, 201);
    BOOST_REQUIRE_EQUAL(w.ingest("RJ/Q/U1", "1001", "urban").status, 201);
    BOOST_REQUIRE_EQUAL(w.ingest("RJ/Q/O1", "1002", "rural").status, 201);

    const std::set<std::string> rural{"RJ/Q/R1", "RJ/Q/R2", "RJ/Q/R3", "RJ/Q/R4", "RJ/Q/R5"};
    BOOST_TEST(queue_numbers(w.as("vdo.in"), 2) == rural);  // three pages of 2
    BOOST_TEST(queue_numbers(w.as("eo.in")) == std::set<std::string>{"RJ/Q/U1"});
    BOOST_TEST(queue_numbers(w.as("vdo.out")) == std::set<std::string>{"RJ/Q/O1"});
    BOOST_TEST(queue_numbers(w.as("bso.in")).empty());
    BOOST_TEST(queue_numbers(w.as("dc.in")).empty());

    // The change feed: after a cursor, only what changed since.
    auto& vdo = w.as("vdo.in");
    const std::string cursor = vdo.get("/v1/queue").json()["cursor"];
    BOOST_REQUIRE_EQUAL(vdo.decide(vdo.decision("RJ/Q/R2", 1, Action::forward)).status, 201);
    const Json after = vdo.get("/v1/queue?cursor=" + cursor).json();
    BOOST_REQUIRE_EQUAL(after["entries"].size(), 1u);
    BOOST_TEST(after["entries"][0]["application"]["number"] == "RJ/Q/R2");
    BOOST_TEST(after["entries"][0]["actionable"] == false);  // acted on: still visible, no longer to do
    // Forwarded to L2: the BSO of the block sees it, actionable, with the actions offered.
    const Json bso = w.as("bso.in").get("/v1/queue").json();
    BOOST_REQUIRE_EQUAL(bso["entries"].size(), 1u);
    BOOST_TEST(bso["entries"][0]["actionable"] == true);
    BOOST_TEST(bso["entries"][0]["allowed_actions"].dump() == R"(["reject","send_back","escalate"])");
    // Nobody outside sees it.
    BOOST_TEST(w.as("bso.out").get("/v1/queue").json()["entries"].empty());
    BOOST_TEST(w.as("vdo.out").get("/v1/applications/" + url_escape("RJ/Q/R2")).status == 404);
}

BOOST_AUTO_TEST_CASE(claims_are_exclusive_expire_and_can_be_taken_over_by_a_supervisor) {
    World w;
    BOOST_REQUIRE_EQUAL(w.ingest("RJ/C/1").status, 201);
    const std::string path = "/v1/applications/" + url_escape("RJ/C/1") + "/claim";
    auto& vdo = w.as("vdo.in");
    auto& supervisor = w.as("vdo.in2");
    auto r = vdo.post(path, R"({"minutes": 10})");
    BOOST_TEST(r.status == 200);
    BOOST_TEST(r.json()["officer"] == "vdo.in");
    r = supervisor.post(path, "{}");
    BOOST_TEST(r.status == 409);
    BOOST_TEST(r.code() == "claimed");
    BOOST_TEST(r.json()["details"]["officer"] == "vdo.in");
    // Someone else cannot decide while the claim holds.
    r = supervisor.decide(supervisor.decision("RJ/C/1", 1, Action::forward));
    BOOST_TEST(r.status == 409);
    BOOST_TEST(r.code() == "claimed");
    BOOST_TEST(w.as("vdo.out").post(path, "{}").status == 404);
    // A supervisor takes it over; a non-supervisor cannot take it back.
    r = supervisor.post(path, R"({"takeover": true})");
    BOOST_TEST(r.status == 200);
    BOOST_TEST(r.json()["officer"] == "vdo.in2");
    r = vdo.post(path, R"({"takeover": true})");
    BOOST_TEST(r.status == 403);
    BOOST_TEST(r.code() == "not_supervisor");
    BOOST_TEST(vdo.del(path).status == 403);
    BOOST_TEST(supervisor.del(path).status == 204);
    // Released: the first officer decides, which also ends any claim.
    BOOST_TEST(vdo.post(path, "{}").status == 200);
    BOOST_TEST(vdo.decide(vdo.decision("RJ/C/1", 1, Action::forward)).status == 201);
    BOOST_TEST(w.application("bso.in", "RJ/C/1")["claim"].is_null());
    BOOST_TEST(vdo.post(path, R"({"minutes": 0})").code() == "invalid_request");
}

BOOST_AUTO_TEST_CASE(decisions_are_idempotent_and_versions_checked) {
    World w;
    BOOST_REQUIRE_EQUAL(w.ingest("RJ/I/1").status, 201);
    auto& vdo = w.as("vdo.in");
    const auto d = vdo.decision("RJ/I/1", 1, Action::forward, "", "Documents in order.");
    const std::string body = vdo.body_for(d);
    const auto first = vdo.post("/v1/decisions", body);
    const auto second = vdo.post("/v1/decisions", body);
    BOOST_TEST(first.status == 201);
    BOOST_TEST(second.status == 201);
    BOOST_TEST(second.body == first.body);
    BOOST_TEST(second.headers.at("idempotent-replay") == "true");
    BOOST_TEST(w.version_of("vdo.in", "RJ/I/1") == 2u);  // applied once
    // The same id for another decision is refused.
    auto other = vdo.decision("RJ/I/1", 2, Action::reject, "RJ-DEL-FORGED");
    other.id = d.id;
    BOOST_TEST(vdo.decide(other).code() == "decision_id_reused");
    // A stale version is a conflict.
    BOOST_REQUIRE_EQUAL(w.ingest("RJ/I/2").status, 201);
    const auto stale = vdo.decide(vdo.decision("RJ/I/2", 7, Action::forward));
    BOOST_TEST(stale.status == 409);
    BOOST_TEST(stale.code() == "stale_version");
    // An invalid reason is 422.
    const auto bad_reason = vdo.decide(vdo.decision("RJ/I/2", 1, Action::reject, "NOT-A-CODE"));
    BOOST_TEST(bad_reason.status == 422);
    BOOST_TEST(bad_reason.code() == "invalid_reason");
}

BOOST_AUTO_TEST_CASE(signatures_are_verified_against_the_registered_certificate_and_the_trust_anchors) {
    World w;
    const auto& pki = shared_pki();
    w.hub.add_officer({"vdo.expired", "VDO", "L1", "110", "1001", false, pki.expired.p12}, "expired");
    w.hub.add_officer({"vdo.revoked", "VDO", "L1", "110", "1001", false, pki.revoked.p12}, "revoked");
    w.hub.add_officer({"vdo.rogue", "VDO", "L1", "110", "1001", false, pki.untrusted.p12}, "untrusted");
    BOOST_REQUIRE_EQUAL(w.ingest("RJ/S/1").status, 201);

    auto& vdo = w.as("vdo.in");
    // Altered after signing.
    auto d = vdo.decision("RJ/S/1", 1, Action::forward, "", "original");
    Json body = Json::parse(vdo.body_for(d));
    body["decision"]["remark"] = "altered";
    auto r = vdo.post("/v1/decisions", body.dump());
    BOOST_TEST(r.status == 422);
    BOOST_TEST(r.code() == "bad_signature");
    BOOST_TEST(r.json()["details"]["reason"] == "content_mismatch");
    // Signed with another officer's valid certificate.
    OfficerSession impostor(*w.client, {"vdo.in", "VDO", "L1", "110", "1001", false, pki.officers[1].p12});
    r = impostor.decide(impostor.decision("RJ/S/1", 1, Action::forward));
    BOOST_TEST(r.status == 422);
    BOOST_TEST(r.json()["details"]["reason"] == "not_registered");
    // Expired, revoked, untrusted certificates, even when registered.
    for (const auto& [id, reason] : std::vector<std::pair<std::string, std::string>>{
             {"vdo.expired", "outside_validity"}, {"vdo.revoked", "revoked"}, {"vdo.rogue", "untrusted"}}) {
        const auto& p12 = id == "vdo.expired"   ? pki.expired.p12
                          : id == "vdo.revoked" ? pki.revoked.p12
                                                : pki.untrusted.p12;
        OfficerSession s(*w.client, {id, "VDO", "L1", "110", "1001", false, p12});
        r = s.decide(s.decision("RJ/S/1", 1, Action::forward));
        BOOST_TEST_CONTEXT(id) {
            BOOST_TEST(r.status == 422);
            BOOST_TEST(r.json()["details"]["reason"] == reason);
        }
    }
    // Garbage instead of a signature.
    r = vdo.post("/v1/decisions", Json{{"decision", vdo.decision("RJ/S/1", 1, Action::forward)},
                                       {"signature", jaanch::hub::base64_encode("not a CMS structure")}}
                                      .dump());
    BOOST_TEST(r.status == 422);
    BOOST_TEST(w.version_of("vdo.in", "RJ/S/1") == 1u);
    BOOST_TEST(vdo.decide(vdo.decision("RJ/S/1", 1, Action::forward)).status == 201);
}

BOOST_AUTO_TEST_CASE(portal_exports_decisions_with_signatures_since_a_cursor) {
    World w;
    auto& vdo = w.as("vdo.in");
    for (int i = 1; i <= 3; ++i) {
        const std::string number = "RJ/E/" + std::to_string(i);
        BOOST_REQUIRE_EQUAL(w.ingest(number).status, 201);
        BOOST_REQUIRE_EQUAL(vdo.decide(vdo.decision(number, 1, Action::forward)).status, 201);
    }
    const auto key = bearer(w.portal_key);
    auto r = w.client->request("GET", "/v1/portal/decisions?limit=2", "", {key});
    BOOST_REQUIRE_EQUAL(r.status, 200);
    Json page = r.json();
    BOOST_TEST(page["decisions"].size() == 2u);
    BOOST_TEST(page["more"] == true);
    const Json first = page["decisions"][0];
    BOOST_TEST(first["application"] == "RJ/E/1");
    BOOST_TEST(first["outcome"]["application"]["current_level"] == "L2");
    const auto der = jaanch::hub::base64_decode(first["signature"].get<std::string>());
    BOOST_REQUIRE(der.has_value());
    BOOST_TEST(jaanch::hub::sha256_hex(*der) == first["outcome"]["signature_sha256"].get<std::string>());
    r = w.client->request("GET", "/v1/portal/decisions?cursor=" + page["cursor"].get<std::string>(), "",
                          {key});
    page = r.json();
    BOOST_TEST(page["decisions"].size() == 1u);
    BOOST_TEST(page["decisions"][0]["application"] == "RJ/E/3");
    BOOST_TEST(page["more"] == false);
    // Officers' tokens are not portal keys.
    BOOST_TEST(w.client->request("GET", "/v1/portal/decisions", "", {bearer(vdo.token())}).status == 401);
}

BOOST_AUTO_TEST_SUITE_END()
