// A generated corpus of malformed requests: every answer is a 4xx with the JSON error body, the hub stays up,
// and nothing in the data changes.
#include <boost/test/unit_test.hpp>

#include "hub/util/crypto_util.h"
#include "hub_world.h"

BOOST_AUTO_TEST_SUITE(bad_input)

using namespace jaanch::hub::test;

namespace {

struct BadRequest {
    std::string label;
    std::string method;
    std::string path;
    std::vector<std::string> headers;
    std::string body;
    std::vector<Part> parts;  // multipart when non-empty
};

const std::string kJson = "Content-Type: application/json";

void add_json_variants(std::vector<BadRequest>& out, const std::string& path, const std::string& auth) {
    const std::vector<std::string> malformed{"{",
                                             "}",
                                             "[",
                                             "nul",
                                             "{\"a\":}",
                                             "{\"decision\":",
                                             "{'a':1}",
                                             "[1,2",
                                             "{\"a\":1,}",
                                             "\"str",
                                             "{\"a\" 1}",
                                             "tru",
                                             "{\"a\":NaN}",
                                             "{\"a\":Infinity}",
                                             "/**/{}",
                                             "{}}",
                                             "\xff\xfe{}",
                                             "{\"a\":\"\\x\"}",
                                             "{\"a\":\"\xc3\x28\"}",
                                             " ",
                                             std::string(5000, '[') + std::string(5000, ']')};
    for (const auto& text : malformed)
        out.push_back({"malformed JSON on " + path, "POST", path, {auth, kJson}, text, {}});
    for (const std::string text : {"[]", "1", "\"s\"", "null", "true"})
        out.push_back({"non-object JSON on " + path, "POST", path, {auth, kJson}, text, {}});
    for (const std::string type : {"text/plain", "application/x-www-form-urlencoded", "application/jsonx",
                                   "application/xml", "multipart/form-data; boundary=x", ""})
        out.push_back({"content type \"" + type + "\" on " + path,
                       "POST",
                       path,
                       {auth, "Content-Type: " + type},
                       "{}",
                       {}});
    out.push_back({"2 MiB JSON on " + path,
                   "POST",
                   path,
                   {auth, kJson},
                   "{\"remark\":\"" + std::string(2 << 20, 'x') + "\"}",
                   {}});
}

// Mutations of a valid, signed decision body: every key removed, retyped; unknown keys; broken values.
void add_decision_mutations(std::vector<BadRequest>& out, const Json& valid, const std::string& auth) {
    const std::vector<Json> wrong{Json(12345),   Json("text"), Json::array(), Json::object(),
                                  Json(nullptr), Json(-1.5),   Json(true)};
    for (const auto& [key, value] : valid["decision"].items()) {
        Json removed = valid;
        removed["decision"].erase(key);
        out.push_back(
            {"decision without " + key, "POST", "/v1/decisions", {auth, kJson}, removed.dump(), {}});
        int n = 0;
        for (const auto& w : wrong) {
            if (w.type() == value.type() || (w.is_null() && key == "remark") || n++ > 3)
                continue;
            Json retyped = valid;
            retyped["decision"][key] = w;
            out.push_back({"decision." + key + " = " + w.dump(),
                           "POST",
                           "/v1/decisions",
                           {auth, kJson},
                           retyped.dump(),
                           {}});
        }
    }
    const std::vector<std::pair<std::string, Json>> values{
        {"id", "NOT-A-UUID"},
        {"id", "6F9619FF-8B86-D011-B42D-00C04FC964FF"},
        {"application", "../../etc/passwd"},
        {"application", std::string(200, 'A')},
        {"application", "RJ/NO/SUCH"},
        {"action", "delete_everything"},
        {"decided_at", "yesterday"},
        {"decided_at", "2026-13-01T00:00:00Z"},
        {"application_version", -1},
        {"application_version", 1e30},
        {"officer", "../admin"},
        {"level", "L 1"},
        {"field_checks", Json::array({{{"field", "x"}, {"mark", "perhaps"}, {"note", ""}}})},
        {"field_checks", Json::array({{{"field", "x"}, {"mark", "matches"}, {"note", ""}, {"extra", 1}}})},
        {"document_checks", Json::array({{{"document", "d"}, {"mark", "burnt"}, {"reason", ""}}})},
        {"document_checks", Json::array({"seen"})},
    };
    for (const auto& [key, value] : values) {
        Json changed = valid;
        changed["decision"][key] = value;
        out.push_back({"decision." + key + " = " + value.dump().substr(0, 40),
                       "POST",
                       "/v1/decisions",
                       {auth, kJson},
                       changed.dump(),
                       {}});
    }
    Json extra = valid;
    extra["decision"]["approved_by_minister"] = true;
    out.push_back({"unknown decision key", "POST", "/v1/decisions", {auth, kJson}, extra.dump(), {}});
    extra = valid;
    extra["priority"] = "urgent";
    out.push_back({"unknown top-level key", "POST", "/v1/decisions", {auth, kJson}, extra.dump(), {}});
    for (const Json& signature : {Json(nullptr), Json(""), Json("!!!not base64!!!"), Json(42),
                                  Json(jaanch::hub::base64_encode("garbage")), Json::array()}) {
        Json changed = valid;
        changed["signature"] = signature;
        out.push_back(
            {"signature " + signature.dump(), "POST", "/v1/decisions", {auth, kJson}, changed.dump(), {}});
    }
    Json unsigned_body = valid;
    unsigned_body.erase("signature");
    out.push_back({"no signature", "POST", "/v1/decisions", {auth, kJson}, unsigned_body.dump(), {}});
}

void add_auth_variants(std::vector<BadRequest>& out, const std::string& officer_token,
                       const std::string& portal_key) {
    const std::vector<std::pair<std::string, std::string>> endpoints{{"GET", "/v1/queue"},
                                                                     {"GET", "/v1/me"},
                                                                     {"POST", "/v1/decisions"},
                                                                     {"GET", "/v1/portal/decisions"},
                                                                     {"POST", "/v1/portal/applications"},
                                                                     {"DELETE", "/v1/sessions/current"}};
    const std::vector<std::string> auths{"",
                                         "Authorization: Bearer",
                                         "Authorization: Basic dXNlcjpwYXNz",
                                         "Authorization: Bearer " + std::string(43, 'A'),
                                         "Authorization: bearer " + officer_token,
                                         "Authorization: Bearer " + std::string(6000, 'z')};
    for (const auto& [method, path] : endpoints) {
        for (const auto& auth : auths) {
            std::vector<std::string> headers{kJson};
            if (!auth.empty())
                headers.push_back(auth);
            out.push_back(
                {"auth \"" + auth.substr(0, 30) + "\" on " + path, method, path, headers, "{}", {}});
        }
    }
    out.push_back({"portal key as officer", "GET", "/v1/queue", {bearer(portal_key)}, "", {}});
    out.push_back(
        {"officer token as portal", "GET", "/v1/portal/decisions", {bearer(officer_token)}, "", {}});
}

void add_path_and_query_variants(std::vector<BadRequest>& out, const std::string& auth) {
    for (const std::string& doc : std::vector<std::string>{
             "..%2F..%2Fhub.sqlite", "../../etc/passwd", "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
             std::string(64, 'A'), std::string(63, 'a'), std::string(65, 'a'), std::string(64, 'g'),
             "%00" + std::string(61, 'a'), "%C3%A9" + std::string(62, 'a'), std::string(64, 'b') + "%00.pdf",
             std::string(64, 'c')})
        out.push_back({"document " + doc.substr(0, 30), "GET", "/v1/documents/" + doc, {auth}, "", {}});
    for (const std::string& app :
         std::vector<std::string>{"..%2F..%2Fetc%2Fpasswd", "RJ%2FNO%2FSUCH", "%00", std::string(3000, 'x'),
                                  "a%20b", "RJ%2F..%2F..%2Fx"}) {
        out.push_back({"application " + app.substr(0, 30), "GET", "/v1/applications/" + app, {auth}, "", {}});
        out.push_back({"claim " + app.substr(0, 30),
                       "POST",
                       "/v1/applications/" + app + "/claim",
                       {auth, kJson},
                       "{}",
                       {}});
    }
    for (const auto& [method, path] :
         std::vector<std::pair<std::string, std::string>>{{"GET", "/"},
                                                          {"GET", "/v1"},
                                                          {"GET", "/v2/queue"},
                                                          {"GET", "/v1/queue/extra"},
                                                          {"GET", "/v1/decisions"},
                                                          {"PUT", "/v1/decisions"},
                                                          {"PATCH", "/v1/queue"},
                                                          {"DELETE", "/v1/queue"},
                                                          {"POST", "/v1/health"},
                                                          {"GET", "/v1/sessions"},
                                                          {"GET", "/" + std::string(9000, 'q')}})
        out.push_back({method + " " + path.substr(0, 30), method, path, {auth, kJson}, "", {}});
    for (const std::string query :
         {"?limit=abc", "?limit=-1", "?limit=0", "?limit=99999999", "?cursor=abc", "?cursor=-5",
          "?cursor=1&cursor=2", "?sort=desc", "?limit=1e3", "?cursor=99999999999999999999999"})
        out.push_back({"queue " + query, "GET", "/v1/queue" + query, {auth}, "", {}});
}

void add_ingest_variants(std::vector<BadRequest>& out, const std::string& key) {
    const auto docs = sample_documents("corpus");
    const Json valid = deletion_application("RJ/BAD/1", "1001", "rural", "marriage", docs);
    auto mutated = [&](const std::string& label, auto&& change) {
        Json app = valid;
        change(app);
        out.push_back({"ingest: " + label,
                       "POST",
                       "/v1/portal/applications",
                       {bearer(key)},
                       "",
                       ingest_parts(app, docs)});
    };
    mutated("unknown service", [](Json& a) { a["service_id"] = "xx.no-such-service"; });
    mutated("unknown version", [](Json& a) { a["service_version"] = 99; });
    mutated("service id path", [](Json& a) { a["service_id"] = "../forms/roles"; });
    mutated("no number", [](Json& a) { a.erase("number"); });
    mutated("number ..", [](Json& a) { a["number"] = "RJ/../../x"; });
    mutated("number long", [](Json& a) { a["number"] = std::string(100, '9'); });
    mutated("number type", [](Json& a) { a["number"] = 17; });
    mutated("jurisdiction type", [](Json& a) { a["jurisdiction"] = "Jaipur"; });
    mutated("area", [](Json& a) { a["jurisdiction"]["area"] = "suburban"; });
    mutated("fields array", [](Json& a) { a["fields"] = Json::array(); });
    mutated("field number", [](Json& a) { a["fields"]["applicant_mobile"] = 9876543210LL; });
    mutated("sha not hex", [](Json& a) { a["documents"][0]["sha256"] = "zz"; });
    mutated("doc id path", [](Json& a) { a["documents"][0]["id"] = "../../etc/passwd"; });
    mutated("doc kind", [](Json& a) { a["documents"][0]["kind"] = "selfie"; });
    mutated("doc size", [](Json& a) { a["documents"][0]["size"] = -4; });
    mutated("duplicate doc id", [](Json& a) { a["documents"][1]["id"] = a["documents"][0]["id"]; });
    mutated("unknown key", [](Json& a) { a["status"] = "approved"; });
    mutated("submitted_at", [](Json& a) { a["submitted_at"] = "2026-02-30T00:00:00Z"; });
    mutated("table row type", [](Json& a) { a["tables"]["members"][0] = "Santosh"; });
    auto parts = ingest_parts(valid, docs);
    auto with = [&](const std::string& label, std::vector<Part> p) {
        out.push_back(
            {"ingest: " + label, "POST", "/v1/portal/applications", {bearer(key)}, "", std::move(p)});
    };
    auto p = parts;
    p.push_back({"../../evil", "x", "application/pdf", "../../evil.pdf"});
    with("unknown part with path name", p);
    p = parts;
    p.push_back(parts[0]);
    with("two application parts", p);
    p = parts;
    p[0].content = "{not json";
    with("application part not JSON", p);
    p = parts;
    p.erase(p.begin());
    with("no application part", p);
    p = parts;
    p.push_back(parts[1]);
    with("document part twice", p);
    p = parts;
    p[1].content = std::string(3 << 20, 'P');
    with("upload over the limit", p);
    out.push_back({"ingest: JSON without document bytes",
                   "POST",
                   "/v1/portal/applications",
                   {bearer(key), kJson},
                   valid.dump(),
                   {}});
    out.push_back({"ingest: text/plain",
                   "POST",
                   "/v1/portal/applications",
                   {bearer(key), "Content-Type: text/plain"},
                   valid.dump(),
                   {}});
}

}  // namespace

BOOST_AUTO_TEST_CASE(malformed_requests_get_clear_4xx_and_change_nothing) {
    World w({"--max-upload-mb", "2"});
    BOOST_REQUIRE_EQUAL(w.ingest("RJ/OK/1").status, 201);
    auto& vdo = w.as("vdo.in");
    const auto claim = vdo.post("/v1/applications/" + url_escape("RJ/OK/1") + "/claim", "{}");
    BOOST_REQUIRE_EQUAL(claim.status, 200);
    const Json before = w.health();
    const Json app_before = w.application("vdo.in", "RJ/OK/1");
    const std::string auth = bearer(vdo.token());

    std::vector<BadRequest> corpus;
    add_json_variants(corpus, "/v1/decisions", auth);
    add_json_variants(corpus, "/v1/applications/" + url_escape("RJ/OK/1") + "/claim", auth);
    add_json_variants(corpus, "/v1/sessions", "X-Nothing: 1");
    const Json valid = Json::parse(vdo.body_for(vdo.decision("RJ/OK/1", 1, jaanch::model::Action::forward)));
    add_decision_mutations(corpus, valid, auth);
    add_auth_variants(corpus, vdo.token(), w.portal_key);
    add_path_and_query_variants(corpus, auth);
    add_ingest_variants(corpus, w.portal_key);
    for (const std::string body : {R"({"minutes":"ten"})", R"({"minutes":-5})", R"({"minutes":100000})",
                                   R"({"minute":5})", R"({"takeover":"yes"})", R"({"minutes":1.5})"})
        corpus.push_back({"claim " + body,
                          "POST",
                          "/v1/applications/" + url_escape("RJ/OK/1") + "/claim",
                          {auth, kJson},
                          body,
                          {}});
    corpus.push_back({"login missing password", "POST", "/v1/sessions", {kJson}, R"({"user":"vdo.in"})", {}});
    corpus.push_back({"login extra key",
                      "POST",
                      "/v1/sessions",
                      {kJson},
                      R"({"user":"vdo.in","password":"x","admin":true})",
                      {}});
    corpus.push_back(
        {"login user number", "POST", "/v1/sessions", {kJson}, R"({"user":7,"password":"x"})", {}});

    BOOST_TEST_MESSAGE("malformed requests in the corpus: " << corpus.size());
    BOOST_TEST(corpus.size() >= 200u);
    for (const auto& bad : corpus) {
        const auto started = std::chrono::steady_clock::now();
        const HttpResponse r = bad.parts.empty()
                                   ? w.client->request(bad.method, bad.path, bad.body, bad.headers)
                                   : w.client->multipart(bad.path, bad.parts, bad.headers);
        const auto took = std::chrono::steady_clock::now() - started;
        if (took > std::chrono::milliseconds(300))
            BOOST_TEST_MESSAGE("slow: " << bad.label << " "
                                        << std::chrono::duration_cast<std::chrono::milliseconds>(took).count()
                                        << " ms");
        BOOST_TEST_CONTEXT(bad.label << " → " << r.status << " " << r.body.substr(0, 200)) {
            BOOST_TEST((r.status >= 400 && r.status < 500));
            BOOST_TEST(r.is_error_body());
            BOOST_TEST(
                (r.headers.count("content-type") && r.headers.at("content-type") == "application/json"));
        }
    }
    BOOST_TEST(w.hub.alive());
    BOOST_TEST(w.health() == before);
    BOOST_TEST(w.application("vdo.in", "RJ/OK/1") == app_before);
    std::string out;
    BOOST_TEST(w.hub.admin({"audit", "verify"}, &out) == 0, out);
}

BOOST_AUTO_TEST_SUITE_END()
