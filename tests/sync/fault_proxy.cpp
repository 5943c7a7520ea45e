#include "fault_proxy.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <stdexcept>
#include <string>

namespace jaanch::sync::test {
namespace {

int connect_local(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<std::uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
        ::close(fd);
        return -1;
    }
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return fd;
}

bool send_all(int fd, const char* data, std::size_t n) {
    while (n > 0) {
        const ssize_t w = ::send(fd, data, n, MSG_NOSIGNAL);
        if (w <= 0)
            return false;
        data += w;
        n -= static_cast<std::size_t>(w);
    }
    return true;
}

}  // namespace

FaultProxy::FaultProxy(int upstream_port) : upstream_(upstream_port) {
    listen_on(0);
    acceptor_ = std::thread([this] { accept_loop(); });
}

FaultProxy::~FaultProxy() {
    stopping_ = true;
    ++generation_;
    acceptor_.join();
    const int l = listener_.exchange(-1);
    if (l >= 0)
        ::close(l);
    std::lock_guard lock(threads_mutex_);
    for (auto& t : threads_)
        t.join();
}

void FaultProxy::listen_on(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<std::uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 || ::listen(fd, 64) != 0) {
        ::close(fd);
        throw std::runtime_error("fault proxy: cannot listen on port " + std::to_string(port));
    }
    socklen_t len = sizeof a;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
    port_ = ntohs(a.sin_port);
    listener_ = fd;
}

void FaultProxy::set(const FaultSettings& s) {
    drop_ = s.drop_connection;
    truncate_ = s.truncate_response;
    latency_ms_ = s.latency_ms;
    rate_ = s.bytes_per_second;
}

void FaultProxy::go_down() {
    down_ = true;
    ++generation_;
    const int l = listener_.exchange(-1);
    if (l >= 0)
        ::close(l);
}

void FaultProxy::come_up() {
    listen_on(port_);
    down_ = false;
}

void FaultProxy::accept_loop() {
    while (!stopping_) {
        const int l = listener_;
        if (l < 0) {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
            continue;
        }
        pollfd p{l, POLLIN, 0};
        if (::poll(&p, 1, 50) <= 0)
            continue;
        const int client = ::accept(l, nullptr, nullptr);
        if (client < 0)
            continue;
        ++connections_;
        std::lock_guard lock(threads_mutex_);
        threads_.emplace_back([this, client] { serve(client); });
    }
}

void FaultProxy::throttle(std::size_t bytes) {
    const std::uint64_t rate = rate_;
    if (rate == 0)
        return;
    std::chrono::steady_clock::time_point until;
    {
        std::lock_guard lock(link_mutex_);
        const auto now = std::chrono::steady_clock::now();
        if (link_free_ < now)
            link_free_ = now;
        link_free_ += std::chrono::microseconds(bytes * 1'000'000 / rate);
        until = link_free_;
    }
    std::this_thread::sleep_until(until);
}

void FaultProxy::serve(int client) {
    const std::uint64_t generation = generation_;
    bool drop = false;
    std::int64_t cut_after = -1;
    {
        std::lock_guard lock(random_mutex_);
        std::uniform_real_distribution<double> chance(0, 1);
        drop = chance(random_) < drop_;
        if (chance(random_) < truncate_)
            cut_after = std::uniform_int_distribution<std::int64_t>(0, 64 * 1024)(random_);
    }
    const int upstream = drop ? -1 : connect_local(upstream_);
    if (upstream < 0) {
        ::close(client);
        return;
    }
    std::int64_t sent = 0;
    bool awaiting_answer = false;
    char buffer[8192];
    for (;;) {
        if (stopping_ || generation_ != generation)
            break;
        pollfd p[2] = {{client, POLLIN, 0}, {upstream, POLLIN, 0}};
        if (::poll(p, 2, 50) < 0)
            break;
        if (p[0].revents & (POLLIN | POLLHUP | POLLERR)) {
            const ssize_t n = ::recv(client, buffer, sizeof buffer, 0);
            if (n <= 0 || !send_all(upstream, buffer, static_cast<std::size_t>(n)))
                break;
            awaiting_answer = true;
        }
        if (p[1].revents & (POLLIN | POLLHUP | POLLERR)) {
            // Small chunks so the throttle paces the stream smoothly.
            const std::size_t want = rate_ > 0 ? 4096 : sizeof buffer;
            const ssize_t n = ::recv(upstream, buffer, want, 0);
            if (n <= 0)
                break;
            if (awaiting_answer && latency_ms_ > 0)
                std::this_thread::sleep_for(std::chrono::milliseconds(latency_ms_));
            awaiting_answer = false;
            std::size_t len = static_cast<std::size_t>(n);
            bool cut = false;
            if (cut_after >= 0 && sent + n > cut_after) {
                len = static_cast<std::size_t>(cut_after - sent);
                cut = true;
            }
            throttle(len);
            if (generation_ != generation)
                break;
            if (len > 0 && !send_all(client, buffer, len))
                break;
            sent += static_cast<std::int64_t>(len);
            bytes_to_client_ += len;
            if (cut)
                break;
        }
    }
    ::close(upstream);
    ::close(client);
}

}  // namespace jaanch::sync::test
