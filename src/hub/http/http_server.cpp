#include "hub/http/http_server.h"

#include <httplib.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <poll.h>
#include <sys/socket.h>

#include <fcntl.h>
#include <netdb.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <memory>

#include "util/error.h"
#include "util/worker.h"

namespace jaanch::hub {
namespace {

using Clock = std::chrono::steady_clock;

thread_local bool t_reject_connection = false;

int remaining_ms(Clock::time_point deadline) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    return left <= 0 ? 0 : static_cast<int>(std::min<long long>(left, 1 << 30));
}

bool wait_for(int fd, short events, Clock::time_point deadline) {
    for (;;) {
        pollfd p{fd, events, 0};
        const int n = ::poll(&p, 1, remaining_ms(deadline));
        if (n > 0)
            return true;
        if (n == 0)
            return false;
        if (errno != EINTR)
            return false;
    }
}

std::string ssl_error_text() {
    char buffer[256] = "unknown OpenSSL error";
    if (const unsigned long e = ERR_get_error())
        ERR_error_string_n(e, buffer, sizeof buffer);
    return buffer;
}

// A connection's byte stream with deadlines: reads fail once the current request's deadline passes, writes
// once a single write stalls longer than the write timeout. Buffered, because httplib reads request lines
// byte by byte.
class GuardedStream : public httplib::Stream {
  public:
    GuardedStream(int fd, SSL* ssl, std::chrono::milliseconds write_timeout)
        : fd_(fd), ssl_(ssl), write_timeout_(write_timeout) {}

    void arm(Clock::time_point read_deadline) { read_deadline_ = read_deadline; }
    bool timed_out() const { return timed_out_; }
    bool has_buffered() const { return offset_ < size_ || (ssl_ != nullptr && SSL_pending(ssl_) > 0); }

    // Waits for the next request's first byte until `deadline`.
    bool wait_readable(Clock::time_point deadline) {
        return has_buffered() || wait_for(fd_, POLLIN, deadline);
    }

    bool handshake(Clock::time_point deadline) {
        for (;;) {
            const int r = SSL_accept(ssl_);
            if (r == 1)
                return true;
            const int e = SSL_get_error(ssl_, r);
            if (e == SSL_ERROR_WANT_READ && wait_for(fd_, POLLIN, deadline))
                continue;
            if (e == SSL_ERROR_WANT_WRITE && wait_for(fd_, POLLOUT, deadline))
                continue;
            return false;
        }
    }

    bool is_readable() const override { return true; }
    bool is_writable() const override { return true; }

    ssize_t read(char* ptr, size_t size) override {
        if (offset_ >= size_ && !fill())
            return -1;
        const size_t n = std::min(size, size_ - offset_);
        std::memcpy(ptr, buffer_ + offset_, n);
        offset_ += n;
        return static_cast<ssize_t>(n);
    }

    ssize_t write(const char* ptr, size_t size) override {
        size_t done = 0;
        while (done < size) {
            const auto deadline = Clock::now() + write_timeout_;
            const ssize_t n = raw_write(ptr + done, size - done, deadline);
            if (n <= 0)
                return done > 0 ? static_cast<ssize_t>(done) : -1;
            done += static_cast<size_t>(n);
        }
        return static_cast<ssize_t>(done);
    }

    void get_remote_ip_and_port(std::string& ip, int& port) const override { address(false, ip, port); }
    void get_local_ip_and_port(std::string& ip, int& port) const override { address(true, ip, port); }
    socket_t socket() const override { return fd_; }

  private:
    bool fill() {
        offset_ = size_ = 0;
        for (;;) {
            // Checked before every read, so a client that keeps trickling bytes still meets the deadline.
            if (Clock::now() >= read_deadline_)
                return expire();
            if (ssl_ != nullptr) {
                const int r = SSL_read(ssl_, buffer_, sizeof buffer_);
                if (r > 0) {
                    size_ = static_cast<size_t>(r);
                    return true;
                }
                const int e = SSL_get_error(ssl_, r);
                const short want = e == SSL_ERROR_WANT_READ    ? POLLIN
                                   : e == SSL_ERROR_WANT_WRITE ? POLLOUT
                                                               : 0;
                if (want == 0)
                    return false;
                if (!wait_for(fd_, want, read_deadline_))
                    return expire();
                continue;
            }
            const ssize_t r = ::recv(fd_, buffer_, sizeof buffer_, 0);
            if (r > 0) {
                size_ = static_cast<size_t>(r);
                return true;
            }
            if (r == 0)
                return false;
            if (errno == EINTR)
                continue;
            if (errno != EAGAIN && errno != EWOULDBLOCK)
                return false;
            if (!wait_for(fd_, POLLIN, read_deadline_))
                return expire();
        }
    }

    bool expire() {
        timed_out_ = true;
        return false;
    }

    ssize_t raw_write(const char* ptr, size_t size, Clock::time_point deadline) {
        for (;;) {
            if (ssl_ != nullptr) {
                const int r = SSL_write(ssl_, ptr, static_cast<int>(std::min<size_t>(size, 1 << 30)));
                if (r > 0)
                    return r;
                const int e = SSL_get_error(ssl_, r);
                const short want = e == SSL_ERROR_WANT_READ    ? POLLIN
                                   : e == SSL_ERROR_WANT_WRITE ? POLLOUT
                                                               : 0;
                if (want == 0 || !wait_for(fd_, want, deadline))
                    return -1;
                continue;
            }
            const ssize_t r = ::send(fd_, ptr, size, MSG_NOSIGNAL);
            if (r >= 0)
                return r;
            if (errno == EINTR)
                continue;
            if ((errno != EAGAIN && errno != EWOULDBLOCK) || !wait_for(fd_, POLLOUT, deadline))
                return -1;
        }
    }

    void address(bool local, std::string& ip, int& port) const {
        sockaddr_storage addr{};
        socklen_t len = sizeof addr;
        auto* sa = reinterpret_cast<sockaddr*>(&addr);
        if ((local ? ::getsockname(fd_, sa, &len) : ::getpeername(fd_, sa, &len)) != 0)
            return;
        char host[NI_MAXHOST];
        char serv[NI_MAXSERV];
        if (::getnameinfo(sa, len, host, sizeof host, serv, sizeof serv, NI_NUMERICHOST | NI_NUMERICSERV) ==
            0) {
            ip = host;
            port = std::atoi(serv);
        }
    }

    int fd_;
    SSL* ssl_;
    std::chrono::milliseconds write_timeout_;
    Clock::time_point read_deadline_ = Clock::now();
    bool timed_out_ = false;
    char buffer_[16384];
    size_t offset_ = 0;
    size_t size_ = 0;
};

}  // namespace

class HttpServer::Impl : public httplib::Server {
  public:
    Impl(ServerLimits limits, std::optional<TlsFiles> tls) : limits_(limits) {
        if (tls)
            load_tls(*tls);
        set_payload_max_length(limits_.max_payload);
        // Small JSON answers and document heads must not wait for Nagle's algorithm to meet a delayed ACK
        // (the sync benchmark saw ~40 ms per small document on a kept-alive connection without this).
        set_tcp_nodelay(true);
        new_task_queue = [this] { return new Pool(*this); };
    }
    ~Impl() override {
        if (ctx_ != nullptr)
            SSL_CTX_free(ctx_);
    }

    ServerLimits limits_;
    ServerCounters counters_;
    SSL_CTX* ctx_ = nullptr;

  private:
    // One worker thread per allowed connection (an async::Worker of max_connections threads); a connection
    // over the cap is answered 503 on the accepting thread. httplib creates, feeds and shuts the pool down on
    // that one thread, so the count it checks can only fall between the check and the post.
    class Pool : public httplib::TaskQueue {
      public:
        explicit Pool(Impl& owner)
            : owner_(owner),
              worker_(std::make_unique<async::Worker>(
                  "hub-http", static_cast<unsigned>(std::max(1, owner_.limits_.max_connections)))) {}
        void enqueue(std::function<void()> fn) override {
            // Connections waiting for a thread count too: each will hold one soon.
            if (worker_->pending() < static_cast<std::size_t>(owner_.limits_.max_connections)) {
                worker_->post(std::move(fn));
                return;
            }
            t_reject_connection = true;  // seen by process_and_close_socket, which answers 503 and closes
            fn();
            t_reject_connection = false;
        }
        // Serves the connections already accepted, then joins.
        void shutdown() override { worker_.reset(); }

      private:
        Impl& owner_;
        std::unique_ptr<async::Worker> worker_;
    };

    void load_tls(const TlsFiles& tls) {
        ctx_ = SSL_CTX_new(TLS_server_method());
        if (ctx_ == nullptr)
            throw Error("OpenSSL could not create a TLS context: " + ssl_error_text() + ".");
        SSL_CTX_set_min_proto_version(ctx_, TLS1_2_VERSION);
        SSL_CTX_set_options(ctx_, SSL_OP_NO_COMPRESSION | SSL_OP_NO_RENEGOTIATION);
        if (SSL_CTX_use_certificate_chain_file(ctx_, tls.certificate.c_str()) != 1)
            throw Error("The TLS certificate " + tls.certificate.string() + " could not be loaded (" +
                        ssl_error_text() + "); give a PEM certificate file.");
        if (SSL_CTX_use_PrivateKey_file(ctx_, tls.key.c_str(), SSL_FILETYPE_PEM) != 1 ||
            SSL_CTX_check_private_key(ctx_) != 1)
            throw Error("The TLS key " + tls.key.string() +
                        " could not be loaded or does not match the certificate (" + ssl_error_text() + ").");
    }

    static void reject(int fd) {
        static const std::string body =
            R"({"code":"too_many_connections","message":"The hub is serving as many connections as it allows; )"
            R"(retry in a moment.","details":{}})";
        const std::string response =
            "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n"
            "Retry-After: 1\r\nConnection: close\r\nContent-Length: " +
            std::to_string(body.size()) + "\r\n\r\n" + body;
        [[maybe_unused]] const ssize_t n =
            ::send(fd, response.data(), response.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    }

    // Replaces httplib's per-connection loop (see the header for why).
    bool process_and_close_socket(socket_t sock) override {
        if (t_reject_connection) {
            counters_.connections_rejected++;
            reject(sock);
            ::shutdown(sock, SHUT_RDWR);
            ::close(sock);
            return false;
        }
        counters_.connections_accepted++;
        counters_.connections_open++;
        const int flags = ::fcntl(sock, F_GETFL, 0);
        ::fcntl(sock, F_SETFL, flags | O_NONBLOCK);
        SSL* ssl = nullptr;
        bool ok = true;
        if (ctx_ != nullptr) {
            ssl = SSL_new(ctx_);
            ok = ssl != nullptr && SSL_set_fd(ssl, sock) == 1;
        }
        {
            GuardedStream stream(sock, ssl, limits_.write_timeout);
            const auto first_deadline = Clock::now() + limits_.first_byte_timeout;
            if (ok && ssl != nullptr)
                ok = stream.handshake(first_deadline);
            for (int n = 0; ok && n < limits_.max_requests_per_connection && is_running(); ++n) {
                const auto idle_deadline =
                    n == 0 ? first_deadline : Clock::now() + limits_.keep_alive_timeout;
                if (!stream.wait_readable(idle_deadline))
                    break;
                stream.arm(Clock::now() + limits_.request_timeout);
                bool closed = false;
                const bool last = n + 1 == limits_.max_requests_per_connection;
                ok = process_request(stream, last, closed, nullptr) && !closed && !stream.timed_out();
            }
            if (stream.timed_out())
                counters_.connections_timed_out++;
            if (ssl != nullptr)
                SSL_shutdown(ssl);
        }
        if (ssl != nullptr)
            SSL_free(ssl);
        ::shutdown(sock, SHUT_RDWR);
        ::close(sock);
        counters_.connections_open--;
        return true;
    }
};

HttpServer::HttpServer(ServerLimits limits, std::optional<TlsFiles> tls)
    : impl_(std::make_unique<Impl>(limits, std::move(tls))) {}

HttpServer::~HttpServer() = default;

httplib::Server& HttpServer::routes() {
    return *impl_;
}
const ServerCounters& HttpServer::counters() const {
    return impl_->counters_;
}
bool HttpServer::tls() const {
    return impl_->ctx_ != nullptr;
}

int HttpServer::bind(const std::string& host, int port) {
    const int bound =
        port == 0 ? impl_->bind_to_any_port(host) : (impl_->bind_to_port(host, port) ? port : -1);
    if (bound <= 0)
        throw Error("The hub could not listen on " + host + ":" + std::to_string(port) +
                    "; the port may be in use or the address not local.");
    return bound;
}

bool HttpServer::run() {
    return impl_->listen_after_bind();
}
void HttpServer::stop() {
    impl_->stop();
}
bool HttpServer::running() const {
    return impl_->is_running();
}

}  // namespace jaanch::hub
