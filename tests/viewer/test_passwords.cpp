// Password conventions and the unlock flow, on PDFs encrypted (AES-256) by the real qpdf.
#include <boost/test/unit_test.hpp>

#include "fixtures.h"
#include "viewer/engine/open_document.h"
#include "viewer/engine/password_conventions.h"
#include "viewer/engine/pdf_engine.h"

using namespace jaanch::viewer;
namespace fx = jaanch::viewer::fixtures;

namespace {

struct Encrypted {
    fx::TempDir dir;
    fx::fs::path plain = dir / "plain.pdf";
    SharedBytes encrypt(const std::string& password) {
        if (!fx::fs::exists(plain))
            fx::write_text_pdf(plain, {fx::TextPage{}});
        const auto out = dir / ("locked-" + password + ".pdf");
        fx::encrypt_pdf(plain, out, password);
        return std::make_shared<Bytes>(fx::read_bytes(out));
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(passwords)

BOOST_AUTO_TEST_CASE(eaadhaar_convention_follows_uidai_examples) {
    BOOST_TEST(eaadhaar_passwords("Suresh Kumar", "1990-05-12").front() == "SURE1990");
    BOOST_TEST(eaadhaar_passwords("S. Kumar", "12/05/1990").front() == "S.KU1990");
    BOOST_TEST(eaadhaar_passwords("S. Kumar", "12/05/1990").back() == "SKUM1990");
    BOOST_TEST(eaadhaar_passwords("Ria", "1990").front() == "RIA1990");
    BOOST_TEST(eaadhaar_passwords("Sai Kumar", "01.01.1985").front() == "SAIK1985");
    BOOST_TEST(eaadhaar_passwords("Suresh", "not a date").empty());
}

BOOST_AUTO_TEST_CASE(jan_aadhaar_convention_uses_head_of_family_day_and_month) {
    BOOST_TEST(jan_aadhaar_passwords("SANTOSH DEVI", "20.01.1970").front() == "SANT2001");
    BOOST_TEST(jan_aadhaar_passwords("Santosh Devi", "1970-01-20").front() == "SANT2001");
    BOOST_TEST(jan_aadhaar_passwords("Santosh Devi", "1970").empty());  // needs day and month
    BOOST_TEST(jan_aadhaar_passwords("Santosh Devi", "32.01.1970").empty());
    const auto all = convention_passwords({"Suresh Kumar", "1990-05-12", "Santosh Devi", "20.01.1970"});
    BOOST_TEST(all.size() == 4u);  // SURE1990, SANT2001, SURE1205, SANT1970
    BOOST_TEST(all[0] == "SURE1990");
    BOOST_TEST(all[1] == "SANT2001");
}

BOOST_AUTO_TEST_CASE(an_eaadhaar_pdf_opens_with_the_convention_and_is_remembered) {
    Encrypted e;
    auto bytes = e.encrypt("SURE1990");
    BOOST_TEST(PdfEngine::open(bytes)->locked());
    InMemoryPasswordMemory memory;
    OpenOptions o;
    o.label = "eaadhaar.pdf";
    o.document_key = "sha-of-eaadhaar";
    o.memory = &memory;
    o.conventions = {"Suresh Kumar", "1990-05-12", "", ""};
    int asked = 0;
    o.prompt = [&](const PasswordQuestion&) -> std::optional<std::string> {
        ++asked;
        return std::nullopt;
    };
    OpenedDocument doc = open_document(bytes, o);
    BOOST_TEST(asked == 0);
    BOOST_TEST((doc.password_source == PasswordSource::convention));
    BOOST_TEST(memory.recall("sha-of-eaadhaar").value_or("") == "SURE1990");
    // Pixels agree with pdftoppm given the same password.
    RenderRequest r;
    r.scale = 1.0;
    const Bitmap ours = doc.engine->render(r);
    const Bitmap ref = fx::pdftoppm_page(e.dir / "locked-SURE1990.pdf", 1, 72, e.dir.path(), "SURE1990");
    BOOST_TEST(fx::compare(ours, ref).mean_abs <= 1.0);
    // Clones for render threads reopen with the same password.
    BOOST_TEST(doc.engine->clone()->page_count() == 1);
    // Next time the remembered password is used first, without conventions.
    o.conventions = {};
    BOOST_TEST((open_document(bytes, o).password_source == PasswordSource::remembered));
}

BOOST_AUTO_TEST_CASE(a_jan_aadhaar_ecard_opens_with_the_head_of_family_convention) {
    Encrypted e;
    OpenOptions o;
    o.conventions = {"Ramesh Kumar", "2001-03-04", "Santosh Devi", "20.01.1970"};
    BOOST_TEST((open_document(e.encrypt("SANT2001"), o).password_source == PasswordSource::convention));
}

BOOST_AUTO_TEST_CASE(the_officer_is_asked_when_conventions_fail_and_told_when_wrong) {
    Encrypted e;
    auto bytes = e.encrypt("s3cret-Pw");
    std::vector<PasswordQuestion> questions;
    OpenOptions o;
    o.label = "upload.pdf";
    o.conventions = {"Suresh Kumar", "1990-05-12", "", ""};
    o.prompt = [&](const PasswordQuestion& q) -> std::optional<std::string> {
        questions.push_back(q);
        return q.attempt == 1 ? "wrong" : "s3cret-Pw";
    };
    BOOST_TEST((open_document(bytes, o).password_source == PasswordSource::officer));
    BOOST_REQUIRE(questions.size() == 2u);
    BOOST_TEST(!questions[0].previous_was_wrong);
    BOOST_TEST(questions[1].previous_was_wrong);
    BOOST_TEST(questions[1].document_label == "upload.pdf");
    // Cancelling gives a PasswordError that says what to do.
    o.prompt = [](const PasswordQuestion&) -> std::optional<std::string> { return std::nullopt; };
    try {
        open_document(bytes, o);
        BOOST_FAIL("opened without the password");
    } catch (const PasswordError& err) {
        BOOST_TEST(std::string(err.what()).find("Ask the applicant") != std::string::npos);
    }
    // No prompt at all: also a PasswordError; a given password opens it.
    o.prompt = nullptr;
    BOOST_CHECK_THROW(open_document(bytes, o), PasswordError);
    o.passwords = {"s3cret-Pw"};
    BOOST_TEST((open_document(bytes, o).password_source == PasswordSource::given));
}

BOOST_AUTO_TEST_SUITE_END()
