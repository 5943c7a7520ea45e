// Prefetch versus on-demand (docs/benchmarks.md, "prefetch vs on-demand"): how long an officer waits over a
// session of N applications on a thin link, with Jaanch's background sync against a portal that fetches each
// application when it is opened.
//
// The model. A real jaanch-hub holds N applications with three documents each; every byte crosses the fault
// proxy of tests/sync, set to the village link (256 kbit/s shared by all connections, 300 ms added to each
// request's answer). The officer works through the queue in its order (level deadline, then number) and
// spends a fixed reading time on each application once it is fully there (form and every document).
//   on-demand  opening application i fetches its JSON, then its documents in parallel on kept-alive
//              connections (as a browser would, with libcurl's multi interface, HTTP/1.1); the officer waits
//              until all have arrived. Nothing moves while the officer reads.
//   Jaanch     the background sync starts at login (queue pull, then documents, due soonest first, as the
//              workstation's BackgroundSync runs SyncEngine); the officer waits only while the application
//              opened is not yet complete in the workspace (its JSON stored, each document under its final,
//              hash-checked name).
// Waiting is measured on the wall clock from "open" to "complete"; the officer's reading is a sleep.
// Time is compressed by --scale S (default 20) so a session of simulated hours runs in minutes: the link is S
// times faster (S × 32,000 bytes/s), the latency S times shorter, the reading S times shorter, and every time
// printed is multiplied back by S (simulated seconds). The downloader's slow-link threshold is scaled with
// the link so it behaves as on the real one (2 transfers). Local costs (hashing, fsync, SQLite) are not
// compressed, so they weigh S times more than in reality; they are small against a 256 kbit/s link. Both
// sides get a free TCP connect (the proxy adds latency per answer, not per connection), and the portal side
// never needs a login, a list page or a decision upload, so the comparison flatters on-demand.
#include <curl/curl.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <numeric>
#include <thread>

#include "store/workspace.h"
#include "sync/fault_proxy.h"
#include "sync/sync_engine.h"
#include "sync_bench_data.h"
#include "util/sha256.h"

using namespace jaanch;
using Clock = std::chrono::steady_clock;

namespace {

struct Options {
    int apps = 50;
    double scale = 20;
    int min_kb = 40;
    int max_kb = 200;
    std::vector<double> reading{60, 20, 5};  // simulated seconds per application
};

struct App {
    std::string number;
    std::vector<std::string> shas;
};

double seconds_since(Clock::time_point t) {
    return std::chrono::duration<double>(Clock::now() - t).count();
}

void pause_for(double seconds) {
    std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
}

void login(store::Workspace& w, const std::string& direct_url, const std::string& session_url) {
    sync::HubClient client(direct_url);
    sync::save_session(w, session_url, "vdo.in", client.login("vdo.in", "pw-vdo.in"));
}

std::string url_escape(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '/')
            out += "%2F";
        else
            out += c;
    }
    return out;
}

// The portal side: GETs on one multi handle, so connections are kept alive between applications.
class Portal {
  public:
    Portal(std::string base, const std::string& token) : base_(std::move(base)) {
        multi_ = curl_multi_init();
        curl_multi_setopt(multi_, CURLMOPT_MAX_HOST_CONNECTIONS, 6L);
        headers_ = curl_slist_append(nullptr, ("Authorization: Bearer " + token).c_str());
    }
    ~Portal() {
        curl_multi_cleanup(multi_);
        curl_slist_free_all(headers_);
    }
    Portal(const Portal&) = delete;
    Portal& operator=(const Portal&) = delete;

    // Fetches every path at once; returns the bodies in order. Throws unless each answered 200.
    std::vector<std::string> get(const std::vector<std::string>& paths) {
        std::vector<std::string> bodies(paths.size());
        std::vector<CURL*> easies;
        for (std::size_t i = 0; i < paths.size(); ++i) {
            CURL* e = curl_easy_init();
            const std::string url = base_ + paths[i];
            curl_easy_setopt(e, CURLOPT_URL, url.c_str());
            curl_easy_setopt(e, CURLOPT_HTTPHEADER, headers_);
            curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, &Portal::append);
            curl_easy_setopt(e, CURLOPT_WRITEDATA, &bodies[i]);
            curl_multi_add_handle(multi_, e);
            easies.push_back(e);
        }
        int running = 1;
        while (running > 0) {
            curl_multi_perform(multi_, &running);
            if (running > 0)
                curl_multi_poll(multi_, nullptr, 0, 100, nullptr);
        }
        std::string failed;
        for (std::size_t i = 0; i < easies.size(); ++i) {
            long status = 0;
            curl_easy_getinfo(easies[i], CURLINFO_RESPONSE_CODE, &status);
            if (status != 200)
                failed += " " + paths[i] + " (" + std::to_string(status) + ")";
            curl_multi_remove_handle(multi_, easies[i]);
            curl_easy_cleanup(easies[i]);
        }
        if (!failed.empty())
            throw std::runtime_error("the portal fetch failed:" + failed);
        return bodies;
    }

  private:
    static size_t append(char* data, size_t size, size_t count, void* user) {
        static_cast<std::string*>(user)->append(data, size * count);
        return size * count;
    }
    std::string base_;
    CURLM* multi_ = nullptr;
    curl_slist* headers_ = nullptr;
};

struct Waits {
    std::vector<double> each;  // simulated seconds, in the order opened
    double session = 0;        // simulated seconds from login to the last application read
};

Waits on_demand(const std::string& url, const std::string& token, const std::vector<App>& order,
                double reading, double scale) {
    Portal portal(url, token);
    Waits out;
    const auto login = Clock::now();
    for (const auto& app : order) {
        const auto opened = Clock::now();
        portal.get({"/v1/applications/" + url_escape(app.number)});
        std::vector<std::string> paths;
        for (const auto& sha : app.shas)
            paths.push_back("/v1/documents/" + sha);
        const auto bodies = portal.get(paths);
        for (std::size_t i = 0; i < bodies.size(); ++i) {
            if (sha256_hex(bodies[i]) != app.shas[i])
                throw std::runtime_error("the portal fetch of " + app.shas[i] + " arrived damaged");
        }
        out.each.push_back(seconds_since(opened) * scale);
        pause_for(reading / scale);
    }
    out.session = seconds_since(login) * scale;
    return out;
}

Waits prefetch(const std::filesystem::path& dir, const catalogue::Catalogue& catalogue,
               const std::string& direct, const std::string& slow, const std::vector<App>& order,
               double reading, double scale) {
    std::filesystem::remove_all(dir);
    store::Workspace view(dir, catalogue);  // the officer's connection (the workstation's UI thread)
    login(view, direct, slow);
    sync::SyncOptions options;
    options.download.fast_link_bytes_per_second =
        static_cast<std::uint64_t>(static_cast<double>(options.download.fast_link_bytes_per_second) * scale);
    sync::SyncReport report;
    std::string failure;
    Waits out;
    const auto login_at = Clock::now();
    std::thread worker([&] {  // BackgroundSync's worker: its own connection
        try {
            store::Workspace w(dir, catalogue);
            sync::QuietObserver quiet;
            report = sync::SyncEngine(w, quiet, options).run();
        } catch (const std::exception& e) {
            failure = e.what();
        }
    });
    for (const auto& app : order) {
        const auto opened = Clock::now();
        auto complete = [&] {
            for (const auto& sha : app.shas) {
                if (!view.documents().has(sha))
                    return false;
            }
            return view.application(app.number).has_value();
        };
        while (!complete()) {
            if (seconds_since(opened) > 3600 / scale)
                throw std::runtime_error("application " + app.number + " never became complete");
            pause_for(0.001);
        }
        out.each.push_back(seconds_since(opened) * scale);
        pause_for(reading / scale);
    }
    out.session = seconds_since(login_at) * scale;
    worker.join();
    if (!failure.empty() || !report.problem.empty())
        throw std::runtime_error("the background sync failed: " + failure + report.problem);
    return out;
}

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    const auto rank = static_cast<std::size_t>(std::max(1.0, std::ceil(p * static_cast<double>(v.size()))));
    return v[std::min(rank, v.size()) - 1];
}

double total(const std::vector<double>& v) {
    return std::accumulate(v.begin(), v.end(), 0.0);
}

void print(const char* who, double reading, const Waits& w) {
    std::printf(
        "%-10s reading %3.0f s: waited %7.1f s in all; per application p50 %5.1f s, p95 %5.1f s, max "
        "%5.1f s; first %5.1f s; session %6.0f s\n",
        who, reading, total(w.each), percentile(w.each, 0.5), percentile(w.each, 0.95),
        *std::max_element(w.each.begin(), w.each.end()), w.each.front(), w.session);
    std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i];
        const std::string v = argv[i + 1];
        if (a == "--apps") {
            o.apps = std::stoi(v);
        } else if (a == "--scale") {
            o.scale = std::stod(v);
        } else if (a == "--min-kb") {
            o.min_kb = std::stoi(v);
        } else if (a == "--max-kb") {
            o.max_kb = std::stoi(v);
        } else if (a == "--reading") {  // comma-separated simulated seconds
            o.reading.clear();
            for (std::size_t p = 0; p < v.size();) {
                const auto comma = v.find(',', p);
                o.reading.push_back(std::stod(v.substr(p, comma - p)));
                p = comma == std::string::npos ? v.size() : comma + 1;
            }
        } else {
            std::cerr << "unknown option " << a << "\n";
            return 2;
        }
    }
    try {
        curl_global_init(CURL_GLOBAL_DEFAULT);
        hub::test::World world;
        const std::string direct = "http://127.0.0.1:" + std::to_string(world.hub.port());
        const auto catalogue = catalogue::load_catalogue(JAANCH_FORMS_DIR).catalogue;
        char pattern[] = "/tmp/jaanch-bench-prefetch-XXXXXX";
        const std::filesystem::path dir = mkdtemp(pattern);

        std::vector<std::string> shas;
        const std::uint64_t bytes = bench::file_applications(world, "RJ/P", o.apps, o.min_kb, o.max_kb, shas);
        // The queue order both officers work in: what the workstation's queue shows (metadata over loopback).
        std::vector<App> order;
        {
            store::Workspace meta(dir / "meta", catalogue);
            login(meta, direct, direct);
            sync::QuietObserver quiet;
            sync::SyncOptions no_documents;
            no_documents.documents = false;
            sync::SyncEngine(meta, quiet, no_documents).run();
            store::QueueFilter all;
            all.limit = static_cast<std::size_t>(o.apps);
            for (const auto& row : meta.queue(all).rows) {
                App app{row.number, {}};
                const auto stored = meta.application(row.number);
                if (!stored)
                    throw std::runtime_error("application " + row.number + " vanished from the workspace");
                for (const auto& d : stored->documents)
                    app.shas.push_back(d.sha256);
                order.push_back(std::move(app));
            }
        }
        if (order.size() != static_cast<std::size_t>(o.apps))
            throw std::runtime_error("the queue holds " + std::to_string(order.size()) + " applications");

        sync::test::FaultProxy proxy(world.hub.port());
        proxy.set({0, 0, static_cast<int>(300 / o.scale), static_cast<std::uint64_t>(32'000 * o.scale)});
        const std::string slow = "http://127.0.0.1:" + std::to_string(proxy.port());
        std::printf(
            "%d applications, %zu documents of %d-%d KB, %.2f MB; link 256 kbit/s + 300 ms simulated at "
            "%.0fx (the bytes alone need %.0f s); times below in simulated seconds\n",
            o.apps, shas.size(), o.min_kb, o.max_kb, static_cast<double>(bytes) / 1e6, o.scale,
            static_cast<double>(bytes) / 32'000);

        const std::string token = sync::HubClient(direct).login("vdo.in", "pw-vdo.in").token;
        // On-demand waits do not depend on the reading time (nothing moves meanwhile), so it runs once, at
        // the middle reading time, to keep the same idle gaps between requests.
        const double middle = o.reading[o.reading.size() / 2];
        const Waits portal = on_demand(slow, token, order, middle, o.scale);
        print("on-demand", middle, portal);
        for (double reading : o.reading) {
            const Waits jaanch = prefetch(dir / "ws", catalogue, direct, slow, order, reading, o.scale);
            print("Jaanch", reading, jaanch);
            // A ratio over a wait of (nearly) nothing says nothing; below 0.1 s it is left out.
            auto ratio = [](double a, double b) {
                char text[32] = "-";
                if (b >= 0.1)
                    std::snprintf(text, sizeof text, "%.1f", a / b);
                return std::string(text);
            };
            std::printf("ratio on-demand / Jaanch waiting (reading %.0f s): total %s, p50 %s, p95 %s\n",
                        reading, ratio(total(portal.each), total(jaanch.each)).c_str(),
                        ratio(percentile(portal.each, 0.5), percentile(jaanch.each, 0.5)).c_str(),
                        ratio(percentile(portal.each, 0.95), percentile(jaanch.each, 0.95)).c_str());
            std::fflush(stdout);
        }
        std::filesystem::remove_all(dir);
    } catch (const std::exception& e) {
        std::cerr << "bench_prefetch: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
