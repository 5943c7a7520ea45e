// Fills a workspace with generated applications across every shipped service, for GUI tests and benchmarks.
// Usage: make_test_workspace DIR COUNT [FORMS_DIR]
#include <cstdio>
#include <string>
#include <vector>

#include "catalogue/catalogue.h"
#include "core/workflow_fixtures.h"
#include "store/workspace.h"

using namespace jaanch;

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: make_test_workspace DIR COUNT [FORMS_DIR]\n");
        return 2;
    }
    const int count = std::stoi(argv[2]);
    const auto loaded = catalogue::load_catalogue(argc > 3 ? argv[3] : catalogue::default_catalogue_dir());
    if (!loaded.ok()) return std::fprintf(stderr, "the catalogue has problems; run jaanch-cli forms check\n"), 1;
    const auto services = loaded.catalogue.services();
    static const char* names[] = {"Santosh Devi", "सुनीता उरांव", "Ramesh Meena", "अनिल कुमार महतो", "Priya Sharma",
                                  "मोहम्मद आरिफ़", "Lakshmi Bai", "गीता कुमारी", "Rajendra Singh", "सरिता देवी"};
    static const char* villages[] = {"Ormanjhi", "कांके", "Bundu", "नामकुम", "Ratu", "Angara"};
    store::Workspace ws(argv[1], loaded.catalogue);
    std::vector<model::Application> batch;
    const auto today = now_utc();
    for (int i = 0; i < count; ++i) {
        const auto* s = services[static_cast<std::size_t>(i) % services.size()];
        auto app = test::make_application(*s, i % 3 == 0 ? model::Area::urban : model::Area::rural, i % 2 == 0);
        char number[48];
        std::snprintf(number, sizeof number, "%s/2026/%06d", s->state.c_str(), i + 1);
        app.number = number;
        for (const auto& f : s->fields) {
            if (f.required && f.type == "text") {
                app.fields[f.key] = names[i % 10];
                break;
            }
        }
        app.jurisdiction.village_name = villages[i % 6];
        app.submitted_at = today - std::chrono::hours(24 * (i % 40)) - std::chrono::minutes(i % 600);
        app.level_entered_at = app.submitted_at;
        batch.push_back(std::move(app));
        if (batch.size() == 2000) {
            ws.store_applications(batch, "");
            batch.clear();
        }
    }
    ws.store_applications(batch, "test-cursor");
    std::printf("%d applications in %s\n", count, argv[1]);
    return 0;
}
