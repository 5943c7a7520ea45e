// A small TCP proxy on 127.0.0.1 that makes a good link bad, for the sync fault tests: it can drop
// connections, cut responses short, add latency and throttle the whole link; it can also go down (stop
// listening) and come back on the same port, while the hub behind it restarts on another one.
//
// Threads: one accept thread and one thread per connection, all joined by the destructor. Settings are
// atomics and may change from any thread while traffic flows.
#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>
#include <random>
#include <thread>
#include <vector>

namespace jaanch::sync::test {

struct FaultSettings {
    double drop_connection = 0;          // chance a new connection is closed before anything is forwarded
    double truncate_response = 0;        // chance a connection's response stream is cut after a random few KB
    int latency_ms = 0;                  // added before each response turn (a request followed by its answer)
    std::uint64_t bytes_per_second = 0;  // 0 = unlimited; shared by all connections, like one village link
};

class FaultProxy {
  public:
    explicit FaultProxy(int upstream_port);
    ~FaultProxy();
    FaultProxy(const FaultProxy&) = delete;
    FaultProxy& operator=(const FaultProxy&) = delete;

    int port() const { return port_; }
    void set_upstream(int port) { upstream_ = port; }
    void set(const FaultSettings& s);
    void go_down();  // stops listening and closes every open connection: the link is gone
    void come_up();  // listens again on the same port

    std::uint64_t connections() const { return connections_; }
    std::uint64_t bytes_to_client() const { return bytes_to_client_; }

  private:
    void accept_loop();
    void serve(int client);
    void throttle(std::size_t bytes);
    void listen_on(int port);

    std::atomic<int> upstream_;
    int port_ = 0;
    std::atomic<int> listener_{-1};
    std::atomic<bool> stopping_{false};
    std::atomic<bool> down_{false};
    std::atomic<std::uint64_t> generation_{0};  // bumped by go_down: connections of older generations close
    std::atomic<double> drop_{0}, truncate_{0};
    std::atomic<int> latency_ms_{0};
    std::atomic<std::uint64_t> rate_{0};
    std::atomic<std::uint64_t> connections_{0}, bytes_to_client_{0};
    std::mutex link_mutex_;  // the shared link's schedule
    std::chrono::steady_clock::time_point link_free_{};
    std::mutex threads_mutex_;
    std::vector<std::thread> threads_;
    std::thread acceptor_;
    std::mutex random_mutex_;
    std::mt19937 random_{12345};
};

}  // namespace jaanch::sync::test
