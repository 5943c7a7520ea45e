#include "hub/http/metrics.h"

#include <sstream>

namespace jaanch::hub {

void Metrics::record(int status, std::chrono::microseconds duration) {
    const int cls = status / 100;
    if (cls >= 1 && cls <= 5)
        by_class_[static_cast<std::size_t>(cls)]++;
    const double seconds = static_cast<double>(duration.count()) / 1e6;
    std::size_t bucket = 0;
    while (bucket < kBuckets.size() && seconds > kBuckets[bucket])
        ++bucket;
    buckets_[bucket]++;
    count_++;
    micros_ += static_cast<std::uint64_t>(duration.count());
}

std::string Metrics::render(const ServerCounters& c) const {
    std::ostringstream out;
    out << "# HELP jaanch_hub_requests_total HTTP requests answered, by status class.\n"
        << "# TYPE jaanch_hub_requests_total counter\n";
    for (int cls = 1; cls <= 5; ++cls)
        out << "jaanch_hub_requests_total{class=\"" << cls << "xx\"} "
            << by_class_[static_cast<std::size_t>(cls)] << "\n";
    out << "# HELP jaanch_hub_request_duration_seconds Time from routing to response.\n"
        << "# TYPE jaanch_hub_request_duration_seconds histogram\n";
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
        cumulative += buckets_[i];
        out << "jaanch_hub_request_duration_seconds_bucket{le=\"" << kBuckets[i] << "\"} " << cumulative
            << "\n";
    }
    cumulative += buckets_[kBuckets.size()];
    out << "jaanch_hub_request_duration_seconds_bucket{le=\"+Inf\"} " << cumulative << "\n"
        << "jaanch_hub_request_duration_seconds_sum " << static_cast<double>(micros_) / 1e6 << "\n"
        << "jaanch_hub_request_duration_seconds_count " << count_ << "\n"
        << "# TYPE jaanch_hub_decisions_accepted_total counter\njaanch_hub_decisions_accepted_total "
        << decisions_accepted_ << "\n"
        << "# TYPE jaanch_hub_decisions_replayed_total counter\njaanch_hub_decisions_replayed_total "
        << decisions_replayed_ << "\n"
        << "# TYPE jaanch_hub_connections_accepted_total counter\njaanch_hub_connections_accepted_total "
        << c.connections_accepted << "\n"
        << "# TYPE jaanch_hub_connections_rejected_total counter\njaanch_hub_connections_rejected_total "
        << c.connections_rejected << "\n"
        << "# TYPE jaanch_hub_connections_timed_out_total counter\njaanch_hub_connections_timed_out_total "
        << c.connections_timed_out << "\n"
        << "# TYPE jaanch_hub_connections_open gauge\njaanch_hub_connections_open " << c.connections_open
        << "\n";
    return out.str();
}

}  // namespace jaanch::hub
