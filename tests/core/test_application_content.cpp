// What a decision binds of its application: the canonical content and its hash, the digests that name a
// changed value, the documents, format 1 and 2 decisions, and the workflow's review requirement.
#include <boost/test/unit_test.hpp>

#include "catalogue/catalogue.h"
#include "crypto/application_content.h"
#include "crypto/canonical_json.h"
#include "util/sha256.h"
#include "workflow/workflow.h"

using namespace jaanch;

namespace {

model::Application small_application() {
    model::Application app;
    app.number = "JH/RAN/2026/000003";
    app.service_id = "jh.caste-certificate";
    app.service_version = 1;
    app.jurisdiction = {"JH", "364", "2318", "364012", model::Area::rural, "Ormanjhi"};
    app.fields = {{"applicant_name", "Sunita Oraon"}, {"aadhaar", "234567890124"}, {"income", "72000"}};
    app.tables["members"] = {{{"name", "Birsa Oraon"}, {"relation", "father"}}};
    app.documents = {
        {"caste_proof", "caste_proof", "khatiyan.pdf", "application/pdf", 10, std::string(64, 'a')},
        {"photo", "photo", "photo.jpg", "image/jpeg", 20, std::string(64, 'b')}};
    app.current_level = "L1";
    app.version = 3;
    return app;
}

model::Decision decision_on(const model::Application& app) {
    model::Decision d;
    d.id = "3f2b8c1e-9a4d-4e6b-8f1a-2c3d4e5f6a7b";
    d.application = app.number;
    d.application_version = app.version;
    d.action = model::Action::forward;
    d.officer = "vdo.ranchi.1";
    d.role = "VDO";
    d.level = "L1";
    d.decided_at = *parse_timestamp("2026-11-20T10:15:00Z");
    crypto::bind_content(d, app, {{"caste_proof", {2, 2}}});
    return d;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(application_content)

BOOST_AUTO_TEST_CASE(content_is_the_jcs_of_the_documented_shape) {
    const model::Application app = small_application();
    const std::string expected =
        R"({"application":"JH/RAN/2026/000003","fields":{"aadhaar":"234567890124","applicant_name":"Sunita Oraon",)"
        R"("income":"72000"},"jurisdiction":{"area":"rural","district":"364","state":"JH","subdistrict":"2318",)"
        R"("village":"364012","village_name":"Ormanjhi"},"service_id":"jh.caste-certificate","service_version":1,)"
        R"("tables":{"members":[{"name":"Birsa Oraon","relation":"father"}]}})";
    BOOST_TEST(crypto::canonical_json(crypto::application_content(app)) == expected);
    BOOST_TEST(crypto::content_sha256(app) == sha256_hex(expected));
    // The workflow state is not content: a decision changes it without changing what was decided on.
    model::Application moved = app;
    moved.current_level = "L2";
    moved.version = 4;
    moved.status = model::Status::approved;
    BOOST_TEST(crypto::content_sha256(moved) == crypto::content_sha256(app));
}

BOOST_AUTO_TEST_CASE(digests_name_values_and_mask_long_numbers) {
    const model::Application app = small_application();
    const auto digests = crypto::content_digests(app);
    BOOST_TEST(digests.at("fields.income") == sha256_hex("\"72000\""));
    BOOST_TEST(digests.at("tables.members[0].name") == sha256_hex("\"Birsa Oraon\""));
    // An Aadhaar number's digest could be reversed by trying every number: it covers the masked form only.
    BOOST_TEST(digests.at("fields.aadhaar") == sha256_hex("\"XXXXXXXX0124\""));
    BOOST_TEST(digests.contains("service"));
    BOOST_TEST(digests.contains("jurisdiction"));
}

BOOST_AUTO_TEST_CASE(the_binding_matches_until_something_changes) {
    const model::Application app = small_application();
    const model::Decision d = decision_on(app);
    BOOST_TEST(d.format == model::kDecisionFormatContent);
    BOOST_REQUIRE(d.documents.size() == 2u);
    BOOST_TEST(d.documents[0].pages_opened == 2u);
    BOOST_TEST(d.documents[1].pages_total == 0u);  // never opened
    BOOST_TEST(crypto::compare_content(d, app).matches());

    model::Application changed = app;
    changed.fields["income"] = "720000";
    changed.tables["members"].push_back({{"name", "Somra Oraon"}, {"relation", "brother"}});
    changed.documents[1].sha256 = std::string(64, 'c');
    const auto comparison = crypto::compare_content(d, changed);
    BOOST_TEST(!comparison.matches());
    BOOST_TEST(crypto::describe(comparison) ==
               "fields.income changed; tables.members[1].name added; tables.members[1].relation added; "
               "documents.photo changed");

    // The bytes a verifier holds are compared too, even when the application still names the old hash.
    const auto bytes_differ = crypto::compare_content(d, app, {{"caste_proof", std::string(64, 'f')}});
    BOOST_TEST(crypto::describe(bytes_differ) == "documents.caste_proof changed");

    model::Application other_aadhaar = app;
    other_aadhaar.fields["aadhaar"] = "334567890124";  // same last four digits
    const auto unnamed = crypto::compare_content(d, other_aadhaar);
    BOOST_TEST(!unnamed.content_matches);
    BOOST_TEST(unnamed.unnamed_difference);
}

BOOST_AUTO_TEST_CASE(format_one_decisions_read_and_write_back_unchanged) {
    const std::string v1 =
        R"({"action":"forward","application":"RJ/JPR/2026/004711","application_version":3,)"
        R"("decided_at":"2026-11-20T10:15:00Z","document_checks":[],"field_checks":[],)"
        R"("id":"3f2b8c1e-9a4d-4e6b-8f1a-2c3d4e5f6a7b","level":"L1","officer":"vdo.jaipur.1","reason_code":"",)"
        R"("remark":"","role":"VDO"})";
    const model::Decision d = model::parse_decision(v1, "v1");
    BOOST_TEST(d.format == model::kDecisionFormatFirst);
    BOOST_TEST(crypto::canonical_decision_bytes(d) == v1);
    // A format key says 2 and brings the binding with it; anything else is refused.
    BOOST_CHECK_THROW(
        model::parse_decision(v1.substr(0, v1.size() - 1) + R"(,"format":2})", "v2 without binding"),
        InputError);
    BOOST_CHECK_THROW(model::parse_decision(v1.substr(0, v1.size() - 1) + R"(,"format":3})", "v3"),
                      InputError);
    BOOST_CHECK_THROW(model::parse_decision(v1.substr(0, v1.size() - 1) + R"(,"format":1})", "explicit 1"),
                      InputError);
}

BOOST_AUTO_TEST_CASE(format_two_decisions_round_trip) {
    const model::Decision d = decision_on(small_application());
    const std::string bytes = crypto::canonical_decision_bytes(d);
    BOOST_TEST(bytes.find(R"("format":2)") != std::string::npos);
    BOOST_TEST(bytes.find(R"("content_sha256":")" + d.content_sha256) != std::string::npos);
    const model::Decision back = model::parse_decision(bytes, "v2");
    BOOST_TEST((back == d));
    // A claim of more pages opened than the document has is not a decision.
    std::string lying = bytes;
    lying.replace(lying.find(R"("pages_opened":2)"), 16, R"("pages_opened":3)");
    BOOST_CHECK_THROW(model::parse_decision(lying, "lying"), InputError);
}

BOOST_AUTO_TEST_CASE(the_review_requirement_of_the_level) {
    const catalogue::LoadResult loaded = catalogue::load_catalogue(JAANCH_FORMS_DIR);
    const catalogue::ServiceDefinition* service = loaded.catalogue.find("jh.caste-certificate", 1);
    BOOST_REQUIRE(service != nullptr);
    const catalogue::Level* first = service->find_level(service->levels.front().id);
    BOOST_REQUIRE(first->require_opened != catalogue::ReviewRequirement::none);

    model::Application app = small_application();
    app.current_level = first->id;
    std::string mandatory;
    for (const auto& req : service->documents)
        if (req.mandatory && mandatory.empty())
            mandatory = req.kind;
    BOOST_REQUIRE(!mandatory.empty());
    app.documents = {{mandatory, mandatory, "proof.pdf", "application/pdf", 10, std::string(64, 'a')}};

    const auto none_opened = workflow::review_gaps(*service, app, {});
    BOOST_REQUIRE(none_opened.size() == 1u);
    BOOST_TEST(workflow::describe_gaps(none_opened) == mandatory + " (never opened)");
    const auto one_of_three = workflow::review_gaps(*service, app, {{mandatory, std::string(64, 'a'), 1, 3}});
    const bool all_pages =
        first->require_opened == catalogue::ReviewRequirement::all_pages_of_mandatory_documents;
    BOOST_TEST(one_of_three.size() == (all_pages ? 1u : 0u));
    BOOST_TEST(workflow::review_gaps(*service, app, {{mandatory, std::string(64, 'a'), 3, 3}}).empty());
    BOOST_TEST(workflow::review_required_for(model::Action::approve));
    BOOST_TEST(workflow::review_required_for(model::Action::forward));
    BOOST_TEST(!workflow::review_required_for(model::Action::reject));
    BOOST_TEST(!workflow::review_required_for(model::Action::return_to_applicant));
}

BOOST_AUTO_TEST_SUITE_END()
