// The workstation's account logic without a window (src/workstation/account_settings, policy_signer):
// settings keep no secret and survive a round trip; a log-in to an unreachable hub is an outcome, not an
// exception; the PIN policy asks a real SoftHSM2 token's PIN once per signature ("every time") or once per
// session, a wrong PIN is the token's error and is asked only once.
#include <atomic>
#include <fstream>

#include <boost/test/unit_test.hpp>

#include "core/signing_fixture.h"
#include "crypto/crypto_error.h"
#include "workstation/account_settings.h"
#include "workstation/policy_signer.h"

using namespace jaanch;

BOOST_AUTO_TEST_SUITE(account_logic)

namespace {

workstation::AccountSettings token_settings(workstation::PinPolicy policy) {
    const auto& t = test::shared_pki().token;
    workstation::AccountSettings s;
    s.key_source = workstation::KeySource::token;
    s.pkcs11_module = t.module.string();
    s.token_label = t.label;
    s.pin_policy = policy;
    return s;
}

struct Prompt {
    std::string pin;
    std::shared_ptr<int> asked = std::make_shared<int>(0);
    crypto::PinPrompt fn() const {
        return [pin = pin, asked = asked](const crypto::PinRequest&) {
            ++*asked;
            return crypto::SecretString(pin);
        };
    }
};

std::string right_pin() {
    return std::string(crypto::read_secret_file(test::shared_pki().token.pin_file).view());
}

}  // namespace

BOOST_AUTO_TEST_CASE(settings_round_trip_without_secrets) {
    test::TempDir dir("jaanch-settings");
    const auto file = dir.path() / "jaanch" / "settings.json";
    BOOST_TEST(workstation::load_settings(file).hub_url.empty());  // no file: defaults
    workstation::AccountSettings s = token_settings(workstation::PinPolicy::session);
    s.hub_url = "https://hub.example:8443";
    s.user = "vdo_01";
    s.language = "hi";
    workstation::save_settings(file, s);
    const auto back = workstation::load_settings(file);
    BOOST_TEST(back.hub_url == s.hub_url);
    BOOST_TEST(back.user == s.user);
    BOOST_TEST(back.language == "hi");
    BOOST_TEST((back.key_source == workstation::KeySource::token));
    BOOST_TEST(back.token_label == s.token_label);
    BOOST_TEST((back.pin_policy == workstation::PinPolicy::session));
    const std::string text = test::read_bytes(file);
    BOOST_TEST(text.find("password") == std::string::npos);
    BOOST_TEST(text.find("pin\"") == std::string::npos);
    std::ofstream(file) << "{\"hub_url\": 5}";
    BOOST_CHECK_THROW(workstation::load_settings(file), Error);
}

BOOST_AUTO_TEST_CASE(unreachable_hub_is_an_outcome) {
    const auto a = workstation::attempt_login("http://127.0.0.1:1", "vdo_01", crypto::SecretString("x"), "");
    BOOST_TEST((a.outcome == workstation::LoginOutcome::unreachable));
    BOOST_TEST(a.message.find("cannot be reached") != std::string::npos, a.message);
    const auto empty = workstation::attempt_login("", "vdo_01", crypto::SecretString("x"), "");
    BOOST_TEST((empty.outcome == workstation::LoginOutcome::refused));
}

BOOST_AUTO_TEST_CASE(every_time_asks_at_each_signature) {
    Prompt prompt{right_pin()};
    workstation::PolicySigner signer(
        workstation::opener_for(token_settings(workstation::PinPolicy::every_time), prompt.fn()),
        workstation::PinPolicy::every_time, "token");
    BOOST_TEST(!signer.certificate_der().empty());
    BOOST_TEST(!signer.sign("{\"a\":1}").empty());
    BOOST_TEST(!signer.is_open());
    BOOST_TEST(!signer.certificate_der().empty());  // known already: no second prompt for it
    BOOST_TEST(!signer.sign("{\"a\":2}").empty());
    BOOST_TEST(*prompt.asked == 2);
}

BOOST_AUTO_TEST_CASE(session_asks_once_until_forgotten) {
    Prompt prompt{right_pin()};
    workstation::PolicySigner signer(
        workstation::opener_for(token_settings(workstation::PinPolicy::session), prompt.fn()),
        workstation::PinPolicy::session, "token");
    BOOST_TEST(!signer.sign("{\"a\":1}").empty());
    BOOST_TEST(!signer.sign("{\"a\":2}").empty());
    BOOST_TEST(*prompt.asked == 1);
    signer.forget();  // log-out or exit
    BOOST_TEST(!signer.is_open());
    BOOST_TEST(!signer.sign("{\"a\":3}").empty());
    BOOST_TEST(*prompt.asked == 2);
}

BOOST_AUTO_TEST_CASE(wrong_pin_is_the_tokens_error_and_not_retried) {
    Prompt prompt{"000000-wrong"};
    workstation::PolicySigner signer(
        workstation::opener_for(token_settings(workstation::PinPolicy::session), prompt.fn()),
        workstation::PinPolicy::session, "token");
    try {
        signer.sign("{\"a\":1}");
        BOOST_FAIL("a wrong PIN signed");
    } catch (const crypto::SigningError& e) {
        BOOST_TEST((e.kind() == crypto::SigningFailure::wrong_pin), e.what());
    }
    BOOST_TEST(*prompt.asked == 1);
    // The right PIN afterwards works (SoftHSM counts the failure but does not lock after one).
    Prompt good{right_pin()};
    workstation::PolicySigner again(
        workstation::opener_for(token_settings(workstation::PinPolicy::session), good.fn()),
        workstation::PinPolicy::session, "token");
    BOOST_TEST(!again.sign("{\"a\":1}").empty());
}

BOOST_AUTO_TEST_CASE(no_key_chosen_says_where_to_choose_it) {
    BOOST_CHECK_EXCEPTION(workstation::opener_for(workstation::AccountSettings{}, {}), crypto::SigningError,
                          [](const crypto::SigningError& e) {
                              return std::string(e.what()).find("Preferences") != std::string::npos;
                          });
}

BOOST_AUTO_TEST_SUITE_END()
