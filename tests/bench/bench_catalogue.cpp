// Loads and validates a generated catalogue of N service definitions (MP e-Sewa alone plans 1,750 services).
// Usage: bench_catalogue FORMS_DIR WORK_DIR N RUNS
// Writes N definitions into WORK_DIR (copies of the shipped ones under new ids), then times load_catalogue.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "catalogue/catalogue.h"

namespace fs = std::filesystem;
using namespace jaanch;

static std::string slurp(const fs::path& p) {
    std::ifstream in(p);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

int main(int argc, char** argv) {
    if (argc != 5) {
        std::fprintf(stderr, "usage: bench_catalogue FORMS_DIR WORK_DIR N RUNS\n");
        return 2;
    }
    const fs::path forms = argv[1], work = argv[2];
    const int n = std::stoi(argv[3]), runs = std::stoi(argv[4]);
    fs::remove_all(work);
    fs::create_directories(work);
    fs::copy_file(forms / "roles.json", work / "roles.json");
    std::vector<json::Json> templates;
    const auto shipped = catalogue::load_catalogue(forms);
    for (const auto* s : shipped.catalogue.services())
        templates.push_back(json::Json::parse(slurp(forms / (s->id + ".json"))));
    if (templates.empty())
        return std::fprintf(stderr, "no shipped services in %s\n", forms.c_str()), 1;
    std::size_t bytes = 0;
    for (int i = 0; i < n; ++i) {
        json::Json j = templates[static_cast<std::size_t>(i) % templates.size()];
        j["id"] = j["id"].get<std::string>() + "-g" + std::to_string(i);
        const std::string text = j.dump(2);
        bytes += text.size();
        std::ofstream(work / (j["id"].get<std::string>() + ".json")) << text;
    }
    std::vector<double> ms;
    std::size_t loaded = 0, problems = 0;
    for (int r = 0; r < runs; ++r) {
        const auto t0 = std::chrono::steady_clock::now();
        const auto result = catalogue::load_catalogue(work);
        ms.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
        loaded = result.catalogue.size();
        problems = result.problems.size();
    }
    std::sort(ms.begin(), ms.end());
    std::printf("catalogue: %d definitions (%.1f MB JSON) from %zu templates; loaded %zu, problems %zu\n", n,
                static_cast<double>(bytes) / 1e6, templates.size(), loaded, problems);
    std::printf("catalogue load+validate: min %.1f ms, median %.1f ms over %d runs\n", ms.front(),
                ms[ms.size() / 2], runs);
    return problems == 0 && loaded == static_cast<std::size_t>(n) ? 0 : 1;
}
