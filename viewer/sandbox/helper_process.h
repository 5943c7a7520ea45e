// One running jaanch-render helper: started with posix_spawn (fork+exec) over a socketpair, under bubblewrap
// when it is usable, always under the helper's own seccomp filter. A call that finds the helper crashed,
// hung past its deadline or talking nonsense kills it and throws SandboxFailure with the reason; the caller
// then starts a fresh helper for its next request. A crash never reaches the caller's process: replies are
// parsed by ipc_protocol's bounded parser, pixels are copied out of the memfd with pread (no mapping that a
// hostile helper could shrink under us), and sends never raise SIGPIPE.
//
// Warm start: starting a helper costs bubblewrap's namespaces, Poppler's and fontconfig's start-up (tens of
// ms). HelperProcess::start() therefore hands out a spare helper that was started in the background at the
// previous start, and starts the next spare (SandboxOptions::keep_warm_helper; one spare per process).
//
// Threads: a HelperProcess is used by one thread at a time; start() is thread-safe.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <memory>
#include <string>

#include "viewer/sandbox/ipc_channel.h"
#include "viewer/sandbox/sandbox_policy.h"

namespace jaanch::viewer::sandbox {

struct HelperSpawner;

struct SandboxOptions {
    // The helper executable. Empty: $JAANCH_RENDER_HELPER when set, else `jaanch-render` next to the running
    // executable (/proc/self/exe), else ../viewer/sandbox/jaanch-render from it (the build tree).
    std::string helper_path;
    // A request (open, one page, one page's text) that takes longer kills the helper.
    std::chrono::milliseconds request_timeout{20'000};
    bool keep_warm_helper = true;
};

// The document could not be rendered because the sandboxed helper failed (crashed, hung, broke protocol).
class SandboxFailure : public DocumentError {
  public:
    enum class Reason { crashed, timed_out, protocol, exited, start_failed };
    SandboxFailure(Reason reason, const std::string& message) : DocumentError(message), reason_(reason) {}
    Reason reason() const { return reason_; }

  private:
    Reason reason_;
};

class HelperProcess {
  public:
    // A running helper (maybe the warm spare). Throws SandboxFailure(start_failed) when it cannot start.
    static std::unique_ptr<HelperProcess> start(const SandboxOptions& options);
    ~HelperProcess();  // kills and reaps the helper
    HelperProcess(const HelperProcess&) = delete;
    HelperProcess& operator=(const HelperProcess&) = delete;

    // Sends `request` (with `attach` when >= 0) and returns the reply, its descriptor in `reply_fd` when
    // given. A FailureReply comes back as a reply, not an exception. Throws SandboxFailure (after killing the
    // helper) when it crashes, exits, times out or sends a malformed frame.
    ipc::Reply call(const ipc::Request& request, int attach = -1, UniqueFd* reply_fd = nullptr);

    Protection protection() const { return protection_; }
    pid_t pid() const { return pid_; }
    bool answered() const { return answered_; }  // false until a first reply came back
    bool running();                              // reaps the helper when it has ended

    // The helper path the options resolve to (see SandboxOptions::helper_path). Throws Error if none exists.
    static std::string resolve_helper(const SandboxOptions& options);

  private:
    friend struct HelperSpawner;
    HelperProcess(pid_t pid, UniqueFd socket, Protection protection, std::chrono::milliseconds timeout);
    [[noreturn]] void fail(SandboxFailure::Reason reason, const std::string& detail);
    std::string exit_reason();  // reaps the helper and says how it ended
    void kill_and_reap();

    pid_t pid_ = -1;
    UniqueFd socket_;
    Protection protection_;
    std::chrono::milliseconds timeout_;
    bool answered_ = false;
    int wait_status_ = 0;
    bool reaped_ = false;
};

}  // namespace jaanch::viewer::sandbox
