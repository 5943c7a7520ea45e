#include "sync_world.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <stdexcept>

#include "crypto/pkcs12_signer.h"
#include "util/sha256.h"

namespace jaanch::sync::test {

std::string fake_pdf(const std::string& seed, std::size_t size) {
    std::string out = "%PDF-1.4\n% " + seed + "\n";
    std::mt19937_64 random(std::hash<std::string>{}(seed));
    while (out.size() + 8 <= size) {
        const std::uint64_t v = random();
        out.append(reinterpret_cast<const char*>(&v), 8);
    }
    while (out.size() < size)
        out += 'x';
    out.resize(std::max(size, out.size()));
    return out;
}

SyncWorld::SyncWorld() {
    char pattern[] = "/tmp/jaanch-sync-test-XXXXXX";
    dir_ = mkdtemp(pattern);
    world_ = std::make_unique<hub::test::World>();
    proxy_ = std::make_unique<FaultProxy>(world_->hub.port());
    auto loaded = catalogue::load_catalogue(JAANCH_FORMS_DIR);
    catalogue_ = std::move(loaded.catalogue);
    std::ofstream(password_file()) << hub::test::pki_password() << "\n";
}

SyncWorld::~SyncWorld() {
    proxy_.reset();
    world_.reset();
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
}

std::filesystem::path SyncWorld::password_file() const {
    return dir_ / "p12-password.txt";
}

std::vector<std::string> SyncWorld::file(const std::string& number, std::size_t doc_bytes) {
    const std::map<std::string, std::string> docs{{"declaration", fake_pdf(number + "/d", doc_bytes)},
                                                  {"janaadhaar", fake_pdf(number + "/j", doc_bytes)}};
    const auto r = world_->client->multipart(
        "/v1/portal/applications",
        hub::test::ingest_parts(hub::test::deletion_application(number, "1001", "rural", "marriage", docs),
                                docs),
        {hub::test::bearer(world_->portal_key)});
    if (r.status != 201)
        throw std::runtime_error("ingest of " + number + " failed: " + r.body);
    std::vector<std::string> shas;
    for (const auto& [id, bytes] : docs) {
        shas.push_back(sha256_hex(bytes));
        documents_[shas.back()] = bytes;
    }
    return shas;
}

std::string SyncWorld::document_bytes(const std::string& sha256) const {
    return documents_.at(sha256);
}

std::unique_ptr<store::Workspace> SyncWorld::workspace(const std::string& officer) {
    return std::make_unique<store::Workspace>(workspace_dir(officer), catalogue_);
}

void SyncWorld::login(store::Workspace& w, const std::string& officer) {
    HubClient client(hub_url());
    const Login session = client.login(officer, "pw-" + officer);
    save_session(w, hub_url(), officer, session);
}

std::unique_ptr<crypto::Signer> SyncWorld::signer(const std::string& officer) const {
    for (const auto& i : hub::test::shared_pki().officers) {
        if (i.id == officer)
            return std::make_unique<crypto::Pkcs12Signer>(i.p12,
                                                          crypto::SecretString(hub::test::pki_password()));
    }
    throw std::runtime_error("no test certificate for " + officer);
}

model::Decision SyncWorld::decide(store::Workspace& w, const std::string& number, model::Action action,
                                  const std::string& reason, const std::string& officer) {
    auto s = signer(officer);
    DecisionInput input;
    input.application = number;
    input.action = action;
    input.reason_code = reason;
    return decide_locally(w, catalogue_, session_officer(w), *s, input, now_utc());
}

namespace {

// With JAANCH_SYNC_DEBUG set, the tests print every notice (damaged, failed, rejected documents and
// decisions).
class DebugObserver : public QuietObserver {
  public:
    void on_notice(const SyncNotice& n) override {
        if (std::getenv("JAANCH_SYNC_DEBUG") != nullptr && n.kind != SyncNotice::Kind::document_complete)
            std::fprintf(stderr, "[%s] %s\n", format_timestamp(now_utc()).c_str(), n.message.c_str());
    }
};

}  // namespace

SyncReport SyncWorld::sync(store::Workspace& w, SyncOptions options) {
    DebugObserver quiet;
    options.backoff.first = std::chrono::milliseconds(10);
    options.download.connect_timeout = std::chrono::milliseconds(1000);
    options.download.stall_timeout = std::chrono::seconds(2);
    options.client.stall_timeout = std::chrono::seconds(5);
    options.client.connect_timeout = std::chrono::milliseconds(1000);
    SyncEngine engine(w, quiet, options);
    return engine.run();
}

void SyncWorld::crash_and_restart_hub() {
    world_->hub.kill_hard();
    world_->hub.start();
    *world_->client = world_->hub.client();  // in place: the officer sessions hold a reference to it
    proxy_->set_upstream(world_->hub.port());
}

int SyncWorld::cli(const std::vector<std::string>& words, std::string* out) const {
    const auto log = dir_ / "cli-output.txt";
    const pid_t pid = fork();
    if (pid == 0) {
        const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        dup2(fd, 1);
        dup2(fd, 2);
        std::vector<std::string> all{JAANCH_CLI_EXE};
        all.insert(all.end(), words.begin(), words.end());
        all.insert(all.end(), {"--forms", JAANCH_FORMS_DIR});
        std::vector<char*> argv;
        for (auto& w : all)
            argv.push_back(w.data());
        argv.push_back(nullptr);
        execv(argv[0], argv.data());
        _exit(127);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    if (out != nullptr) {
        std::ifstream in(log);
        out->assign(std::istreambuf_iterator<char>(in), {});
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::map<std::string, int> SyncWorld::hub_decision_counts() {
    std::map<std::string, int> counts;
    std::string cursor;
    for (;;) {
        const auto r = world_->client->request(
            "GET", "/v1/portal/decisions?limit=1000" + (cursor.empty() ? "" : "&cursor=" + cursor), "",
            {hub::test::bearer(world_->portal_key)});
        if (r.status != 200)
            throw std::runtime_error("export failed: " + r.body);
        const auto j = r.json();
        for (const auto& d : j["decisions"])
            ++counts[d["decision"]["id"].get<std::string>()];
        cursor = j["cursor"].get<std::string>();
        if (!j["more"].get<bool>())
            break;
    }
    return counts;
}

}  // namespace jaanch::sync::test
