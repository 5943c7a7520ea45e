// Duplicates at scale: one application checked against a workspace of N applications (Aadhaar tokens, family
// IDs, name + birth date + village through the identity index), and the whole review_application.
// Reference: the same question answered without the index — a scan of every stored application body for the
// birth date (json_extract), what a naive implementation would do.
// Usage: bench_checks FORMS_DIR WORK_DIR N RUNS
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <vector>

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include "catalogue/catalogue.h"
#include "checks/identifiers.h"
#include "core/workflow_fixtures.h"
#include "store/workspace.h"
#include "workspace_checks/application_review.h"
#include "workspace_checks/cross_checks.h"

namespace fs = std::filesystem;
using namespace jaanch;
using Clock = std::chrono::steady_clock;

namespace {

std::string aadhaar(long serial) {
    const std::string body = std::to_string(40000000000LL + serial * 7919LL);
    return body + checks::verhoeff_check_digit(body);
}

double ms_since(Clock::time_point t) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 5)
        return std::fprintf(stderr, "usage: bench_checks FORMS_DIR WORK_DIR N RUNS\n"), 2;
    const fs::path work = argv[2];
    const long n = std::stol(argv[3]);
    const int runs = std::stoi(argv[4]);
    fs::remove_all(work);
    const auto loaded = catalogue::load_catalogue(argv[1]);
    const auto* service = loaded.catalogue.latest("jh.caste-certificate");
    if (service == nullptr)
        return std::fprintf(stderr, "no jh.caste-certificate in %s\n", argv[1]), 1;
    store::Workspace ws(work / "ws", loaded.catalogue, {work / "keys"});

    static const char* first[] = {"Sunita", "Ramesh", "Anil",    "Priya",
                                  "Geeta",  "Mohan",  "Lakshmi", "Rajendra"};
    static const char* last[] = {"Oraon", "Meena", "Mahto", "Sharma", "Kumari", "Singh", "Devi", "Munda"};
    const auto fill_start = Clock::now();
    std::vector<model::Application> batch;
    auto base = test::make_application(*service, model::Area::rural, false);
    base.documents.clear();
    for (long i = 0; i < n; ++i) {
        auto app = base;
        app.number = "JH/CC/" + std::to_string(i);
        app.fields["applicant_name"] = std::string(first[i % 8]) + " " + last[(i / 8) % 8];
        app.fields["aadhaar"] = aadhaar(i);
        app.fields["date_of_birth"] = format_date(Date{
            std::chrono::sys_days{std::chrono::year{1950} / 1 / 1} + std::chrono::days{(i * 37) % 20000}});
        app.jurisdiction.village = std::to_string(362000 + i % 300);
        batch.push_back(std::move(app));
        if (batch.size() == 5000) {
            ws.store_applications(batch, "");
            batch.clear();
        }
    }
    ws.store_applications(batch, "");
    std::printf("filled %ld applications in %.1f s\n", n, ms_since(fill_start) / 1000);

    const auto probe = *ws.unsealed_application("JH/CC/" + std::to_string(n / 2));
    const auto shown = *ws.application(probe.number);
    const Date today = *parse_date("2026-11-21");
    std::vector<double> dup, review, scan;
    std::size_t found = 0;
    // The plain scan the index saves, on a connection of the bench's own (the workspace keeps its own to
    // itself).
    SQLite::Database scan_db(ws.dir() / "workspace.db", SQLite::OPEN_READONLY);
    for (int r = 0; r < runs; ++r) {
        auto t = Clock::now();
        found = checks::find_duplicates(probe, *service, ws).size();
        dup.push_back(ms_since(t));
        t = Clock::now();
        (void)checks::review_application(shown, *service, ws, today);
        review.push_back(ms_since(t));
        t = Clock::now();
        SQLite::Statement q(scan_db,
                            "SELECT COUNT(*) FROM applications WHERE service_id = ? AND "
                            "json_extract(body, '$.fields.date_of_birth') = ?");
        q.bind(1, service->id);
        q.bind(2, probe.field("date_of_birth"));
        q.executeStep();
        scan.push_back(ms_since(t));
    }
    std::printf("duplicates of one application against %ld: median %.2f ms (%zu item(s))\n", n, median(dup),
                found);
    std::printf("review_application (fields, documents, eligibility, duplicates): median %.2f ms\n",
                median(review));
    std::printf("reference (unindexed scan of every body for the birth date): median %.2f ms\n",
                median(scan));
    std::printf("ratio duplicates/reference: %.4f\n", median(dup) / median(scan));
    return 0;
}
