#include "crypto/test_pki.h"

#include <openssl/pem.h>
#include <openssl/rand.h>

#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>

#include "crypto/crypto_error.h"
#include "crypto/ossl.h"
#include "crypto/softhsm_token.h"
#include "crypto/x509_builder.h"

namespace jaanch::crypto {
namespace {

using namespace std::chrono_literals;
using std::filesystem::path;

constexpr auto kDay = std::chrono::seconds{24h};
constexpr auto kYear = 365 * kDay;
constexpr const char* kTestOnly = "TEST ONLY - NOT A REAL DSC";
constexpr const char* kSigningUsage = "critical,digitalSignature,nonRepudiation";
constexpr const char* kCaUsage = "critical,keyCertSign,cRLSign";

SecretString random_digits(std::size_t count) {
    unsigned char bytes[32];
    if (RAND_bytes(bytes, static_cast<int>(count)) != 1)
        throw CryptoError("Cannot draw random numbers.");
    char text[33];
    for (std::size_t i = 0; i < count; ++i)
        text[i] = static_cast<char>('0' + bytes[i] % 10);
    SecretString out(std::string_view(text, count));
    OPENSSL_cleanse(text, sizeof text);
    OPENSSL_cleanse(bytes, sizeof bytes);
    return out;
}

SecretString random_password() {
    unsigned char bytes[12];
    if (RAND_bytes(bytes, sizeof bytes) != 1)
        throw CryptoError("Cannot draw random numbers.");
    std::string text = "test-only-" + ossl::hex(bytes, sizeof bytes);
    SecretString out(text);
    OPENSSL_cleanse(text.data(), text.size());
    OPENSSL_cleanse(bytes, sizeof bytes);
    return out;
}

// A DSC-like subject as Indian CAs issue them: C, ST, postalCode, O, OU, title, pseudonym, serialNumber
// (in real DSCs a hash of the holder's PAN; here a hash of the test id) and CN; plus a TEST ONLY description.
std::vector<std::pair<std::string, std::string>> officer_subject(const DemoOfficer& o) {
    return {{"C", "IN"},
            {"ST", o.state},
            {"postalCode", o.postal_code},
            {"O", o.organisation},
            {"OU", o.department},
            {"title", o.title},
            {"pseudonym", ossl::sha256_hex("pseudonym:" + o.id).substr(0, 32)},
            {"serialNumber", ossl::sha256_hex("TEST-ID:" + o.id)},
            {"description", kTestOnly},
            {"CN", o.name}};
}

struct Authority {
    ossl::EvpPkeyPtr key;
    ossl::X509Ptr cert;
};

class Generator {
  public:
    explicit Generator(const TestPkiOptions& options)
        : o_(options),
          password_(options.password.empty() ? random_password() : SecretString(options.password)) {}

    TestPki run();

  private:
    TestIdentity issue_identity(const DemoOfficer& officer, const path& folder, const std::string& file_stem,
                                Timestamp not_before, Timestamp not_after, const char* usage,
                                const Authority& ca, ossl::EvpPkeyPtr* key_out = nullptr,
                                ossl::X509Ptr* cert_out = nullptr);
    void make_token(TestPki& pki, const DemoOfficer& officer, EVP_PKEY* key, X509* cert);
    void write_manifest(const TestPki& pki) const;

    const TestPkiOptions& o_;
    SecretString password_;
    Authority root_, sub_;
};

TestIdentity Generator::issue_identity(const DemoOfficer& officer, const path& folder,
                                       const std::string& file_stem, Timestamp not_before,
                                       Timestamp not_after, const char* usage, const Authority& ca,
                                       ossl::EvpPkeyPtr* key_out, ossl::X509Ptr* cert_out) {
    ossl::EvpPkeyPtr key = x509::generate_rsa_key();
    x509::CertificateSpec spec{officer_subject(officer), not_before, not_after, false, usage, ""};
    ossl::X509Ptr cert = x509::issue(spec, key.get(), ca.cert.get(), ca.key.get(),
                                     ca.cert.get() == sub_.cert.get() ? o_.crl_url : std::string());
    TestIdentity id{officer.id,
                    officer.name,
                    officer.role,
                    officer.level,
                    folder / (file_stem + ".p12"),
                    folder / (file_stem + ".pem"),
                    ossl::sha256_hex(ossl::to_der(cert.get()))};
    std::vector<X509*> chain{ca.cert.get()};
    if (ca.cert.get() == sub_.cert.get())
        chain.push_back(root_.cert.get());
    x509::write_pkcs12(id.p12, key.get(), cert.get(), chain, password_,
                       officer.name + " (" + kTestOnly + ")");
    x509::write_pem(id.certificate, cert.get());
    if (key_out)
        *key_out = std::move(key);
    if (cert_out)
        *cert_out = std::move(cert);
    return id;
}

void Generator::make_token(TestPki& pki, const DemoOfficer& officer, EVP_PKEY* key, X509* cert) {
    const path dir = o_.out_dir / "token";
    SecretString pin = random_digits(6), so_pin = random_digits(8);
    x509::write_text(dir / "pin.txt", std::string(pin.view()) + "\n", true);
    x509::write_text(dir / "so-pin.txt", std::string(so_pin.view()) + "\n", true);
    SoftHsmTokenSpec spec;
    spec.dir = dir;
    spec.module = o_.softhsm_module;
    spec.label = "JAANCH-TEST";
    spec.so_pin = &so_pin;
    spec.user_pin = &pin;
    spec.key = key;
    spec.cert = cert;
    spec.object_label = "dsc-" + officer.id;
    spec.object_id_hex = "01";
    const SoftHsmToken token = create_softhsm_token(spec);
    pki.has_token = true;
    pki.token = TestToken{o_.softhsm_module, token.config,       token.label,
                          token.serial,      spec.object_label,  spec.object_id_hex,
                          dir / "pin.txt",   dir / "so-pin.txt", pki.officers.front()};
}

TestPki Generator::run() {
    const Timestamp now = o_.now;
    TestPki pki;
    pki.dir = o_.out_dir;
    pki.trust_dir = o_.out_dir / "trust";
    pki.ca_bundle = o_.out_dir / "ca.pem";
    pki.crl = o_.out_dir / "crl" / "sub-ca.crl.pem";
    pki.password_file = o_.out_dir / "password.txt";
    pki.root_certificate = pki.trust_dir / "root-ca.pem";
    pki.sub_ca_certificate = pki.trust_dir / "sub-ca.pem";
    x509::write_text(pki.password_file, std::string(password_.view()) + "\n", true);

    root_.key = x509::generate_rsa_key();
    root_.cert = x509::issue({{{"C", "IN"},
                               {"O", "Test Controller of Certifying Authorities (TEST ONLY)"},
                               {"CN", "Test CCA India Root"}},
                              now - 5 * kYear,
                              now + 20 * kYear,
                              true,
                              kCaUsage,
                              ""},
                             root_.key.get(), nullptr, root_.key.get());
    sub_.key = x509::generate_rsa_key();
    sub_.cert = x509::issue({{{"C", "IN"},
                              {"O", "Jaanch Test Certifying Authority (TEST ONLY)"},
                              {"OU", "Licensed CA"},
                              {"CN", "Jaanch Test Licensed CA 2026"}},
                             now - 4 * kYear,
                             now + 10 * kYear,
                             true,
                             kCaUsage,
                             ""},
                            sub_.key.get(), root_.cert.get(), root_.key.get());
    x509::write_pem(pki.root_certificate, root_.cert.get());
    x509::write_pem(pki.sub_ca_certificate, sub_.cert.get());
    x509::write_pem(pki.ca_bundle, std::vector<X509*>{root_.cert.get(), sub_.cert.get()});
    x509::write_encrypted_key(o_.out_dir / "root-ca.key.pem", root_.key.get(), password_);
    pki.sub_ca_key = o_.out_dir / "sub-ca.key.pem";
    x509::write_encrypted_key(pki.sub_ca_key, sub_.key.get(), password_);

    ossl::EvpPkeyPtr first_key;
    ossl::X509Ptr first_cert;
    for (const auto& officer : o_.officers) {
        pki.officers.push_back(issue_identity(
            officer, o_.out_dir / "officers", officer.id, now - kDay, now + 2 * kYear, kSigningUsage, sub_,
            first_key ? nullptr : &first_key, first_cert ? nullptr : &first_cert));
    }
    const path special = o_.out_dir / "special";
    DemoOfficer stand_in = o_.officers.empty() ? demo_officers().front() : o_.officers.front();
    auto variant = [&](const std::string& id, const std::string& name) {
        DemoOfficer v = stand_in;
        v.id = id;
        v.name = name;
        return v;
    };
    pki.expired = issue_identity(variant("expired", "Expired Officer (TEST)"), special, "expired",
                                 now - 3 * kYear, now - 30 * kDay, kSigningUsage, sub_);
    ossl::X509Ptr revoked_cert;
    pki.revoked = issue_identity(variant("revoked", "Revoked Officer (TEST)"), special, "revoked", now - kDay,
                                 now + 2 * kYear, kSigningUsage, sub_, nullptr, &revoked_cert);
    pki.encipher_only =
        issue_identity(variant("encipher-only", "Encipherment Only (TEST)"), special, "encipher-only",
                       now - kDay, now + 2 * kYear, "critical,keyEncipherment", sub_);
    Authority rogue;
    rogue.key = x509::generate_rsa_key();
    rogue.cert = x509::issue({{{"C", "IN"}, {"O", "Rogue Test CA (TEST ONLY)"}, {"CN", "Rogue Test CA"}},
                              now - kYear,
                              now + 5 * kYear,
                              true,
                              kCaUsage,
                              ""},
                             rogue.key.get(), nullptr, rogue.key.get());
    x509::write_pem(special / "rogue-ca.pem", rogue.cert.get());
    pki.untrusted = issue_identity(variant("untrusted", "Untrusted Officer (TEST)"), special, "untrusted",
                                   now - kDay, now + 2 * kYear, kSigningUsage, rogue);
    pki.key_only_p12 = special / "key-only.p12";
    ossl::EvpPkeyPtr lone_key = x509::generate_rsa_key();
    x509::write_pkcs12(pki.key_only_p12, lone_key.get(), nullptr, {}, password_,
                       "key without certificate (TEST)");

    ossl::X509CrlPtr crl =
        x509::make_crl(sub_.cert.get(), sub_.key.get(), {{revoked_cert.get(), now - kDay / 2}},
                       now - kDay / 4, now + 30 * kDay);
    x509::write_pem(pki.crl, crl.get());

    if (o_.with_token && !o_.officers.empty())
        make_token(pki, o_.officers.front(), first_key.get(), first_cert.get());
    write_manifest(pki);
    return pki;
}

ossl::X509Ptr read_pem_certificate(const path& file) {
    std::ifstream in(file, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), {});
    ossl::BioPtr bio = ossl::memory_bio(bytes);
    ossl::X509Ptr cert(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
    if (!cert)
        throw CryptoError("The file " + file.string() + " holds no PEM certificate.");
    return cert;
}

nlohmann::json identity_json(const TestIdentity& i) {
    return {{"id", i.id},
            {"name", i.name},
            {"role", i.role},
            {"level", i.level},
            {"p12", i.p12.string()},
            {"certificate", i.certificate.string()},
            {"certificate_sha256", i.certificate_sha256}};
}

void Generator::write_manifest(const TestPki& pki) const {
    nlohmann::json officers = nlohmann::json::array();
    for (const auto& o : pki.officers)
        officers.push_back(identity_json(o));
    nlohmann::json m{
        {"test_only", true},
        {"warning", "TEST PKI generated by jaanch-cli pki demo. Never trust these certificates."},
        {"trust_dir", pki.trust_dir.string()},
        {"ca_bundle", pki.ca_bundle.string()},
        {"crl", pki.crl.string()},
        {"password_file", pki.password_file.string()},
        {"officers", officers},
        {"expired", identity_json(pki.expired)},
        {"revoked", identity_json(pki.revoked)},
        {"encipher_only", identity_json(pki.encipher_only)},
        {"untrusted", identity_json(pki.untrusted)},
        {"key_only_p12", pki.key_only_p12.string()}};
    if (pki.has_token) {
        m["token"] = {{"module", pki.token.module.string()},
                      {"softhsm2_conf", pki.token.config.string()},
                      {"label", pki.token.label},
                      {"serial", pki.token.serial},
                      {"key_label", pki.token.key_label},
                      {"key_id", pki.token.key_id},
                      {"pin_file", pki.token.pin_file.string()},
                      {"officer", pki.token.officer.id}};
    }
    x509::write_text(pki.dir / "manifest.json", m.dump(2) + "\n");
    x509::write_text(
        pki.dir / "README.txt",
        "TEST ONLY. This folder is a throw-away test PKI made by `jaanch-cli pki demo`.\n"
        "The root \"Test CCA India Root\" is not CCA India's; no certificate here is a real DSC.\n"
        "password.txt opens every .p12 and CA key; token/pin.txt is the SoftHSM2 token's user PIN.\n"
        "To use the token: export SOFTHSM2_CONF=" +
            (pki.has_token ? pki.token.config.string() : std::string("(no token made)")) +
            "\nSee manifest.json for every file and docs/signatures.md for the commands.\n");
}

}  // namespace

const std::vector<DemoOfficer>& demo_officers() {
    static const std::vector<DemoOfficer> officers{
        {"vdo.jaipur.1", "Suresh Kumar Meena", "VDO", "L1", "Village Development Officer", "Rajasthan",
         "Government of Rajasthan", "Rural Development and Panchayati Raj Department", "302001"},
        {"eo.jaipur.1", "Kavita Sharma", "EO", "L1", "Executive Officer", "Rajasthan",
         "Government of Rajasthan", "Local Self Government Department", "302001"},
        {"bso.jaipur.1", "Rajendra Singh Rathore", "BSO", "L2", "Block Statistical Officer", "Rajasthan",
         "Government of Rajasthan", "Directorate of Economics and Statistics", "302001"},
        {"sdo.jaipur.1", "Meenakshi Choudhary", "SDO", "L2", "Sub-Divisional Officer", "Rajasthan",
         "Government of Rajasthan", "Revenue Department", "302001"},
        {"collector.jaipur", "Prakash Chandra Sharma", "COLLECTOR", "DC", "District Collector", "Rajasthan",
         "Government of Rajasthan", "Revenue Department", "302001"},
        {"karmachari.ranchi.1", "Sunil Oraon", "KARMACHARI", "L1", "Revenue Karmachari", "Jharkhand",
         "Government of Jharkhand", "Revenue, Registration and Land Reforms Department", "834001"},
        {"ci.ranchi.1", "Anil Kumar Mahto", "CI", "L1", "Circle Inspector", "Jharkhand",
         "Government of Jharkhand", "Revenue, Registration and Land Reforms Department", "834001"},
        {"co.ranchi.1", "Rekha Kumari", "CO", "L2", "Circle Officer", "Jharkhand", "Government of Jharkhand",
         "Revenue, Registration and Land Reforms Department", "834001"},
        {"ddo.panchkula.1", "Harpreet Kaur", "DDO", "L1", "Drawing and Disbursing Officer", "Haryana",
         "Government of Haryana", "Human Resources Department", "134109"},
    };
    return officers;
}

TestPki generate_test_pki(const TestPkiOptions& options) {
    std::error_code ec;
    if (std::filesystem::exists(options.out_dir, ec) && !std::filesystem::is_empty(options.out_dir, ec)) {
        throw CryptoError("The folder " + options.out_dir.string() +
                          " is not empty. Give a new or empty folder for the test PKI.");
    }
    std::filesystem::create_directories(options.out_dir);
    TestPkiOptions absolute = options;
    absolute.out_dir = std::filesystem::absolute(options.out_dir);
    return Generator(absolute).run();
}

void issue_test_crl(const TestPki& pki, const TestCrlOptions& options, const path& out) {
    std::ifstream pw(pki.password_file);
    std::string password;
    std::getline(pw, password);
    std::ifstream key_in(pki.sub_ca_key, std::ios::binary);
    const std::string key_pem((std::istreambuf_iterator<char>(key_in)), {});
    ossl::BioPtr key_bio = ossl::memory_bio(key_pem);
    ossl::EvpPkeyPtr key(PEM_read_bio_PrivateKey(key_bio.get(), nullptr, nullptr, password.data()));
    OPENSSL_cleanse(password.data(), password.size());
    if (!key)
        throw CryptoError("Cannot read the test sub-CA's key " + pki.sub_ca_key.string() + " (" +
                          ossl::take_errors() + ").");
    const ossl::X509Ptr ca = read_pem_certificate(pki.sub_ca_certificate);
    std::vector<ossl::X509Ptr> certs;
    std::vector<x509::Revocation> revoked;
    for (const auto& entry : options.revoked) {
        certs.push_back(read_pem_certificate(entry.certificate));
        revoked.push_back({certs.back().get(), entry.revoked_at});
    }
    const ossl::X509CrlPtr crl =
        x509::make_crl(ca.get(), key.get(), revoked, options.this_update, options.next_update);
    x509::write_pem(out, crl.get());
}

}  // namespace jaanch::crypto
