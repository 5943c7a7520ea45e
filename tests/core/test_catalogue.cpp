#include <boost/test/unit_test.hpp>

#include <fstream>
#include <sstream>

#include "catalogue/catalogue.h"
#include "catalogue/condition.h"
#include "core/model_samples.h"

using namespace jaanch;

namespace {

std::string slurp(const std::string& path) {
    std::ifstream in(path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// 1-based line of the first occurrence of marker in text, found independently of the JSON locator.
std::size_t line_of_marker(const std::string& text, const std::string& marker) {
    const auto at = text.find(marker);
    BOOST_REQUIRE(at != std::string::npos);
    return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
}

const std::string kBroken = std::string(JAANCH_TEST_DATA_DIR) + "/broken-forms";

}  // namespace

BOOST_AUTO_TEST_SUITE(catalogue_loading)

BOOST_AUTO_TEST_CASE(shipped_catalogue_has_no_problems) {
    const auto result = catalogue::load_catalogue(JAANCH_FORMS_DIR);
    for (const auto& p : result.problems)
        BOOST_ERROR(p.to_string());
    BOOST_TEST(result.ok());
    BOOST_TEST(result.catalogue.size() >= 1u);
    BOOST_TEST(result.catalogue.find_role("COLLECTOR") != nullptr);
    BOOST_TEST(result.catalogue.latest("rj.jan-aadhaar-member-deletion") != nullptr);
}

BOOST_AUTO_TEST_CASE(every_broken_example_reports_its_specific_problem) {
    const auto result = catalogue::load_catalogue(kBroken);
    const auto expected =
        json::Json::parse(slurp(std::string(JAANCH_TEST_DATA_DIR) + "/broken-forms.expected.json"));
    BOOST_REQUIRE(expected.size() >= 20u);
    for (const auto& e : expected) {
        const std::string file = e["file"], path = e["path"], message = e["message"];
        const catalogue::Problem* found = nullptr;
        for (const auto& p : result.problems) {
            if (p.file.ends_with("/" + file) && p.path == path &&
                p.to_string().find(message) != std::string::npos)
                found = &p;
        }
        BOOST_TEST(found != nullptr, file << ": expected \"" << message << "\" at " << path);
        if (found != nullptr && e.contains("marker")) {
            const std::string text = slurp(kBroken + "/" + file);
            BOOST_TEST(found->line == line_of_marker(text, e["marker"]), file << ": line " << found->line);
        }
    }
    // Only the one valid file beside the broken ones makes it into the catalogue.
    BOOST_TEST(result.catalogue.size() == 1u);
    BOOST_TEST(result.catalogue.find("jh.sample", 1) != nullptr);
}

BOOST_AUTO_TEST_CASE(same_id_and_version_twice_is_a_problem) {
    const auto roles = catalogue::load_catalogue(kBroken).catalogue.roles();
    const std::string text = slurp(kBroken + "/valid_sample.json");
    auto load = catalogue::load_service_text(text, "a.json", roles);
    BOOST_REQUIRE(load.service);
    catalogue::Catalogue c;
    c.add(*load.service);
    BOOST_CHECK_THROW(c.add(*load.service), Error);
}

BOOST_AUTO_TEST_CASE(missing_folder_is_a_clear_error) {
    BOOST_CHECK_EXCEPTION(catalogue::load_catalogue("/nonexistent/forms"), Error, [](const Error& e) {
        return std::string(e.what()).find("/nonexistent/forms") != std::string::npos;
    });
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(conditions)

using catalogue::Truth;

Truth eval(const char* condition, const model::Application& app) {
    return catalogue::evaluate_condition(json::Json::parse(condition), app);
}

BOOST_AUTO_TEST_CASE(three_valued_logic_on_fields_and_dates) {
    auto app = test::sample_application();  // submitted 2026-11-01, born 1994-03-12
    BOOST_TEST((
        eval(R"({"ge": [{"years_between": [{"field": "date_of_birth"}, {"submitted": {}}]}, {"const": 32}]})",
             app) == Truth::yes));
    BOOST_TEST((
        eval(R"({"ge": [{"years_between": [{"field": "date_of_birth"}, {"submitted": {}}]}, {"const": 33}]})",
             app) == Truth::no));
    BOOST_TEST((eval(R"({"eq": [{"field": "caste"}, {"const": "ST"}]})", app) == Truth::unknown));
    BOOST_TEST((
        eval(R"({"any": [{"eq": [{"field": "caste"}, {"const": "ST"}]}, {"present": {"field": "aadhaar"}}]})",
             app) == Truth::yes));
    BOOST_TEST((
        eval(R"({"all": [{"eq": [{"field": "caste"}, {"const": "ST"}]}, {"present": {"field": "nothing"}}]})",
             app) == Truth::no));
    BOOST_TEST((eval(R"({"not": {"eq": [{"field": "caste"}, {"const": "ST"}]}})", app) == Truth::unknown));
    BOOST_TEST((eval(R"({"lt": [{"field": "date_of_birth"}, {"date": "1994-03-13"}]})", app) == Truth::yes));
}

BOOST_AUTO_TEST_CASE(long_digit_identifiers_compare_as_text) {
    auto app = test::sample_application();
    app.fields["a"] = "123456789012345678";
    app.fields["b"] = "123456789012345679";  // equal as doubles, different as identifiers
    app.fields["c"] = "0042";
    BOOST_TEST((eval(R"({"eq": [{"field": "a"}, {"field": "b"}]})", app) == Truth::no));
    BOOST_TEST((eval(R"({"eq": [{"field": "c"}, {"const": 42}]})", app) == Truth::no));
    BOOST_TEST((eval(R"({"eq": [{"field": "c"}, {"const": "0042"}]})", app) == Truth::yes));
}

BOOST_AUTO_TEST_CASE(table_quantifiers_and_count) {
    auto app = test::sample_application();
    app.tables["members"] = {{{"gender", "F"}, {"dob", "2000-01-01"}},
                             {{"gender", "M"}, {"dob", "1990-05-05"}}};
    BOOST_TEST((eval(R"({"exists": "members", "where": {"eq": [{"col": "gender"}, {"const": "F"}]}})", app) ==
                Truth::yes));
    BOOST_TEST((eval(R"({"every": "members", "where": {"eq": [{"col": "gender"}, {"const": "F"}]}})", app) ==
                Truth::no));
    BOOST_TEST((eval(R"({"eq": [{"count": "members"}, {"const": 2}]})", app) == Truth::yes));
    BOOST_TEST((eval(R"({"in": [{"field": "applicant_name"}, ["x", "सुनीता उरांव"]]})", app) == Truth::yes));
    app.tables["members"][0].erase("gender");
    BOOST_TEST((eval(R"({"every": "members", "where": {"eq": [{"col": "gender"}, {"const": "M"}]}})", app) ==
                Truth::unknown));
}

BOOST_AUTO_TEST_SUITE_END()
