#include "viewer/sandbox/sandbox_policy.h"

#include <fcntl.h>
#include <seccomp.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <mutex>

#include "util/error.h"

extern char** environ;

namespace jaanch::viewer::sandbox {
namespace {

namespace fs = std::filesystem;

std::string bwrap_path() {
    for (const char* p : {"/usr/bin/bwrap", "/usr/local/bin/bwrap", "/bin/bwrap"})
        if (::access(p, X_OK) == 0)
            return p;
    return {};
}

// The read-only system the helper needs: its libraries, fontconfig's configuration and cache, the fonts and
// Poppler's data (all under /usr on Debian). Merged-/usr links are recreated as links.
std::vector<std::string> system_binds() {
    std::vector<std::string> a = {"--ro-bind", "/usr", "/usr"};
    for (const char* top : {"/lib", "/lib64", "/lib32", "/bin", "/sbin"}) {
        std::error_code ec;
        if (fs::is_symlink(top, ec))
            a.insert(a.end(), {"--symlink", fs::read_symlink(top, ec).string(), top});
        else if (fs::exists(top, ec))
            a.insert(a.end(), {"--ro-bind", top, top});
    }
    for (const char* p : {"/etc/ld.so.cache", "/etc/fonts", "/var/cache/fontconfig"})
        a.insert(a.end(), {"--ro-bind-try", p, p});
    return a;
}

int run_and_wait(const std::vector<std::string>& argv) {
    std::vector<char*> args;
    for (const auto& s : argv)
        args.push_back(const_cast<char*>(s.c_str()));
    args.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
    pid_t pid = -1;
    const int rc = ::posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (rc != 0)
        return -1;
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

}  // namespace

std::string_view protection_name(Protection p) {
    switch (p) {
        case Protection::bubblewrap_seccomp:
            return "bubblewrap+seccomp";
        case Protection::seccomp_only:
            return "seccomp only";
        case Protection::none:
            return "none (--no-sandbox)";
    }
    return "unknown";
}

bool bubblewrap_usable() {
    if (const char* no = std::getenv("JAANCH_SANDBOX_NO_BWRAP"); no != nullptr && std::string(no) == "1")
        return false;
    static std::once_flag once;
    static bool usable = false;
    std::call_once(once, [] {
        const std::string bwrap = bwrap_path();
        if (bwrap.empty())
            return;
        std::vector<std::string> argv = {bwrap, "--unshare-all", "--die-with-parent", "--new-session"};
        const auto binds = system_binds();
        argv.insert(argv.end(), binds.begin(), binds.end());
        argv.insert(argv.end(), {"--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp", "/usr/bin/true"});
        usable = run_and_wait(argv) == 0;
    });
    return usable;
}

std::vector<std::string> bubblewrap_argv(const std::string& helper,
                                         const std::vector<std::string>& helper_args) {
    std::vector<std::string> a = {bwrap_path(), "--unshare-all", "--die-with-parent", "--new-session",
                                  "--cap-drop", "ALL",           "--clearenv"};
    const auto binds = system_binds();
    a.insert(a.end(), binds.begin(), binds.end());
    a.insert(a.end(), {"--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp", "--chdir", "/"});
    // Sanitizer settings pass through so the test builds behave the same inside; nothing else does.
    for (const char* name : {"ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS", "JAANCH_POPPLER_DEBUG"})
        if (const char* v = std::getenv(name))
            a.insert(a.end(), {"--setenv", name, v});
    a.insert(a.end(), {"--setenv", "JAANCH_SANDBOX", "bubblewrap"});
    a.insert(a.end(), {"--ro-bind", helper, "/jaanch-render", "/jaanch-render"});
    a.insert(a.end(), helper_args.begin(), helper_args.end());
    return a;
}

void install_seccomp_filter() {
    std::unique_ptr<void, void (*)(scmp_filter_ctx)> ctx(seccomp_init(SCMP_ACT_ALLOW), seccomp_release);
    if (!ctx)
        throw Error("Could not create the renderer's seccomp filter (seccomp_init failed).");
    const auto deny = static_cast<std::uint32_t>(SCMP_ACT_ERRNO(EPERM));
    auto rule = [&](int syscall, std::uint32_t action = 0) {
        const int rc = seccomp_rule_add(ctx.get(), action == 0 ? deny : action, syscall, 0);
        if (rc != 0)
            throw Error("Could not add a rule to the renderer's seccomp filter (" +
                        std::string(std::strerror(-rc)) + ").");
    };
    for (int sc : {SCMP_SYS(socket),
                   SCMP_SYS(socketpair),
                   SCMP_SYS(connect),
                   SCMP_SYS(bind),
                   SCMP_SYS(listen),
                   SCMP_SYS(accept),
                   SCMP_SYS(accept4),
                   SCMP_SYS(execve),
                   SCMP_SYS(execveat),
                   SCMP_SYS(ptrace),
                   SCMP_SYS(process_vm_readv),
                   SCMP_SYS(process_vm_writev),
                   SCMP_SYS(creat),
                   SCMP_SYS(unlink),
                   SCMP_SYS(unlinkat),
                   SCMP_SYS(rename),
                   SCMP_SYS(renameat),
                   SCMP_SYS(renameat2),
                   SCMP_SYS(mkdir),
                   SCMP_SYS(mkdirat),
                   SCMP_SYS(rmdir),
                   SCMP_SYS(truncate),
                   SCMP_SYS(chmod),
                   SCMP_SYS(fchmodat),
                   SCMP_SYS(chown),
                   SCMP_SYS(fchownat),
                   SCMP_SYS(lchown),
                   SCMP_SYS(link),
                   SCMP_SYS(linkat),
                   SCMP_SYS(symlink),
                   SCMP_SYS(symlinkat),
                   SCMP_SYS(mknod),
                   SCMP_SYS(mknodat),
                   SCMP_SYS(setxattr),
                   SCMP_SYS(lsetxattr),
                   SCMP_SYS(removexattr),
                   SCMP_SYS(lremovexattr),
                   SCMP_SYS(utimensat),
                   SCMP_SYS(mount),
                   SCMP_SYS(umount2),
                   SCMP_SYS(pivot_root),
                   SCMP_SYS(chroot),
                   SCMP_SYS(unshare),
                   SCMP_SYS(setns),
                   SCMP_SYS(bpf),
                   SCMP_SYS(perf_event_open),
                   SCMP_SYS(keyctl),
                   SCMP_SYS(add_key),
                   SCMP_SYS(request_key),
                   SCMP_SYS(userfaultfd),
                   SCMP_SYS(io_uring_setup),
                   SCMP_SYS(io_uring_enter),
                   SCMP_SYS(io_uring_register),
                   SCMP_SYS(name_to_handle_at),
                   SCMP_SYS(open_by_handle_at),
                   SCMP_SYS(kexec_load),
                   SCMP_SYS(init_module),
                   SCMP_SYS(finit_module),
                   SCMP_SYS(delete_module)})
        rule(sc);
    // openat2 passes its flags in a struct the filter cannot read: refuse it as unknown, so libraries fall
    // back to openat, whose flags the rules below can see.
    rule(SCMP_SYS(openat2), static_cast<std::uint32_t>(SCMP_ACT_ERRNO(ENOSYS)));
    // Opening for writing or creating is denied; plain reading (O_RDONLY, with any other flag) stays allowed.
    for (unsigned flag : {unsigned{O_WRONLY}, unsigned{O_RDWR}, unsigned{O_CREAT}}) {
        int rc =
            seccomp_rule_add(ctx.get(), deny, SCMP_SYS(openat), 1, SCMP_A2(SCMP_CMP_MASKED_EQ, flag, flag));
        if (rc == 0)
            rc =
                seccomp_rule_add(ctx.get(), deny, SCMP_SYS(open), 1, SCMP_A1(SCMP_CMP_MASKED_EQ, flag, flag));
        if (rc != 0)
            throw Error("Could not add the open-for-writing rule to the renderer's seccomp filter (" +
                        std::string(std::strerror(-rc)) + ").");
    }
    if (const int rc = seccomp_load(ctx.get()); rc != 0)
        throw Error("The kernel refused the renderer's seccomp filter (" + std::string(std::strerror(-rc)) +
                    "); the document is not rendered unconfined.");
}

}  // namespace jaanch::viewer::sandbox
