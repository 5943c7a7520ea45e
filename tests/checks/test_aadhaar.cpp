// Aadhaar masking in free text and the AES-256-GCM vault with its lookup tokens.
#include <boost/test/unit_test.hpp>

#include "checks/aadhaar_mask.h"
#include "crypto/aadhaar_vault.h"

using namespace jaanch;

BOOST_AUTO_TEST_SUITE(aadhaar_masking)

BOOST_AUTO_TEST_CASE(mask_keeps_only_the_last_four_digits) {
    BOOST_TEST(checks::mask_aadhaar("234567890124") == "XXXX-XXXX-0124");
    BOOST_TEST(checks::mask_aadhaar("2345 6789 0124") == "XXXX-XXXX-0124");
    BOOST_TEST(checks::mask_aadhaar("12") == "XXXX-XXXX-XXXX");
}

BOOST_AUTO_TEST_CASE(redaction_in_free_text) {
    BOOST_TEST(checks::redact_aadhaar_numbers("uid 234567890124 found") == "uid XXXX-XXXX-0124 found");
    BOOST_TEST(checks::redact_aadhaar_numbers("2345 6789 0124") == "XXXX-XXXX-0124");
    BOOST_TEST(checks::redact_aadhaar_numbers("(2166-1886-2674)") == "(XXXX-XXXX-2674)");
    BOOST_TEST(checks::redact_aadhaar_numbers("a=234567890124,b=216618862674") ==
               "a=XXXX-XXXX-0124,b=XXXX-XXXX-2674");
    BOOST_TEST(checks::redact_aadhaar_numbers("आधार: 234567890124।") == "आधार: XXXX-XXXX-0124।");
    // Kept: a wrong check digit, part of a longer number, mixed separators, numbers starting 0/1, short runs.
    for (const char* kept : {"234567890125", "1234567890124", "2345678901240", "2345-6789 0124",
                             "2345 67890124", "account 0123456789012", "12 Nov 2026", "JH/RNC/2026/000123"})
        BOOST_TEST(checks::redact_aadhaar_numbers(kept) == kept, kept);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(aadhaar_vault)

BOOST_AUTO_TEST_CASE(seal_open_round_trip_without_plaintext) {
    const auto key = crypto::AadhaarVault::random_key();
    crypto::AadhaarVault vault(key);
    const auto sealed = vault.seal("2345 6789 0124", "JH/RNC/2026/000123#aadhaar");
    BOOST_TEST(sealed.size() == 1u + 12u + 12u + 16u);
    const std::string bytes(sealed.begin(), sealed.end());
    BOOST_TEST(bytes.find("234567890124") == std::string::npos);
    BOOST_TEST(bytes.find("0124") == std::string::npos);
    BOOST_TEST(vault.open(sealed, "JH/RNC/2026/000123#aadhaar") == "234567890124");
    // Fresh nonce each time: equal numbers give different ciphertexts.
    BOOST_TEST((vault.seal("234567890124", "x") != vault.seal("234567890124", "x")));
}

BOOST_AUTO_TEST_CASE(tampering_wrong_context_and_wrong_key_are_refused) {
    crypto::AadhaarVault vault(crypto::AadhaarVault::random_key());
    auto sealed = vault.seal("234567890124", "app-1");
    BOOST_CHECK_THROW(vault.open(sealed, "app-2"), crypto::CryptoError);
    crypto::AadhaarVault other(crypto::AadhaarVault::random_key());
    BOOST_CHECK_THROW(other.open(sealed, "app-1"), crypto::CryptoError);
    for (std::size_t i = 0; i < sealed.size(); ++i) {
        auto altered = sealed;
        altered[i] ^= 0x01;
        BOOST_CHECK_THROW(vault.open(altered, "app-1"), crypto::CryptoError);
    }
    BOOST_CHECK_THROW(vault.open(crypto::Bytes(10, 1), "app-1"), crypto::CryptoError);
    BOOST_CHECK_THROW(crypto::AadhaarVault(crypto::Bytes(16, 0)), crypto::CryptoError);
}

BOOST_AUTO_TEST_CASE(lookup_tokens_find_equal_numbers_only_under_the_same_key) {
    const auto key = crypto::AadhaarVault::random_key();
    crypto::AadhaarVault a(key), b(key), c(crypto::AadhaarVault::random_key());
    const auto token = a.lookup_token("234567890124");
    BOOST_TEST(token.size() == 64u);
    BOOST_TEST(token == b.lookup_token("2345-6789-0124"));
    BOOST_TEST(token != a.lookup_token("216618862674"));
    BOOST_TEST(token != c.lookup_token("234567890124"));
}

BOOST_AUTO_TEST_CASE(tokens_match_an_independent_hkdf_hmac) {
    // Referee: the `openssl` command derives the token key with HKDF and computes the HMAC itself.
    const crypto::Bytes key(32, 0x42);
    crypto::AadhaarVault vault(key);
    std::string key_hex;
    for (auto b : key) {
        char buf[3];
        std::snprintf(buf, sizeof buf, "%02x", b);
        key_hex += buf;
    }
    const std::string derive = "openssl kdf -keylen 32 -kdfopt digest:SHA256 -kdfopt hexkey:" + key_hex +
                               " -kdfopt salt:jaanch-aadhaar-vault -kdfopt info:hmac-sha256-token HKDF";
    FILE* p = popen(derive.c_str(), "r");
    BOOST_REQUIRE(p != nullptr);
    char line[256] = {};
    BOOST_REQUIRE(std::fgets(line, sizeof line, p) != nullptr);
    pclose(p);
    std::string derived;
    for (const char* s = line; *s; ++s) {
        if (std::isxdigit(static_cast<unsigned char>(*s)))
            derived += static_cast<char>(std::tolower(*s));
    }
    BOOST_REQUIRE(derived.size() == 64u);
    const std::string mac =
        "printf %s 234567890124 | openssl dgst -sha256 -mac HMAC -macopt hexkey:" + derived;
    p = popen(mac.c_str(), "r");
    BOOST_REQUIRE(p != nullptr);
    BOOST_REQUIRE(std::fgets(line, sizeof line, p) != nullptr);
    pclose(p);
    const std::string out = line;
    BOOST_TEST(out.find(vault.lookup_token("234567890124")) != std::string::npos, out);
}

BOOST_AUTO_TEST_SUITE_END()
