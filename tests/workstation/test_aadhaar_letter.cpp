// The Aadhaar letter read as the workstation reads it (src/workstation/aadhaar_letter, qr_scan,
// aadhaar_letter_reader): a generated letter with a signed Secure QR and a real JPEG 2000 photo, stored in a
// real workspace, is parsed by the real jaanch-render helper in the sandbox; the QR's fields, UIDAI's
// signature against WORKSPACE/uidai and the comparison with the form come back. An e-Aadhaar PDF opens with
// the password conventions; a damaged letter is a problem sentence; the background reader delivers on the
// main thread and a newer request replaces a waiting one.
#include <chrono>
#include <sstream>
#include <thread>

#include <boost/test/unit_test.hpp>

#include "catalogue/catalogue.h"
#include "core/workflow_fixtures.h"
#include "fixtures.h"
#include "printers.h"
#include "qr_fixtures.h"
#include "util/dispatch.h"
#include "util/sha256.h"
#include "workstation/aadhaar_letter.h"
#include "workstation/aadhaar_letter_reader.h"
#include "workstation/qr_scan.h"

using namespace jaanch;
namespace fx = viewer::fixtures;
using namespace std::chrono_literals;

namespace jaanch::checks {
inline std::ostream& operator<<(std::ostream& o, QrSignature s) {
    return o << qr_signature_name(s);
}
inline std::ostream& operator<<(std::ostream& o, ReviewStatus s) {
    return o << review_status_name(s);
}
}  // namespace jaanch::checks

namespace jaanch::viewer::sandbox {
inline std::ostream& operator<<(std::ostream& o, Protection p) {
    return o << protection_name(p);
}
}  // namespace jaanch::viewer::sandbox

namespace {

viewer::Bitmap to_bitmap(const checks::GrayImage& gray) {
    viewer::Bitmap out(gray.width, gray.height);
    for (std::size_t i = 0; i < gray.pixels.size(); ++i)
        for (std::size_t c = 0; c < 3; ++c)
            out.rgba[i * 4 + c] = gray.pixels[i];
    return out;
}

// A PDF of two A4 pages, the QR drawn as an image on the second (where UIDAI's letters have it).
std::string letter_pdf(const checks::GrayImage& qr) {
    const std::string pixels(qr.pixels.begin(), qr.pixels.end());
    const std::string draw = "q 400 0 0 400 97 300 cm /Im1 Do Q";
    const std::vector<std::string> objects = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 5 0 R >> >> "
        "/Contents 6 0 R >>",
        "<< /Type /XObject /Subtype /Image /Width " + std::to_string(qr.width) + " /Height " +
            std::to_string(qr.height) + " /ColorSpace /DeviceGray /BitsPerComponent 8 /Length " +
            std::to_string(pixels.size()) + " >>\nstream\n" + pixels + "\nendstream",
        "<< /Length " + std::to_string(draw.size()) + " >>\nstream\n" + draw + "\nendstream"};
    std::string pdf = "%PDF-1.4\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(pdf.size());
        pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    std::ostringstream xref;
    xref << "xref\n0 " << objects.size() + 1 << "\n0000000000 65535 f \n";
    for (const auto offset : offsets) {
        char line[24];
        std::snprintf(line, sizeof line, "%010zu 00000 n \n", offset);
        xref << line;
    }
    xref << "trailer\n<< /Size " << objects.size() + 1 << " /Root 1 0 R >>\nstartxref\n"
         << pdf.size() << "\n%%EOF\n";
    return pdf + xref.str();
}

std::string text_of(const std::vector<std::uint8_t>& bytes) {
    return std::string(bytes.begin(), bytes.end());
}

// A workspace holding JH/2026/000001 with its Aadhaar letter (a PNG, or an e-Aadhaar PDF locked by UIDAI's
// convention) and photograph, and UIDAI's certificate in WORKSPACE/uidai.
struct LetterWorkspace {
    enum class Letter { png, locked_pdf, damaged };

    explicit LetterWorkspace(Letter kind) {
        loaded = std::make_unique<catalogue::LoadResult>(catalogue::load_catalogue(JAANCH_FORMS_DIR));
        service = loaded->catalogue.latest("jh.caste-certificate");
        BOOST_REQUIRE(service != nullptr);
        workspace = std::make_unique<store::Workspace>(dir / "ws", loaded->catalogue);
        std::filesystem::create_directories(workspace->dir() / "uidai");
        test::QrContent content;
        content.photo = test::face_photo_j2k(48, 60);
        content.email.reset();  // keeps the code small enough for one QR symbol
        content.mobile.reset();
        const auto key = test::make_rsa_key();
        const std::string qr = test::secure_qr_number(content, key.get());
        const std::string pem =
            test::self_signed_pem(key.get(), "Test UIDAI", "20240101000000Z", "20300101000000Z");
        fx::write_bytes(workspace->dir() / "uidai" / "test-uidai.pem", {pem.begin(), pem.end()});

        app = test::make_application(*service, model::Area::rural, false);
        app.number = "JH/2026/000001";
        app.fields["aadhaar"] = "234567890124";
        app.fields["applicant_name"] = "Sunita Kumari";
        app.fields["gender"] = "F";
        app.fields["pincode"] = "834008";
        // The PNG letter's form has one mismatch to find; the e-Aadhaar's year of birth opens the PDF.
        app.fields["date_of_birth"] = kind == Letter::locked_pdf ? "1994-03-12" : "1980-06-15";
        app.documents.clear();
        app.documents.push_back(store_document("aadhaar", letter(kind, qr)));
        app.documents.push_back(store_document("photo", text_of(fx::encode_png(fx::test_picture(120, 150)))));
        workspace->store_applications({app}, "letter-test");
        for (const auto& d : app.documents)
            workspace->set_document_state(d.sha256, store::DocumentState::complete);
        app = *workspace->application(app.number);  // as the workstation shows it: Aadhaar masked
    }

    std::string letter(Letter kind, const std::string& qr) {
        const auto image = test::qr_image(qr, 3);
        if (kind == Letter::png)
            return text_of(fx::encode_png(to_bitmap(image)));
        if (kind == Letter::damaged)
            return "%PDF-1.4\n1 0 obj\n<< /Type /Catalog";
        const std::string pdf = letter_pdf(image);
        fx::write_bytes(dir / "open.pdf", {pdf.begin(), pdf.end()});
        fx::encrypt_pdf(dir / "open.pdf", dir / "locked.pdf", "SUNI1994");
        return text_of(fx::read_bytes(dir / "locked.pdf"));
    }

    model::DocumentRef store_document(const std::string& kind, const std::string& bytes) {
        const std::string sha = sha256_hex(bytes);
        workspace->documents().put(bytes, sha);
        return {kind, kind, kind + ".bin", "application/octet-stream", bytes.size(), sha};
    }

    workstation::LetterSources sources() { return workstation::letter_sources(app, service, *workspace); }

    fx::TempDir dir;
    std::unique_ptr<catalogue::LoadResult> loaded;
    const catalogue::ServiceDefinition* service = nullptr;
    std::unique_ptr<store::Workspace> workspace;
    model::Application app;
};

const checks::FieldCheck* comparison(const workstation::QrFindings& f, const std::string& field) {
    for (const auto& c : f.comparisons)
        if (c.field == field)
            return &c;
    return nullptr;
}

checks::CheckStatus status_of(const workstation::QrFindings& f, const std::string& field) {
    const auto* c = comparison(f, field);
    BOOST_REQUIRE_MESSAGE(c != nullptr, "no comparison of " + field);
    return c->status;
}

bool sandboxed(const workstation::QrFindings& f) {
    return f.protection && *f.protection != viewer::sandbox::Protection::none;
}

template <class Pred>
bool pump_until(dispatch::MainQueue& q, Pred done, std::chrono::seconds limit = 60s) {
    const auto until = std::chrono::steady_clock::now() + limit;
    while (!done() && std::chrono::steady_clock::now() < until)
        q.run_for(50ms);
    return done();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(aadhaar_letter)

BOOST_AUTO_TEST_CASE(a_png_letter_is_read_in_the_sandbox_signature_checked_and_compared) {
    LetterWorkspace ws(LetterWorkspace::Letter::png);
    const auto sources = ws.sources();
    BOOST_REQUIRE_EQUAL(sources.letters.size(), 1u);
    BOOST_TEST(sources.letters.front().first == "aadhaar");
    BOOST_TEST(!sources.photo_file.empty());
    BOOST_TEST(sources.trust_folder == ws.workspace->dir() / "uidai");

    const auto found = workstation::read_letters(sources);
    BOOST_TEST(found.application == "JH/2026/000001");
    BOOST_TEST(found.document_id == "aadhaar");
    BOOST_TEST(sandboxed(found));
    BOOST_REQUIRE(found.signature);
    BOOST_TEST(found.signature->verdict == checks::QrSignature::valid);
    BOOST_TEST(found.signature->certificate.find("Test UIDAI") != std::string::npos);
    BOOST_TEST(status_of(found, "aadhaar") == checks::CheckStatus::pass);
    BOOST_TEST(status_of(found, "applicant_name") == checks::CheckStatus::pass);
    BOOST_TEST(status_of(found, "date_of_birth") == checks::CheckStatus::fail);  // the QR says 12-03-1994
    BOOST_TEST(status_of(found, "pincode") == checks::CheckStatus::pass);
    BOOST_REQUIRE(found.photos.qr);
    BOOST_TEST(found.photos.qr->width == 48);
    BOOST_TEST(found.photos.qr->height == 60);
    BOOST_REQUIRE(found.photos.uploaded);
    BOOST_TEST(found.photos.uploaded->height == workstation::kPhotoHeight);
    BOOST_TEST(found.photos.qr_problem.empty());
    BOOST_TEST(found.photos.uploaded_problem.empty());

    const auto items = workstation::qr_review_items(found, ws.service);
    BOOST_REQUIRE(!items.empty());
    BOOST_TEST(items.front().subject == "aadhaar");
    BOOST_TEST(items.front().label.en == "Aadhaar QR: UIDAI signature");
    BOOST_TEST(items.front().status == checks::ReviewStatus::pass);
    bool birth_flagged = false;
    for (const auto& item : items)
        birth_flagged = birth_flagged || (item.label.en.find("Date of birth") != std::string::npos &&
                                          item.status == checks::ReviewStatus::fail);
    BOOST_TEST(birth_flagged);
}

BOOST_AUTO_TEST_CASE(an_e_aadhaar_pdf_opens_with_the_convention_password_and_its_second_page_is_scanned) {
    LetterWorkspace ws(LetterWorkspace::Letter::locked_pdf);
    const auto found = workstation::read_letters(ws.sources());
    BOOST_TEST(found.document_id == "aadhaar");
    BOOST_TEST(sandboxed(found));
    BOOST_REQUIRE(found.signature);
    BOOST_TEST(found.signature->verdict == checks::QrSignature::valid);
    BOOST_TEST(status_of(found, "date_of_birth") == checks::CheckStatus::pass);

    // Without the application's data nothing opens it, and nobody is asked.
    workstation::QrScanOptions options;
    BOOST_CHECK_THROW(workstation::qr_texts_in(ws.sources().letters.front().second, options),
                      viewer::PasswordError);
    options.passwords = {"SUNI1994"};
    const auto texts = workstation::qr_texts_in(ws.sources().letters.front().second, options);
    BOOST_TEST(texts.texts.size() == 1u);
    BOOST_TEST(texts.protection != viewer::sandbox::Protection::none);
}

BOOST_AUTO_TEST_CASE(a_damaged_letter_and_a_missing_trust_folder_are_sentences_not_exceptions) {
    LetterWorkspace ws(LetterWorkspace::Letter::damaged);
    const auto found = workstation::read_letters(ws.sources());
    BOOST_TEST(found.document_id.empty());
    BOOST_TEST(!found.signature);
    BOOST_TEST(!found.photos.qr_problem.empty());
    BOOST_TEST(workstation::qr_review_items(found, ws.service).empty());

    LetterWorkspace png(LetterWorkspace::Letter::png);
    std::filesystem::remove_all(png.workspace->dir() / "uidai");
    const auto unchecked = workstation::read_letters(png.sources());
    BOOST_REQUIRE(unchecked.signature);
    BOOST_TEST(unchecked.signature->verdict == checks::QrSignature::not_checked);
    BOOST_TEST(unchecked.signature->reason.en.find((png.workspace->dir() / "uidai").string()) !=
               std::string::npos);
    BOOST_TEST(workstation::qr_review_items(unchecked, png.service).front().status ==
               checks::ReviewStatus::unknown);
}

BOOST_AUTO_TEST_CASE(the_reader_delivers_on_the_main_thread_and_a_newer_request_replaces_a_waiting_one) {
    static dispatch::MainQueue q;  // the poster stays installed after the test: it must outlive it
    q.install();
    LetterWorkspace ws(LetterWorkspace::Letter::png);
    std::vector<workstation::QrFindings> delivered;
    const auto main_thread = std::this_thread::get_id();
    bool on_main = true;
    std::chrono::steady_clock::time_point leaving;
    {
        workstation::QrReader reader([&](workstation::QrFindings f) {
            on_main = on_main && std::this_thread::get_id() == main_thread;
            delivered.push_back(std::move(f));
        });
        auto first = ws.sources();
        first.app.number = "FIRST";
        const auto asked = std::chrono::steady_clock::now();
        reader.request(std::move(first), 30s);  // waits: the officer is still reading the form
        reader.request(ws.sources(), 0ms);      // ends that wait at once
        BOOST_REQUIRE(pump_until(q, [&] { return !delivered.empty(); }));
        BOOST_TEST((std::chrono::steady_clock::now() - asked < 25s));
        BOOST_TEST(delivered.size() == 1u);
        BOOST_TEST(delivered.front().application == "JH/2026/000001");
        BOOST_TEST(delivered.front().signature.has_value());
        BOOST_TEST(on_main);

        reader.request(ws.sources(), 30s);   // the destructor must not wait it out
        std::this_thread::sleep_for(100ms);  // the worker is inside the wait now
        leaving = std::chrono::steady_clock::now();
    }
    BOOST_TEST((std::chrono::steady_clock::now() - leaving < 10s));
    q.run_pending();
    BOOST_TEST(delivered.size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
