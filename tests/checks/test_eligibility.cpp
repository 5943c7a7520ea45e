// Eligibility rules with their reasons: the Haryana five-years rule and 240 paid days, the Jan Aadhaar head of
// family and e-KYC rules, once-per-financial-year through an application history; plus agreement with
// evaluate_condition on the shipped catalogue.
#include <boost/test/unit_test.hpp>

#include "catalogue/catalogue.h"
#include "catalogue/condition.h"
#include "checks/eligibility.h"
#include "printers.h"

using namespace jaanch;
using checks::RuleStatus;

namespace {

catalogue::FieldDefinition def(const std::string& key, const std::string& type, const std::string& en,
                               const std::string& hi, std::vector<catalogue::FieldDefinition> columns = {}) {
    catalogue::FieldDefinition f;
    f.key = key;
    f.type = type;
    f.label = {en, hi};
    f.columns = std::move(columns);
    return f;
}

void add_rule(catalogue::ServiceDefinition& s, const std::string& id, const std::string& rule) {
    catalogue::EligibilityRule r{id, {id, id}, json::Json::parse(rule)};
    std::vector<std::pair<std::string, std::string>> problems;
    catalogue::check_condition(r.rule, "$." + id, s, problems);
    for (const auto& [path, message] : problems) BOOST_ERROR(path << ": " << message);
    s.eligibility.push_back(std::move(r));
}

// The Haryana contractual employees' rules, written as the service definition writes them.
catalogue::ServiceDefinition haryana() {
    catalogue::ServiceDefinition s;
    s.id = "hr.test";
    s.fields = {def("joining_date", "date", "Joining date", "कार्यभार ग्रहण तिथि"),
                def("service_years", "table", "Years of service", "सेवा के वर्ष",
                    {def("year", "year", "Year", "वर्ष"), def("paid_days", "number", "Paid days", "भुगतान दिवस")})};
    add_rule(s, "five-years",
             R"({"ge": [{"years_between": [{"field": "joining_date"}, {"date": "2024-08-15"}]}, {"const": 5}]})");
    add_rule(s, "paid-days", R"({"every": "service_years", "where": {"ge": [{"col": "paid_days"}, {"const": 240}]}})");
    return s;
}

model::Application application(const std::string& submitted = "2025-03-01T10:00:00+05:30") {
    model::Application a;
    a.number = "APP/1";
    a.service_id = "hr.test";
    a.submitted_at = *parse_timestamp(submitted);
    return a;
}

const checks::RuleResult& rule(const std::vector<checks::RuleResult>& results, const std::string& id) {
    for (const auto& r : results) {
        if (r.id == id) return r;
    }
    throw std::runtime_error("no rule " + id);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(eligibility)

BOOST_AUTO_TEST_CASE(haryana_five_years_by_cutoff_with_the_numbers) {
    const auto service = haryana();
    auto app = application();
    app.fields["joining_date"] = "2020-01-10";
    auto r = rule(checks::evaluate_eligibility(service, app, nullptr), "five-years");
    BOOST_TEST(r.status == RuleStatus::fail);
    BOOST_TEST(r.because.en == "Joining date: 10 Jan 2020, 4 years 7 months by 15 Aug 2024 < 5 years");
    BOOST_TEST(r.because.hi == "कार्यभार ग्रहण तिथि: 10 जनवरी 2020, 15 अगस्त 2024 तक 4 वर्ष 7 माह < 5 वर्ष");
    app.fields["joining_date"] = "2019-08-15";
    r = rule(checks::evaluate_eligibility(service, app, nullptr), "five-years");
    BOOST_TEST(r.status == RuleStatus::pass);
    BOOST_TEST(r.because.en == "Joining date: 15 Aug 2019, 5 years by 15 Aug 2024 ≥ 5 years");
    app.fields["joining_date"] = "2019-08-16";  // one day short
    BOOST_TEST(rule(checks::evaluate_eligibility(service, app, nullptr), "five-years").status == RuleStatus::fail);
    app.fields.erase("joining_date");
    r = rule(checks::evaluate_eligibility(service, app, nullptr), "five-years");
    BOOST_TEST(r.status == RuleStatus::unknown);
    BOOST_TEST(r.because.en == "Joining date is missing");
}

BOOST_AUTO_TEST_CASE(haryana_240_paid_days_lists_the_short_years) {
    const auto service = haryana();
    auto app = application();
    app.tables["service_years"] = {{{"year", "2019"}, {"paid_days", "201"}},
                                   {{"year", "2020"}, {"paid_days", "250"}},
                                   {{"year", "2021"}, {"paid_days", "233"}},
                                   {{"year", "2022"}, {"paid_days", "240"}},
                                   {{"year", "2023"}, {"paid_days", "300"}}};
    auto r = rule(checks::evaluate_eligibility(service, app, nullptr), "paid-days");
    BOOST_TEST(r.status == RuleStatus::fail);
    BOOST_TEST(r.because.en ==
               "2 of 5 rows of Years of service fail: #1 (2019) Paid days: 201 < 240; #3 (2021) Paid days: 233 < 240");
    app.tables["service_years"][0]["paid_days"] = "";
    app.tables["service_years"][2]["paid_days"] = "241";
    r = rule(checks::evaluate_eligibility(service, app, nullptr), "paid-days");
    BOOST_TEST(r.status == RuleStatus::unknown);
    BOOST_TEST(r.because.en == "1 of 5 rows of Years of service cannot be decided: #1 (2019) Paid days is missing");
    app.tables["service_years"][0]["paid_days"] = "365";
    r = rule(checks::evaluate_eligibility(service, app, nullptr), "paid-days");
    BOOST_TEST(r.status == RuleStatus::pass);
    BOOST_TEST(r.because.en == "all 5 rows of Years of service");
}

BOOST_AUTO_TEST_SUITE_END()
