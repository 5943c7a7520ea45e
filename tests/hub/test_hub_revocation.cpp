// Revocation that holds, against the real hub process: CRLs added to a running hub (`jaanch-hub crl add`) and
// fetched from the certificates' distribution points over loopback HTTP; revocation judged at the time the
// hub received a decision, not the signing time the officer's machine wrote; unknown revocation status
// refused unless the CA is allowed without a CRL; a stale CRL refused or warned by policy. And separation of
// duties by person: one certificate, one account; two accounts with the same key cannot act at two levels.
// And deciding on an application the officer may not see answers like a read (404), and numbers no double
// holds are a 400, never a 500.
#include <boost/test/unit_test.hpp>

#include <httplib.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <fstream>
#include <mutex>
#include <thread>

#include "crypto/canonical_json.h"
#include "crypto/pkcs12_signer.h"
#include "crypto/verifier.h"
#include "hub/util/crypto_util.h"
#include "hub_world.h"

using namespace jaanch::hub::test;
using jaanch::Timestamp;
using jaanch::model::Action;
namespace crypto = jaanch::crypto;
using namespace std::chrono_literals;

namespace {

const crypto::TestIdentity& identity(const std::string& id) {
    for (const auto& i : shared_pki().officers) {
        if (i.id == id)
            return i;
    }
    throw std::runtime_error("no test identity " + id);
}

std::filesystem::path crl_file(const HubProcess& hub, const std::string& name,
                               const crypto::TestCrlOptions& options) {
    const auto file = hub.data().parent_path() / name;
    crypto::issue_test_crl(shared_pki(), options, file);
    return file;
}

void add_crl(const HubProcess& hub, const std::filesystem::path& file) {
    std::string out;
    BOOST_REQUIRE_MESSAGE(hub.admin({"crl", "add", file.string()}, &out) == 0, out);
}

// A decision body signed with the officer's key at `signing_time` (the time the officer's machine claims).
std::string signed_at(const OfficerSession& s, const jaanch::model::Decision& d, Timestamp signing_time) {
    crypto::Pkcs12Signer signer(identity(s.officer().id).p12, crypto::SecretString(pki_password()));
    const std::string der = signer.sign_at(crypto::canonical_decision_bytes(d), signing_time);
    return Json{{"decision", d}, {"signature", jaanch::hub::base64_encode(der)}}.dump();
}

long audit_count(const HubProcess& hub, const std::string& action) {
    SQLite::Database db((hub.data() / "hub.sqlite").string(), SQLite::OPEN_READONLY);
    SQLite::Statement q(db, "SELECT count(*) FROM audit WHERE action = ?");
    q.bind(1, action);
    q.executeStep();
    return q.getColumn(0).getInt64();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(revocation)

BOOST_AUTO_TEST_CASE(revocation_is_judged_at_receipt_and_a_new_crl_needs_no_restart) {
    World w;
    for (const char* number : {"RJ/REV/1", "RJ/REV/2", "RJ/REV/3"})
        BOOST_REQUIRE_EQUAL(w.ingest(number).status, 201);
    auto& vdo = w.as("vdo.in");
    auto& vdo2 = w.as("vdo.in2");
    const Timestamp now = std::chrono::floor<std::chrono::seconds>(jaanch::now_utc());
    // Signed two hours ago on the officer's machine, sent only now.
    const auto held = vdo.decision("RJ/REV/1", 1, Action::forward);
    const std::string held_body = signed_at(vdo, held, now - 2h);
    BOOST_REQUIRE_EQUAL(vdo2.decide(vdo2.decision("RJ/REV/2", 1, Action::forward)).status, 201);

    // The CA revokes vdo.in's certificate an hour ago; vdo.in2's is listed with a revocation date still to
    // come. Added while the hub runs.
    crypto::TestCrlOptions crl;
    crl.revoked = {{identity("vdo.in").certificate, now - 1h}, {identity("vdo.in2").certificate, now + 1h}};
    crl.this_update = now - 1min;
    add_crl(w.hub, crl_file(w.hub, "revoking.crl.pem", crl));

    // Revoked before the hub received it, though signed before the revocation: refused.
    auto r = vdo.post("/v1/decisions", held_body);
    BOOST_TEST(r.status == 422);
    BOOST_TEST(r.code() == "revoked");
    BOOST_TEST(r.json()["details"]["reason"] == "revoked");
    BOOST_TEST(r.json()["message"].get<std::string>().find("revoked on") != std::string::npos);
    BOOST_TEST(w.version_of("vdo.in2", "RJ/REV/1") == 1u);
    // A revocation dated after receipt does not revoke; what vdo.in2 decided before stays applied.
    BOOST_TEST(vdo2.decide(vdo2.decision("RJ/REV/3", 1, Action::forward)).status == 201);
    BOOST_TEST(w.version_of("vdo.in2", "RJ/REV/2") == 2u);
    BOOST_TEST(audit_count(w.hub, "crl_add") == 1);

    // An older CRL than the one held is not taken.
    crypto::TestCrlOptions older;
    older.this_update = now - 2h;
    std::string out;
    BOOST_TEST(w.hub.admin({"crl", "add", crl_file(w.hub, "older.crl.pem", older).string()}, &out) != 0);
    BOOST_TEST(out.find("older than the one held") != std::string::npos, out);

    // GET /v1/crls lists the one CRL of the sub-CA, for any logged-in officer.
    r = vdo2.get("/v1/crls");
    BOOST_REQUIRE(r.status == 200);
    const auto crls = r.json()["crls"];
    BOOST_REQUIRE(crls.size() == 1u);
    BOOST_TEST(crls[0]["entries"] == 2);
    BOOST_TEST(w.client->request("GET", "/v1/crls").status == 401);
}

BOOST_AUTO_TEST_CASE(unknown_revocation_status_is_refused_unless_the_ca_is_allowed_without_a_crl) {
    HubProcess hub;
    std::filesystem::remove(hub.data() / "crl" / "sub-ca.crl.pem");
    for (const auto& o : world_officers())
        hub.add_officer(o);
    const std::string portal = hub.add_portal();
    hub.start();
    const HttpClient client = hub.client();
    const auto docs = sample_documents("RJ/UNK/1");
    for (const char* number : {"RJ/UNK/1", "RJ/UNK/2"})
        BOOST_REQUIRE_EQUAL(
            client
                .multipart(
                    "/v1/portal/applications",
                    ingest_parts(deletion_application(number, "1001", "rural", "marriage", docs), docs),
                    {bearer(portal)})
                .status,
            201);
    OfficerSession vdo(client, world_officers().front());
    auto r = vdo.decide(vdo.decision("RJ/UNK/1", 1, Action::forward));
    BOOST_TEST(r.status == 422);
    BOOST_TEST(r.code() == "revocation_unknown");
    BOOST_TEST(r.is_error_body());

    std::string out;
    BOOST_REQUIRE_MESSAGE(
        hub.admin({"ca", "allow-without-crl", "--certificate", shared_pki().sub_ca_certificate.string()},
                  &out) == 0,
        out);
    BOOST_TEST(audit_count(hub, "ca_allow_without_crl") == 1);
    BOOST_TEST(vdo.decide(vdo.decision("RJ/UNK/1", 1, Action::forward)).status == 201);
    BOOST_TEST(vdo.get("/v1/crls").json()["allowed_without_crl"].size() == 1u);

    BOOST_REQUIRE(hub.admin({"ca", "require-crl", "--certificate", shared_pki().sub_ca_certificate.string()},
                            &out) == 0);
    r = vdo.decide(vdo.decision("RJ/UNK/2", 1, Action::forward));
    BOOST_TEST(r.code() == "revocation_unknown");
}

BOOST_AUTO_TEST_CASE(a_crl_past_its_next_update_is_refused_or_warned_by_policy) {
    World w;
    for (const char* number : {"RJ/STALE/1", "RJ/STALE/2"})
        BOOST_REQUIRE_EQUAL(w.ingest(number).status, 201);
    const Timestamp now = jaanch::now_utc();
    crypto::TestCrlOptions stale;
    stale.this_update = now - 2min;  // newer than the PKI's, so it replaces it
    stale.next_update = now - 1min;
    add_crl(w.hub, crl_file(w.hub, "stale.crl.pem", stale));
    auto& vdo = w.as("vdo.in");
    auto r = vdo.decide(vdo.decision("RJ/STALE/1", 1, Action::forward));
    BOOST_TEST(r.status == 422);
    BOOST_TEST(r.code() == "revocation_stale");
    BOOST_TEST(r.json()["message"].get<std::string>().find("was due to be replaced") != std::string::npos);

    std::string out;
    BOOST_REQUIRE(w.hub.admin({"crl", "policy", "--stale", "warn"}, &out) == 0);
    BOOST_TEST(vdo.decide(vdo.decision("RJ/STALE/1", 1, Action::forward)).status == 201);
    BOOST_TEST(audit_count(w.hub, "crl_stale") == 1);
    BOOST_TEST(audit_count(w.hub, "crl_stale_policy") == 1);
    std::string verify;
    BOOST_TEST(w.hub.admin({"audit", "verify"}, &verify) == 0, verify);
}

BOOST_AUTO_TEST_CASE(crls_are_fetched_from_the_certificates_distribution_points) {
    // A PKI whose certificates name a CRL served by this test on loopback.
    httplib::Server crl_server;
    std::mutex mutex;
    std::string served;
    crl_server.Get("/sub-ca.crl", [&](const httplib::Request&, httplib::Response& res) {
        std::lock_guard lock(mutex);
        res.set_content(served, "application/pkix-crl");
    });
    const int port = crl_server.bind_to_any_port("127.0.0.1");
    // Bound and listening already: connections queue until the loop below accepts them.
    std::thread serving([&] { crl_server.listen_after_bind(); });

    HubProcess hub;
    crypto::TestPkiOptions options;
    options.out_dir = hub.data().parent_path() / "pki-with-cdp";
    options.with_token = false;
    options.officers = {{"vdo.cdp", "vdo.cdp (TEST)", "VDO", "L1", "VDO", "Rajasthan",
                         "Government of Rajasthan", "Test Department", "302001"}};
    options.crl_url = "http://127.0.0.1:" + std::to_string(port) + "/sub-ca.crl";
    options.password = pki_password();
    const crypto::TestPki pki = crypto::generate_test_pki(options);
    std::filesystem::remove_all(hub.data() / "crl");
    std::filesystem::create_directories(hub.data() / "crl");
    for (const auto& f : std::filesystem::directory_iterator(pki.trust_dir))
        std::filesystem::copy_file(f.path(), hub.data() / "trust" / f.path().filename(),
                                   std::filesystem::copy_options::overwrite_existing);
    auto serve = [&](const crypto::TestCrlOptions& crl) {
        const auto file = hub.data().parent_path() / "served.crl.pem";
        crypto::issue_test_crl(pki, crl, file);
        std::ifstream in(file, std::ios::binary);
        std::lock_guard lock(mutex);
        served.assign(std::istreambuf_iterator<char>(in), {});
        return crypto::check_crl(served, pki.trust_dir).sha256;
    };
    const Timestamp now = std::chrono::floor<std::chrono::seconds>(jaanch::now_utc());
    crypto::TestCrlOptions first;
    first.this_update = now - 10min;
    const std::string first_sha = serve(first);

    std::string out;
    BOOST_REQUIRE_MESSAGE(
        hub.admin({"officer",       "add",       "--forms",       JAANCH_FORMS_DIR,
                   "--id",          "vdo.cdp",   "--name",        "CDP officer",
                   "--role",        "VDO",       "--level",       "L1",
                   "--state",       "08",        "--district",    "110",
                   "--subdistrict", "1001",      "--certificate", pki.officers[0].certificate.string(),
                   "--password",    "pw-vdo.cdp"},
                  &out) == 0,
        out);
    const std::string portal = hub.add_portal();
    hub.start({"--crl-fetch-interval", "1"});
    const HttpClient client = hub.client();
    const TestOfficer officer{"vdo.cdp", "VDO", "L1", "110", "1001", false, pki.officers[0].p12};
    OfficerSession vdo(client, officer);
    // Waits (bounded) until the hub's CRL list shows the CRL with `sha`.
    auto hub_holds = [&](const std::string& sha) {
        for (int i = 0; i < 600; ++i) {
            const auto r = vdo.get("/v1/crls");
            if (r.status == 200 && r.json()["crls"].size() == 1u && r.json()["crls"][0]["sha256"] == sha)
                return true;
            std::this_thread::sleep_for(100ms);
        }
        return false;
    };
    BOOST_REQUIRE(hub_holds(first_sha));
    const auto docs = sample_documents("RJ/CDP/1");
    for (const char* number : {"RJ/CDP/1", "RJ/CDP/2"})
        BOOST_REQUIRE_EQUAL(
            client
                .multipart(
                    "/v1/portal/applications",
                    ingest_parts(deletion_application(number, "1001", "rural", "marriage", docs), docs),
                    {bearer(portal)})
                .status,
            201);
    BOOST_TEST(vdo.decide(vdo.decision("RJ/CDP/1", 1, Action::forward)).status == 201);

    crypto::TestCrlOptions second;
    second.this_update = now - 1min;
    second.revoked = {{pki.officers[0].certificate, now - 2min}};
    BOOST_REQUIRE(hub_holds(serve(second)));
    const auto r = vdo.decide(vdo.decision("RJ/CDP/2", 1, Action::forward));
    BOOST_TEST(r.status == 422);
    BOOST_TEST(r.code() == "revoked");
    BOOST_TEST(audit_count(hub, "crl_add") >= 2);
    hub.stop();
    crl_server.stop();
    serving.join();
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(people)

BOOST_AUTO_TEST_CASE(one_certificate_is_registered_to_one_active_account) {
    HubProcess hub;
    hub.add_officer({"vdo.in", "VDO", "L1", "110", "1001", false, {}});
    std::string out;
    const auto words = [&](const std::string& id, const std::string& cert) {
        return std::vector<std::string>{"officer",       "add",     "--forms",       JAANCH_FORMS_DIR,
                                        "--id",          id,        "--name",        id,
                                        "--role",        "BSO",     "--level",       "L2",
                                        "--state",       "08",      "--district",    "110",
                                        "--subdistrict", "1001",    "--certificate", cert,
                                        "--password",    "pw-" + id};
    };
    // A second account with vdo.in's DSC is refused; the same officer replacing their own record is not.
    BOOST_TEST(hub.admin(words("bso.twin", identity("vdo.in").certificate.string()), &out) != 0);
    BOOST_TEST(out.find("already registered to officer vdo.in") != std::string::npos, out);
    auto replace = words("vdo.in", identity("vdo.in").certificate.string());
    replace.push_back("--replace");
    BOOST_TEST(hub.admin(replace, &out) == 0, out);
    // Once vdo.in's account is disabled, their DSC may go to a new account.
    BOOST_REQUIRE(hub.admin({"officer", "disable", "--id", "vdo.in"}, &out) == 0);
    BOOST_TEST(hub.admin(words("bso.twin", identity("vdo.in").certificate.string()), &out) == 0, out);
}

BOOST_AUTO_TEST_CASE(two_accounts_with_one_key_cannot_act_at_two_levels) {
    World w;
    BOOST_REQUIRE_EQUAL(w.ingest("RJ/TWIN/1").status, 201);
    auto& vdo = w.as("vdo.in");
    BOOST_REQUIRE_EQUAL(vdo.decide(vdo.decision("RJ/TWIN/1", 1, Action::forward)).status, 201);
    // The history says who signed by certificate and key.
    const auto history = w.application("bso.in", "RJ/TWIN/1")["application"]["history"];
    BOOST_REQUIRE(history.size() == 1u);
    BOOST_TEST(history[0]["signer_certificate_sha256"] == identity("vdo.in").certificate_sha256);
    BOOST_TEST(history[0]["signer_key_sha256"].get<std::string>().size() == 64u);

    // bso.in's account is given vdo.in's certificate behind the hub's back (as before the one-account rule).
    {
        std::ifstream in(identity("vdo.in").certificate);
        const std::string pem((std::istreambuf_iterator<char>(in)), {});
        SQLite::Database db((w.hub.data() / "hub.sqlite").string(), SQLite::OPEN_READWRITE);
        SQLite::Statement q(db,
                            "UPDATE officers SET certificate_pem = ?, body = json_set(body, "
                            "'$.certificate_sha256', ?) WHERE id = 'bso.in'");
        q.bind(1, pem);
        q.bind(2, identity("vdo.in").certificate_sha256);
        BOOST_REQUIRE(q.exec() == 1);
    }
    TestOfficer twin{"bso.in", "BSO", "L2", "110", "1001", false, identity("vdo.in").p12};
    OfficerSession bso(*w.client, twin);
    const auto r = bso.decide(bso.decision("RJ/TWIN/1", 2, Action::reject, "RJ-DEL-NOT-MEMBER"));
    BOOST_TEST(r.status == 403);
    BOOST_TEST(r.code() == "separation_of_duties");
    BOOST_TEST(r.json()["message"].get<std::string>().find("as officer vdo.in") != std::string::npos);
    BOOST_TEST(w.version_of("bso.in", "RJ/TWIN/1") == 2u);
    // Another person at L2 may act.
    BOOST_TEST(w.as("sdo.in")
                   .decide(w.as("sdo.in").decision("RJ/TWIN/1", 2, Action::reject, "RJ-DEL-NOT-MEMBER"))
                   .status != 403);
}

BOOST_AUTO_TEST_CASE(deciding_on_an_application_one_may_not_see_is_not_found) {
    World w;
    BOOST_REQUIRE_EQUAL(w.ingest("RJ/HIDE/1", "1002").status, 201);  // vdo.out's sub-district
    auto& vdo = w.as("vdo.in");
    const auto read = vdo.get("/v1/applications/" + url_escape("RJ/HIDE/1"));
    const auto decided = vdo.decide(vdo.decision("RJ/HIDE/1", 1, Action::forward));
    const auto missing = vdo.decide(vdo.decision("RJ/HIDE/404", 1, Action::forward));
    for (const auto* r : {&read, &decided, &missing}) {
        BOOST_TEST(r->status == 404);
        BOOST_TEST(r->code() == "not_found");
    }
    BOOST_TEST(decided.json()["message"] == "There is no application RJ/HIDE/1 that you may see.");
    BOOST_TEST(w.version_of("vdo.out", "RJ/HIDE/1") == 1u);
}

BOOST_AUTO_TEST_CASE(numbers_no_double_holds_are_a_client_error) {
    World w;
    BOOST_REQUIRE_EQUAL(w.ingest("RJ/BIG/1").status, 201);
    auto& vdo = w.as("vdo.in");
    const std::string huge(10000, '7');
    Json decision = vdo.decision("RJ/BIG/1", 1, Action::forward);
    std::string body = Json{{"decision", decision}, {"signature", "AAAA"}}.dump();
    const auto version = body.find("\"application_version\":1");
    BOOST_REQUIRE(version != std::string::npos);
    for (const std::string& number : {std::string("1e999999"), huge, std::string("-1e400")}) {
        std::string sent = body;
        sent.replace(version, 23, "\"application_version\":" + number);
        for (const auto& [path, text] : std::vector<std::pair<std::string, std::string>>{
                 {"/v1/decisions", sent},
                 {"/v1/sessions", "{\"user\":\"vdo.in\",\"password\":\"x\",\"totp\":" + number + "}"},
                 {"/v1/applications/" + url_escape("RJ/BIG/1") + "/claim", "{\"minutes\":" + number + "}"}}) {
            const auto r = vdo.post(path, text);
            BOOST_TEST_CONTEXT(path << " " << number.substr(0, 12)) {
                BOOST_TEST((r.status == 400 || r.status == 422));
                BOOST_TEST(r.is_error_body());
                BOOST_TEST(r.json()["message"].get<std::string>().find("too large") != std::string::npos);
            }
        }
    }
    BOOST_TEST(w.hub.alive());
}

BOOST_AUTO_TEST_SUITE_END()
