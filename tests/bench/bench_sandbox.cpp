// Sandbox benchmark. Modes (run by bench_sandbox.sh):
//   generate DIR    the viewer benchmark's first-page documents (scanned and text PDFs)
//   first-page DIR  open + page 1 at 150 DPI: in-process engine against the sandboxed one, median of 7,
//                   (a) with a pause of 300 ms between documents, so the warm spare helper is ready (an
//                   officer moving to the next upload), (b) back to back, (c) with no warm spare (a cold
//                   helper each time)
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include "fixtures.h"
#include "viewer/engine/pdf_engine.h"
#include "viewer/sandbox/isolated_open.h"

using namespace jaanch::viewer;
using namespace jaanch::viewer::sandbox;
namespace fx = jaanch::viewer::fixtures;
using Clock = std::chrono::steady_clock;

namespace {

using fx::first_page_set;

void generate(const fx::fs::path& dir) {
    fx::write_first_page_set(dir);
    std::printf("generated the documents in %s\n", dir.c_str());
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

struct Sample {
    double wall = 0;  // open + first page (closing the document is not timed)
};

Sample first_page_ms(const fx::fs::path& file, EngineIsolation isolation, const SandboxOptions& o) {
    const auto t = Clock::now();
    Sample s;
    {
        auto doc = open_document_file(file.string(), {}, isolation, o);
        RenderRequest r;
        r.scale = 150 / 72.0;
        const Bitmap b = doc.engine->render(r);
        if (b.width <= 0)
            std::abort();
        s.wall = std::chrono::duration<double, std::milli>(Clock::now() - t).count();
    }
    return s;
}

void first_page(const fx::fs::path& dir) {
    pdf_warm_up();
    SandboxOptions warm, cold;
    cold.keep_warm_helper = false;
    first_page_ms(dir / first_page_set().front(), EngineIsolation::sandboxed,
                  warm);  // starts the first spare
    std::printf(
        "\nprotection: %s\n\n### First page at 150 DPI (median of 7)\n\n"
        "| file | in-process | sandboxed, warm helper (300 ms apart) | ratio | back to back | ratio | "
        "cold helper | ratio |\n|---|---|---|---|---|---|---|---|\n",
        bubblewrap_usable() ? "bubblewrap+seccomp" : "seccomp only");
    double t_in = 0, t_warm = 0, t_b2b = 0, t_cold = 0;
    for (const auto& name : first_page_set()) {
        std::vector<double> in, paused, b2b, coldv;
        for (int run = 0; run < 7; ++run) {
            const Sample a = first_page_ms(dir / name, EngineIsolation::in_process, warm);
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
            const Sample w = first_page_ms(dir / name, EngineIsolation::sandboxed, warm);
            in.push_back(a.wall);
            paused.push_back(w.wall);
            b2b.push_back(first_page_ms(dir / name, EngineIsolation::sandboxed, warm).wall);
            coldv.push_back(first_page_ms(dir / name, EngineIsolation::sandboxed, cold).wall);
        }
        const double a = median(in), w = median(paused), b = median(b2b), c = median(coldv);
        t_in += a, t_warm += w, t_b2b += b, t_cold += c;
        std::printf("| %s | %.1f ms | %.1f ms | %.2f | %.1f ms | %.2f | %.1f ms | %.2f |\n", name.c_str(), a,
                    w, w / a, b, b / a, c, c / a);
    }
    std::printf("| **all** | %.1f ms | %.1f ms | **%.2f** | %.1f ms | %.2f | %.1f ms | %.2f |\n", t_in,
                t_warm, t_warm / t_in, t_b2b, t_b2b / t_in, t_cold, t_cold / t_in);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: bench_sandbox generate|first-page DIR\n");
        return 2;
    }
    const std::string mode = argv[1];
    if (mode == "generate")
        generate(argv[2]);
    else if (mode == "first-page")
        first_page(argv[2]);
    else
        return 2;
    return 0;
}
