// Eligibility rules with their reasons: the Haryana five-years rule and 240 paid days, the Jan Aadhaar head
// of family and e-KYC rules, once-per-financial-year through an application history; plus agreement with
// evaluate_condition on the shipped catalogue.
#include <boost/test/unit_test.hpp>

#include "catalogue/catalogue.h"
#include "catalogue/condition.h"
#include "checks/eligibility.h"
#include "checks/identifiers.h"
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
    for (const auto& [path, message] : problems)
        BOOST_ERROR(path << ": " << message);
    s.eligibility.push_back(std::move(r));
}

// The Haryana contractual employees' rules, written as the service definition writes them.
catalogue::ServiceDefinition haryana() {
    catalogue::ServiceDefinition s;
    s.id = "hr.test";
    s.fields = {
        def("joining_date", "date", "Joining date", "कार्यभार ग्रहण तिथि"),
        def("service_years", "table", "Years of service", "सेवा के वर्ष",
            {def("year", "year", "Year", "वर्ष"), def("paid_days", "number", "Paid days", "भुगतान दिवस")})};
    add_rule(
        s, "five-years",
        R"({"ge": [{"years_between": [{"field": "joining_date"}, {"date": "2024-08-15"}]}, {"const": 5}]})");
    add_rule(s, "paid-days",
             R"({"every": "service_years", "where": {"ge": [{"col": "paid_days"}, {"const": 240}]}})");
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
        if (r.id == id)
            return r;
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
    BOOST_TEST(rule(checks::evaluate_eligibility(service, app, nullptr), "five-years").status ==
               RuleStatus::fail);
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
               "2 of 5 rows of Years of service fail: #1 (2019) Paid days: 201 < 240; #3 (2021) Paid days: "
               "233 < 240");
    app.tables["service_years"][0]["paid_days"] = "";
    app.tables["service_years"][2]["paid_days"] = "241";
    r = rule(checks::evaluate_eligibility(service, app, nullptr), "paid-days");
    BOOST_TEST(r.status == RuleStatus::unknown);
    BOOST_TEST(r.because.en ==
               "1 of 5 rows of Years of service cannot be decided: #1 (2019) Paid days is missing");
    app.tables["service_years"][0]["paid_days"] = "365";
    r = rule(checks::evaluate_eligibility(service, app, nullptr), "paid-days");
    BOOST_TEST(r.status == RuleStatus::pass);
    BOOST_TEST(r.because.en == "all 5 rows of Years of service");
}

BOOST_AUTO_TEST_SUITE_END()

namespace {

const catalogue::Catalogue& shipped() {
    static const auto loaded = catalogue::load_catalogue(JAANCH_FORMS_DIR);
    return loaded.catalogue;
}

const catalogue::ServiceDefinition& service(const std::string& id) {
    const auto* s = shipped().latest(id);
    if (s == nullptr)
        throw std::runtime_error("the shipped catalogue has no " + id);
    return *s;
}

model::FieldValues member(const std::string& name, const std::string& relation, const std::string& gender,
                          const std::string& born, const std::string& kyc, const std::string& aadhaar = "") {
    model::FieldValues m{{"name", name},          {"relation", relation},        {"gender", gender},
                         {"date_of_birth", born}, {"marital_status", "married"}, {"kyc_mode", kyc}};
    if (!aadhaar.empty())
        m["aadhaar"] = aadhaar;
    return m;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(eligibility_shipped)

BOOST_AUTO_TEST_CASE(jan_aadhaar_head_of_family_and_ekyc_over_five) {
    const auto& enrolment = service("rj.jan-aadhaar-family-enrolment");
    auto app = application("2025-03-01T10:00:00+05:30");
    app.service_id = enrolment.id;
    app.tables["members"] = {
        member("Mohan Lal", "head", "M", "1980-05-01", "aadhaar_ekyc", "234567890124"),
        member("Santosh Devi", "spouse", "F", "1984-01-20", "aadhaar_ekyc", "216618862674"),
        member("Ravi", "son", "M", "2017-06-10", "birth_certificate"),
        member("Gita", "daughter", "F", "2021-02-01", "birth_certificate")};
    auto results = checks::evaluate_eligibility(enrolment, app, nullptr);
    BOOST_TEST(results.size() == enrolment.eligibility.size());
    // A woman of 18+ is in the family, so a man may not be head.
    auto head = rule(results, "head-of-family-rule");
    BOOST_TEST(head.status == RuleStatus::fail);
    BOOST_TEST(
        head.because.en.find("#2 (Santosh Devi) Gender: Female = Female; age 41 on 1 Mar 2025 ≥ 18 years") !=
            std::string::npos,
        head.because.en);
    BOOST_TEST(head.because.hi.find("1 मार्च 2025 को आयु 41 वर्ष ≥ 18 वर्ष") != std::string::npos);
    // Ravi is 7 and identified by birth certificate: over 5 needs Aadhaar e-KYC. Gita (4) may use one.
    auto ekyc = rule(results, "ekyc-over-five");
    BOOST_TEST(ekyc.status == RuleStatus::fail);
    BOOST_TEST(
        ekyc.because.en ==
        "1 of 4 rows of Family members, head first fail: #3 (Ravi) age 7 on 1 Mar 2025 > 5 years | Identity "
        "verified by: Birth certificate (members up to 5 years) ≠ Aadhaar e-KYC (biometric or OTP); Aadhaar "
        "number is missing");
    BOOST_TEST(rule(results, "not-enrolled-elsewhere").status == RuleStatus::unknown);
    BOOST_TEST(rule(results, "not-enrolled-elsewhere").because.en.ends_with("is missing"));

    // Santosh Devi as head, Ravi with e-KYC: both rules pass; Aadhaar numbers never appear in full.
    app.tables["members"][0]["relation"] = "spouse";
    app.tables["members"][1]["relation"] = "head";
    app.tables["members"][2]["kyc_mode"] = "aadhaar_ekyc";
    app.tables["members"][2]["aadhaar"] = "234567890124";
    results = checks::evaluate_eligibility(enrolment, app, nullptr);
    BOOST_TEST(rule(results, "head-of-family-rule").status == RuleStatus::pass);
    BOOST_TEST(
        rule(results, "head-of-family-rule").because.en ==
        "Family members, head first: #2 (Santosh Devi) Relation to head: Self (head) = Self (head); Gender: "
        "Female = Female; age 41 on 1 Mar 2025 ≥ 18 years");
    BOOST_TEST(rule(results, "ekyc-over-five").status == RuleStatus::pass);
    for (const auto& r : results)
        BOOST_TEST(r.because.en.find("7890124") == std::string::npos, r.because.en);
}

BOOST_AUTO_TEST_CASE(income_update_once_per_financial_year_through_the_history) {
    const auto& update = service("rj.jan-aadhaar-income-update");
    auto app = application("2025-06-10T10:00:00+05:30");  // FY 2025-26
    app.number = "RJ/2025/000200";
    app.service_id = update.id;
    app.fields = {
        {"jan_aadhaar_family_id", "1234567890"}, {"update_kind", "annual"}, {"financial_year", "2024"}};

    auto approved = [&](const std::string& number, const std::string& family, const std::string& decided) {
        model::Application a = app;
        a.number = number;
        a.fields["jan_aadhaar_family_id"] = family;
        a.status = model::Status::approved;
        model::ActionRecord record;
        record.decision.action = model::Action::approve;
        record.decision.decided_at = *parse_timestamp(decided);
        a.history.push_back(record);
        return a;
    };
    checks::InMemoryHistory history;
    history.add(approved("RJ/2025/000100", "1234567890", "2025-03-31T20:00:00+05:30"));  // FY 2024-25
    history.add(approved("RJ/2025/000150", "9999999999", "2025-05-01T10:00:00+05:30"));  // another family
    auto pending = approved("RJ/2025/000160", "1234567890", "2025-05-01T10:00:00+05:30");
    pending.status = model::Status::pending;
    history.add(pending);

    BOOST_TEST(rule(checks::evaluate_eligibility(update, app, nullptr), "annual-once-per-year").status ==
               RuleStatus::unknown);
    auto r = rule(checks::evaluate_eligibility(update, app, &history), "annual-once-per-year");
    BOOST_TEST(r.status == RuleStatus::pass);
    BOOST_TEST(r.because.en == "no other approved application in FY 2025-26 for this Jan Aadhaar family ID");

    // Approved at 00:30 IST on 1 April: still 31 March in UTC, but the financial year is India's.
    history.add(approved("RJ/2025/000180", "1234567890", "2025-04-01T00:30:00+05:30"));
    r = rule(checks::evaluate_eligibility(update, app, &history), "annual-once-per-year");
    BOOST_TEST(r.status == RuleStatus::fail);
    BOOST_TEST(
        r.because.en ==
        "Kind of update: Annual income update (once per financial year) ≠ One-time correction of a typing "
        "mistake | already approved in FY 2025-26 for this Jan Aadhaar family ID: RJ/2025/000180 approved on "
        "1 Apr 2025");
    BOOST_TEST(r.because.hi.find("वित्तीय वर्ष 2025-26") != std::string::npos);
    // The application itself never counts against itself.
    history.add(approved(app.number, "1234567890", "2025-06-11T10:00:00+05:30"));
    BOOST_TEST(
        history.approved_in_financial_year(update.id, "jan_aadhaar_family_id", "1234567890", 2025, app.number)
            .size() == 1u);

    auto last = rule(checks::evaluate_eligibility(update, app, &history), "last-financial-year");
    BOOST_TEST(last.status == RuleStatus::pass);
    BOOST_TEST(last.because.en ==
               "Financial year of the income (starting year: 2024 for 2024-25): 2024 = the financial year "
               "before 10 Jun 2025: 2024-25");
}

BOOST_AUTO_TEST_CASE(financial_years) {
    BOOST_TEST(checks::financial_year_of(*parse_date("2025-03-31")) == 2024);
    BOOST_TEST(checks::financial_year_of(*parse_date("2025-04-01")) == 2025);
    BOOST_TEST(checks::financial_year_name(2025) == "2025-26");
    BOOST_TEST(checks::financial_year_name(2099) == "2099-00");
}

BOOST_AUTO_TEST_SUITE_END()

namespace {

// A value every validator accepts for a field type.
std::string sample_value(const catalogue::FieldDefinition& f) {
    static const std::map<std::string, std::string> kSamples{{"date", "1990-01-15"},
                                                             {"number", "5"},
                                                             {"year", "2020"},
                                                             {"money", "120000.50"},
                                                             {"boolean", "yes"},
                                                             {"email", "applicant@example.in"},
                                                             {"aadhaar", "234567890124"},
                                                             {"pan", "ABCPE1234F"},
                                                             {"ifsc", "SBIN0001234"},
                                                             {"mobile", "9876543210"},
                                                             {"pincode", "834001"},
                                                             {"bank_account", "123456789012"},
                                                             {"lgd_code", "362145"},
                                                             {"jan_aadhaar_family_id", "1234567890"},
                                                             {"jan_aadhaar_member_id", "12345678901"},
                                                             {"samagra_family_id", "12345678"},
                                                             {"samagra_member_id", "123456789"},
                                                             {"haryana_family_id", "1AB2C3D4"}};
    if (f.type == "enum")
        return f.options.front().code;
    auto it = kSamples.find(f.type);
    return it == kSamples.end() ? "Sample text" : it->second;
}

model::Application filled(const catalogue::ServiceDefinition& s) {
    auto app = application("2025-03-01T10:00:00+05:30");
    app.service_id = s.id;
    for (const auto& f : s.fields) {
        if (!f.is_table()) {
            app.fields[f.key] = sample_value(f);
            continue;
        }
        for (int i = 0; i < 2; ++i) {
            model::FieldValues row;
            for (const auto& c : f.columns)
                row[c.key] = sample_value(c);
            app.tables[f.key].push_back(row);
        }
    }
    return app;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(eligibility_catalogue)

BOOST_AUTO_TEST_CASE(every_shipped_service_checks_and_explains_like_evaluate_condition) {
    const Date today = *parse_date("2026-01-01");
    BOOST_TEST(shipped().size() >= 1u);
    for (const auto* s : shipped().services()) {
        const auto full = filled(*s);
        for (const auto& r : checks::check_application(*s, full, today))
            BOOST_TEST(r.status == checks::CheckStatus::pass, s->id << " " << r.field << ": " << r.reason.en);
        const model::Application empty = [&] {
            auto a = application();
            a.service_id = s->id;
            return a;
        }();
        std::size_t required = 0, failed = 0;
        for (const auto& f : s->fields)
            required += f.required ? 1 : 0;
        for (const auto& r : checks::check_application(*s, empty, today))
            failed += r.status == checks::CheckStatus::fail;
        BOOST_TEST(failed == required, s->id);
        for (const auto* app : {&full, &empty}) {
            const auto results = checks::evaluate_eligibility(*s, *app, nullptr);
            BOOST_REQUIRE(results.size() == s->eligibility.size());
            for (std::size_t i = 0; i < results.size(); ++i) {
                const auto truth = catalogue::evaluate_condition(s->eligibility[i].rule, *app);
                const auto expected = truth == catalogue::Truth::yes  ? RuleStatus::pass
                                      : truth == catalogue::Truth::no ? RuleStatus::fail
                                                                      : RuleStatus::unknown;
                BOOST_TEST(results[i].status == expected, s->id << " " << results[i].id);
                BOOST_TEST(!results[i].because.en.empty(), s->id << " " << results[i].id);
                BOOST_TEST(!results[i].because.hi.empty(), s->id << " " << results[i].id);
                BOOST_TEST(results[i].because.en.find("234567890124") == std::string::npos);
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(haryana_shipped_rules) {
    const auto& hr = service("hr.contractual-employee-job-security");
    auto app = filled(hr);
    app.fields["joining_date"] = "2020-01-10";
    app.fields["appointment_order_date"] = "2020-01-01";
    app.tables["service_years"].clear();
    for (const auto& [year, days] : std::vector<std::pair<std::string, std::string>>{
             {"2019", "201"}, {"2020", "250"}, {"2021", "233"}, {"2022", "260"}, {"2023", "300"}})
        app.tables["service_years"].push_back({{"year", year},
                                               {"paid_days", days},
                                               {"office", "PWD Rohtak"},
                                               {"monthly_remuneration", "18000"}});
    const auto results = checks::evaluate_eligibility(hr, app, nullptr);
    const auto& five = rule(results, "five-years-by-cutoff");
    BOOST_TEST(five.status == RuleStatus::fail);
    BOOST_TEST(
        five.because.en.find("10 Jan 2020, 4 years 7 months by 15 Aug 2024 < 5 years") != std::string::npos,
        five.because.en);
    const auto& days = rule(results, "paid-days-each-year");
    BOOST_TEST(days.status == RuleStatus::fail);
    BOOST_TEST(days.because.en.find("2 of 5 rows of ") == 0u, days.because.en);
    BOOST_TEST(days.because.en.find("#1 (2019) ") != std::string::npos, days.because.en);
    BOOST_TEST(days.because.en.find(": 201 < 240; #3 (2021) ") != std::string::npos, days.because.en);
    BOOST_TEST(rule(results, "five-service-years-listed").status == RuleStatus::pass);
}

BOOST_AUTO_TEST_SUITE_END()
