// The token watcher against a real SoftHSM2: a token created with softhsm2-util while the watcher runs is
// reported, and so is its deletion (SoftHSM's stand-in for pulling the USB token out).
#include <cstdlib>
#include <string>

#include <boost/test/unit_test.hpp>

#include "core/signing_fixture.h"
#include "crypto/softhsm_token.h"
#include "crypto/token_watcher.h"
#include "util/dispatch.h"

using namespace jaanch;
using namespace std::chrono_literals;

namespace {

bool has_token(const crypto::TokenPresence& p, const std::string& label) {
    for (const auto& t : p.tokens)
        if (t.label == label)
            return true;
    return false;
}

int run(const std::string& command) {
    return std::system((command + " >/dev/null 2>&1").c_str());
}

}  // namespace

BOOST_AUTO_TEST_SUITE(token_watcher)

BOOST_AUTO_TEST_CASE(scan_sees_the_test_token_and_names_a_missing_module) {
    const auto& token = test::shared_pki().token;  // sets SOFTHSM2_CONF for this process
    const auto presence = crypto::scan_tokens(token.module);
    BOOST_TEST(presence.problem.empty(), presence.problem);
    BOOST_TEST(has_token(presence, token.label));
    const auto missing = crypto::scan_tokens("/nonexistent/libvendor-pkcs11.so");
    BOOST_TEST(missing.tokens.empty());
    BOOST_TEST(missing.problem.find("/nonexistent/libvendor-pkcs11.so") != std::string::npos,
               missing.problem);
}

BOOST_AUTO_TEST_CASE(insertion_and_removal_are_reported) {
    const auto& token = test::shared_pki().token;
    dispatch::MainQueue queue;
    queue.install();
    std::vector<crypto::TokenPresence> reports;
    const std::string label = "WATCH-" + std::to_string(::getpid());
    auto wait_for = [&](auto&& predicate) {
        const auto until = std::chrono::steady_clock::now() + 15s;
        while (std::chrono::steady_clock::now() < until) {
            queue.run_for(100ms);
            if (!reports.empty() && predicate(reports.back()))
                return true;
        }
        return false;
    };
    {
        crypto::TokenWatcher watcher(
            token.module, [&](const crypto::TokenPresence& p) { reports.push_back(p); }, 200ms);
        BOOST_TEST_REQUIRE(wait_for([&](const auto& p) { return has_token(p, token.label); }));
        BOOST_TEST(!has_token(reports.back(), label));
        const std::size_t before = reports.size();

        BOOST_TEST_REQUIRE(run("softhsm2-util --init-token --free --label " + label +
                               " --so-pin 12345678 --pin 123456") == 0);
        BOOST_TEST(wait_for([&](const auto& p) { return has_token(p, label); }),
                   "the new token was not reported");
        BOOST_TEST(reports.size() == before + 1);  // one change, one report
        BOOST_TEST(has_token(reports.back(), token.label));

        BOOST_TEST_REQUIRE(run("softhsm2-util --delete-token --token " + label) == 0);
        BOOST_TEST(wait_for([&](const auto& p) { return !has_token(p, label); }),
                   "the removal was not reported");
        BOOST_TEST(has_token(reports.back(), token.label));
    }
    // After the watcher is gone nothing more arrives.
    const std::size_t final_count = reports.size();
    queue.run_for(300ms);
    BOOST_TEST(reports.size() == final_count);
}

BOOST_AUTO_TEST_SUITE_END()
