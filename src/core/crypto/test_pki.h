// The TEST public-key infrastructure behind `jaanch-cli pki demo`, the hub's demo seed and the tests: a root
// ("Test CCA India Root"), a licensed sub-CA, one officer certificate with DSC-like subject fields per demo
// officer, an expired and a revoked certificate with the CRL listing it, a certificate not meant for signing,
// one from an untrusted CA, a key-only PKCS#12, and a SoftHSM2 token holding the first officer's key and
// certificate.
//
// Everything is generated afresh (new keys, random passwords and PINs written into the folder); nothing
// secret is committed anywhere. Every subject says TEST ONLY. Private keys are only written encrypted
// (PKCS#12, or PKCS#8 under the folder's password for the CA keys).
//
// Layout of the folder (also described in its README.txt and manifest.json):
//   trust/           root-ca.pem, sub-ca.pem            → --trust for verify
//   ca.pem    root + sub-CA                      → openssl cms -verify -CAfile
//   crl/sub-ca.crl.pem                                  → --crl
//   password.txt     the password of every .p12 and CA key file
//   officers/ID.p12, officers/ID.pem                    one per demo officer
//   special/{expired,revoked,encipher-only,untrusted,key-only}.p12 (+ .pem), special/rogue-ca.pem
//   token/softhsm2.conf, token/tokens/, token/pin.txt, token/so-pin.txt
//
// Threads: call from one thread; it sets SOFTHSM2_CONF for the process when it makes the token
// (softhsm_token.h).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "util/time.h"

namespace jaanch::crypto {

struct DemoOfficer {
    std::string id;     // hub login, e.g. "vdo.jaipur.1"
    std::string name;   // CN
    std::string role;   // role code of forms/roles.json
    std::string level;  // level id of the service definitions
    std::string title;  // the role's title, as it appears on a DSC
    std::string state;  // ST
    std::string organisation;
    std::string department;  // OU
    std::string postal_code;
};

// The demo officers, one per role used by the demo services (Rajasthan Jan Aadhaar, Jharkhand certificates,
// Haryana contractual employees).
const std::vector<DemoOfficer>& demo_officers();

struct TestIdentity {
    std::string id;
    std::string name;
    std::string role;
    std::string level;
    std::filesystem::path p12;
    std::filesystem::path certificate;  // PEM
    std::string certificate_sha256;     // lowercase hex of the DER certificate
};

struct TestToken {
    std::filesystem::path module;
    std::filesystem::path config;  // SOFTHSM2_CONF
    std::string label;
    std::string serial;
    std::string key_label;
    std::string key_id;  // hex
    std::filesystem::path pin_file;
    std::filesystem::path so_pin_file;
    TestIdentity officer;  // same key and certificate as officers[0]
};

struct TestPki {
    std::filesystem::path dir;
    std::filesystem::path trust_dir;
    std::filesystem::path ca_bundle;
    std::filesystem::path crl;
    std::filesystem::path password_file;
    std::filesystem::path root_certificate;
    std::filesystem::path sub_ca_certificate;
    std::filesystem::path sub_ca_key;  // encrypted PKCS#8 under password_file's password (issue_test_crl)
    std::vector<TestIdentity> officers;
    TestIdentity expired;                // validity ended 30 days ago
    TestIdentity revoked;                // listed in `crl`
    TestIdentity encipher_only;          // key usage keyEncipherment only
    TestIdentity untrusted;              // issued by a rogue CA not in trust/
    std::filesystem::path key_only_p12;  // a private key and no certificate
    bool has_token = false;
    TestToken token;
};

struct TestPkiOptions {
    std::filesystem::path out_dir;  // created if missing; must be empty or not exist
    bool with_token = true;
    std::filesystem::path softhsm_module = "/usr/lib/softhsm/libsofthsm2.so";
    std::vector<DemoOfficer> officers = demo_officers();
    Timestamp now = now_utc();
    // When set, every certificate the sub-CA issues names this URL as its CRL distribution point (a test
    // serves the CRL there over loopback HTTP).
    std::string crl_url;
    // The password of every .p12 and CA key file; random when empty.
    std::string password;
};

// Throws CryptoError / SigningError when something cannot be made or written.
TestPki generate_test_pki(const TestPkiOptions& options);

// A CRL of the test PKI's sub-CA with chosen dates and entries, for revocation tests and the demo.
struct TestCrlOptions {
    struct Entry {
        std::filesystem::path certificate;  // PEM of a certificate the sub-CA issued
        Timestamp revoked_at{};
    };
    std::vector<Entry> revoked;
    Timestamp this_update = now_utc();
    Timestamp next_update = now_utc() + std::chrono::days(30);
};

// Signs the CRL with the sub-CA's key (read from the folder under its password) and writes it as PEM to
// `out` (folders created). Throws CryptoError when the key, a certificate or the file cannot be used.
void issue_test_crl(const TestPki& pki, const TestCrlOptions& options, const std::filesystem::path& out);

}  // namespace jaanch::crypto
