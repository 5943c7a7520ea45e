#include "workstation/demo_session.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#include "store/workspace.h"
#include "sync/hub_client.h"
#include "sync/sync_engine.h"
#include "util/error.h"
#include "util/json_reader.h"

extern char** environ;

namespace jaanch::workstation {
namespace {

struct Child {
    pid_t pid = -1;
    int output = -1;  // read end of the child's stdout (and stderr when merged)
};

// Starts argv[0] with its stdout (and, if asked, stderr) on a pipe the caller reads.
Child spawn(const std::vector<std::string>& argv, bool with_stderr) {
    int pipe_fds[2];
    if (::pipe2(pipe_fds, O_CLOEXEC) != 0)
        throw Error(std::string("cannot create a pipe: ") + std::strerror(errno));
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
    if (with_stderr)
        posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDERR_FILENO);
    std::vector<char*> args;
    for (const auto& a : argv)
        args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    Child child;
    const int rc = posix_spawn(&child.pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(pipe_fds[1]);
    if (rc != 0) {
        ::close(pipe_fds[0]);
        throw Error("cannot start " + argv[0] + ": " + std::strerror(rc));
    }
    child.output = pipe_fds[0];
    return child;
}

// Runs a program to completion; returns its exit status and everything it printed.
int run_program(const std::vector<std::string>& argv, std::string& output) {
    const Child child = spawn(argv, true);
    char buffer[4096];
    for (ssize_t n; (n = ::read(child.output, buffer, sizeof buffer)) > 0;)
        output.append(buffer, static_cast<std::size_t>(n));
    ::close(child.output);
    int status = 0;
    ::waitpid(child.pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

// Starts `jaanch-hub serve` on an ephemeral loopback port and reads the URL it announces.
pid_t start_hub(const std::vector<std::string>& argv, std::string& url) {
    const Child child = spawn(argv, false);
    const pid_t pid = child.pid;
    const int out = child.output;
    std::string seen;
    char c;
    while (::read(out, &c, 1) == 1) {
        if (c != '\n') {
            seen += c;
            continue;
        }
        if (auto at = seen.find("listening on "); at != std::string::npos) {
            url = seen.substr(at + 13, seen.find(' ', at + 13) - at - 13);
            break;
        }
        seen.clear();
    }
    ::close(out);  // the hub ignores SIGPIPE; its later output goes nowhere
    if (url.empty()) {
        ::kill(pid, SIGKILL);
        ::waitpid(pid, nullptr, 0);
        throw Error("The demo hub did not start (it printed: \"" + seen + "\").");
    }
    return pid;
}

void read_value(const json::Json& j, const std::string& path, DemoOfficer& out) {
    json::ObjectReader r(j, path);
    out.user = r.required<std::string>("user");
    out.password = r.required<std::string>("password");
    out.role = r.required<std::string>("role");
    out.level = r.required<std::string>("level");
    out.services = r.optional_or<std::vector<std::string>>("services", {});
    out.p12 = r.required<std::string>("p12");
    out.p12_password = r.required<std::string>("p12_password");
}

std::vector<DemoOfficer> read_officers(const std::filesystem::path& file) {
    std::ifstream in(file);
    std::ostringstream text;
    text << in.rdbuf();
    std::vector<DemoOfficer> out;
    const auto j = json::parse_text(text.str(), file.string());
    if (!j.is_array())
        throw Error(file.string() + " is not a list of officers");
    for (std::size_t i = 0; i < j.size(); ++i) {
        DemoOfficer o;
        read_value(j[i], json::index_path("$", i), o);
        if (o.p12.is_relative())
            o.p12 = file.parent_path() / o.p12;
        out.push_back(std::move(o));
    }
    return out;
}

// Reports sync progress as text; the demo only needs to say that something is happening.
class ProgressObserver : public sync::SyncObserver {
  public:
    explicit ProgressObserver(DemoSession::Progress progress) : progress_(std::move(progress)) {}
    void on_progress(const sync::SyncProgress& p) override {
        if (progress_)
            progress_("Downloading: " + std::to_string(p.items_done) + " of " +
                      std::to_string(p.items_total));
    }
    void on_status(const sync::SyncStatus&) override {}
    void on_notice(const sync::SyncNotice&) override {}

  private:
    DemoSession::Progress progress_;
};

}  // namespace

std::filesystem::path DemoSession::find_hub_binary() {
    if (const char* env = std::getenv("JAANCH_HUB"); env != nullptr && *env != '\0')
        return env;
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    for (const auto& candidate :
         {exe.parent_path() / "jaanch-hub", exe.parent_path().parent_path() / "hub" / "jaanch-hub"}) {
        if (std::filesystem::exists(candidate, ec))
            return candidate;
    }
    throw Error("Cannot find jaanch-hub for the demo (looked beside " + exe.string() +
                " and in the build tree). Set JAANCH_HUB to its path.");
}

DemoSession::DemoSession(std::filesystem::path hub_binary, int applications, Progress progress)
    : progress_(std::move(progress)) {
    char pattern[] = "/tmp/jaanch-demo-XXXXXX";
    if (::mkdtemp(pattern) == nullptr)
        throw Error(std::string("cannot create a demo folder in /tmp: ") + std::strerror(errno));
    root_ = pattern;
    const std::string data = (root_ / "hub").string();
    if (progress_)
        progress_("Creating a demo district (officers, test certificates, applications, documents)…");
    std::string output;
    // A low KDF cost keeps the demo quick; demo passwords protect nothing real.
    if (run_program({hub_binary.string(), "demo-seed", "--data", data, "--count",
                     std::to_string(applications), "--kdf-iterations", "1000"},
                    output) != 0)
        throw Error("The demo district could not be created:\n" + output);
    officers_ = read_officers(root_ / "hub" / "demo-officers.json");
    if (progress_)
        progress_("Starting the demo hub on this computer…");
    hub_pid_ = start_hub({hub_binary.string(), "serve", "--data", data, "--listen", "127.0.0.1:0"}, hub_url_);
}

DemoSession::~DemoSession() {
    if (hub_pid_ > 0) {
        ::kill(hub_pid_, SIGTERM);
        ::waitpid(hub_pid_, nullptr, 0);
    }
    std::error_code ec;
    std::filesystem::remove_all(root_, ec);
}

const DemoOfficer* DemoSession::officer_at(const std::string& level) const {
    const DemoOfficer* best = nullptr;
    for (const auto& o : officers_) {
        if (o.level != level)
            continue;
        if (best == nullptr || o.services.size() > best->services.size() || o.services.empty())
            best = &o;
    }
    return best;
}

std::filesystem::path DemoSession::sign_in(const DemoOfficer& officer,
                                           const catalogue::Catalogue& catalogue) {
    const auto dir = root_ / "workspaces" / officer.user;
    store::Workspace workspace(dir, catalogue);
    if (progress_)
        progress_("Logging in as " + officer.user + " (" + officer.role + ", " + officer.level + ")…");
    sync::HubClient client(hub_url_);
    const auto login = client.login(officer.user, officer.password);
    sync::save_session(workspace, hub_url_, officer.user, login);
    ProgressObserver observer(progress_);
    sync::SyncEngine engine(workspace, observer);
    const auto report = engine.run();
    if (!report.problem.empty())
        throw Error("The first sync with the demo hub failed: " + report.problem);
    // The history pane verifies earlier signatures against WORKSPACE/trust: the demo trusts the demo hub's
    // anchors.
    std::filesystem::create_directories(dir / "trust");
    for (const auto& anchor : std::filesystem::directory_iterator(root_ / "hub" / "trust"))
        std::filesystem::copy_file(anchor.path(), dir / "trust" / anchor.path().filename(),
                                   std::filesystem::copy_options::overwrite_existing);
    return dir;
}

}  // namespace jaanch::workstation
