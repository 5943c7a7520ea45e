// Request counters and latencies for GET /v1/metrics (Prometheus text format 0.0.4). Lock-free; thread-safe.
#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <string>

#include "hub/http/http_server.h"

namespace jaanch::hub {

class Metrics {
  public:
    void record(int status, std::chrono::microseconds duration);
    void decision_accepted() { decisions_accepted_++; }
    void decision_replayed() { decisions_replayed_++; }
    std::string render(const ServerCounters& connections) const;

  private:
    static constexpr std::array<double, 8> kBuckets{0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5, 2.0};
    std::array<std::atomic<std::uint64_t>, 6> by_class_{};  // 1xx … 5xx, index 0 unused
    std::array<std::atomic<std::uint64_t>, kBuckets.size() + 1> buckets_{};
    std::atomic<std::uint64_t> count_{0};
    std::atomic<std::uint64_t> micros_{0};
    std::atomic<std::uint64_t> decisions_accepted_{0};
    std::atomic<std::uint64_t> decisions_replayed_{0};
};

}  // namespace jaanch::hub
