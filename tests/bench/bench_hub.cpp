// Hub benchmark: with N applications stored (default 100,000), the latency of a 500-entry queue page (p50,
// p95) and signed decisions per second with 50 concurrent clients on loopback, signature verification
// included.
//
// The applications are written straight through SqliteStorage in batches (what an ingest commits, without the
// HTTP round trips); everything measured goes over HTTP to a real `jaanch-hub serve`.
// Usage: bench_hub HUB_EXE FORMS_DIR [APPLICATIONS] [DECISIONS]
#include <curl/curl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <thread>
#include <vector>

#include "catalogue/catalogue.h"
#include "crypto/application_content.h"
#include "crypto/canonical_json.h"
#include "crypto/pkcs12_signer.h"
#include "crypto/test_pki.h"
#include "hub/auth/password.h"
#include "hub/hub_data.h"
#include "hub/util/crypto_util.h"

using namespace jaanch;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kClients = 50;
constexpr int kBlocks = 10;  // sub-districts; one VDO each

size_t collect(char* d, size_t s, size_t n, void* out) {
    static_cast<std::string*>(out)->append(d, s * n);
    return s * n;
}

struct Client {
    CURL* curl = curl_easy_init();
    std::string base;
    ~Client() { curl_easy_cleanup(curl); }
    long request(const std::string& method, const std::string& path, const std::string& body,
                 const std::string& token, std::string& out) {
        out.clear();
        curl_slist* headers = curl_slist_append(nullptr, "Content-Type: application/json");
        if (!token.empty())
            headers = curl_slist_append(headers, ("Authorization: Bearer " + token).c_str());
        curl_easy_setopt(curl, CURLOPT_URL, (base + path).c_str());
        curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method.c_str());
        curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
        curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
        curl_easy_setopt(curl, CURLOPT_WRITEDATA, &out);
        if (method == "POST") {
            curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.c_str());
            curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
        } else {
            curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
        }
        long status = 0;
        if (curl_easy_perform(curl) == CURLE_OK)
            curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
        curl_slist_free_all(headers);
        return status;
    }
};

std::string block(int b) {
    return std::to_string(2001 + b);
}

model::Application make_application(int i) {
    model::Application a;
    char number[32];
    std::snprintf(number, sizeof number, "RJ/BEN/2026/%07d", i);
    a.number = number;
    a.service_id = "rj.jan-aadhaar-member-deletion";
    a.submitted_at = std::chrono::floor<std::chrono::seconds>(now_utc()) - std::chrono::hours(i % 700);
    a.jurisdiction = {"08", "110", block(i % kBlocks), std::to_string(300000 + i % 97), model::Area::rural};
    a.fields = {{"jan_aadhaar_family_id", "1234567890"},
                {"head_name", "Santosh Devi"},
                {"member_id", "12345678902"},
                {"member_name", "Ramesh Kumar"},
                {"deletion_reason", "marriage"},
                {"applicant_mobile", "9876543210"}};
    a.tables["members"] = {{{"member_id", "12345678901"},
                            {"name", "Santosh Devi"},
                            {"relation", "head"},
                            {"gender", "F"},
                            {"date_of_birth", "1970-01-20"}},
                           {{"member_id", "12345678902"},
                            {"name", "Ramesh Kumar"},
                            {"relation", "son"},
                            {"gender", "M"},
                            {"date_of_birth", "1995-06-02"}}};
    a.documents = {{"declaration", "self_declaration", "declaration.pdf", "application/pdf", 1000,
                    hub::sha256_hex("declaration " + std::to_string(i))},
                   {"janaadhaar", "jan_aadhaar_card", "card.pdf", "application/pdf", 2000,
                    hub::sha256_hex("card " + std::to_string(i))}};
    a.current_level = "L1";
    a.level_entered_at = a.submitted_at;
    return a;
}

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v[static_cast<std::size_t>(p * static_cast<double>(v.size() - 1))];
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: bench_hub HUB_EXE FORMS_DIR [APPLICATIONS] [DECISIONS]\n";
        return 2;
    }
    const std::string hub_exe = argv[1];
    const std::string forms = argv[2];
    const int applications = argc > 3 ? std::stoi(argv[3]) : 100000;
    const int decisions = argc > 4 ? std::stoi(argv[4]) : 5000;
    char pattern[] = "/tmp/jaanch-bench-hub-XXXXXX";
    const std::filesystem::path root = mkdtemp(pattern);
    const hub::DataPaths paths{root / "data"};

    // Officers with test certificates: one VDO per block.
    crypto::TestPkiOptions pki_options;
    pki_options.out_dir = root / "pki";
    pki_options.with_token = false;
    pki_options.officers.clear();
    for (int b = 0; b < kBlocks; ++b)
        pki_options.officers.push_back({"vdo." + block(b), "Bench VDO " + block(b), "VDO", "L1", "VDO",
                                        "Rajasthan", "Government of Rajasthan", "Bench", "302001"});
    const crypto::TestPki pki = crypto::generate_test_pki(pki_options);
    hub::init_data(paths, 1000);
    for (const auto& e : std::filesystem::directory_iterator(pki.trust_dir))
        std::filesystem::copy_file(e.path(), paths.trust() / e.path().filename());
    // The hub refuses a signer whose CA has no CRL on it (revocation_unknown); the one a PKI's CA issues goes
    // where `jaanch-hub crl add` keeps it.
    std::filesystem::create_directories(paths.crl());
    std::filesystem::copy_file(pki.crl, paths.crl() / pki.crl.filename());
    std::string password;
    std::getline(std::ifstream(pki.password_file), password);

    auto start = Clock::now();
    {
        auto storage = hub::open_storage(paths);
        auto txn = storage->begin();
        for (const auto& id : pki.officers) {
            hub::OfficerAccount a;
            a.officer = {id.id,
                         id.name,
                         "VDO",
                         "L1",
                         {"08", "110", id.id.substr(4), "", ""},
                         {},
                         id.certificate_sha256};
            a.password_hash = hub::hash_password("bench-password", 1000);
            txn->put_officer(a);
        }
        txn->commit();
        for (int i = 0; i < applications; i += 2000) {
            auto batch = storage->begin();
            for (int j = i; j < std::min(applications, i + 2000); ++j)
                batch->put_application(make_application(j), {"L1"});
            batch->commit();
        }
    }
    std::cout << "stored " << applications << " applications in "
              << std::chrono::duration<double>(Clock::now() - start).count() << " s\n";

    int out[2];
    if (pipe(out) != 0)
        return 1;
    const pid_t pid = fork();
    if (pid == 0) {
        dup2(out[1], 1);
        execl(hub_exe.c_str(), hub_exe.c_str(), "serve", "--data", paths.root.c_str(), "--listen",
              "127.0.0.1:0", "--forms", forms.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    close(out[1]);
    char line[512] = {};
    if (read(out[0], line, sizeof line - 1) <= 0)
        return 1;
    const std::string text(line);
    const std::string base =
        "http://127.0.0.1:" + std::to_string(std::stoi(text.substr(text.find("127.0.0.1:") + 10)));
    curl_global_init(CURL_GLOBAL_ALL);

    std::vector<std::string> tokens;
    {
        Client c;
        c.base = base;
        std::string body;
        for (const auto& id : pki.officers) {
            c.request("POST", "/v1/sessions",
                      json::Json{{"user", id.id}, {"password", "bench-password"}}.dump(), "", body);
            tokens.push_back(json::Json::parse(body)["token"]);
        }
    }

    // Queue pages of 500, walking one officer's ~N/10 applications with the cursor.
    std::vector<double> page_ms;
    {
        Client c;
        c.base = base;
        std::string body;
        std::string cursors[2];
        for (int i = 0; page_ms.size() < 60 && i < 200; ++i) {
            std::string& cursor = cursors[i % 2];
            const auto t0 = Clock::now();
            const long status =
                c.request("GET", "/v1/queue?limit=500" + (cursor.empty() ? "" : "&cursor=" + cursor), "",
                          tokens[static_cast<std::size_t>(i % 2)], body);
            const double ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
            const auto page = json::Json::parse(body);
            if (status != 200) {
                std::cerr << "unexpected queue answer: " << status << " " << body.substr(0, 200) << "\n";
                return 1;
            }
            if (page["entries"].size() == 500) {
                page_ms.push_back(ms);
                cursor = page["cursor"].get<std::string>();
            } else {
                cursor.clear();  // the end of this officer's queue: start again
            }
        }
    }
    std::cout << "queue page of 500 (" << page_ms.size() << " requests): p50 " << percentile(page_ms, 0.5)
              << " ms, p95 " << percentile(page_ms, 0.95) << " ms\n";

    // Decisions: pre-signed (signing is the workstation's cost), posted by 50 clients at once.
    std::vector<std::vector<std::string>> bodies(kClients);
    {
        std::vector<std::unique_ptr<crypto::Pkcs12Signer>> signers;
        for (const auto& id : pki.officers)
            signers.push_back(std::make_unique<crypto::Pkcs12Signer>(id.p12, crypto::SecretString(password)));
        for (int i = 0; i < decisions; ++i) {
            const int app = i;  // application i lives in block i % kBlocks
            model::Decision d;
            const std::string hex = hub::to_hex(hub::random_bytes(16));
            d.id = hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-4" + hex.substr(13, 3) + "-a" +
                   hex.substr(17, 3) + "-" + hex.substr(20, 12);
            d.application = make_application(app).number;
            d.application_version = 1;
            d.action = model::Action::forward;
            d.officer = pki.officers[static_cast<std::size_t>(app % kBlocks)].id;
            d.role = "VDO";
            d.level = "L1";
            d.decided_at = std::chrono::floor<std::chrono::seconds>(now_utc());
            crypto::bind_content(d, make_application(app), {});
            const std::string der =
                signers[static_cast<std::size_t>(app % kBlocks)]->sign(crypto::canonical_decision_bytes(d));
            bodies[static_cast<std::size_t>(i % kClients)].push_back(
                json::Json{{"decision", d}, {"signature", hub::base64_encode(der)}}.dump());
        }
    }
    std::atomic<int> ok{0};
    std::atomic<int> failed{0};
    start = Clock::now();
    std::vector<std::thread> threads;
    for (int t = 0; t < kClients; ++t) {
        threads.emplace_back([&, t] {
            Client c;
            c.base = base;
            std::string body;
            for (const auto& b : bodies[static_cast<std::size_t>(t)]) {
                // Client t posts decisions whose application is in block t % kBlocks (i ≡ t mod 50).
                const long status = c.request("POST", "/v1/decisions", b,
                                              tokens[static_cast<std::size_t>(t % kBlocks)], body);
                (status == 201 ? ok : failed)++;
                if (status != 201 && failed < 5)
                    std::cerr << "decision failed: " << status << " " << body << "\n";
            }
        });
    }
    for (auto& t : threads)
        t.join();
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    std::cout << "decisions: " << ok << " accepted, " << failed << " failed in " << seconds
              << " s = " << static_cast<double>(ok) / seconds << " decisions/s with " << kClients
              << " clients\n";
    kill(pid, SIGTERM);
    waitpid(pid, nullptr, 0);
    curl_global_cleanup();
    std::filesystem::remove_all(root);
    return failed == 0 ? 0 : 1;
}
