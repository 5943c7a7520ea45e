// RFC 8785 (JCS) conformance of the canonical bytes, with the RFC's own examples, and the decision's normal
// form.
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>

#include <boost/test/unit_test.hpp>

#include "core/model_samples.h"
#include "crypto/canonical_json.h"

using namespace jaanch;

namespace {

double from_bits(std::uint64_t bits) {
    return std::bit_cast<double>(bits);
}

std::string jcs(std::string_view text) {
    return crypto::canonical_json(json::Json::parse(text));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(canonical_json)

// RFC 8785 §3.2.2: the main example (whitespace, number and string serialisation, literals).
BOOST_AUTO_TEST_CASE(rfc8785_main_example) {
    const char* input = R"({
      "numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],
      "string": "\u20ac$\u000F\u000aA'\u0042\u0022\u005c\\\"\/",
      "literals": [null, true, false]
    })";
    const std::string expected =
        "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
        "\"string\":\"\xE2\x82\xAC$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}";
    BOOST_TEST(jcs(input) == expected);
}

// RFC 8785 §3.2.3: member names sorted by UTF-16 code units (the emoji, a surrogate pair, sorts before
// U+FB33, although its UTF-8 bytes sort after).
BOOST_AUTO_TEST_CASE(rfc8785_sorting_example) {
    const char* input = R"({
      "\u20ac": "Euro Sign",
      "\r": "Carriage Return",
      "\ufb33": "Hebrew Letter Dalet With Dagesh",
      "1": "One",
      "\ud83d\ude00": "Emoji: Grinning Face",
      "\u0080": "Control",
      "\u00f6": "Latin Small Letter O With Diaeresis"
    })";
    const std::string expected =
        "{\"\\r\":\"Carriage Return\",\"1\":\"One\",\"\xC2\x80\":\"Control\","
        "\"\xC3\xB6\":\"Latin Small Letter O With Diaeresis\",\"\xE2\x82\xAC\":\"Euro Sign\","
        "\"\xF0\x9F\x98\x80\":\"Emoji: Grinning Face\",\"\xEF\xAC\xB3\":\"Hebrew Letter Dalet With Dagesh\"}";
    BOOST_TEST(jcs(input) == expected);
}

// RFC 8785 Appendix B: IEEE-754 bit patterns and their ECMAScript serialisation.
BOOST_AUTO_TEST_CASE(rfc8785_appendix_b_numbers) {
    const std::pair<std::uint64_t, const char*> cases[] = {
        {0x0000000000000000, "0"},
        {0x8000000000000000, "0"},
        {0x0000000000000001, "5e-324"},
        {0x8000000000000001, "-5e-324"},
        {0x7fefffffffffffff, "1.7976931348623157e+308"},
        {0xffefffffffffffff, "-1.7976931348623157e+308"},
        {0x4340000000000000, "9007199254740992"},
        {0xc340000000000000, "-9007199254740992"},
        {0x4430000000000000, "295147905179352830000"},
        {0x44b52d02c7e14af5, "9.999999999999997e+22"},
        {0x44b52d02c7e14af6, "1e+23"},
        {0x44b52d02c7e14af7, "1.0000000000000001e+23"},
        {0x444b1ae4d6e2ef4e, "999999999999999700000"},
        {0x444b1ae4d6e2ef4f, "999999999999999900000"},
        {0x444b1ae4d6e2ef50, "1e+21"},
        {0x3eb0c6f7a0b5ed8c, "9.999999999999997e-7"},
        {0x3eb0c6f7a0b5ed8d, "0.000001"},
        {0x41b3de4355555553, "333333333.3333332"},
        {0x41b3de4355555554, "333333333.33333325"},
        {0x41b3de4355555555, "333333333.3333333"},
        {0x41b3de4355555556, "333333333.3333334"},
        {0x41b3de4355555557, "333333333.33333343"},
        {0xbecbf647612f3696, "-0.0000033333333333333333"},
        {0x43143ff3c1cb0959, "1424953923781206.2"},
    };
    for (const auto& [bits, text] : cases) {
        BOOST_TEST_CONTEXT("bits " << std::hex << bits) {
            BOOST_TEST(crypto::canonical_number(from_bits(bits)) == text);
        }
    }
    BOOST_CHECK_THROW(crypto::canonical_number(from_bits(0x7fffffffffffffff)), InputError);  // NaN
    BOOST_CHECK_THROW(crypto::canonical_number(from_bits(0x7ff0000000000000)), InputError);  // Infinity
}

BOOST_AUTO_TEST_CASE(strings_escape_only_what_jcs_escapes) {
    json::Json j = std::string("\x01\x1f\x7f/<>\xE2\x80\xA8\t\b\f");
    BOOST_TEST(crypto::canonical_json(j) == "\"\\u0001\\u001f\x7f/<>\xE2\x80\xA8\\t\\b\\f\"");
}

BOOST_AUTO_TEST_CASE(what_jcs_cannot_represent_is_an_error_naming_the_path) {
    json::Json j = {{"a", {{"big", std::uint64_t{9007199254740993ULL}}}}};
    BOOST_CHECK_EXCEPTION(crypto::canonical_json(j), InputError,
                          [](const InputError& e) { return e.path() == "$.a.big"; });
    json::Json ok = {{"edge", std::uint64_t{9007199254740992ULL}},
                     {"neg", std::int64_t{-9007199254740992LL}}};
    BOOST_TEST(crypto::canonical_json(ok) == "{\"edge\":9007199254740992,\"neg\":-9007199254740992}");
    json::Json bad_utf8 = {{"s", std::string("\xC3\x28")}};
    BOOST_CHECK_EXCEPTION(crypto::canonical_json(bad_utf8), InputError,
                          [](const InputError& e) { return e.path() == "$.s"; });
    json::Json surrogate = {{"s", std::string("\xED\xA0\x80")}};  // U+D800 encoded as UTF-8
    BOOST_CHECK_THROW(crypto::canonical_json(surrogate), InputError);
    json::Json nan = {{"x", std::nan("")}};
    BOOST_CHECK_THROW(crypto::canonical_json(nan), InputError);
}

BOOST_AUTO_TEST_CASE(decision_bytes_do_not_depend_on_layout_or_key_order) {
    const auto d = test::sample_decision();
    const std::string bytes = crypto::canonical_decision_bytes(d);
    BOOST_TEST(bytes.find(' ') != std::string::npos);  // spaces inside strings stay
    BOOST_TEST(bytes.find("\n") == std::string::npos);
    BOOST_TEST(bytes.rfind(
                   "{\"action\":\"reject\",\"application\":\"JH/RNC/2026/000123\",\"application_version\":3,",
                   0) == 0);
    json::Json j = d;
    const std::string pretty = j.dump(4);
    BOOST_TEST(crypto::canonical_decision_bytes_from_text(pretty, "pretty.json") == bytes);
    // Same content, keys in reverse order, other whitespace.
    std::string reversed = "{";
    for (auto it = j.rbegin(); it != j.rend(); ++it) {
        if (reversed.size() > 1)
            reversed += " ,\n ";
        reversed += json::Json(it.key()).dump() + " : " + it.value().dump();
    }
    reversed += "}";
    BOOST_TEST(crypto::canonical_decision_bytes_from_text(reversed, "reversed.json") == bytes);
}

BOOST_AUTO_TEST_CASE(decision_text_must_be_in_normal_form) {
    json::Json j = test::sample_decision();
    j["decided_at"] = "2026-11-20T15:45:00+05:30";  // the same instant, not in the signed form
    BOOST_CHECK_EXCEPTION(crypto::canonical_decision_bytes_from_text(j.dump(), "d.json"), InputError,
                          [](const InputError& e) { return e.path() == "$.decided_at"; });
    j = test::sample_decision();
    j["unexpected"] = 1;
    BOOST_CHECK_EXCEPTION(crypto::canonical_decision_bytes_from_text(j.dump(), "d.json"), InputError,
                          [](const InputError& e) { return e.path() == "$.unexpected"; });
}

BOOST_AUTO_TEST_CASE(the_documented_example_is_a_valid_decision) {
    std::ifstream in(JAANCH_DOCS_DIR "/examples/decision.json");
    const std::string text((std::istreambuf_iterator<char>(in)), {});
    BOOST_REQUIRE(!text.empty());
    const std::string bytes = crypto::canonical_decision_bytes_from_text(text, "decision.json");
    std::ifstream canon(JAANCH_DOCS_DIR "/examples/decision.canonical.json", std::ios::binary);
    const std::string documented((std::istreambuf_iterator<char>(canon)), {});
    BOOST_TEST(bytes == documented);  // docs/signatures.md shows these bytes
}

BOOST_AUTO_TEST_SUITE_END()
