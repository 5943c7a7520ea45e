// Test harness for the hub: a real `jaanch-hub serve` process on 127.0.0.1 with an ephemeral port and a
// temporary data folder, a libcurl HTTP client, and officers with real PKCS#12 test certificates
// (crypto::generate_test_pki) whose decisions are signed by crypto::Pkcs12Signer.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "crypto/test_pki.h"
#include "model/decision.h"
#include "util/json_reader.h"

namespace jaanch::hub::test {

using json::Json;

struct HttpResponse {
    long status = 0;
    std::string body;
    std::map<std::string, std::string> headers;  // lower-case names
    Json json() const;
    // True when the body is the API's error shape {code, message, details} with a non-empty message.
    bool is_error_body() const;
    std::string code() const;
};

struct Part {
    std::string name;
    std::string content;
    std::string content_type;
    std::string file_name;
};

class HttpClient {
  public:
    explicit HttpClient(std::string base_url) : base_(std::move(base_url)) {}
    HttpResponse request(const std::string& method, const std::string& path, const std::string& body = "",
                         const std::vector<std::string>& headers = {}) const;
    HttpResponse multipart(const std::string& path, const std::vector<Part>& parts,
                           const std::vector<std::string>& headers = {}) const;
    const std::string& base() const { return base_; }

  private:
    std::string base_;
};

std::string bearer(const std::string& token);

// The officer accounts the tests use, with their PKI identity.
struct TestOfficer {
    std::string id;
    std::string role;
    std::string level;
    std::string district;
    std::string subdistrict;
    bool supervisor = false;
    std::filesystem::path p12;
};

// One test PKI per test program (generating RSA keys takes a while); officers by id.
const crypto::TestPki& shared_pki();
std::string pki_password();

class HubProcess {
  public:
    // Creates a temporary data folder, `jaanch-hub init`, and copies the test trust anchors into DATA/trust.
    HubProcess();
    ~HubProcess();
    HubProcess(const HubProcess&) = delete;
    HubProcess& operator=(const HubProcess&) = delete;

    void start(const std::vector<std::string>& extra_args = {});
    int stop();        // SIGTERM; returns the exit status (0 when clean)
    void kill_hard();  // SIGKILL, as a crash
    bool alive();

    // Runs `jaanch-hub WORDS... --data DATA`; returns the exit code, output in `out` (stdout + stderr).
    int admin(const std::vector<std::string>& words, std::string* out = nullptr) const;

    // Registers an officer with the test certificate of `o.id` (or `certificate_of`), password "pw-" + id.
    void add_officer(const TestOfficer& o, const std::string& certificate_of = "",
                     bool replace = false) const;
    std::string add_portal() const;

    const std::filesystem::path& data() const { return data_; }
    HttpClient client() const { return HttpClient("http://127.0.0.1:" + std::to_string(port_)); }
    int port() const { return port_; }

  private:
    std::filesystem::path data_;
    pid_t pid_ = -1;
    int port_ = 0;
};

// The officers of the role-matrix world: Rajasthan (state "08"), district "110", sub-districts "1001"/"1002".
std::vector<TestOfficer> world_officers();

// An ingest body for rj.jan-aadhaar-member-deletion in sub-district `subdistrict` (area rural/urban);
// `reason` is the deletion reason; the documents are `docs` (id → bytes, PDFs).
Json deletion_application(const std::string& number, const std::string& subdistrict, const std::string& area,
                          const std::string& reason, const std::map<std::string, std::string>& docs);
std::vector<Part> ingest_parts(const Json& application, const std::map<std::string, std::string>& docs);
std::map<std::string, std::string> sample_documents(const std::string& seed);

// Logs in and signs decisions as one officer.
class OfficerSession {
  public:
    OfficerSession(const HttpClient& client, const TestOfficer& officer);
    const std::string& token() const { return token_; }
    const TestOfficer& officer() const { return officer_; }

    model::Decision decision(const std::string& number, std::uint64_t version, model::Action action,
                             const std::string& reason = "", const std::string& remark = "") const;
    // Binds the application as this officer reads it from the hub, every page of every document opened
    // (tests that probe the review rule change Decision::documents afterwards).
    void bind_as_seen(model::Decision& d) const;
    std::string body_for(const model::Decision& d) const;  // {"decision", "signature"} signed with the p12
    HttpResponse decide(const model::Decision& d) const;
    HttpResponse get(const std::string& path) const;
    HttpResponse post(const std::string& path, const std::string& json_body) const;
    HttpResponse del(const std::string& path) const;

  private:
    const HttpClient& client_;
    TestOfficer officer_;
    std::string token_;
};

std::string new_uuid();
std::string url_escape(const std::string& text);

}  // namespace jaanch::hub::test
