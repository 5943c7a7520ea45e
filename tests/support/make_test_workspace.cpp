// Fills a workspace with generated applications across every shipped service, for GUI tests and benchmarks.
// Usage: make_test_workspace DIR COUNT [--documents N] [--forms FORMS_DIR]
// With --documents, the first N applications get real PDF documents (generated text PDFs) in the workspace.
#include <cstdio>
#include <string>
#include <vector>

#include "catalogue/catalogue.h"
#include "core/workflow_fixtures.h"
#include "fixtures.h"
#include "store/workspace.h"
#include "util/sha256.h"

using namespace jaanch;

namespace {

std::vector<std::string> g_written;  // documents put into the folder, marked complete once stored

// One generated PDF per document of the service's checklist, with the applicant's name on it.
void attach_documents(store::Workspace& ws, const catalogue::ServiceDefinition& s, model::Application& app,
                      const char* name) {
    app.documents.clear();
    const auto dir = ws.dir() / "generated";
    std::filesystem::create_directories(dir);
    for (const auto& requirement : s.documents) {
        if (!requirement.mandatory && app.documents.size() >= 2)
            continue;
        jaanch::viewer::fixtures::TextPage page;
        page.lines = {requirement.label.en, "Application " + app.number, std::string("Name: ") + name};
        const auto path = dir / (requirement.kind + ".pdf");
        jaanch::viewer::fixtures::write_text_pdf(path, {page, page});
        const auto bytes = jaanch::viewer::fixtures::read_bytes(path);
        const std::string text(bytes.begin(), bytes.end());
        const std::string sha = sha256_hex(text);
        ws.documents().put(text, sha);
        g_written.push_back(sha);
        app.documents.push_back({requirement.kind, requirement.kind, requirement.kind + ".pdf",
                                 "application/pdf", bytes.size(), sha});
    }
    std::filesystem::remove_all(dir);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: make_test_workspace DIR COUNT [--documents N] [--forms FORMS_DIR]\n");
        return 2;
    }
    const int count = std::stoi(argv[2]);
    int with_documents = 0;
    std::filesystem::path forms = catalogue::default_catalogue_dir();
    for (int i = 3; i + 1 < argc; i += 2) {
        if (std::string(argv[i]) == "--documents")
            with_documents = std::stoi(argv[i + 1]);
        if (std::string(argv[i]) == "--forms")
            forms = argv[i + 1];
    }
    const auto loaded = catalogue::load_catalogue(forms);
    if (!loaded.ok())
        return std::fprintf(stderr, "the catalogue has problems; run jaanch-cli forms check\n"), 1;
    const auto services = loaded.catalogue.services();
    static const char* names[] = {"Santosh Devi",   "सुनीता उरांव",  "Ramesh Meena", "अनिल कुमार महतो",
                                  "Priya Sharma",   "मोहम्मद आरिफ़", "Lakshmi Bai",  "गीता कुमारी",
                                  "Rajendra Singh", "सरिता देवी"};
    static const char* villages[] = {"Ormanjhi", "कांके", "Bundu", "नामकुम", "Ratu", "Angara"};
    store::Workspace ws(argv[1], loaded.catalogue);
    std::vector<model::Application> batch;
    const auto today = now_utc();
    for (int i = 0; i < count; ++i) {
        const auto* s = services[static_cast<std::size_t>(i) % services.size()];
        auto app =
            test::make_application(*s, i % 3 == 0 ? model::Area::urban : model::Area::rural, i % 2 == 0);
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
        if (i < with_documents)
            attach_documents(ws, *s, app, names[i % 10]);
        batch.push_back(std::move(app));
        if (batch.size() == 2000) {
            ws.store_applications(batch, "");
            batch.clear();
        }
    }
    ws.store_applications(batch, "test-cursor");
    for (const auto& sha : g_written)
        ws.set_document_state(sha, store::DocumentState::complete);
    std::printf("%d applications in %s\n", count, argv[1]);
    return 0;
}
