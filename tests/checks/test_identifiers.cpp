// Identifier and value validators, and check_application over a real service definition.
#include <boost/test/unit_test.hpp>

#include "catalogue/catalogue.h"
#include "catalogue/value_check.h"
#include "checks/identifiers.h"
#include "model/identifier_shapes.h"
#include "printers.h"

using namespace jaanch;
using checks::CheckStatus;

namespace {

const Date kToday = *parse_date("2026-11-20");
const checks::CheckContext kContext{kToday, *parse_date("2026-11-01")};

catalogue::FieldDefinition field(const std::string& type, const std::string& key = "f") {
    catalogue::FieldDefinition f;
    f.key = key;
    f.type = type;
    f.label = {key, key};
    return f;
}

CheckStatus status(const std::string& type, const std::string& value, const std::string& key = "f") {
    return checks::check_value(field(type, key), key, value, kContext).status;
}

std::string reason(const std::string& type, const std::string& value, const std::string& key = "f") {
    return checks::check_value(field(type, key), key, value, kContext).reason.en;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(identifiers)

BOOST_AUTO_TEST_CASE(verhoeff_known_values_and_every_single_digit_error) {
    BOOST_TEST(checks::verhoeff_valid("234567890124"));
    BOOST_TEST(checks::verhoeff_valid("216618862674"));
    BOOST_TEST(checks::verhoeff_check_digit("23456789012") == '4');
    BOOST_TEST(checks::verhoeff_check_digit("21661886267") == '4');
    BOOST_TEST(checks::verhoeff_check_digit("236") == '3');  // the classic textbook example: 2363
    // Verhoeff catches every single-digit substitution and every adjacent transposition.
    const std::string good = "234567890124";
    for (std::size_t i = 0; i < good.size(); ++i) {
        for (char d = '0'; d <= '9'; ++d) {
            if (d == good[i])
                continue;
            std::string bad = good;
            bad[i] = d;
            BOOST_TEST(!checks::verhoeff_valid(bad), bad);
        }
        if (i + 1 < good.size() && good[i] != good[i + 1]) {
            std::string swapped = good;
            std::swap(swapped[i], swapped[i + 1]);
            BOOST_TEST(!checks::verhoeff_valid(swapped), swapped);
        }
    }
}

BOOST_AUTO_TEST_CASE(aadhaar_rules_with_reasons) {
    BOOST_TEST(status("aadhaar", "234567890124") == CheckStatus::pass);
    BOOST_TEST(status("aadhaar", "2345 6789 0124") == CheckStatus::pass);
    BOOST_TEST(status("aadhaar", "234567890125") == CheckStatus::fail);
    BOOST_TEST(reason("aadhaar", "234567890125").find("check digit") != std::string::npos);
    const std::string starts_with_one =
        std::string("12345678901") + checks::verhoeff_check_digit("12345678901");
    BOOST_TEST(checks::verhoeff_valid(starts_with_one));
    BOOST_TEST(reason("aadhaar", starts_with_one).find("never starts with 0 or 1") != std::string::npos);
    BOOST_TEST(reason("aadhaar", "23456789012").find("has 11") != std::string::npos);
    BOOST_TEST(reason("aadhaar", "23456789O124").find("digits only") != std::string::npos);
    // No reason ever repeats the number.
    for (const char* v : {"234567890124", "234567890125", "23456789012"})
        BOOST_TEST(reason("aadhaar", v).find("7890") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(pan_format_and_holder_type) {
    BOOST_TEST(status("pan", "ABCPE1234F") == CheckStatus::pass);
    BOOST_TEST(reason("pan", "ABCPE1234F").find("individual person") != std::string::npos);
    BOOST_TEST(status("pan", "ABCCE1234F") == CheckStatus::fail);
    BOOST_TEST(reason("pan", "ABCCE1234F").find("a company") != std::string::npos);
    BOOST_TEST(reason("pan", "ABCXE1234F").find("not a PAN holder type") != std::string::npos);
    BOOST_TEST(status("pan", "abcpe1234f") == CheckStatus::fail);
    BOOST_TEST(status("pan", "ABCPE12345") == CheckStatus::fail);
    BOOST_TEST(checks::pan_holder_type('H')->en == "a Hindu Undivided Family");
}

BOOST_AUTO_TEST_CASE(bank_and_contact_identifiers) {
    BOOST_TEST(status("ifsc", "SBIN0001234") == CheckStatus::pass);
    BOOST_TEST(status("ifsc", "HDFC0ABC123") == CheckStatus::pass);
    BOOST_TEST(status("ifsc", "SBIN1001234") == CheckStatus::fail);  // fifth character must be 0
    BOOST_TEST(status("ifsc", "SBI00001234") == CheckStatus::fail);
    BOOST_TEST(status("mobile", "9876543210") == CheckStatus::pass);
    BOOST_TEST(status("mobile", "5876543210") == CheckStatus::fail);
    BOOST_TEST(reason("mobile", "+919876543210").find("without +91") != std::string::npos);
    BOOST_TEST(reason("mobile", "9999999999").find("placeholder") != std::string::npos);
    BOOST_TEST(status("mobile", "98765 43210") == CheckStatus::pass);
    BOOST_TEST(status("pincode", "834001") == CheckStatus::pass);
    BOOST_TEST(status("pincode", "034001") == CheckStatus::fail);
    BOOST_TEST(status("pincode", "83400") == CheckStatus::fail);
    BOOST_TEST(status("bank_account", "123456789") == CheckStatus::pass);
    BOOST_TEST(status("bank_account", "12345678") == CheckStatus::fail);
    BOOST_TEST(status("bank_account", "1234567890123456789") == CheckStatus::fail);
    BOOST_TEST(status("email", "sunita.oraon@example.in") == CheckStatus::pass);
    for (const char* bad : {"sunita", "a@b", "a@@b.in", "@b.in", "a@b..in", "a b@c.in", "a@b.i"})
        BOOST_TEST(status("email", bad) == CheckStatus::fail, bad);
}

BOOST_AUTO_TEST_CASE(family_identifiers_by_length) {
    BOOST_TEST(status("jan_aadhaar_family_id", "1234567890") == CheckStatus::pass);
    BOOST_TEST(reason("jan_aadhaar_family_id", "123456789").find("must have 10 digits; this one has 9") !=
               std::string::npos);
    BOOST_TEST(status("jan_aadhaar_member_id", "12345678901") == CheckStatus::pass);
    BOOST_TEST(status("jan_aadhaar_member_id", "1234567890") == CheckStatus::fail);
    BOOST_TEST(status("samagra_family_id", "12345678") == CheckStatus::pass);
    BOOST_TEST(status("samagra_family_id", "123456789") == CheckStatus::fail);
    BOOST_TEST(status("samagra_member_id", "123456789") == CheckStatus::pass);
    BOOST_TEST(status("samagra_member_id", "12345678A") == CheckStatus::fail);
    BOOST_TEST(status("haryana_family_id", "1AB2C3D4") == CheckStatus::pass);
    BOOST_TEST(status("haryana_family_id", "1ab2c3d4") == CheckStatus::fail);
    BOOST_TEST(status("lgd_code", "362145") == CheckStatus::pass);
    BOOST_TEST(status("lgd_code", "36-21") == CheckStatus::fail);
}

BOOST_AUTO_TEST_CASE(dates_numbers_money_enums) {
    BOOST_TEST(status("date", "2026-11-20") == CheckStatus::pass);
    BOOST_TEST(reason("date", "2026-11-21").find("in the future (today is 20 Nov 2026)") !=
               std::string::npos);
    BOOST_TEST(status("date", "2026-02-30") == CheckStatus::fail);
    BOOST_TEST(status("date", "1850-01-01") == CheckStatus::fail);
    // Ages are computed at the reference date (the submission), not today.
    BOOST_TEST(reason("date", "1994-11-02", "date_of_birth") == "Valid date; age 31 on 1 Nov 2026.");
    BOOST_TEST(reason("date", "1994-11-01", "date_of_birth") == "Valid date; age 32 on 1 Nov 2026.");
    BOOST_TEST(checks::check_value(field("date", "date_of_birth"), "x", "1994-11-01", kContext).reason.hi ==
               "तिथि सही; 1 नवंबर 2026 को आयु 32 वर्ष।");
    BOOST_TEST(reason("date", "2026-11-10", "date_of_birth").find("Born after") != std::string::npos);
    BOOST_TEST(status("money", "250000.00") == CheckStatus::pass);
    BOOST_TEST(status("money", "250000") == CheckStatus::pass);
    BOOST_TEST(status("money", "2,50,000") == CheckStatus::fail);
    BOOST_TEST(status("money", "250000.005") == CheckStatus::fail);
    BOOST_TEST(status("money", "-5") == CheckStatus::fail);
    BOOST_TEST(status("number", "240") == CheckStatus::pass);
    BOOST_TEST(status("number", "24O") == CheckStatus::fail);
    BOOST_TEST(status("year", "2019") == CheckStatus::pass);
    BOOST_TEST(status("year", "2028") == CheckStatus::fail);
    BOOST_TEST(status("boolean", "yes") == CheckStatus::pass);
    BOOST_TEST(status("boolean", "true") == CheckStatus::fail);
    auto e = field("enum");
    e.options = {{"death", {"Death", "मृत्यु"}}, {"marriage", {"Marriage", "विवाह"}}};
    BOOST_TEST(checks::check_value(e, "r", "death", kContext).reason.hi == "मृत्यु।");
    BOOST_TEST(checks::check_value(e, "r", "divorce", kContext).reason.en ==
               "\"divorce\" is not one of the choices: death, marriage.");
}

BOOST_AUTO_TEST_CASE(application_fields_and_table_cells_addressed) {
    const auto loaded = catalogue::load_catalogue(JAANCH_FORMS_DIR);
    const auto* service = loaded.catalogue.latest("rj.jan-aadhaar-member-deletion");
    BOOST_REQUIRE(service != nullptr);
    model::Application app;
    app.service_id = service->id;
    app.submitted_at = *parse_timestamp("2026-11-01T10:00:00+05:30");
    app.fields = {{"jan_aadhaar_family_id", "123456789"},  // one digit short
                  {"head_name", "Santosh Devi"},
                  {"member_id", "12345678903"},
                  {"member_name", "Ramesh"},
                  {"deletion_reason", "death"},
                  {"applicant_mobile", "9876543210"},
                  {"favourite_colour", "blue"}};
    app.tables["members"] = {
        {{"member_id", "12345678901"},
         {"name", "Santosh Devi"},
         {"relation", "head"},
         {"gender", "F"},
         {"date_of_birth", "1970-01-20"}},
        {{"member_id", "12345678902"},
         {"name", "Sita"},
         {"relation", "daughter"},
         {"gender", "F"},
         {"date_of_birth", "2030-01-01"}},
        {{"member_id", "12345678903"}, {"name", "Ramesh"}, {"relation", "son"}, {"gender", "X"}}};
    const auto results = checks::check_application(*service, app, kToday);
    auto find = [&](const std::string& address) -> const checks::FieldCheck* {
        for (const auto& r : results) {
            if (r.field == address)
                return &r;
        }
        return nullptr;
    };
    BOOST_REQUIRE(find("jan_aadhaar_family_id"));
    BOOST_TEST(find("jan_aadhaar_family_id")->status == CheckStatus::fail);
    BOOST_TEST(find("head_name")->status == CheckStatus::pass);
    BOOST_TEST(find("date_of_death")->status == CheckStatus::not_applicable);
    BOOST_TEST(find("members")->status == CheckStatus::pass);
    BOOST_TEST(find("members[0].date_of_birth")->status == CheckStatus::pass);
    BOOST_TEST(find("members[1].date_of_birth")->status == CheckStatus::fail);
    BOOST_TEST(find("members[2].gender")->status == CheckStatus::fail);
    BOOST_TEST(find("members[2].date_of_birth")->reason.en == "Required, but left empty.");
    BOOST_TEST(find("favourite_colour")->status == CheckStatus::fail);
    // Every scalar field and every cell of every row is reported once, in form order.
    BOOST_TEST(results.front().field == "jan_aadhaar_family_id");
    BOOST_TEST(results.size() == service->fields.size() + 3 * 5 + 1);
}

// One rule per identifier: the hub's ingest (catalogue::value_problem) refuses exactly the values whose shape
// the checks refuse, and the checks fail every one of them too (they judge more on top: check digits …).
BOOST_AUTO_TEST_CASE(hub_and_checks_share_each_identifiers_shape) {
    const std::vector<std::pair<std::string, std::vector<std::string>>> samples{
        {"aadhaar",
         {"234567890124", "234567890125", "034567890124", "134567890124", "23456789012", "2345678901245",
          "23456789012A"}},
        {"pan", {"ABCPE1234F", "ABCXE1234F", "ABCPE1234", "abcpe1234f", "ABCP11234F", "ABCPE12345"}},
        {"ifsc", {"SBIN0001234", "SBIN1001234", "SBI00001234", "SBIN000123", "SBIN000123a"}},
        {"mobile", {"9876543210", "5876543210", "987654321", "98765432100", "98765x3210"}},
        {"pincode", {"834008", "034008", "83400", "8340080", "83400a"}},
        {"bank_account", {"123456789", "12345678", "123456789012345678", "1234567890123456789", "12345678a"}},
        {"haryana_family_id", {"AB12CD34", "ab12cd34", "AB12CD3", "AB12CD345", "AB12-D34"}},
    };
    for (const auto& [type, values] : samples) {
        const auto f = field(type);
        for (const auto& v : values) {
            const bool hub_refuses = catalogue::value_problem(f, v).has_value();
            const bool shape_ok = type == "aadhaar"        ? model::aadhaar_shape(v)
                                  : type == "pan"          ? model::pan_shape(v)
                                  : type == "ifsc"         ? model::ifsc_shape(v)
                                  : type == "mobile"       ? model::mobile_shape(v)
                                  : type == "pincode"      ? model::pincode_shape(v)
                                  : type == "bank_account" ? model::bank_account_shape(v)
                                                           : model::haryana_family_id_shape(v);
            BOOST_TEST(hub_refuses == !shape_ok, type << " " << v);
            if (!shape_ok)
                BOOST_TEST((status(type, v) == CheckStatus::fail), type << " " << v);
        }
    }
    // Shape, not truth: the hub takes an Aadhaar number with a wrong check digit; the checks fail it.
    BOOST_TEST(!catalogue::value_problem(field("aadhaar"), "234567890125").has_value());
    BOOST_TEST((status("aadhaar", "234567890125") == CheckStatus::fail));
    BOOST_TEST(model::exactly_digits("1234567890", 10));
    BOOST_TEST(!model::exactly_digits("123456789", 10));
    BOOST_TEST(!model::exactly_digits("", 0));
}

BOOST_AUTO_TEST_SUITE_END()
