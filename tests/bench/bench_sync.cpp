// Sync benchmark: a real jaanch-hub with N applications of 3 documents each (sizes uniform in [min, max] KB),
// then, on loopback:
//   1. the initial sync (SyncEngine, as `jaanch-cli sync` runs it) into an empty workspace;
//   2. the reference: `curl --parallel` fetching the same documents with the same number of connections;
//   3. an incremental sync with nothing new (median of 20);
//   4. optionally (--throttled), a smaller set through the fault proxy at 256 kbit/s with 300 ms latency:
//   time until
//      the first application (soonest due) is fully viewable, and until all are.
// Prints one line per figure; bench_sync.sh runs it and docs/benchmarks.md quotes it.
#include <curl/curl.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <thread>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "hub/hub_world.h"
#include "store/workspace.h"
#include "sync/fault_proxy.h"
#include "sync/sync_engine.h"
#include "sync_bench_data.h"
#include "util/sha256.h"

using namespace jaanch;
using bench::file_applications;
using Clock = std::chrono::steady_clock;

namespace {

struct Options {
    int apps = 1000;
    int min_kb = 100;
    int max_kb = 2048;
    int parallel = 6;
    bool throttled = false;
    int throttled_apps = 8;
};

double seconds_since(Clock::time_point t) {
    return std::chrono::duration<double>(Clock::now() - t).count();
}

class Recorder : public sync::QuietObserver {
  public:
    explicit Recorder(Clock::time_point start) : start_(start) {}
    void on_notice(const sync::SyncNotice& n) override {
        if (n.kind == sync::SyncNotice::Kind::document_complete)
            done_[n.subject] = seconds_since(start_);
    }
    void on_progress(const sync::SyncProgress& p) override {
        if (p.phase == sync::SyncPhase::pull)
            pulled_at_ = seconds_since(start_);
    }
    std::map<std::string, double> done_;
    double pulled_at_ = 0;

  private:
    Clock::time_point start_;
};

sync::SyncOptions sync_options(const Options& o) {
    sync::SyncOptions s;
    s.download.parallel = o.parallel;
    return s;
}

void login(store::Workspace& w, const std::string& url) {
    sync::HubClient client(url);
    sync::save_session(w, url, "vdo.in", client.login("vdo.in", "pw-vdo.in"));
}

double run_curl(const std::string& url, const std::string& token, const std::vector<std::string>& shas,
                const std::filesystem::path& dir, int parallel) {
    std::filesystem::create_directories(dir / "out");
    {
        std::ofstream config(dir / "curl.cfg");
        config << "header = \"Authorization: Bearer " << token << "\"\n";
        for (const auto& sha : shas)
            config << "url = \"" << url << "/v1/documents/" << sha << "\"\noutput = \""
                   << (dir / "out" / sha).string() << "\"\n";
    }
    const std::string command =
        "curl --silent --no-progress-meter --show-error --fail --parallel --parallel-max " +
        std::to_string(parallel) + " --config " + (dir / "curl.cfg").string();
    const auto t0 = Clock::now();
    if (std::system(command.c_str()) != 0)
        throw std::runtime_error("curl --parallel failed");
    const double t = seconds_since(t0);
    std::filesystem::remove_all(dir / "out");
    return t;
}

}  // namespace

int main(int argc, char** argv) {
    Options o;
    for (int i = 1; i + 1 < argc || (i < argc && std::string(argv[i]) == "--throttled"); ++i) {
        const std::string a = argv[i];
        if (a == "--throttled") {
            o.throttled = true;
            continue;
        }
        const int v = std::atoi(argv[++i]);
        if (a == "--apps")
            o.apps = v;
        else if (a == "--min-kb")
            o.min_kb = v;
        else if (a == "--max-kb")
            o.max_kb = v;
        else if (a == "--parallel")
            o.parallel = v;
        else if (a == "--throttled-apps")
            o.throttled_apps = v;
        else {
            std::cerr << "unknown option " << a << "\n";
            return 2;
        }
    }
    try {
        hub::test::World world;
        const std::string url = "http://127.0.0.1:" + std::to_string(world.hub.port());
        const auto catalogue = catalogue::load_catalogue(JAANCH_FORMS_DIR).catalogue;
        char pattern[] = "/tmp/jaanch-bench-sync-XXXXXX";
        const std::filesystem::path dir = mkdtemp(pattern);

        // The documents are stored twice at the peak (the hub's copy and the workspace's, or curl's): refuse
        // to start a run that would fill the disk other people are building on (5 GB kept free).
        const double expected = 3.0 * o.apps * (o.min_kb + o.max_kb) / 2 * 1024;
        const auto space = std::filesystem::space(dir);
        if (2 * expected + 5e9 > static_cast<double>(space.available))
            throw std::runtime_error("this run needs about " +
                                     std::to_string(static_cast<int>(2 * expected / 1e9)) + " GB on " +
                                     dir.string() + " plus 5 GB to spare, and only " +
                                     std::to_string(space.available / 1000000000) + " GB are free");
        std::vector<std::string> shas;
        auto t0 = Clock::now();
        const std::uint64_t bytes = file_applications(world, "RJ/BENCH", o.apps, o.min_kb, o.max_kb, shas);
        std::printf("filed %d applications, %zu documents, %.1f MB in %.1f s\n", o.apps, shas.size(),
                    static_cast<double>(bytes) / 1e6, seconds_since(t0));

        double initial = 0, docs_phase = 0;
        {
            store::Workspace w(dir / "ws", catalogue);
            login(w, url);
            t0 = Clock::now();
            Recorder recorder(t0);
            sync::SyncEngine engine(w, recorder, sync_options(o));
            const auto r = engine.run();
            initial = seconds_since(t0);
            double first_doc = 1e9;
            for (const auto& [sha, at] : recorder.done_)
                first_doc = std::min(first_doc, at);
            docs_phase = initial - first_doc;
            if (!r.problem.empty() || r.documents_fetched != shas.size())
                throw std::runtime_error("initial sync incomplete: " + r.problem);
            std::printf(
                "initial sync: %.2f s (%zu applications pulled in %.2f s, %zu documents, %.1f MB/s)\n",
                initial, r.applications_pulled, recorder.pulled_at_, r.documents_fetched,
                static_cast<double>(r.bytes) / 1e6 / initial);

            std::vector<double> incremental;
            for (int i = 0; i < 20; ++i) {
                sync::QuietObserver quiet;
                sync::SyncEngine again(w, quiet, sync_options(o));
                const auto t1 = Clock::now();
                const auto r2 = again.run();
                incremental.push_back(seconds_since(t1) * 1000);
                if (r2.applications_pulled != 0 || r2.documents_fetched != 0)
                    throw std::runtime_error("the incremental sync found something new");
            }
            std::sort(incremental.begin(), incremental.end());
            std::printf("incremental sync, nothing new: %.1f ms median, %.1f ms max of 20\n", incremental[10],
                        incremental.back());
        }
        // The workspace's copy goes before curl makes its own, so the bytes are on disk twice at most.
        std::filesystem::remove_all(dir / "ws");
        sync::HubClient client(url);
        const std::string token = client.login("vdo.in", "pw-vdo.in").token;
        const double reference = run_curl(url, token, shas, dir, o.parallel);
        std::printf("curl --parallel --parallel-max %d: %.2f s (%.1f MB/s)\n", o.parallel, reference,
                    static_cast<double>(bytes) / 1e6 / reference);
        std::printf("ratio initial sync / curl: %.2f (documents phase only: %.2f)\n", initial / reference,
                    docs_phase / reference);

        if (o.throttled) {
            std::vector<std::string> few;
            const std::uint64_t few_bytes =
                file_applications(world, "RJ/SLOW", o.throttled_apps, 20, 100, few);
            // A workspace that already has everything but the new applications: only these cross the slow
            // link.
            sync::test::FaultProxy proxy(world.hub.port());
            store::Workspace w(dir / "ws-slow", catalogue);
            const std::string slow_url = "http://127.0.0.1:" + std::to_string(proxy.port());
            login(w, slow_url);
            // Pull the big set's metadata without documents first, fast, so the slow sync fetches only the
            // new set.
            proxy.set({});
            sync::QuietObserver quiet;
            auto meta = sync_options(o);
            meta.documents = false;
            sync::SyncEngine(w, quiet, meta).run();
            {
                // Marked complete behind the workspace's back, on a connection of the bench's own.
                SQLite::Database db(w.dir() / "workspace.db", SQLite::OPEN_READWRITE);
                SQLite::Statement q(
                    db,
                    "UPDATE documents SET state = 'complete' WHERE sha256 IN (SELECT ad.sha256 FROM "
                    "application_documents ad WHERE ad.application LIKE 'RJ/BENCH/%')");
                q.exec();
            }
            proxy.set({0, 0, 300, 32'000});
            t0 = Clock::now();
            Recorder recorder(t0);
            const auto r = sync::SyncEngine(w, recorder, sync_options(o)).run();
            const double all = seconds_since(t0);
            // The first application in queue order (soonest due) and when its last document arrived.
            store::QueueFilter filter;
            filter.search = "RJ/SLOW";
            filter.limit = 1;
            const auto first = w.application(w.queue(filter).rows.at(0).number);
            double first_ready = 0;
            for (const auto& d : first->documents)
                first_ready = std::max(first_ready, recorder.done_.at(d.sha256));
            std::printf(
                "throttled 256 kbit/s + 300 ms: %d applications, %zu documents, %.2f MB; first application "
                "viewable after %.1f s, all after %.1f s (%zu fetched; the link alone needs %.1f s)\n",
                o.throttled_apps, few.size(), static_cast<double>(few_bytes) / 1e6, first_ready, all,
                r.documents_fetched, static_cast<double>(few_bytes) / 32'000);
        }
        std::filesystem::remove_all(dir);
    } catch (const std::exception& e) {
        std::cerr << "bench_sync: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
