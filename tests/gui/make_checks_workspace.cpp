// make_checks_workspace DIR FORMS_DIR: a logged-in workspace for the checks GUI test (workstation_checks.py).
//   JH/2026/000001  jh.caste-certificate, Aadhaar 234567890124 (sealed). Documents: the Aadhaar letter as a
//   PNG
//                   carrying a signed Secure QR whose photo is a real JPEG 2000 codestream, the applicant's
//                   photo (PNG), and a caste proof PDF whose very bytes JH/2026/000002 also attaches.
//   JH/2026/000002  the same service, another applicant (Aadhaar 398712345601), the shared caste proof.
//   RJ/2026/000003  rj.jan-aadhaar-family-enrolment, members' Aadhaar sealed; members[1] is 456123789011.
// The officer (sync value "officer") is the first-level officer who may act on JH/2026/000001. Prints a JSON
// summary: the officer, the numbers, the QR photo's size and the shared document's id.
// Test data only: never a real Aadhaar number.

#include <cstdio>

#include "catalogue/catalogue.h"
#include "core/workflow_fixtures.h"
#include "fixtures.h"
#include "qr_fixtures.h"
#include "store/workspace.h"
#include "util/json_reader.h"
#include "util/sha256.h"

using namespace jaanch;

namespace {

viewer::Bitmap to_bitmap(const checks::GrayImage& gray) {
    viewer::Bitmap out(gray.width, gray.height);
    for (std::size_t i = 0; i < gray.pixels.size(); ++i)
        for (std::size_t c = 0; c < 3; ++c)
            out.rgba[i * 4 + c] = gray.pixels[i];
    return out;
}

std::string text_of(const std::vector<std::uint8_t>& bytes) {
    return std::string(bytes.begin(), bytes.end());
}

model::DocumentRef store_document(store::Workspace& ws, const std::string& kind, const std::string& file,
                                  const std::string& mime, const std::string& bytes) {
    const std::string sha = sha256_hex(bytes);
    ws.documents().put(bytes, sha);
    return {kind, kind, file, mime, bytes.size(), sha};
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: make_checks_workspace DIR FORMS_DIR\n");
        return 2;
    }
    try {
        const auto loaded = catalogue::load_catalogue(argv[2]);
        if (!loaded.ok())
            throw Error("The catalogue in " + std::string(argv[2]) + " has problems.");
        const auto& catalogue = loaded.catalogue;
        const auto* caste = catalogue.latest("jh.caste-certificate");
        const auto* family = catalogue.latest("rj.jan-aadhaar-family-enrolment");
        if (caste == nullptr || family == nullptr)
            throw Error("The forms lack the services this test uses.");
        store::Workspace ws(argv[1], catalogue);
        std::filesystem::create_directories(ws.dir() / "uidai");

        // The Aadhaar letter: a signed Secure QR with a real photo, 3 pixels a module, as a PNG.
        test::QrContent content;
        content.photo = test::face_photo_j2k(48, 60);
        content.email.reset();  // keeps the code small enough for one QR symbol
        content.mobile.reset();
        const auto key = test::make_rsa_key();
        const std::string qr_text = test::secure_qr_number(content, key.get());
        // UIDAI's certificate as the workstation finds it (WORKSPACE/uidai), valid when the QR was made
        // (2024).
        const std::string certificate =
            test::self_signed_pem(key.get(), "Test UIDAI", "20240101000000Z", "20300101000000Z");
        viewer::fixtures::write_bytes(ws.dir() / "uidai" / "test-uidai.pem",
                                      std::vector<std::uint8_t>(certificate.begin(), certificate.end()));
        const std::string letter =
            text_of(viewer::fixtures::encode_png(to_bitmap(test::qr_image(qr_text, 3))));
        const std::string photo =
            text_of(viewer::fixtures::encode_png(viewer::fixtures::test_picture(120, 150)));
        viewer::fixtures::TempDir tmp;
        viewer::fixtures::TextPage page;
        page.lines = {"Caste certificate of the father", "Oraon (ST)"};
        viewer::fixtures::write_text_pdf(tmp / "proof.pdf", {page});
        const std::string proof = text_of(viewer::fixtures::read_bytes(tmp / "proof.pdf"));

        std::vector<model::Application> apps;
        const char* jh_numbers[] = {"JH/2026/000001", "JH/2026/000002"};
        const char* jh_aadhaar[] = {"234567890124", "398712345601"};
        const char* jh_names[] = {"Sunita Kumari", "Rakesh Mahto"};
        for (int i = 0; i < 2; ++i) {
            auto app = test::make_application(*caste, model::Area::rural, false);
            app.number = jh_numbers[i];
            app.fields["aadhaar"] = jh_aadhaar[i];
            app.fields["applicant_name"] = jh_names[i];
            app.fields["applicant_name_hindi"] = i == 0 ? "सुनीता कुमारी" : "राकेश महतो";
            app.fields["gender"] = "F";
            app.fields["pincode"] = "834008";
            app.fields["date_of_birth"] = "1980-06-15";  // the QR says 12-03-1994: one mismatch to find
            app.submitted_at = now_utc() - std::chrono::hours(30);
            app.level_entered_at = app.submitted_at;
            app.documents.clear();
            if (i == 0) {
                app.documents.push_back(store_document(ws, "aadhaar", "aadhaar.png", "image/png", letter));
                app.documents.push_back(store_document(ws, "photo", "photo.png", "image/png", photo));
            }
            app.documents.push_back(
                store_document(ws, "caste_proof", "caste_proof.pdf", "application/pdf", proof));
            apps.push_back(std::move(app));
        }
        auto enrolment = test::make_application(*family, model::Area::rural, false);
        enrolment.number = "RJ/2026/000003";
        auto& members = enrolment.tables["members"];
        while (members.size() < 2)
            members.push_back(members.empty() ? model::FieldValues{} : members.front());
        members[0]["aadhaar"] = "524680135794";
        members[1]["aadhaar"] = "456123789011";
        enrolment.submitted_at = now_utc() - std::chrono::hours(30);
        enrolment.level_entered_at = enrolment.submitted_at;
        apps.push_back(enrolment);
        ws.store_applications(apps, "checks-test");
        for (const auto& app : apps)
            for (const auto& d : app.documents)
                ws.set_document_state(d.sha256, store::DocumentState::complete);

        const auto roster = test::make_roster(*caste);
        const model::Officer* officer = test::officer_for(*caste, apps.front(), roster.inside);
        if (officer == nullptr)
            throw Error("No officer of the roster may act on " + apps.front().number + ".");
        json::Json officer_json;
        model::to_json(officer_json, *officer);
        ws.set_sync_value("officer", officer_json.dump());
        ws.set_sync_value("user", officer->id);
        std::printf("%s\n", json::Json{{"officer", officer->id},
                                       {"applications", {jh_numbers[0], jh_numbers[1], enrolment.number}},
                                       {"qr_digits", qr_text.size()},
                                       {"qr_photo_bytes", content.photo.size()},
                                       {"shared_document", "caste_proof"}}
                                .dump()
                                .c_str());
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "make_checks_workspace: %s\n", e.what());
        return 1;
    }
}
