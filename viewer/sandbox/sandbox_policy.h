// What confines jaanch-render: the bubblewrap command line the caller starts it with, and the seccomp filter
// the helper installs on itself before it reads any request (docs/sandbox.md has the threat model).
//
// Threads: any. Errors: install_seccomp_filter throws jaanch::Error when the kernel refuses the filter (the
// helper then exits rather than render unconfined).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace jaanch::viewer::sandbox {

// The protection a document is rendered under, as the workstation shows it.
enum class Protection { bubblewrap_seccomp, seccomp_only, none };

// "bubblewrap+seccomp", "seccomp only", "none (--no-sandbox)".
std::string_view protection_name(Protection p);

// True when bubblewrap is installed and can create its namespaces here (probed once per process by running
// `bwrap … /bin/true`). The environment variable JAANCH_SANDBOX_NO_BWRAP=1 forces false (tests of the
// seccomp-only level, or machines where unprivileged user namespaces are switched off).
bool bubblewrap_usable();

// The argv that runs `helper` (an absolute path) with `helper_args` under bubblewrap: every namespace
// unshared (network included), read-only /usr, /etc/fonts and the fontconfig cache, a private tmpfs /tmp,
// no home, a cleared environment, a new session, killed with its parent. The helper's socket is fd 3.
std::vector<std::string> bubblewrap_argv(const std::string& helper,
                                         const std::vector<std::string>& helper_args);

// Installs the helper's seccomp filter on the calling process (and sets no_new_privs). Denied with EPERM:
// socket, socketpair, connect, bind, listen, accept, execve, execveat, ptrace, process_vm_*, opening a file
// for writing or creating (open/openat with O_WRONLY, O_RDWR or O_CREAT; creat; openat2 whose flags cannot
// be inspected), and the calls that change the file system (unlink, rename, mkdir, truncate, chmod, link …)
// or escape the filter (io_uring, bpf, mount, unshare, setns, keyctl, userfaultfd). Reading files stays
// allowed: fonts and Poppler's data must load or pages lose their text; bubblewrap decides what is visible.
void install_seccomp_filter();

}  // namespace jaanch::viewer::sandbox
