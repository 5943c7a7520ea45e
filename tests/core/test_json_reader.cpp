#include <boost/test/unit_test.hpp>

#include "util/json_locator.h"
#include "util/json_reader.h"
#include "util/time.h"

using namespace jaanch;

BOOST_AUTO_TEST_SUITE(json_reader)

BOOST_AUTO_TEST_CASE(syntax_error_names_line_and_column) {
    const std::string text = "{\n  \"a\": 1,\n  \"b\": tru\n}";
    try {
        json::parse_text(text, "x.json");
        BOOST_FAIL("expected InputError");
    } catch (const InputError& e) {
        BOOST_TEST(std::string(e.what()).find("x.json:3:") == 0, e.what());
    }
}

BOOST_AUTO_TEST_CASE(reader_rejects_unknown_and_missing_keys) {
    auto j = json::Json::parse(R"({"name": "x", "extra": 1})");
    json::ObjectReader r(j, "$");
    BOOST_TEST(r.required<std::string>("name") == "x");
    BOOST_CHECK_EXCEPTION(r.finish(), InputError, [](const InputError& e) { return e.path() == "$.extra"; });
    json::ObjectReader r2(j, "$.outer");
    BOOST_CHECK_EXCEPTION(r2.required<int>("missing"), InputError, [](const InputError& e) {
        return e.path() == "$.outer" && std::string(e.what()).find("\"missing\"") != std::string::npos;
    });
}

BOOST_AUTO_TEST_CASE(reader_rejects_wrong_types_with_path) {
    auto j = json::Json::parse(R"({"list": [1, "two"]})");
    json::ObjectReader r(j, "$");
    BOOST_CHECK_EXCEPTION(r.required<std::vector<int>>("list"), InputError,
                          [](const InputError& e) { return e.path() == "$.list[1]"; });
    auto neg = json::Json::parse("-1");
    std::uint64_t u = 0;
    BOOST_CHECK_THROW(json::read_value(neg, "$", u), InputError);
    auto fraction = json::Json::parse("1.5");
    int i = 0;
    BOOST_CHECK_THROW(json::read_value(fraction, "$", i), InputError);
}

BOOST_AUTO_TEST_CASE(timestamps_round_trip_and_normalise_offsets) {
    auto t = parse_timestamp("2026-11-21T10:30:00+05:30");
    BOOST_REQUIRE(t);
    BOOST_TEST(format_timestamp(*t) == "2026-11-21T05:00:00Z");
    BOOST_TEST(!parse_timestamp("2026-02-30T00:00:00Z"));
    BOOST_TEST(!parse_timestamp("2026-11-21 10:30:00Z"));
    BOOST_TEST(!parse_timestamp("2026-11-21T24:00:00Z"));
    BOOST_TEST(format_date(*parse_date("2024-02-29")) == "2024-02-29");
    BOOST_TEST(!parse_date("2023-02-29"));
}

BOOST_AUTO_TEST_CASE(whole_years_counts_birthdays) {
    BOOST_TEST(whole_years_between(*parse_date("2006-08-15"), *parse_date("2024-08-15")) == 18);
    BOOST_TEST(whole_years_between(*parse_date("2006-08-16"), *parse_date("2024-08-15")) == 17);
    BOOST_TEST(whole_years_between(*parse_date("2019-08-15"), *parse_date("2024-08-15")) == 5);
}

BOOST_AUTO_TEST_CASE(locator_finds_lines_and_duplicate_keys) {
    const std::string text = "{\n \"a\": {\n  \"b\": [\n   1,\n   {\"c\": 2}\n  ]\n },\n \"a\": 3\n}";
    json::Locator loc(text);
    BOOST_TEST(loc.line_of("$.a.b[1].c") == 5u);
    BOOST_TEST(loc.line_of("$.a.b[0]") == 4u);
    BOOST_TEST(loc.line_of("$.a.b[1].missing") == 5u);  // nearest existing parent
    const auto duplicates = json::find_duplicate_keys(text);
    BOOST_REQUIRE(duplicates.size() == 1u);
    BOOST_TEST(duplicates[0] == "$.a");
    const auto nested = json::find_duplicate_keys(R"({"x": [{"k": 1}, {"k": 2, "s": "a:b", "k": 3}]})");
    BOOST_REQUIRE(nested.size() == 1u);
    BOOST_TEST(nested[0] == "$.x[1].k");
    BOOST_TEST(json::find_duplicate_keys(R"({"a": "\"a\":", "b": {"a": 1}})").empty());
}

BOOST_AUTO_TEST_CASE(numbers_beyond_a_double_are_a_syntax_error_naming_their_place) {
    for (const std::string& number :
         {std::string("1e999999"), std::string(10000, '9'), std::string("-2e308")}) {
        try {
            json::parse_text("{\n  \"a\": \"1e999\",\n  \"n\": " + number + "}", "body");
            BOOST_FAIL("no error for " + number.substr(0, 10));
        } catch (const json::SyntaxError& e) {
            BOOST_TEST(e.position().line == 3);
            BOOST_TEST(e.position().column == 8);
            BOOST_TEST(std::string(e.what()).find("too large") != std::string::npos);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
