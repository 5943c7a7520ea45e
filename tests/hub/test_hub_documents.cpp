// Ingest validation and documents: content-addressed storage, Range and ETag, who may read them.
#include <boost/test/unit_test.hpp>

#include <fstream>
#include <set>

#include "hub/util/crypto_util.h"
#include "hub_world.h"

BOOST_AUTO_TEST_SUITE(documents)

using namespace jaanch::hub::test;

BOOST_AUTO_TEST_CASE(ingest_lists_every_field_error_and_stores_nothing) {
    World w;
    const auto docs = sample_documents("bad");
    Json app = deletion_application("RJ/V/1", "1001", "rural", "marriage", docs);
    app["fields"]["applicant_mobile"] = "12345";                  // not a mobile number
    app["fields"]["deletion_reason"] = "boredom";                 // not an option
    app["fields"].erase("head_name");                             // required
    app["fields"]["shoe_size"] = "9";                             // unknown field
    app["tables"]["members"][1]["date_of_birth"] = "1995-02-30";  // no such date
    app["documents"][0]["mime_type"] = "text/plain";              // not accepted
    const auto r =
        w.client->multipart("/v1/portal/applications", ingest_parts(app, docs), {bearer(w.portal_key)});
    BOOST_TEST(r.status == 422);
    BOOST_TEST(r.code() == "invalid_application");
    std::set<std::string> paths;
    const Json answer = r.json();
    for (const auto& e : answer["details"]["errors"])
        paths.insert(e["path"].get<std::string>());
    for (const char* expected :
         {"$.fields.applicant_mobile", "$.fields.deletion_reason", "$.fields.head_name", "$.fields.shoe_size",
          "$.tables.members[1].date_of_birth", "$.documents[0].mime_type"})
        BOOST_TEST(paths.contains(expected), expected);
    BOOST_TEST(w.health()["applications"] == 0);

    // Bytes that do not match their declared digest, and a missing upload.
    Json good = deletion_application("RJ/V/2", "1001", "rural", "marriage", docs);
    auto parts = ingest_parts(good, docs);
    parts[1].content += "tampered";
    auto bad = w.client->multipart("/v1/portal/applications", parts, {bearer(w.portal_key)});
    BOOST_TEST(bad.status == 422);
    parts.pop_back();
    parts[1].content = docs.begin()->second;
    bad = w.client->multipart("/v1/portal/applications", parts, {bearer(w.portal_key)});
    BOOST_TEST(bad.status == 422);
    BOOST_TEST(bad.body.find("were not uploaded") != std::string::npos);
    BOOST_TEST(w.health()["applications"] == 0);

    // The good one, twice: created, then recognised as the same.
    BOOST_TEST(
        w.client->multipart("/v1/portal/applications", ingest_parts(good, docs), {bearer(w.portal_key)})
            .status == 201);
    const auto again =
        w.client->multipart("/v1/portal/applications", ingest_parts(good, docs), {bearer(w.portal_key)});
    BOOST_TEST(again.status == 200);
    BOOST_TEST(again.json()["already_ingested"] == true);
    good["fields"]["member_name"] = "Someone Else";
    BOOST_TEST(
        w.client->multipart("/v1/portal/applications", ingest_parts(good, docs), {bearer(w.portal_key)})
            .code() == "application_exists");
}

BOOST_AUTO_TEST_CASE(documents_by_sha256_with_range_etag_and_access_rules) {
    World w;
    std::map<std::string, std::string> docs = sample_documents("range");
    std::string big(300000, '\0');
    for (std::size_t i = 0; i < big.size(); ++i)
        big[i] = static_cast<char>(i * 7 % 251);
    docs["janaadhaar"] = "%PDF-1.7\n" + big;
    const auto r = w.client->multipart(
        "/v1/portal/applications",
        ingest_parts(deletion_application("RJ/D/1", "1001", "rural", "marriage", docs), docs),
        {bearer(w.portal_key)});
    BOOST_REQUIRE_EQUAL(r.status, 201);
    const std::string sha = jaanch::hub::sha256_hex(docs["janaadhaar"]);
    // Stored content-addressed on disk, exactly.
    std::ifstream file(w.hub.data() / "documents" / sha.substr(0, 2) / sha.substr(2), std::ios::binary);
    const std::string on_disk((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    BOOST_TEST(on_disk == docs["janaadhaar"]);

    auto& vdo = w.as("vdo.in");
    auto full = vdo.get("/v1/documents/" + sha);
    BOOST_TEST(full.status == 200);
    BOOST_TEST(full.body == docs["janaadhaar"]);
    BOOST_TEST(full.headers.at("etag") == "\"" + sha + "\"");
    BOOST_TEST(full.headers.at("content-type") == "application/pdf");
    const auto part =
        w.client->request("GET", "/v1/documents/" + sha, "", {bearer(vdo.token()), "Range: bytes=100-299"});
    BOOST_TEST(part.status == 206);
    BOOST_TEST(part.body == docs["janaadhaar"].substr(100, 200));
    BOOST_TEST(part.headers.at("content-range") ==
               "bytes 100-299/" + std::to_string(docs["janaadhaar"].size()));
    const auto cached = w.client->request("GET", "/v1/documents/" + sha, "",
                                          {bearer(vdo.token()), "If-None-Match: \"" + sha + "\""});
    BOOST_TEST(cached.status == 304);
    BOOST_TEST(cached.body.empty());
    // Officers who may not see the application get 404; so does an unknown digest and a malformed one.
    BOOST_TEST(w.as("vdo.out").get("/v1/documents/" + sha).status == 404);
    BOOST_TEST(w.as("eo.in").get("/v1/documents/" + sha).status == 404);
    BOOST_TEST(w.as("bso.in").get("/v1/documents/" + sha).status == 404);
    BOOST_TEST(vdo.get("/v1/documents/" + std::string(64, 'a')).status == 404);
    BOOST_TEST(vdo.get("/v1/documents/..%2F..%2Fhub.sqlite").status == 404);
    BOOST_TEST(vdo.get("/v1/documents/" + std::string(64, 'G')).code() == "invalid_document_name");
    // After forwarding, the BSO of the block may read it.
    BOOST_REQUIRE_EQUAL(vdo.decide(vdo.decision("RJ/D/1", 1, jaanch::model::Action::forward)).status, 201);
    BOOST_TEST(w.as("bso.in").get("/v1/documents/" + sha).status == 200);
}

BOOST_AUTO_TEST_SUITE_END()
