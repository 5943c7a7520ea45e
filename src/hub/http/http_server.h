// The hub's HTTP/1.1 server: cpp-httplib's request parsing and routing, with the hub's own connection
// handling so that slow or idle clients cannot starve it.
//
// cpp-httplib (Debian's libcpp-httplib 0.11) gives routing, request parsing, Range and multipart, but its
// connections live on a fixed pool and only bound each recv() separately: a client trickling a header byte
// every few seconds holds a thread forever. HttpServer therefore runs each connection itself (overriding the
// library's per-connection hook) with:
// - a cap on open connections (`max_connections`, one worker thread each); beyond it a new connection gets an
//   immediate 503 JSON answer from the accepting thread and is closed;
// - a deadline for the first byte of a connection and for the idle time between keep-alive requests;
// - a deadline for a whole request (request line, headers and body) to arrive, however slowly it trickles;
// - a stall limit for each write, and a cap on requests per connection.
// TLS (OpenSSL, TLS 1.2+) is used when a certificate and key are given; the same limits apply, the handshake
// counting against the first-byte deadline.
//
// Threads: routes are registered before run(); run() blocks on the calling thread (the accept loop); handlers
// run on the threads of an async::Worker (util/worker.h) that the accept loop owns, one per allowed
// connection; stop() may be called from any thread, and run() returns once the open connections have ended.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace httplib {
class Server;
}

namespace jaanch::hub {

struct ServerLimits {
    int max_connections = 128;
    std::chrono::milliseconds first_byte_timeout{5000};
    std::chrono::milliseconds keep_alive_timeout{5000};
    std::chrono::milliseconds request_timeout{30000};
    std::chrono::milliseconds write_timeout{10000};
    int max_requests_per_connection = 1000;
    std::size_t max_payload = 64u << 20;  // request bodies above this get 413 before they are read
};

struct TlsFiles {
    std::filesystem::path certificate;  // PEM, the server certificate (and chain)
    std::filesystem::path key;          // PEM private key
};

struct ServerCounters {
    std::atomic<std::uint64_t> connections_accepted{0};
    std::atomic<std::uint64_t> connections_rejected{0};  // over max_connections
    std::atomic<std::uint64_t> connections_timed_out{0};
    std::atomic<int> connections_open{0};
};

class HttpServer {
  public:
    // Throws jaanch::Error when the TLS files cannot be loaded.
    HttpServer(ServerLimits limits, std::optional<TlsFiles> tls);
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    httplib::Server& routes();
    const ServerCounters& counters() const;
    bool tls() const;

    // Binds HOST:PORT (PORT 0 = any free port) and returns the bound port; throws jaanch::Error on failure.
    int bind(const std::string& host, int port);
    // Serves until stop(); returns false if the accept loop failed.
    bool run();
    void stop();
    // Whether run() has started accepting: a stop() before that is not seen by it (httplib ignores it).
    bool running() const;

  private:
    class Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace jaanch::hub
