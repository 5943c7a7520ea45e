#include "viewer/sandbox/helper_process.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <thread>

namespace jaanch::viewer::sandbox {
namespace {

namespace fs = std::filesystem;

std::string seconds_text(std::chrono::milliseconds ms) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", static_cast<double>(ms.count()) / 1000.0);
    return text;
}

std::string signal_text(int sig) {
    const char* abbrev = ::sigabbrev_np(sig);
    const char* description = ::sigdescr_np(sig);
    return std::to_string(sig) + (abbrev ? " (SIG" + std::string(abbrev) + ", " + description + ")" : "");
}

std::vector<std::string> helper_environment(Protection protection) {
    std::vector<std::string> env;
    if (protection == Protection::bubblewrap_seccomp)
        return env;  // bubblewrap clears and sets the environment itself
    for (const char* name : {"ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS", "JAANCH_POPPLER_DEBUG"})
        if (const char* v = std::getenv(name))
            env.push_back(std::string(name) + "=" + v);
    env.emplace_back("JAANCH_SANDBOX=seccomp");
    return env;
}

std::unique_ptr<HelperProcess> spawn_helper(const SandboxOptions& options);

// The process's one warm spare helper, started in the background by the previous start().
struct Spare {
    std::mutex mutex;
    std::unique_ptr<HelperProcess> helper;
    std::string key;
};
Spare& spare() {
    static Spare s;
    return s;
}

}  // namespace

// Spawning lives in a member-less free function so the constructor stays private to HelperProcess.
struct HelperSpawner {
    static std::unique_ptr<HelperProcess> spawn(const SandboxOptions& options) {
        const std::string helper = HelperProcess::resolve_helper(options);
        const Protection protection =
            bubblewrap_usable() ? Protection::bubblewrap_seccomp : Protection::seccomp_only;
        const std::vector<std::string> argv = protection == Protection::bubblewrap_seccomp
                                                  ? bubblewrap_argv(helper, {"--serve"})
                                                  : std::vector<std::string>{helper, "--serve"};
        const std::vector<std::string> env = helper_environment(protection);
        std::vector<char*> args, envp;
        for (const auto& s : argv)
            args.push_back(const_cast<char*>(s.c_str()));
        args.push_back(nullptr);
        for (const auto& s : env)
            envp.push_back(const_cast<char*>(s.c_str()));
        envp.push_back(nullptr);

        int sv[2];
        if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0)
            throw SandboxFailure(SandboxFailure::Reason::start_failed,
                                 "Could not create the channel to the sandboxed renderer: " +
                                     std::string(std::strerror(errno)) + ".");
        UniqueFd ours(sv[0]), theirs(sv[1]);
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
        posix_spawn_file_actions_adddup2(&actions, theirs.get(), 3);  // clears close-on-exec on fd 3
        posix_spawn_file_actions_addclosefrom_np(&actions, 4);        // nothing else of ours leaks in
        posix_spawnattr_t attr;
        posix_spawnattr_init(&attr);
        sigset_t none, all;
        sigemptyset(&none);
        sigfillset(&all);
        posix_spawnattr_setsigmask(&attr, &none);
        posix_spawnattr_setsigdefault(&attr, &all);
        posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSID);
        pid_t pid = -1;
        const int rc = ::posix_spawn(&pid, args[0], &actions, &attr, args.data(), envp.data());
        posix_spawn_file_actions_destroy(&actions);
        posix_spawnattr_destroy(&attr);
        if (rc != 0)
            throw SandboxFailure(SandboxFailure::Reason::start_failed,
                                 "Could not start the sandboxed renderer " + argv[0] + ": " +
                                     std::string(std::strerror(rc)) + ".");
        return std::unique_ptr<HelperProcess>(
            new HelperProcess(pid, std::move(ours), protection, options.request_timeout));
    }
};

namespace {
std::unique_ptr<HelperProcess> spawn_helper(const SandboxOptions& options) {
    return HelperSpawner::spawn(options);
}
}  // namespace

HelperProcess::HelperProcess(pid_t pid, UniqueFd socket, Protection protection,
                             std::chrono::milliseconds timeout)
    : pid_(pid), socket_(std::move(socket)), protection_(protection), timeout_(timeout) {}

HelperProcess::~HelperProcess() {
    // A healthy helper ends by itself when its channel closes (so its CPU time is accounted to us, and
    // bubblewrap tears its namespaces down in order); one that does not within 200 ms is killed.
    if (pid_ > 0 && !reaped_) {
        socket_.reset();
        for (int i = 0; i < 200 && !reaped_; ++i) {
            if (::waitpid(pid_, &wait_status_, WNOHANG) == pid_)
                reaped_ = true;
            else
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
        }
    }
    kill_and_reap();
}

std::string HelperProcess::resolve_helper(const SandboxOptions& options) {
    std::vector<std::string> candidates;
    if (!options.helper_path.empty())
        candidates.push_back(options.helper_path);
    else if (const char* env = std::getenv("JAANCH_RENDER_HELPER"); env != nullptr && *env != '\0')
        candidates.emplace_back(env);
    else {
        std::error_code ec;
        const fs::path self = fs::read_symlink("/proc/self/exe", ec);
        if (!ec)
            candidates.push_back((self.parent_path() / "jaanch-render").string());
#ifdef JAANCH_RENDER_BUILD_PATH
        candidates.emplace_back(JAANCH_RENDER_BUILD_PATH);
#endif
    }
    for (const auto& c : candidates)
        if (::access(c.c_str(), X_OK) == 0)
            return fs::absolute(c).string();
    throw SandboxFailure(SandboxFailure::Reason::start_failed,
                         "The sandboxed renderer jaanch-render was not found (looked for " +
                             (candidates.empty() ? std::string("nothing") : candidates.front()) +
                             "); reinstall Jaanch, or set JAANCH_RENDER_HELPER to its path.");
}

std::unique_ptr<HelperProcess> HelperProcess::start(const SandboxOptions& options) {
    if (!options.keep_warm_helper)
        return spawn_helper(options);
    const std::string key = resolve_helper(options) + "|" + std::to_string(options.request_timeout.count()) +
                            "|" + (bubblewrap_usable() ? "b" : "s");
    auto& s = spare();
    std::unique_ptr<HelperProcess> taken;
    std::lock_guard lock(s.mutex);
    if (s.helper && s.key == key && s.helper->running())
        taken = std::move(s.helper);
    s.helper.reset();
    try {
        s.helper = spawn_helper(options);
        s.key = key;
    } catch (const SandboxFailure&) {
        // No spare this time; the caller's own helper below reports the same failure if it matters.
    }
    return taken ? std::move(taken) : spawn_helper(options);
}

bool HelperProcess::running() {
    if (!reaped_ && ::waitpid(pid_, &wait_status_, WNOHANG) == pid_)
        reaped_ = true;  // reaped here, so its pid is never signalled again
    return !reaped_;
}

void HelperProcess::kill_and_reap() {
    if (pid_ <= 0 || reaped_)
        return;
    socket_.reset();
    ::kill(pid_, SIGKILL);  // bubblewrap's --die-with-parent takes the helper inside with it
    while (::waitpid(pid_, &wait_status_, 0) < 0 && errno == EINTR) {
    }
    reaped_ = true;
}

std::string HelperProcess::exit_reason() {
    if (!reaped_) {
        // It closed the channel, so it is ending; give it a moment to do so before forcing it.
        for (int i = 0; i < 100 && !reaped_; ++i) {
            if (::waitpid(pid_, &wait_status_, WNOHANG) == pid_)
                reaped_ = true;
            else
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        kill_and_reap();
    }
    if (WIFSIGNALED(wait_status_))
        return "crashed with signal " + signal_text(WTERMSIG(wait_status_));
    const int code = WIFEXITED(wait_status_) ? WEXITSTATUS(wait_status_) : -1;
    // bubblewrap exits with 128 + N when the helper inside died of signal N.
    if (protection_ == Protection::bubblewrap_seccomp && code > 128 && code < 128 + 65)
        return "crashed with signal " + signal_text(code - 128);
    return "exited unexpectedly with status " + std::to_string(code);
}

void HelperProcess::fail(SandboxFailure::Reason reason, const std::string& detail) {
    std::string why = detail;
    if (reason == SandboxFailure::Reason::timed_out) {
        kill_and_reap();
        why = "timed out after " + seconds_text(timeout_) + " s";
    } else if (reason == SandboxFailure::Reason::crashed) {
        why = exit_reason();
        if (why.rfind("exited", 0) == 0)
            reason = SandboxFailure::Reason::exited;
    } else {
        kill_and_reap();
    }
    throw SandboxFailure(
        reason, "This document could not be displayed safely: the sandboxed renderer " + why +
                    ". The workstation itself is unaffected; open the document again to retry, or ask "
                    "the applicant for a clean copy.");
}

ipc::Reply HelperProcess::call(const ipc::Request& request, int attach, UniqueFd* reply_fd) {
    if (reaped_ || !socket_)
        fail(SandboxFailure::Reason::crashed, "");
    const auto frame = ipc::encode(request);
    try {
        send_frame(socket_.get(), frame, attach);
    } catch (const ChannelClosed&) {
        fail(SandboxFailure::Reason::crashed, "");
    }
    Frame reply;
    try {
        reply = receive_frame(socket_.get(), false, std::chrono::steady_clock::now() + timeout_);
    } catch (const ChannelTimeout&) {
        fail(SandboxFailure::Reason::timed_out, "");
    } catch (const ChannelClosed&) {
        fail(SandboxFailure::Reason::crashed, "");
    } catch (const ipc::ProtocolError& e) {
        fail(SandboxFailure::Reason::protocol, std::string("sent a malformed answer (") + e.what() + ")");
    }
    try {
        ipc::Reply parsed = ipc::parse_reply(reply.header, reply.payload);
        answered_ = true;
        if (reply_fd != nullptr)
            *reply_fd = std::move(reply.attached);
        return parsed;
    } catch (const ipc::ProtocolError& e) {
        fail(SandboxFailure::Reason::protocol, std::string("sent a malformed answer (") + e.what() + ")");
    }
}

}  // namespace jaanch::viewer::sandbox
