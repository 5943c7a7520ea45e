#include "sync_bench_data.h"

#include <atomic>
#include <map>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "util/sha256.h"

namespace jaanch::bench {

std::string random_bytes(std::mt19937_64& random, std::size_t size, const std::string& tag) {
    std::string out = "%PDF-1.4\n% " + tag + "\n";
    out.reserve(size);
    while (out.size() + 8 <= size) {
        const std::uint64_t v = random();
        out.append(reinterpret_cast<const char*>(&v), 8);
    }
    out.resize(size, 'x');
    return out;
}

std::uint64_t file_applications(hub::test::World& world, const std::string& prefix, int count, int min_kb,
                                int max_kb, std::vector<std::string>& shas) {
    std::atomic<int> next{0};
    std::atomic<std::uint64_t> bytes{0};
    std::mutex mutex;
    auto work = [&](unsigned seed) {
        std::mt19937_64 random(seed);
        std::uniform_int_distribution<int> kb(min_kb, max_kb);
        const hub::test::HttpClient client = world.hub.client();
        for (int i = next++; i < count; i = next++) {
            const std::string number = prefix + "/" + std::to_string(i);
            std::map<std::string, std::string> docs{
                {"declaration",
                 random_bytes(random, static_cast<std::size_t>(kb(random)) * 1024, number + "d")},
                {"janaadhaar",
                 random_bytes(random, static_cast<std::size_t>(kb(random)) * 1024, number + "j")}};
            auto app = hub::test::deletion_application(number, "1001", "rural", "marriage", docs);
            // Spread over October so deadlines differ and "soonest due first" has something to order.
            app["submitted_at"] =
                "2026-10-" + std::string(i % 28 < 9 ? "0" : "") + std::to_string(i % 28 + 1) + "T10:00:00Z";
            const std::string marriage =
                random_bytes(random, static_cast<std::size_t>(kb(random)) * 1024, number + "m");
            app["documents"].push_back({{"id", "marriage"},
                                        {"kind", "marriage_certificate"},
                                        {"file_name", "marriage.pdf"},
                                        {"mime_type", "application/pdf"},
                                        {"size", marriage.size()},
                                        {"sha256", sha256_hex(marriage)}});
            auto parts = hub::test::ingest_parts(app, docs);
            parts.push_back({"marriage", marriage, "application/pdf", "marriage.pdf"});
            const auto r =
                client.multipart("/v1/portal/applications", parts, {hub::test::bearer(world.portal_key)});
            if (r.status != 201)
                throw std::runtime_error("ingest of " + number + " failed: " + r.body);
            std::lock_guard lock(mutex);
            for (const auto& [id, b] : docs)
                shas.push_back(sha256_hex(b)), bytes += b.size();
            shas.push_back(sha256_hex(marriage));
            bytes += marriage.size();
        }
    };
    std::vector<std::thread> threads;
    for (unsigned t = 0; t < 3; ++t)
        threads.emplace_back(work, 1000 + t);
    for (auto& t : threads)
        t.join();
    return bytes;
}

}  // namespace jaanch::bench
