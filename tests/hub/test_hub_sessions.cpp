// Sessions: log-in, TOTP, lock-out, expiry, log-out, disabled accounts; and the unit pieces behind them.
#include <boost/test/unit_test.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include "hub/auth/password.h"
#include "hub/auth/totp.h"
#include "hub/util/crypto_util.h"
#include "hub_world.h"

BOOST_AUTO_TEST_SUITE(sessions)

using namespace jaanch::hub::test;
namespace hub = jaanch::hub;

namespace {

HttpResponse login(World& w, const std::string& user, const std::string& password,
                   const std::string& totp = "") {
    Json body{{"user", user}, {"password", password}};
    if (!totp.empty())
        body["totp"] = totp;
    return w.client->request("POST", "/v1/sessions", body.dump(), {"Content-Type: application/json"});
}

}  // namespace

BOOST_AUTO_TEST_CASE(rfc6238_test_vectors_and_encodings) {
    // RFC 6238 Appendix B, SHA-1, 8 digits, key "12345678901234567890".
    const std::string key = "12345678901234567890";
    BOOST_TEST(hub::totp_at(key, 59, 8) == "94287082");
    BOOST_TEST(hub::totp_at(key, 1111111109, 8) == "07081804");
    BOOST_TEST(hub::totp_at(key, 2000000000, 8) == "69279037");
    BOOST_TEST(hub::hotp(key, 0) == "755224");  // RFC 4226 Appendix D
    BOOST_TEST(hub::totp_match(key, hub::totp_at(key, 1000), 1000 + 29).has_value());
    BOOST_TEST(!hub::totp_match(key, hub::totp_at(key, 1000), 1000 + 95).has_value());
    BOOST_TEST(*hub::base32_decode(hub::base32_encode(key)) == key);
    BOOST_TEST(hub::base32_encode("foobar") == "MZXW6YTBOI======");  // RFC 4648 §10
    BOOST_TEST(!hub::base64_decode("abc").has_value());
    BOOST_TEST(*hub::base64_decode(hub::base64_encode("\x01\x02\xff")) == "\x01\x02\xff");
}

BOOST_AUTO_TEST_CASE(passwords_are_salted_pbkdf2_with_the_cost_in_the_hash) {
    const std::string a = hub::hash_password("correct horse", 1000);
    const std::string b = hub::hash_password("correct horse", 1000);
    BOOST_TEST(a != b);
    BOOST_TEST(a.rfind("pbkdf2-sha256$1000$", 0) == 0u);
    BOOST_TEST(hub::verify_password("correct horse", a));
    BOOST_TEST(!hub::verify_password("correct horsE", a));
    BOOST_TEST(!hub::verify_password("correct horse", "pbkdf2-sha256$10$AAAA$AAAA"));
    BOOST_CHECK_THROW(hub::hash_password("x", 999), jaanch::Error);
    BOOST_TEST(hub::kDefaultPbkdf2Iterations == 600000);
}

BOOST_AUTO_TEST_CASE(login_totp_lockout_expiry_and_logout) {
    World w;
    const std::string secret = "JBSWY3DPEHPK3PXPJBSWY3DP";
    std::string out;
    BOOST_REQUIRE_EQUAL(w.hub.admin({"officer", "add", "--forms", JAANCH_FORMS_DIR, "--id", "eo.totp",
                                     "--name", "Kavita", "--role", "EO", "--level", "L1", "--state", "08",
                                     "--password", "pw-eo.totp", "--totp-secret", secret},
                                    &out),
                        0);
    auto r = login(w, "eo.totp", "pw-eo.totp");
    BOOST_TEST(r.status == 401);
    BOOST_TEST(r.code() == "totp_required");
    const auto key = *hub::base32_decode(secret);
    const std::string code = hub::totp_at(key, jaanch::now_utc().time_since_epoch().count());
    r = login(w, "eo.totp", "pw-eo.totp", code);
    BOOST_TEST(r.status == 201);
    r = login(w, "eo.totp", "pw-eo.totp", code);  // a code works once
    BOOST_TEST(r.code() == "invalid_totp");

    // Lock-out after five failures; then even the right password is refused, with Retry-After.
    for (int i = 0; i < 4; ++i)
        BOOST_TEST(login(w, "vdo.out", "wrong password").code() == "invalid_credentials");
    r = login(w, "vdo.out", "wrong password");
    BOOST_TEST(r.status == 429);
    BOOST_TEST(r.code() == "account_locked");
    r = login(w, "vdo.out", "pw-vdo.out");
    BOOST_TEST(r.status == 429);
    BOOST_TEST(std::stoi(r.headers.at("retry-after")) > 800);
    BOOST_TEST(r.is_error_body());
    BOOST_TEST(login(w, "nobody", "whatever").code() == "invalid_credentials");

    // Expiry: the session row says when; the hub refuses a token past it.
    auto& vdo = w.as("vdo.in");
    BOOST_TEST(vdo.get("/v1/me").status == 200);
    {
        SQLite::Database db((w.hub.data() / "hub.sqlite").string(), SQLite::OPEN_READWRITE);
        db.setBusyTimeout(5000);
        SQLite::Statement q(db, "UPDATE sessions SET expires_at = 1000 WHERE token_sha256 = ?");
        q.bind(1, hub::sha256_hex(vdo.token()));
        BOOST_REQUIRE_EQUAL(q.exec(), 1);
    }
    r = vdo.get("/v1/queue");
    BOOST_TEST(r.status == 401);
    BOOST_TEST(r.code() == "token_expired");

    // Log-out ends the session.
    auto& bso = w.as("bso.in");
    BOOST_TEST(bso.del("/v1/sessions/current").status == 204);
    BOOST_TEST(bso.get("/v1/me").code() == "invalid_token");

    // Disabling an officer stops their sessions at once.
    auto& dc = w.as("dc.in");
    BOOST_REQUIRE_EQUAL(w.hub.admin({"officer", "disable", "--id", "dc.in"}), 0);
    BOOST_TEST(dc.get("/v1/me").code() == "account_disabled");
    BOOST_TEST(login(w, "dc.in", "pw-dc.in").status == 403);
    BOOST_REQUIRE_EQUAL(w.hub.admin({"officer", "list"}, &out), 0);
    BOOST_TEST(out.find("disabled") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
