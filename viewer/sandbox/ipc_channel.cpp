#include "viewer/sandbox/ipc_channel.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

namespace jaanch::viewer::sandbox {
namespace {

std::string errno_text(int e) {
    return std::strerror(e);
}

// Waits until `socket` is readable or the deadline passes.
void wait_readable(int socket, const Deadline& deadline) {
    for (;;) {
        int timeout_ms = -1;
        if (deadline) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                *deadline - std::chrono::steady_clock::now());
            if (left.count() <= 0)
                throw ChannelTimeout("The sandboxed renderer did not answer in time.");
            timeout_ms = static_cast<int>(std::min<long long>(left.count() + 1, 1 << 30));
        }
        pollfd p{socket, POLLIN, 0};
        const int n = ::poll(&p, 1, timeout_ms);
        if (n > 0)
            return;
        if (n < 0 && errno != EINTR)
            throw ChannelClosed("Waiting for the sandboxed renderer failed: " + errno_text(errno) + ".");
    }
}

// Reads exactly `size` bytes; keeps the first descriptor that arrives with them.
void receive_exact(int socket, std::uint8_t* out, std::size_t size, UniqueFd& attached,
                   const Deadline& deadline) {
    std::size_t got = 0;
    while (got < size) {
        wait_readable(socket, deadline);
        iovec iov{out + got, size - got};
        alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int) * 4)];
        msghdr msg{};
        msg.msg_iov = &iov;
        msg.msg_iovlen = 1;
        msg.msg_control = control;
        msg.msg_controllen = sizeof control;
        const ssize_t n = ::recvmsg(socket, &msg, MSG_CMSG_CLOEXEC | MSG_DONTWAIT);
        if (n < 0 && (errno == EINTR || errno == EAGAIN))
            continue;
        if (n < 0)
            throw ChannelClosed("The sandboxed renderer's channel failed: " + errno_text(errno) + ".");
        for (cmsghdr* c = CMSG_FIRSTHDR(&msg); c != nullptr; c = CMSG_NXTHDR(&msg, c)) {
            if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS)
                continue;
            const std::size_t count = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
            for (std::size_t i = 0; i < count; ++i) {
                int fd = -1;
                std::memcpy(&fd, CMSG_DATA(c) + i * sizeof(int), sizeof fd);
                if (!attached)
                    attached.reset(fd);
                else
                    ::close(fd);  // one descriptor per frame; extras are dropped, never leaked
            }
        }
        if ((msg.msg_flags & MSG_CTRUNC) != 0)
            throw ipc::ProtocolError("The sandboxed renderer sent more descriptors than a frame may carry.");
        if (n == 0)
            throw ChannelClosed("The sandboxed renderer closed its channel.");
        got += static_cast<std::size_t>(n);
    }
}

}  // namespace

void UniqueFd::reset(int fd) {
    if (fd_ >= 0)
        ::close(fd_);
    fd_ = fd;
}

void send_frame(int socket, std::span<const std::uint8_t> frame, int attach) {
    std::size_t sent = 0;
    while (sent < frame.size()) {
        iovec iov{const_cast<std::uint8_t*>(frame.data() + sent), frame.size() - sent};
        alignas(cmsghdr) char control[CMSG_SPACE(sizeof(int))] = {};
        msghdr msg{};
        msg.msg_iov = &iov;
        msg.msg_iovlen = 1;
        if (attach >= 0 && sent == 0) {
            msg.msg_control = control;
            msg.msg_controllen = sizeof control;
            cmsghdr* c = CMSG_FIRSTHDR(&msg);
            c->cmsg_level = SOL_SOCKET;
            c->cmsg_type = SCM_RIGHTS;
            c->cmsg_len = CMSG_LEN(sizeof(int));
            std::memcpy(CMSG_DATA(c), &attach, sizeof attach);
        }
        const ssize_t n = ::sendmsg(socket, &msg, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            throw ChannelClosed("Sending to the sandboxed renderer failed: " + errno_text(errno) + ".");
        sent += static_cast<std::size_t>(n);
    }
}

Frame receive_frame(int socket, bool expect_request, Deadline deadline) {
    Frame f;
    std::array<std::uint8_t, ipc::kHeaderBytes> header{};
    receive_exact(socket, header.data(), header.size(), f.attached, deadline);
    f.header = ipc::parse_header(header, expect_request);
    f.payload.resize(f.header.payload_bytes);
    receive_exact(socket, f.payload.data(), f.payload.size(), f.attached, deadline);
    return f;
}

UniqueFd sealed_memfd(const char* name, std::span<const std::uint8_t> bytes) {
    UniqueFd fd(::memfd_create(name, MFD_CLOEXEC | MFD_ALLOW_SEALING));
    if (!fd)
        throw Error("Could not create a memory file for the sandboxed renderer: " + errno_text(errno) + ".");
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd.get(), bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            throw Error("Could not fill a memory file for the sandboxed renderer: " + errno_text(errno) +
                        ".");
        done += static_cast<std::size_t>(n);
    }
    if (::fcntl(fd.get(), F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE | F_SEAL_SEAL) != 0)
        throw Error("Could not seal a memory file for the sandboxed renderer: " + errno_text(errno) + ".");
    return fd;
}

void read_exact_from(int fd, std::uint8_t* out, std::size_t size) {
    std::size_t done = 0;
    while (done < size) {
        const ssize_t n = ::pread(fd, out + done, size - done, static_cast<off_t>(done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            throw ipc::ProtocolError(
                "A memory file from the sandbox holds fewer bytes than its message says (" +
                std::to_string(done) + " of " + std::to_string(size) + ").");
        done += static_cast<std::size_t>(n);
    }
}

}  // namespace jaanch::viewer::sandbox
