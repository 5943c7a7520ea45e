#include <boost/test/unit_test.hpp>

#include "core/model_samples.h"
#include "model/application.h"

using namespace jaanch;

namespace {

template <class T>
T round_trip(const T& value) {
    json::Json j = value;
    T back{};
    read_value(json::Json::parse(j.dump()), "$", back);
    return back;
}

// Reads `j` as T and returns the InputError path, or "" when it parsed.
template <class T>
std::string error_path(const json::Json& j) {
    try {
        T out{};
        read_value(j, "$", out);
        return "";
    } catch (const InputError& e) {
        return e.path();
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(model_json)

BOOST_AUTO_TEST_CASE(decision_round_trips) {
    const auto d = test::sample_decision();
    BOOST_TEST((round_trip(d) == d));
}

BOOST_AUTO_TEST_CASE(application_round_trips_with_history_and_tables) {
    const auto a = test::sample_application();
    const auto back = round_trip(a);
    BOOST_TEST((back == a));
    BOOST_TEST(back.tables.at("members").at(0).at("name") == "Ramesh Oraon");
    BOOST_TEST(back.fields.at("applicant_name") == "सुनीता उरांव");
}

BOOST_AUTO_TEST_CASE(officer_round_trips) {
    const auto o = test::sample_officer();
    BOOST_TEST((round_trip(o) == o));
}

BOOST_AUTO_TEST_CASE(missing_key_names_its_object) {
    json::Json j = test::sample_application();
    j["documents"][0].erase("sha256");
    BOOST_TEST(error_path<model::Application>(j) == "$.documents[0]");
}

BOOST_AUTO_TEST_CASE(unknown_key_is_rejected) {
    json::Json j = test::sample_decision();
    j["signature"] = "abc";
    BOOST_TEST(error_path<model::Decision>(j) == "$.signature");
    json::Json a = test::sample_application();
    a["history"][0]["decision"]["field_checks"][1]["colour"] = "red";
    BOOST_TEST(error_path<model::Application>(a) == "$.history[0].decision.field_checks[1].colour");
}

BOOST_AUTO_TEST_CASE(wrong_types_and_values_name_the_path) {
    json::Json j = test::sample_application();
    j["version"] = "4";
    BOOST_TEST(error_path<model::Application>(j) == "$.version");
    j = test::sample_application();
    j["jurisdiction"]["district"] = "36A";
    BOOST_TEST(error_path<model::Application>(j) == "$.jurisdiction.district");
    j = test::sample_application();
    j["status"] = "maybe";
    BOOST_TEST(error_path<model::Application>(j) == "$.status");
    j = test::sample_application();
    j["documents"].push_back(j["documents"][0]);
    BOOST_TEST(error_path<model::Application>(j) == "$.documents[1].id");
    j = test::sample_application();
    j["number"] = "../etc/passwd";
    BOOST_TEST(error_path<model::Application>(j) == "$.number");
}

BOOST_AUTO_TEST_CASE(decision_rules_on_values) {
    json::Json j = test::sample_decision();
    j["id"] = "not-a-uuid";
    BOOST_TEST(error_path<model::Decision>(j) == "$.id");
    j = test::sample_decision();
    j["field_checks"][1]["note"] = "";
    BOOST_TEST(error_path<model::Decision>(j) == "$.field_checks[1].note");
    j = test::sample_decision();
    j["action"] = "delete";
    BOOST_TEST(error_path<model::Decision>(j) == "$.action");
    j = test::sample_decision();
    j["decided_at"] = "yesterday";
    BOOST_TEST(error_path<model::Decision>(j) == "$.decided_at");
    j = test::sample_decision();
    j.erase("remark");
    BOOST_TEST(error_path<model::Decision>(j) == "$");
}

BOOST_AUTO_TEST_CASE(parse_decision_reports_syntax_errors) {
    BOOST_CHECK_EXCEPTION(model::parse_decision("{\"id\": ", "d.json"), InputError,
                          [](const InputError& e) { return std::string(e.what()).find("d.json:1:") == 0; });
}

BOOST_AUTO_TEST_CASE(jurisdiction_scope_covers) {
    model::Jurisdiction place{"20", "364", "2563", "362145", model::Area::rural, ""};
    BOOST_TEST(model::JurisdictionScope({"20", "", "", "", ""}).covers(place));
    BOOST_TEST(model::JurisdictionScope({"20", "364", "2563", "", ""}).covers(place));
    BOOST_TEST(!model::JurisdictionScope({"20", "365", "", "", ""}).covers(place));
    BOOST_TEST(!model::JurisdictionScope({"08", "", "", "", ""}).covers(place));
    BOOST_TEST(!model::JurisdictionScope({"20", "364", "", "", "urban"}).covers(place));
}

BOOST_AUTO_TEST_SUITE_END()
