// Signing with a real SoftHSM2 token through libp11: success, and each token failure with its own kind.
// SoftHSM never locks a PIN by itself and has no USB plug, so "locked" sets the token's CKF_USER_PIN_LOCKED
// flag in its token file, and "removed" deletes the token's folder while a signer is open; everything else is
// real.
#include <atomic>
#include <thread>

#include <boost/test/unit_test.hpp>

#include "core/model_samples.h"
#include "core/signing_fixture.h"
#include "crypto/canonical_json.h"
#include "crypto/pkcs11_signer.h"
#include "crypto/pkcs12_signer.h"
#include "crypto/softhsm_token.h"
#include "crypto/verifier.h"
#include "crypto/x509_builder.h"

using namespace jaanch;
namespace ossl = jaanch::crypto::ossl;
using crypto::SigningFailure;

namespace {

using namespace std::chrono_literals;

std::string canonical() {
    return crypto::canonical_decision_bytes(test::sample_decision());
}

crypto::Pkcs11Config token_config() {
    const auto& t = test::shared_pki().token;
    return {t.module, t.label, "", t.key_id, ""};
}

// A prompt answering from a file (or with a fixed text) and counting how often it is asked.
struct CountingPrompt {
    std::string pin;
    std::shared_ptr<std::atomic<int>> calls = std::make_shared<std::atomic<int>>(0);
    crypto::PinPrompt fn() const {
        return [pin = pin, calls = calls](const crypto::PinRequest&) {
            ++*calls;
            return crypto::SecretString(pin);
        };
    }
};

CountingPrompt right_pin() {
    return {std::string(crypto::read_secret_file(test::shared_pki().token.pin_file).view())};
}

SigningFailure failure_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const crypto::SigningError& e) {
        BOOST_TEST_MESSAGE(e.what());
        return e.kind();
    }
    BOOST_FAIL("expected a SigningError");
    return SigningFailure::signing_failed;
}

bool same(SigningFailure a, SigningFailure b) {
    return a == b;
}

// The folder SoftHSM keeps a token in, found by the label in its token.object.
std::filesystem::path token_folder(const std::string& label) {
    const auto tokens = test::shared_pki().token.config.parent_path() / "tokens";
    std::string padded = label + std::string(32 - label.size(), ' ');
    for (const auto& entry : std::filesystem::directory_iterator(tokens)) {
        if (test::read_bytes(entry.path() / "token.object").find(padded) != std::string::npos)
            return entry.path();
    }
    for (const auto& entry : std::filesystem::directory_iterator(tokens))
        BOOST_TEST_MESSAGE("token folder " << entry.path());
    throw std::runtime_error("no SoftHSM folder for token " + label);
}

// Sets CKF_USER_PIN_LOCKED in the token flags SoftHSM stores (attribute CKA_VENDOR_DEFINED + 0x534B, a
// ulong).
void mark_locked(const std::string& label) {
    const auto file = token_folder(label) / "token.object";
    std::string bytes = test::read_bytes(file);
    const std::string tag("\x00\x00\x00\x00\x80\x00\x53\x4b", 8);
    const auto at = bytes.find(tag);
    BOOST_REQUIRE(at != std::string::npos);
    bytes[at + 16 + 5] = static_cast<char>(bytes[at + 16 + 5] | 0x04);  // 0x00040000, big-endian 8 bytes
    crypto::x509::write_text(file, bytes);
}

// Extra tokens beside the PKI's own, in the same SoftHSM folder: made once, before any signer of this suite.
struct ExtraTokens {
    ExtraTokens() {
        for (const char* label : {"NOCERT", "LOCKED", "REMOVABLE"}) {
            ossl::EvpPkeyPtr key = crypto::x509::generate_rsa_key();
            ossl::X509Ptr cert = crypto::x509::issue({{{"CN", std::string("Token test ") + label}},
                                                      now_utc() - 1h,
                                                      now_utc() + 24h,
                                                      false,
                                                      "critical,digitalSignature",
                                                      ""},
                                                     key.get(), nullptr, key.get());
            crypto::SecretString so("12345678"), user("4321");
            crypto::SoftHsmTokenSpec spec;
            spec.dir = test::shared_pki().token.config.parent_path();
            spec.label = label;
            spec.so_pin = &so;
            spec.user_pin = &user;
            spec.key = key.get();
            spec.cert = std::string(label) == "NOCERT" ? nullptr : cert.get();
            spec.object_label = "k";
            spec.object_id_hex = "0a";
            crypto::create_softhsm_token(spec);
        }
        mark_locked("LOCKED");
    }
};

void make_extra_tokens() {
    static ExtraTokens tokens;
}

crypto::Pkcs11Config extra(const std::string& label) {
    return {test::shared_pki().token.module, label, "", "", ""};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(signing_pkcs11)

BOOST_AUTO_TEST_CASE(token_signature_verifies_as_the_officer) {
    const auto& pki = test::shared_pki();
    BOOST_REQUIRE(pki.has_token);
    auto prompt = right_pin();
    crypto::Pkcs11Signer signer(token_config(), prompt.fn());
    BOOST_TEST(*prompt.calls == 1);
    const std::string der = signer.sign(canonical());
    const auto r = crypto::verify(canonical(), der, {pki.trust_dir, {pki.crl}, std::nullopt},
                                  {pki.officers.at(0).certificate_sha256});
    BOOST_TEST(r.ok, r.message);
    BOOST_TEST(signer.description().find("JAANCH-TEST") != std::string::npos);
    // A second signature needs no second PIN.
    BOOST_TEST(crypto::verify(canonical(), signer.sign(canonical()), {pki.trust_dir, {}, std::nullopt}).ok);
    BOOST_TEST(*prompt.calls == 1);
}

BOOST_AUTO_TEST_CASE(token_is_found_by_serial_and_key_by_label) {
    const auto& t = test::shared_pki().token;
    auto prompt = right_pin();
    crypto::Pkcs11Signer signer({t.module, "", t.serial, "", t.key_label}, prompt.fn());
    BOOST_TEST(crypto::verify(canonical(), signer.sign(canonical()),
                              {test::shared_pki().trust_dir, {}, std::nullopt})
                   .ok);
}

BOOST_AUTO_TEST_CASE(wrong_pin_is_reported_once_and_never_retried) {
    CountingPrompt wrong{"000000"};
    BOOST_TEST(same(failure_of([&] { crypto::Pkcs11Signer(token_config(), wrong.fn()); }),
                    SigningFailure::wrong_pin));
    BOOST_TEST(*wrong.calls == 1);
    CountingPrompt cancelled{""};
    BOOST_TEST(same(failure_of([&] { crypto::Pkcs11Signer(token_config(), cancelled.fn()); }),
                    SigningFailure::pin_cancelled));
}

BOOST_AUTO_TEST_CASE(module_token_and_key_must_exist) {
    const auto& pki = test::shared_pki();
    auto prompt = right_pin();
    auto config = token_config();
    config.module = "/nonexistent/libvendor-pkcs11.so";
    BOOST_TEST(same(failure_of([&] { crypto::Pkcs11Signer(config, prompt.fn()); }),
                    SigningFailure::module_not_found));
    config.module = pki.root_certificate;  // a file, but not a shared library
    BOOST_TEST(same(failure_of([&] { crypto::Pkcs11Signer(config, prompt.fn()); }),
                    SigningFailure::module_not_found));
    config = token_config();
    config.token_label = "NO-SUCH-TOKEN";
    BOOST_TEST(same(failure_of([&] { crypto::Pkcs11Signer(config, prompt.fn()); }),
                    SigningFailure::token_not_found));
    config = token_config();
    config.key_id = "";
    config.key_label = "no-such-key";
    BOOST_TEST(
        same(failure_of([&] { crypto::Pkcs11Signer(config, prompt.fn()); }), SigningFailure::key_not_found));
    BOOST_TEST(*prompt.calls == 1);  // asked only where the token was found
}

BOOST_AUTO_TEST_CASE(key_without_certificate) {
    make_extra_tokens();
    CountingPrompt prompt{"4321"};
    BOOST_TEST(same(failure_of([&] { crypto::Pkcs11Signer(extra("NOCERT"), prompt.fn()); }),
                    SigningFailure::certificate_not_found));
}

BOOST_AUTO_TEST_CASE(locked_token_is_refused_without_asking_for_the_pin) {
    make_extra_tokens();
    CountingPrompt prompt{"4321"};
    BOOST_TEST(same(failure_of([&] { crypto::Pkcs11Signer(extra("LOCKED"), prompt.fn()); }),
                    SigningFailure::pin_locked));
    BOOST_TEST(*prompt.calls == 0);
    bool listed_locked = false;
    for (const auto& t : crypto::list_tokens(test::shared_pki().token.module))
        if (t.label == "LOCKED")
            listed_locked = t.pin_locked;
    BOOST_TEST(listed_locked);
}

BOOST_AUTO_TEST_CASE(removed_token_fails_the_next_signature) {
    make_extra_tokens();
    CountingPrompt prompt{"4321"};
    crypto::Pkcs11Signer signer(extra("REMOVABLE"), prompt.fn());
    BOOST_TEST(!signer.sign(canonical()).empty());
    std::filesystem::remove_all(token_folder("REMOVABLE"));
    BOOST_TEST(same(failure_of([&] { signer.sign(canonical()); }), SigningFailure::token_removed));
}

BOOST_AUTO_TEST_CASE(concurrent_signers_are_serialised_and_all_verify) {
    const auto& pki = test::shared_pki();
    auto prompt = right_pin();
    crypto::Pkcs11Signer token(token_config(), prompt.fn());
    crypto::SecretString password = test::pki_password();
    crypto::Pkcs12Signer file(pki.officers.at(1).p12, password);
    std::vector<std::string> signatures(6);
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < signatures.size(); ++i) {
        threads.emplace_back([&, i] {
            crypto::Signer& s = i % 2 == 0 ? static_cast<crypto::Signer&>(token) : file;
            signatures[i] = s.sign(canonical());
        });
    }
    for (auto& t : threads)
        t.join();
    // One verifier shared by threads, as the hub shares it.
    const crypto::Verifier verifier({pki.trust_dir, {pki.crl}, std::nullopt});
    std::vector<int> valid(signatures.size(), 0);
    threads.clear();
    for (std::size_t i = 0; i < signatures.size(); ++i)
        threads.emplace_back([&, i] { valid[i] = verifier.verify(canonical(), signatures[i]).ok ? 1 : 0; });
    for (auto& t : threads)
        t.join();
    for (const int v : valid)
        BOOST_TEST(v == 1);
}

BOOST_AUTO_TEST_SUITE_END()
