// Viewer benchmarks. Modes (each run as its own process by bench_viewer.sh):
//   generate DIR          write the test documents
//   first-page DIR        open + page 1 at 150 DPI with the engine, against `pdftoppm -r 150 -f 1 -l 1`
//   cache-hit DIR         a page already in the cache to display-ready pixels
//   scroll DIR            scroll a 200-page scanned PDF end to end through the render service: peak memory
//   next-application DIR  time from "next application" to its first page on screen, with and without prefetch
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "fixtures.h"
#include "util/dispatch.h"
#include "viewer/engine/open_document.h"
#include "viewer/engine/pdf_engine.h"
#include "viewer/render/render_service.h"

using namespace jaanch::viewer;
using namespace jaanch::viewer::render;
namespace fx = jaanch::viewer::fixtures;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point t) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5))];
}

double peak_rss_mb() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_maxrss) / 1024.0;
}

using fx::first_page_set;

void generate(const fx::fs::path& dir) {
    fx::write_first_page_set(dir);
    fx::write_scanned_pdf(dir / "scan-200.pdf", 200, 150, 21);
    std::printf("generated the documents in %s\n", dir.c_str());
}

void first_page(const fx::fs::path& dir) {
    pdf_warm_up();
    std::printf(
        "\n### First page at 150 DPI (median of 5)\n\n| file | engine (open + render) | pdftoppm -r 150 -f 1 "
        "-l 1 | ratio |\n|---|---|---|---|\n");
    double total_engine = 0, total_ref = 0;
    for (const auto& name : first_page_set()) {
        std::vector<double> engine, ref;
        for (int run = 0; run < 5; ++run) {
            auto t = Clock::now();
            auto doc = open_document_file((dir / name).string(), {});
            RenderRequest r;
            r.scale = 150 / 72.0;
            const Bitmap b = doc.engine->render(r);
            engine.push_back(ms_since(t));
            if (b.width <= 0)
                std::abort();
            t = Clock::now();
            const std::string cmd =
                "pdftoppm -r 150 -f 1 -l 1 '" + (dir / name).string() + "' '" + (dir / "ref").string() + "'";
            if (fx::run(cmd) != 0)
                std::abort();
            ref.push_back(ms_since(t));
        }
        const double e = percentile(engine, 0.5), p = percentile(ref, 0.5);
        total_engine += e;
        total_ref += p;
        std::printf("| %s | %.1f ms | %.1f ms | %.2f |\n", name.c_str(), e, p, e / p);
    }
    std::printf("| **all** | %.1f ms | %.1f ms | **%.2f** |\n", total_engine, total_ref,
                total_engine / total_ref);
}

RenderService::Options service_options() {
    RenderService::Options o;
    o.threads = 2;
    o.cache_bytes = 256u << 20;
    return o;
}

int fit_width_milli(RenderService& s, DocumentId id) {
    return quantize_scale(
        fit_width_scale(s.page_size(id, 0), Rotation::r0, 1000));  // a 1000-pixel-wide canvas
}

// What the canvas does with a tile before drawing it: RGBA to the RGB buffer wxImage takes.
std::size_t to_display(const Bitmap& b, std::vector<std::uint8_t>& rgb) {
    rgb.resize(static_cast<std::size_t>(b.width) * static_cast<std::size_t>(b.height) * 3);
    const std::uint8_t* s = b.rgba.data();
    for (std::size_t i = 0; i < rgb.size(); i += 3, s += 4) {
        rgb[i] = s[0];
        rgb[i + 1] = s[1];
        rgb[i + 2] = s[2];
    }
    return rgb.size();
}

void cache_hit(const fx::fs::path& dir) {
    jaanch::dispatch::MainQueue q;
    q.install();
    RenderService service(service_options());
    const DocumentId id = service.add_document(open_document_file((dir / "scan-a.pdf").string(), {}).engine);
    int arrived = 0;
    RenderChannel channel(service, [&](const TileKey&, const RenderResult&) { ++arrived; });
    const TileKey key{id, 0, fit_width_milli(service, id), Rotation::r0, 0, 0};
    channel.request(key, Priority::visible);
    while (arrived == 0)
        q.run_for(std::chrono::milliseconds(20));
    std::vector<double> times;
    std::vector<std::uint8_t> rgb;
    std::size_t bytes = 0;
    for (int i = 0; i < 300; ++i) {
        const auto t = Clock::now();
        channel.next_generation();
        const auto hit = channel.request(key, Priority::visible);
        if (!hit || !hit->bitmap)
            std::abort();
        bytes = to_display(*hit->bitmap, rgb);
        times.push_back(ms_since(t));
    }
    std::printf("\n### A page already in cache, to display-ready pixels (%zu KB, 300 runs)\n\n",
                bytes / 1024);
    std::printf("| p50 | p95 | max | budget |\n|---|---|---|---|\n| %.2f ms | %.2f ms | %.2f ms | 16 ms |\n",
                percentile(times, 0.5), percentile(times, 0.95), percentile(times, 1.0));
}

void scroll(const fx::fs::path& dir) {
    jaanch::dispatch::MainQueue q;
    q.install();
    const double before = peak_rss_mb();
    RenderService service(service_options());
    const DocumentId id =
        service.add_document(open_document_file((dir / "scan-200.pdf").string(), {}).engine);
    const int n = service.page_count(id), milli = fit_width_milli(service, id);
    std::vector<bool> done(static_cast<std::size_t>(n));
    RenderChannel channel(service, [&](const TileKey& k, const RenderResult& r) {
        if (!r.bitmap)
            std::abort();
        done[static_cast<std::size_t>(k.page)] = true;
    });
    std::vector<double> waits;
    const auto start = Clock::now();
    for (int page = 0; page < n; ++page) {
        // As the canvas does on each scroll step: the page on screen, then the next two as neighbours.
        const auto t = Clock::now();
        channel.next_generation();
        bool shown = channel.request_page(id, page, milli, Rotation::r0, Priority::visible) > 0;
        for (int next : {page + 1, page + 2})
            if (next < n)
                channel.request_page(id, next, milli, Rotation::r0, Priority::neighbour);
        while (!shown) {
            q.run_for(std::chrono::milliseconds(5));
            shown =
                done[static_cast<std::size_t>(page)] || service.cached({id, page, milli, Rotation::r0, 0, 0});
        }
        waits.push_back(ms_since(t));
        q.run_pending();
        // An officer scrolling fast: a page every 40 ms.
        const auto until = t + std::chrono::milliseconds(40);
        while (Clock::now() < until)
            q.run_for(std::chrono::milliseconds(5));
    }
    const auto stats = service.stats();
    std::printf(
        "\n### Scrolling a %d-page scanned PDF (150 DPI scans) end to end at a page per 40 ms, fit width "
        "1000 px\n\n",
        n);
    std::printf(
        "| peak RSS | before the service | cache at end | wait for a page p50 / p95 | total | budget |\n"
        "|---|---|---|---|---|---|\n| %.0f MB | %.0f MB | %zu MB | %.1f / %.1f ms | %.1f s | 400 MB |\n",
        peak_rss_mb(), before, stats.cache_bytes >> 20, percentile(waits, 0.5), percentile(waits, 0.95),
        ms_since(start) / 1000);
}

void next_application(const fx::fs::path& dir) {
    jaanch::dispatch::MainQueue q;
    q.install();
    RenderService service(service_options());
    std::vector<std::string> queue;
    for (int i = 0; i < 4; ++i)
        for (const auto& name : first_page_set())
            queue.push_back(name);
    std::vector<TileKey> arrived;
    RenderChannel canvas(service, [&](const TileKey& k, const RenderResult&) { arrived.push_back(k); });
    RenderChannel prefetch(service, [](const TileKey&, const RenderResult&) {});
    auto shown = [&](const TileKey& k) {
        return std::find(arrived.begin(), arrived.end(), k) != arrived.end();
    };
    auto officer_reads = [&](int ms) {
        const auto until = Clock::now() + std::chrono::milliseconds(ms);
        while (Clock::now() < until)
            q.run_for(std::chrono::milliseconds(5));
    };
    auto measure = [&](bool with_prefetch) {
        std::vector<double> latencies;
        DocumentId current = 0, next = 0;
        for (std::size_t i = 0; i < queue.size(); ++i) {
            const auto t = Clock::now();
            if (next == 0)
                next = service.add_document(open_document_file((dir / queue[i]).string(), {}).engine);
            const TileKey key{next, 0, fit_width_milli(service, next), Rotation::r0, 0, 0};
            canvas.next_generation();
            if (!canvas.request(key, Priority::visible))
                while (!shown(key))
                    q.run_for(std::chrono::milliseconds(1));
            latencies.push_back(ms_since(t));
            if (current != 0)
                service.remove_document(current);
            current = next;
            next = 0;
            if (with_prefetch && i + 1 < queue.size()) {
                // The workstation knows the next application in the queue: open it and render its first page.
                next = service.add_document(open_document_file((dir / queue[i + 1]).string(), {}).engine);
                prefetch.request({next, 0, fit_width_milli(service, next), Rotation::r0, 0, 0},
                                 Priority::prefetch);
            }
            officer_reads(300);
        }
        service.remove_document(current);
        return latencies;
    };
    const auto cold = measure(false);
    const auto warm = measure(true);
    std::printf(
        "\n### Next application to its first page on screen (%zu applications, 300 ms reading each)\n\n",
        queue.size());
    std::printf("| | p50 | p95 | max | budget |\n|---|---|---|---|---|\n");
    std::printf("| with prefetch | %.2f ms | %.2f ms | %.2f ms | p95 < 50 ms |\n", percentile(warm, 0.5),
                percentile(warm, 0.95), percentile(warm, 1.0));
    std::printf("| without (open + render on demand) | %.1f ms | %.1f ms | %.1f ms | |\n",
                percentile(cold, 0.5), percentile(cold, 0.95), percentile(cold, 1.0));
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr,
                     "usage: bench_viewer generate|first-page|cache-hit|scroll|next-application DIR\n");
        return 2;
    }
    const std::string mode = argv[1];
    const fx::fs::path dir = argv[2];
    if (mode == "generate")
        generate(dir);
    else if (mode == "first-page")
        first_page(dir);
    else if (mode == "cache-hit")
        cache_hit(dir);
    else if (mode == "scroll")
        scroll(dir);
    else if (mode == "next-application")
        next_application(dir);
    else
        return 2;
    return 0;
}
