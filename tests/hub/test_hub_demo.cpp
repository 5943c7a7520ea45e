// demo-seed: a believable district that a real hub serves, whose officers can log in and sign with their p12.
#include <boost/test/unit_test.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <set>

#include "crypto/application_content.h"
#include "crypto/canonical_json.h"
#include "crypto/pkcs12_signer.h"
#include "hub/demo/demo_data.h"
#include "hub/demo/document_generator.h"
#include "hub/util/crypto_util.h"
#include "hub_harness.h"

BOOST_AUTO_TEST_SUITE(demo)

using namespace jaanch::hub::test;

BOOST_AUTO_TEST_CASE(verhoeff_and_generated_documents) {
    BOOST_TEST(jaanch::hub::demo::verhoeff_valid("234567890124"));
    BOOST_TEST(jaanch::hub::demo::verhoeff_valid("216618862674"));
    BOOST_TEST(!jaanch::hub::demo::verhoeff_valid("234567890125"));
    BOOST_TEST(jaanch::hub::demo::with_verhoeff("23456789012") == "234567890124");
    const std::string jpeg = jaanch::hub::demo::photo_jpeg(7);
    BOOST_TEST(jpeg.substr(0, 3) == "\xff\xd8\xff");
    BOOST_TEST(jaanch::hub::demo::photo_png(7).substr(1, 3) == "PNG");
    const std::string pdf =
        jaanch::hub::demo::text_pdf({{"जाति प्रमाण पत्र / Caste certificate", {"नाम: संतोष देवी"}}});
    BOOST_TEST(pdf.substr(0, 5) == "%PDF-");
    const std::string locked = jaanch::hub::demo::protect_pdf(pdf, "SANT2001");
    BOOST_TEST(locked.find("/Encrypt") != std::string::npos);
    BOOST_TEST(jaanch::hub::demo::scanned_pdf({{"Scan", {"line"}}}, 3).find("/DCTDecode") !=
               std::string::npos);
}

BOOST_AUTO_TEST_CASE(demo_seed_makes_a_district_its_officers_can_work_in) {
    char pattern[] = "/tmp/jaanch-hub-demo-XXXXXX";
    const std::filesystem::path root = mkdtemp(pattern);
    struct Cleanup {
        std::filesystem::path dir;
        ~Cleanup() { std::filesystem::remove_all(dir); }
    } cleanup{root};
    const auto data = root / "data";
    const std::string command = std::string(JAANCH_HUB_EXE) + " demo-seed --data '" + data.string() +
                                "' --count 12 --kdf-iterations 1000 --forms '" + JAANCH_FORMS_DIR + "' > '" +
                                (root / "seed.log").string() + "' 2>&1";
    BOOST_REQUIRE_EQUAL(std::system(command.c_str()), 0);
    std::ifstream in(data / "demo-officers.json");
    const Json officers = Json::parse(in);
    BOOST_REQUIRE(officers.size() >= 5u);
    std::set<std::string> levels;
    for (const auto& o : officers) {
        for (const char* key :
             {"user", "password", "role", "level", "services", "jurisdiction", "p12", "p12_password"})
            BOOST_TEST(o.contains(key), key);
        BOOST_TEST(std::filesystem::exists(o["p12"].get<std::string>()));
        levels.insert(o["level"].get<std::string>());
    }
    BOOST_TEST(levels == (std::set<std::string>{"L1", "L2", "DC"}));

    // Serve it; an L1 officer logs in, finds work, and signs a decision with the p12 demo-seed made.
    int out[2];
    BOOST_REQUIRE_EQUAL(pipe(out), 0);
    const pid_t pid = fork();
    if (pid == 0) {
        dup2(out[1], 1);
        execl(JAANCH_HUB_EXE, JAANCH_HUB_EXE, "serve", "--data", data.c_str(), "--listen", "127.0.0.1:0",
              "--forms", JAANCH_FORMS_DIR, static_cast<char*>(nullptr));
        _exit(127);
    }
    close(out[1]);
    char line[512] = {};
    const ssize_t n = read(out[0], line, sizeof line - 1);
    close(out[0]);
    BOOST_REQUIRE(n > 0);
    const std::string text(line);
    const int port = std::stoi(text.substr(text.find("127.0.0.1:") + 10));
    HttpClient client("http://127.0.0.1:" + std::to_string(port));
    bool decided = false;
    for (const auto& o : officers) {
        if (o["level"] != "L1" || decided)
            continue;
        const auto login = client.request("POST", "/v1/sessions",
                                          Json{{"user", o["user"]}, {"password", o["password"]}}.dump(),
                                          {"Content-Type: application/json"});
        BOOST_REQUIRE_EQUAL(login.status, 201);
        const std::string token = login.json()["token"];
        const Json queue = client.request("GET", "/v1/queue", "", {bearer(token)}).json();
        for (const auto& e : queue["entries"]) {
            if (!e["actionable"].get<bool>() || decided)
                continue;
            jaanch::model::Decision d;
            d.id = new_uuid();
            d.application = e["application"]["number"];
            d.application_version = e["application"]["version"];
            d.action = jaanch::model::Action::forward;
            d.officer = o["user"];
            d.role = o["role"];
            d.level = o["level"];
            d.decided_at = std::chrono::floor<std::chrono::seconds>(jaanch::now_utc());
            jaanch::model::Application app;
            jaanch::model::read_value(e["application"], "$.application", app);
            std::map<std::string, jaanch::crypto::PagesOpened> pages;
            for (const auto& doc : app.documents)
                pages[doc.id] = {1, 1};
            jaanch::crypto::bind_content(d, app, pages);
            jaanch::crypto::Pkcs12Signer signer(
                o["p12"].get<std::string>(),
                jaanch::crypto::SecretString(o["p12_password"].get<std::string>()));
            const std::string der = signer.sign(jaanch::crypto::canonical_decision_bytes(d));
            const auto r =
                client.request("POST", "/v1/decisions",
                               Json{{"decision", d}, {"signature", jaanch::hub::base64_encode(der)}}.dump(),
                               {bearer(token), "Content-Type: application/json"});
            BOOST_TEST(r.status == 201, r.body);
            // Its documents are there to read.
            const std::string sha = e["application"]["documents"][0]["sha256"];
            BOOST_TEST(client.request("GET", "/v1/documents/" + sha, "", {bearer(token)}).status == 200);
            decided = true;
        }
    }
    BOOST_TEST(decided);
    const Json health = client.request("GET", "/v1/health").json();
    BOOST_TEST(health["applications"] == 12);
    BOOST_TEST(health["decisions"].get<int>() >= 1);
    kill(pid, SIGTERM);
    int status = 0;
    waitpid(pid, &status, 0);
    BOOST_TEST(WIFEXITED(status));
}

BOOST_AUTO_TEST_SUITE_END()
