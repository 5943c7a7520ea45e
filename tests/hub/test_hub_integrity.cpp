// A decision binds what the officer saw (docs/signatures.md § content binding), against a real jaanch-hub:
// the hub refuses a decision made on other content or other documents, notices an application changed in its
// database behind its back, enforces a level's review requirement, still accepts format 1 decisions, and
// `jaanch-cli verify` names what was changed after an approval.
#include <boost/test/unit_test.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdio>
#include <fstream>
#include <sstream>

#include "crypto/aadhaar_vault.h"
#include "crypto/application_content.h"
#include "hub/hub_data.h"
#include "hub/storage/aadhaar_seal.h"
#include "hub/storage/vault_key_file.h"
#include "hub/util/crypto_util.h"
#include "hub_world.h"

BOOST_AUTO_TEST_SUITE(integrity)

using namespace jaanch;
using namespace jaanch::hub::test;
using model::Action;

namespace {

model::Application application_of(World& w, const std::string& officer, const std::string& number) {
    model::Application app;
    model::read_value(w.application(officer, number)["application"], "$.application", app);
    return app;
}

struct CommandResult {
    int status = -1;
    std::string output;
};

CommandResult run(const std::string& command) {
    CommandResult out;
    FILE* pipe = popen((command + " 2>&1").c_str(), "r");
    BOOST_REQUIRE(pipe != nullptr);
    char buffer[4096];
    while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe))
        out.output.append(buffer, n);
    const int status = pclose(pipe);
    out.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return out;
}

void write_text(const std::filesystem::path& file, const std::string& text) {
    std::ofstream(file, std::ios::binary) << text;
}

// A copy of the shipped forms in which the Jan Aadhaar deletion's first level requires every page of every
// mandatory document (the shipped definition requires nothing there).
std::filesystem::path forms_requiring_review(const std::filesystem::path& dir) {
    std::filesystem::create_directories(dir);
    for (const auto& entry : std::filesystem::directory_iterator(JAANCH_FORMS_DIR))
        std::filesystem::copy(entry.path(), dir / entry.path().filename(),
                              std::filesystem::copy_options::recursive);
    const auto file = dir / "rj.jan-aadhaar-member-deletion.json";
    std::ifstream in(file);
    Json service = Json::parse(in);
    service["workflow"]["levels"][0]["review"] = {{"require_opened", "all_pages_of_mandatory_documents"}};
    write_text(file, service.dump(2));
    return dir;
}

// Changes one field of a stored application as someone with write access to the database (and the vault key
// beside it, for a row the hub keeps sealed) would, without going through the hub: the row's body and sealed
// copy are rewritten, the content hash the hub recorded is left as it was.
void tamper_field(const std::filesystem::path& data, const std::string& number, const std::string& field,
                  const std::string& value) {
    const hub::DataPaths paths{data};
    const crypto::AadhaarVault vault(hub::read_vault_key_file(hub::vault_key_file(paths), data));
    SQLite::Database db(paths.database().string(), SQLite::OPEN_READWRITE);
    db.setBusyTimeout(10'000);
    SQLite::Statement read(db, "SELECT body, sealed FROM applications WHERE number = ?");
    read.bind(1, number);
    BOOST_REQUIRE(read.executeStep());
    std::string text = read.getColumn(0).getString();
    if (!read.getColumn(1).isNull()) {
        const auto* blob = static_cast<const std::uint8_t*>(read.getColumn(1).getBlob());
        text = vault.open(crypto::Bytes(blob, blob + read.getColumn(1).getBytes()),
                          hub::application_context(number));
    }
    read.reset();
    model::Application app = model::parse_application(text, "stored " + number);
    app.fields[field] = value;
    const hub::SealedJson sealed = hub::seal_application_json(app, json::Json(app).dump(), vault);
    SQLite::Statement write(db, "UPDATE applications SET body = ?, sealed = ? WHERE number = ?");
    write.bind(1, sealed.shown);
    if (sealed.sealed)
        write.bind(2, sealed.sealed->data(), static_cast<int>(sealed.sealed->size()));
    else
        write.bind(2);
    write.bind(3, number);
    BOOST_REQUIRE(write.exec() == 1);
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_decision_on_other_content_or_documents_is_refused) {
    World w;
    BOOST_REQUIRE_EQUAL(w.ingest("RJ/JPR/2026/700001").status, 201);
    auto& vdo = w.as("vdo.in");
    const model::Application app = application_of(w, "vdo.in", "RJ/JPR/2026/700001");

    model::Application seen = app;  // the officer was shown another name
    seen.fields["member_name"] = "Mahesh Kumar";
    model::Decision d = vdo.decision(app.number, app.version, Action::forward);
    crypto::bind_content(d, seen, {{"declaration", {1, 1}}, {"janaadhaar", {1, 1}}});
    HttpResponse r = vdo.decide(d);
    BOOST_TEST(r.status == 409);
    BOOST_TEST(r.code() == "content_changed");
    BOOST_TEST(r.json()["details"]["content_sha256"] == crypto::content_sha256(app));
    BOOST_TEST(r.json()["details"]["differences"].dump() ==
               R"([{"change":"changed","path":"fields.member_name"}])");
    BOOST_TEST(r.json()["message"].get<std::string>().find("fields.member_name changed") !=
               std::string::npos);

    d = vdo.decision(app.number, app.version, Action::forward);  // other bytes of a document
    d.documents[0].sha256 = std::string(64, 'e');
    r = vdo.decide(d);
    BOOST_TEST(r.status == 409);
    BOOST_TEST(r.body.find("documents." + d.documents[0].document) != std::string::npos);

    d = vdo.decision(app.number, app.version, Action::forward);  // a document left out
    d.documents.pop_back();
    r = vdo.decide(d);
    BOOST_TEST(r.status == 409);
    BOOST_TEST(r.body.find("added") != std::string::npos);

    d = vdo.decision(app.number, app.version, Action::forward);  // what it was
    r = vdo.decide(d);
    BOOST_TEST(r.status == 201);
    BOOST_TEST(r.json()["format"] == 2);
}

BOOST_AUTO_TEST_CASE(a_change_behind_the_hubs_back_is_named_and_refused) {
    World w;
    const std::string number = "RJ/JPR/2026/700002";
    BOOST_REQUIRE_EQUAL(w.ingest(number).status, 201);
    BOOST_REQUIRE_EQUAL(w.as("vdo.in").decide(w.as("vdo.in").decision(number, 1, Action::forward)).status,
                        201);

    const auto dir = w.hub.data() / "verify";
    std::filesystem::create_directories(dir);
    const std::string portal = bearer(w.portal_key);
    auto export_files = [&] {
        const Json exported = w.client->request("GET", "/v1/portal/decisions", "", {portal}).json();
        BOOST_REQUIRE(exported["decisions"].size() == 1u);
        const Json& entry = exported["decisions"][0];
        BOOST_TEST(entry["format"] == 2);
        write_text(dir / "decision.json", entry["decision"].dump());
        write_text(dir / "decision.p7s", *hub::base64_decode(entry["signature"].get<std::string>()));
        const HttpResponse app =
            w.client->request("GET", "/v1/portal/applications/" + url_escape(number), "", {portal});
        BOOST_REQUIRE(app.status == 200);
        write_text(dir / "application.json", app.json()["application"].dump());
    };
    const std::string verify =
        std::string(JAANCH_CLI_EXE) + " verify --in " + (dir / "decision.json").string() + " --sig " +
        (dir / "decision.p7s").string() + " --trust " + (w.hub.data() / "trust").string() +
        " --application " + (dir / "application.json").string() + " --documents " +
        (w.hub.data() / "documents").string();
    export_files();
    // docs/signatures.md's recipe without Jaanch: Python's json and openssl give the hash the officer signed.
    const std::string recipe =
        "python3 -c 'import sys,json; a=json.load(open(sys.argv[1]))\n"
        "c={k:a[k] for k in (\"service_id\",\"service_version\",\"jurisdiction\",\"fields\",\"tables\")}; "
        "c[\"application\"]=a[\"number\"]\n"
        "sys.stdout.buffer.write(json.dumps(c,sort_keys=True,separators=(\",\",\":\"),ensure_ascii=False)"
        ".encode())' " +
        (dir / "application.json").string() + " | openssl dgst -sha256 -r";
    const CommandResult by_hand = run(recipe);
    std::ifstream decision_file(dir / "decision.json");
    const Json signed_decision = Json::parse(decision_file);
    BOOST_TEST(by_hand.output.substr(0, 64) == signed_decision["content_sha256"].get<std::string>(),
               by_hand.output);
    CommandResult before = run(verify);
    BOOST_TEST(before.status == 0, before.output);
    BOOST_TEST(before.output.find("Content:     MATCHES") != std::string::npos, before.output);

    // Behind the hub's back: one field in its database, one byte of one document in its document folder.
    const model::Application app = application_of(w, "bso.in", number);
    tamper_field(w.hub.data(), number, "member_name", "Suresh Kumar");
    const std::string sha = app.documents.front().sha256;
    const auto file = w.hub.data() / "documents" / sha.substr(0, 2) / sha.substr(2);
    std::filesystem::permissions(file, std::filesystem::perms::owner_write,
                                 std::filesystem::perm_options::add);
    {
        std::fstream bytes(file, std::ios::in | std::ios::out | std::ios::binary);
        bytes.seekp(2);
        bytes.put('Q');
    }

    export_files();
    CommandResult after = run(verify);
    BOOST_TEST(after.status == 1, after.output);
    BOOST_TEST(after.output.find("Verdict:     VALID") != std::string::npos,
               after.output);  // the signature is fine
    BOOST_TEST(after.output.find("fields.member_name changed") != std::string::npos, after.output);
    BOOST_TEST(after.output.find("documents." + app.documents.front().id + " changed") != std::string::npos,
               after.output);

    // The next officer's decision on the altered version is refused, however it was built.
    auto& bso = w.as("bso.in");
    const HttpResponse r = bso.decide(bso.decision(number, 2, Action::escalate, "", "Recommended."));
    BOOST_TEST(r.status == 409);
    BOOST_TEST(r.code() == "content_changed");
    BOOST_TEST(r.json()["details"].contains("recorded_content_sha256"));
}

BOOST_AUTO_TEST_CASE(a_level_requiring_review_refuses_what_claims_too_little) {
    const auto forms = forms_requiring_review(std::filesystem::temp_directory_path() /
                                              ("jaanch-review-forms-" + std::to_string(getpid())));
    World w({"--forms", forms.string()});
    const std::string number = "RJ/JPR/2026/700003";
    BOOST_REQUIRE_EQUAL(w.ingest(number).status, 201);
    auto& vdo = w.as("vdo.in");

    model::Decision d = vdo.decision(number, 1, Action::forward);
    d.documents[0].pages_opened = 1;
    d.documents[0].pages_total = 3;
    d.documents[1].pages_opened = 0;
    d.documents[1].pages_total = 0;
    HttpResponse r = vdo.decide(d);
    BOOST_TEST(r.status == 422);
    BOOST_TEST(r.code() == "review_incomplete");
    const std::string message = r.json()["message"];
    BOOST_TEST(message.find(d.documents[0].document + " (1 of 3 pages opened)") != std::string::npos,
               message);
    BOOST_TEST(message.find(d.documents[1].document + " (never opened)") != std::string::npos, message);

    // A format 1 decision carries no proof of review, so it cannot forward here …
    model::Decision old = vdo.decision(number, 1, Action::forward);
    old.format = model::kDecisionFormatFirst;
    r = vdo.decide(old);
    BOOST_TEST(r.status == 422);
    BOOST_TEST(r.code() == "review_incomplete");
    // … but it may still reject, which needs no review, and is exported as format 1.
    old = vdo.decision(number, 1, Action::reject, "RJ-DEL-NOT-MEMBER");
    old.format = model::kDecisionFormatFirst;
    r = vdo.decide(old);
    BOOST_TEST(r.status == 201, r.body);
    BOOST_TEST(r.json()["format"] == 1);
    const Json exported = w.client->request("GET", "/v1/portal/decisions", "", {bearer(w.portal_key)}).json();
    BOOST_TEST(exported["decisions"][0]["format"] == 1);
    BOOST_TEST(!exported["decisions"][0]["decision"].contains("format"));
    // Its signature verifies, but there is no content to compare: a portal script must not read that as a
    // match.
    const auto dir = w.hub.data() / "format1";
    std::filesystem::create_directories(dir);
    write_text(dir / "decision.json", exported["decisions"][0]["decision"].dump());
    write_text(dir / "decision.p7s",
               *hub::base64_decode(exported["decisions"][0]["signature"].get<std::string>()));
    const HttpResponse portal_app =
        w.client->request("GET", "/v1/portal/applications/" + url_escape(number), "", {bearer(w.portal_key)});
    write_text(dir / "application.json", portal_app.body);  // the portal's answer as it came
    const CommandResult unbound =
        run(std::string(JAANCH_CLI_EXE) + " verify --in " + (dir / "decision.json").string() + " --sig " +
            (dir / "decision.p7s").string() + " --trust " + (w.hub.data() / "trust").string() +
            " --application " + (dir / "application.json").string());
    BOOST_TEST(unbound.status == 1, unbound.output);
    BOOST_TEST(unbound.output.find("Format:      1") != std::string::npos, unbound.output);
    BOOST_TEST(unbound.output.find("Content:     NOT BOUND") != std::string::npos, unbound.output);

    const std::string second = "RJ/JPR/2026/700004";
    BOOST_REQUIRE_EQUAL(w.ingest(second).status, 201);
    // Once every workstation binds content, the administrator refuses format 1, so no client can skip it.
    std::string said;
    BOOST_REQUIRE_MESSAGE(w.hub.admin({"decisions", "policy", "--format-1", "refuse"}, &said) == 0, said);
    old = vdo.decision(second, 1, Action::reject, "RJ-DEL-NOT-MEMBER");
    old.format = model::kDecisionFormatFirst;
    r = vdo.decide(old);
    BOOST_TEST(r.status == 422, r.body);
    BOOST_TEST(r.code() == "format_outdated");
    r = vdo.decide(vdo.decision(second, 1, Action::forward));  // every page opened
    BOOST_TEST(r.status == 201, r.body);
    std::filesystem::remove_all(forms);
}

BOOST_AUTO_TEST_SUITE_END()
