// Signing with PKCS#12 files and verifying: every verdict the verifier can give, on real keys and
// certificates from the test PKI, with real CMS bytes. The openssl-CLI cross-checks live in tests/cli
// (signing_*.sh).
#include <boost/test/unit_test.hpp>

#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/ess.h>
#include <openssl/pem.h>

#include <fstream>
#include <iterator>
#include "core/model_samples.h"
#include "core/signing_fixture.h"

#include "crypto/canonical_json.h"
#include "crypto/crypto_error.h"
#include "crypto/ossl.h"
#include "crypto/pkcs12_signer.h"
#include "crypto/test_pki.h"
#include "crypto/verifier.h"
#include "crypto/x509_builder.h"

using namespace jaanch;
namespace ossl = jaanch::crypto::ossl;
using crypto::VerifyReason;

namespace {

using namespace std::chrono_literals;

std::string canonical() {
    return crypto::canonical_decision_bytes(test::sample_decision());
}

crypto::Pkcs12Signer p12_signer(const std::filesystem::path& file) {
    return crypto::Pkcs12Signer(file, test::pki_password());
}

crypto::VerifyOptions trust_only() {
    crypto::VerifyOptions o;
    o.trust_dir = test::shared_pki().trust_dir;
    return o;
}

crypto::VerifyOptions with_crl() {
    crypto::VerifyOptions o = trust_only();
    o.crl_files = {test::shared_pki().crl};
    return o;
}

crypto::SigningFailure failure_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const crypto::SigningError& e) {
        BOOST_TEST_MESSAGE(e.what());
        return e.kind();
    }
    BOOST_FAIL("expected a SigningError");
    return crypto::SigningFailure::signing_failed;
}

ossl::EvpPkeyPtr load_encrypted_key(const std::filesystem::path& file) {
    const std::string pem = test::read_bytes(file);
    crypto::SecretString password = test::pki_password();
    ossl::BioPtr bio = ossl::memory_bio(pem);
    return ossl::EvpPkeyPtr(
        PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, const_cast<char*>(password.c_str())));
}

ossl::X509Ptr load_cert(const std::filesystem::path& file) {
    const std::string pem = test::read_bytes(file);
    ossl::BioPtr bio = ossl::memory_bio(pem);
    return ossl::X509Ptr(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(signing_pkcs12)

BOOST_AUTO_TEST_CASE(sign_and_verify_with_every_detail) {
    const auto& pki = test::shared_pki();
    const auto& officer = pki.officers.at(0);
    auto signer = p12_signer(officer.p12);
    const Timestamp when = now_utc() - 1h;
    const std::string der = signer.sign_at(canonical(), when);
    const auto r = crypto::Verifier(with_crl()).verify(canonical(), der, {officer.certificate_sha256});
    BOOST_TEST(r.ok);
    BOOST_TEST(crypto::reason_name(r.reason) == "none");
    BOOST_REQUIRE(r.signer.has_value());
    BOOST_TEST(r.signer->common_name == officer.name);
    BOOST_TEST(r.signer->certificate_sha256 == officer.certificate_sha256);
    BOOST_TEST((r.signer->signing_time == when));
    BOOST_TEST(r.signer->issuer.find("CN=Jaanch Test Licensed CA 2026") != std::string::npos);
    BOOST_TEST(r.signer->subject.find("title=" + std::string("Village Development Officer")) !=
               std::string::npos);
    BOOST_TEST(r.signer->serial.size() >= 30);
    BOOST_TEST((r.signer->not_before < when && when < r.signer->not_after));
    BOOST_TEST(crypto::describe_certificate(test::read_bytes(officer.certificate)).certificate_sha256 ==
               officer.certificate_sha256);
    BOOST_TEST(crypto::ossl::sha256_hex(signer.certificate_der()) == officer.certificate_sha256);
}

BOOST_AUTO_TEST_CASE(cms_carries_cades_bes_attributes) {
    auto signer = p12_signer(test::shared_pki().officers.at(1).p12);
    const std::string der = signer.sign(canonical());
    const auto* p = reinterpret_cast<const unsigned char*>(der.data());
    ossl::CmsPtr cms(d2i_CMS_ContentInfo(nullptr, &p, static_cast<long>(der.size())));
    BOOST_REQUIRE(cms);
    BOOST_TEST(CMS_is_detached(cms.get()) == 1);
    CMS_SignerInfo* si = sk_CMS_SignerInfo_value(CMS_get0_SignerInfos(cms.get()), 0);
    BOOST_TEST(CMS_signed_get_attr_by_NID(si, NID_pkcs9_contentType, -1) >= 0);
    BOOST_TEST(CMS_signed_get_attr_by_NID(si, NID_pkcs9_messageDigest, -1) >= 0);
    BOOST_TEST(CMS_signed_get_attr_by_NID(si, NID_pkcs9_signingTime, -1) >= 0);
    BOOST_TEST(CMS_signed_get_attr_by_NID(si, NID_id_smime_aa_signingCertificateV2, -1) >= 0);
    BOOST_TEST(CMS_signed_get_attr_by_NID(si, NID_SMIMECapabilities, -1) < 0);
    X509_ALGOR* digest = nullptr;
    CMS_SignerInfo_get0_algs(si, nullptr, nullptr, &digest, nullptr);
    const ASN1_OBJECT* md = nullptr;
    X509_ALGOR_get0(&md, nullptr, nullptr, digest);
    BOOST_TEST(OBJ_obj2nid(md) == NID_sha256);
}

BOOST_AUTO_TEST_CASE(tampered_decision_is_content_mismatch) {
    auto signer = p12_signer(test::shared_pki().officers.at(0).p12);
    const std::string der = signer.sign(canonical());
    auto altered = test::sample_decision();
    altered.action = model::Action::approve;
    const auto r = crypto::verify(crypto::canonical_decision_bytes(altered), der, trust_only());
    BOOST_TEST(!r.ok);
    BOOST_TEST(crypto::reason_name(r.reason) == "content_mismatch");
    BOOST_TEST(r.signer.has_value());  // who signed is still known
}

BOOST_AUTO_TEST_CASE(damaged_signature_value_is_bad_signature) {
    auto signer = p12_signer(test::shared_pki().officers.at(0).p12);
    std::string der = signer.sign(canonical());
    der.back() = static_cast<char>(der.back() ^ 0x01);  // the signature value is the last field
    const auto r = crypto::verify(canonical(), der, trust_only());
    BOOST_TEST(crypto::reason_name(r.reason) == "bad_signature");
}

BOOST_AUTO_TEST_CASE(not_cms_is_malformed) {
    BOOST_TEST(crypto::reason_name(crypto::verify(canonical(), "not a signature", trust_only()).reason) ==
               "malformed");
    auto signer = p12_signer(test::shared_pki().officers.at(0).p12);
    const std::string der = signer.sign(canonical());
    const auto r = crypto::verify(canonical(), der.substr(0, der.size() / 2), trust_only());
    BOOST_TEST(crypto::reason_name(r.reason) == "malformed");
    BOOST_TEST(!r.message.empty());
}

BOOST_AUTO_TEST_CASE(signing_certificate_attribute_naming_another_certificate_is_signer_mismatch) {
    // Two certificates for one key; the ESS attribute names the second, the CMS is signed with the first.
    const auto& pki = test::shared_pki();
    ossl::EvpPkeyPtr ca_key = load_encrypted_key(pki.dir / "sub-ca.key.pem");
    ossl::X509Ptr ca = load_cert(pki.sub_ca_certificate);
    BOOST_REQUIRE(ca_key && ca);
    ossl::EvpPkeyPtr key = crypto::x509::generate_rsa_key();
    crypto::x509::CertificateSpec spec{{{"C", "IN"}, {"CN", "Twin Certificate Officer (TEST)"}},
                                       now_utc() - 24h,
                                       now_utc() + 24h,
                                       false,
                                       "critical,digitalSignature",
                                       ""};
    ossl::X509Ptr first = crypto::x509::issue(spec, key.get(), ca.get(), ca_key.get());
    ossl::X509Ptr second = crypto::x509::issue(spec, key.get(), ca.get(), ca_key.get());
    constexpr unsigned kFlags = CMS_DETACHED | CMS_BINARY | CMS_PARTIAL | CMS_NOSMIMECAP;
    ossl::CmsPtr cms(CMS_sign(nullptr, nullptr, nullptr, nullptr, kFlags));
    CMS_SignerInfo* si = CMS_add1_signer(cms.get(), first.get(), key.get(), EVP_sha256(), kFlags);
    ESS_SIGNING_CERT_V2* ess = OSSL_ESS_signing_cert_v2_new_init(EVP_sha256(), second.get(), nullptr, 0);
    unsigned char* ess_der = nullptr;
    const int ess_len = i2d_ESS_SIGNING_CERT_V2(ess, &ess_der);
    BOOST_REQUIRE(CMS_signed_add1_attr_by_NID(si, NID_id_smime_aa_signingCertificateV2, V_ASN1_SEQUENCE,
                                              ess_der, ess_len) == 1);
    OPENSSL_free(ess_der);
    ESS_SIGNING_CERT_V2_free(ess);
    const std::string content = canonical();
    ossl::BioPtr data = ossl::memory_bio(content);
    BOOST_REQUIRE(CMS_final(cms.get(), data.get(), nullptr, kFlags) == 1);
    unsigned char* out = nullptr;
    const int len = i2d_CMS_ContentInfo(cms.get(), &out);
    const std::string der(reinterpret_cast<char*>(out), static_cast<std::size_t>(len));
    OPENSSL_free(out);
    const auto r = crypto::verify(content, der, trust_only());
    BOOST_TEST(crypto::reason_name(r.reason) == "signer_mismatch");
}

BOOST_AUTO_TEST_CASE(certificate_from_an_untrusted_ca_is_untrusted) {
    auto signer = p12_signer(test::shared_pki().untrusted.p12);
    const auto r = crypto::verify(canonical(), signer.sign(canonical()), trust_only());
    BOOST_TEST(crypto::reason_name(r.reason) == "untrusted");
    BOOST_TEST(r.message.find("does not chain to a trusted CA") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(validity_is_judged_at_the_signing_time) {
    const auto& pki = test::shared_pki();
    auto signer = p12_signer(pki.expired.p12);
    const auto now_sig = crypto::verify(canonical(), signer.sign(canonical()), trust_only());
    BOOST_TEST(crypto::reason_name(now_sig.reason) == "outside_validity");
    BOOST_TEST(now_sig.message.find("expired") != std::string::npos);
    // Signed while the certificate was valid: still valid today.
    const std::string old = signer.sign_at(canonical(), now_utc() - 24h * 365);
    BOOST_TEST(crypto::verify(canonical(), old, trust_only()).ok);
    // …unless the caller asks about another time.
    const crypto::Verifier v(trust_only());
    const auto later = v.verify_at(canonical(), old, now_utc());
    BOOST_TEST(crypto::reason_name(later.reason) == "outside_validity");
    BOOST_TEST(later.message.find("the validation time") != std::string::npos);
    // A valid officer's signature dated before their certificate existed.
    auto officer = p12_signer(pki.officers.at(2).p12);
    const auto early =
        crypto::verify(canonical(), officer.sign_at(canonical(), now_utc() - 24h * 30), trust_only());
    BOOST_TEST(crypto::reason_name(early.reason) == "outside_validity");
    BOOST_TEST(early.message.find("not yet valid") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(certificate_not_for_signing_fails_key_usage) {
    auto signer = p12_signer(test::shared_pki().encipher_only.p12);
    const auto r = crypto::verify(canonical(), signer.sign(canonical()), trust_only());
    BOOST_TEST(crypto::reason_name(r.reason) == "key_usage");
}

BOOST_AUTO_TEST_CASE(revocation_is_checked_only_against_configured_crls) {
    auto signer = p12_signer(test::shared_pki().revoked.p12);
    const std::string der = signer.sign(canonical());
    const auto revoked = crypto::verify(canonical(), der, with_crl());
    BOOST_TEST(crypto::reason_name(revoked.reason) == "revoked");
    BOOST_TEST(revoked.message.find("revoked on") != std::string::npos);
    BOOST_TEST(crypto::verify(canonical(), der, trust_only()).ok);  // no CRL configured: not checked
}

BOOST_AUTO_TEST_CASE(crl_that_does_not_cover_the_issuer_is_revocation_unknown) {
    // A CRL carrying the sub-CA's name but signed by another key: it proves nothing.
    const auto& pki = test::shared_pki();
    ossl::X509Ptr ca = load_cert(pki.sub_ca_certificate);
    ossl::EvpPkeyPtr forger = crypto::x509::generate_rsa_key();
    ossl::X509CrlPtr crl =
        crypto::x509::make_crl(ca.get(), forger.get(), {}, now_utc() - 1h, now_utc() + 24h);
    test::TempDir dir("jaanch-crl");
    crypto::x509::write_pem(dir.path() / "forged.crl.pem", crl.get());
    crypto::VerifyOptions o = trust_only();
    o.crl_files = {dir.path() / "forged.crl.pem"};
    auto signer = p12_signer(pki.officers.at(0).p12);
    const auto r = crypto::verify(canonical(), signer.sign(canonical()), o);
    BOOST_TEST(crypto::reason_name(r.reason) == "revocation_unknown");
}

BOOST_AUTO_TEST_CASE(another_officers_certificate_is_not_registered) {
    const auto& pki = test::shared_pki();
    auto signer = p12_signer(pki.officers.at(3).p12);
    const auto r = crypto::verify(canonical(), signer.sign(canonical()), trust_only(),
                                  {pki.officers.at(0).certificate_sha256});
    BOOST_TEST(crypto::reason_name(r.reason) == "not_registered");
}

BOOST_AUTO_TEST_CASE(verifier_setup_errors_are_crypto_errors) {
    crypto::VerifyOptions missing;
    missing.trust_dir = "/nonexistent/trust";
    BOOST_CHECK_THROW(crypto::Verifier{missing}, crypto::CryptoError);
    test::TempDir empty("jaanch-empty-trust");
    crypto::VerifyOptions none;
    none.trust_dir = empty.path();
    BOOST_CHECK_THROW(crypto::Verifier{none}, crypto::CryptoError);
    crypto::VerifyOptions bad_crl = trust_only();
    bad_crl.crl_files = {test::shared_pki().root_certificate};  // a certificate, not a CRL
    BOOST_CHECK_THROW(crypto::Verifier{bad_crl}, crypto::CryptoError);
}

BOOST_AUTO_TEST_CASE(pkcs12_failures_are_specific) {
    const auto& pki = test::shared_pki();
    BOOST_TEST(static_cast<int>(failure_of([&] {
                   crypto::Pkcs12Signer(pki.officers.at(0).p12, crypto::SecretString("wrong password"));
               })) == static_cast<int>(crypto::SigningFailure::wrong_pin));
    BOOST_TEST(static_cast<int>(failure_of([&] { p12_signer(pki.key_only_p12); })) ==
               static_cast<int>(crypto::SigningFailure::certificate_not_found));
    BOOST_TEST(static_cast<int>(failure_of([&] { p12_signer(pki.root_certificate); })) ==
               static_cast<int>(crypto::SigningFailure::file_unreadable));
    BOOST_TEST(static_cast<int>(failure_of([&] { p12_signer(pki.dir / "missing.p12"); })) ==
               static_cast<int>(crypto::SigningFailure::file_unreadable));
}

BOOST_AUTO_TEST_CASE(secret_files_hold_one_line) {
    test::TempDir dir("jaanch-secret");
    crypto::x509::write_text(dir.path() / "pin.txt", "123456\r\nignored\n", true);
    const crypto::SecretString pin = crypto::read_secret_file(dir.path() / "pin.txt");
    BOOST_TEST(pin.view() == "123456");
    const auto perms = std::filesystem::status(dir.path() / "pin.txt").permissions();
    BOOST_TEST(((perms & std::filesystem::perms::others_read) == std::filesystem::perms::none));
    crypto::SecretString moved = crypto::SecretString("abc");
    crypto::SecretString target(std::move(moved));
    BOOST_TEST(moved.empty());
    BOOST_TEST(target.view() == "abc");
    target.clear();
    BOOST_TEST(target.empty());
}

BOOST_AUTO_TEST_CASE(revocation_is_judged_at_the_revocation_time_not_the_signing_time) {
    const auto& pki = test::shared_pki();
    auto signer = p12_signer(pki.revoked.p12);
    // The revoked certificate's CRL entry is dated half a day back.
    const std::string der = signer.sign_at(canonical(), now_utc() - 24h);
    crypto::VerifyExpectations before;
    before.revocation_time = now_utc() - 18h;  // received before the revocation: stands
    const auto kept = crypto::verify(canonical(), der, with_crl(), before);
    BOOST_TEST(kept.ok, kept.message);
    crypto::VerifyExpectations after;
    after.revocation_time = now_utc();  // received after it: refused, though signed before
    const auto refused = crypto::verify(canonical(), der, with_crl(), after);
    BOOST_TEST(crypto::reason_name(refused.reason) == "revoked");
    BOOST_TEST(refused.signer->public_key_sha256.size() == 64u);
}

BOOST_AUTO_TEST_CASE(unknown_and_stale_revocation_status) {
    const auto& pki = test::shared_pki();
    auto signer = p12_signer(pki.officers.at(0).p12);
    const std::string der = signer.sign(canonical());
    crypto::VerifyOptions required = trust_only();
    required.require_revocation = true;
    BOOST_TEST(crypto::reason_name(crypto::verify(canonical(), der, required).reason) ==
               "revocation_unknown");
    required.issuers_without_crl = {crypto::describe_certificate(signer.certificate_der()).issuer};
    BOOST_TEST(crypto::verify(canonical(), der, required).ok);

    test::TempDir dir("jaanch-stale-crl");
    crypto::TestCrlOptions stale;
    stale.this_update = now_utc() - 48h;
    stale.next_update = now_utc() - 24h;
    crypto::issue_test_crl(pki, stale, dir.path() / "stale.crl.pem");
    crypto::VerifyOptions o = trust_only();
    o.crl_files = {dir.path() / "stale.crl.pem"};
    const auto warned = crypto::verify(canonical(), der, o);
    BOOST_TEST(warned.ok);
    BOOST_TEST(warned.crl_stale);
    BOOST_TEST(warned.crl_warning.find("due to be replaced") != std::string::npos);
    o.stale_crl = crypto::StaleCrl::refuse;
    BOOST_TEST(crypto::reason_name(crypto::verify(canonical(), der, o).reason) == "revocation_stale");
}

BOOST_AUTO_TEST_CASE(a_crl_is_checked_against_the_trust_folder) {
    const auto& pki = test::shared_pki();
    std::ifstream in(pki.crl, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), {});
    const auto crl = crypto::check_crl(bytes, pki.trust_dir);
    BOOST_TEST(crl.entries == 1u);
    BOOST_TEST(crl.issuer.find("Jaanch Test Licensed CA 2026") != std::string::npos);
    // Forged: the sub-CA's name, another key.
    ossl::X509Ptr ca = load_cert(pki.sub_ca_certificate);
    ossl::EvpPkeyPtr forger = crypto::x509::generate_rsa_key();
    ossl::X509CrlPtr forged =
        crypto::x509::make_crl(ca.get(), forger.get(), {}, now_utc() - 1h, now_utc() + 24h);
    test::TempDir dir("jaanch-forged-crl");
    crypto::x509::write_pem(dir.path() / "forged.crl.pem", forged.get());
    std::ifstream f(dir.path() / "forged.crl.pem", std::ios::binary);
    const std::string forged_bytes((std::istreambuf_iterator<char>(f)), {});
    BOOST_CHECK_THROW(crypto::check_crl(forged_bytes, pki.trust_dir), crypto::CryptoError);
    BOOST_CHECK_THROW(crypto::check_crl("not a crl", pki.trust_dir), crypto::CryptoError);
}

BOOST_AUTO_TEST_SUITE_END()
