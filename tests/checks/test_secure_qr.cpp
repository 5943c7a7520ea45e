// Aadhaar Secure QR: parsing (V1, V2, photo tail with 255s, contact hashes), signatures against a trust store
// chosen by the QR's time (with the `openssl` command as referee), XML QR as unsigned, real zxing-cpp scans
// of clean, rotated, blurred and low-resolution images, and comparison with the form across scripts.
#include <boost/test/unit_test.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "checks/name_match.h"
#include "checks/qr_compare.h"
#include "checks/qr_decode.h"
#include "checks/secure_qr.h"
#include "printers.h"
#include "qr_fixtures.h"

using namespace jaanch;
using checks::QrSignature;

namespace {

struct Keys {
    test::Key old_key = test::make_rsa_key(), new_key = test::make_rsa_key(), stranger = test::make_rsa_key();
    std::string old_cert =
        test::self_signed_pem(old_key.get(), "Test UIDAI 2015", "20150101000000Z", "20191231235959Z");
    std::string new_cert =
        test::self_signed_pem(new_key.get(), "Test UIDAI 2020", "20200101000000Z", "20351231235959Z");
    std::string stranger_cert =
        test::self_signed_pem(stranger.get(), "Not UIDAI", "20150101000000Z", "20351231235959Z");
};

const Keys& keys() {
    static const Keys k;
    return k;
}

checks::TrustStore uidai() {
    checks::TrustStore t;
    t.add(keys().old_cert, "old.pem");
    t.add(keys().new_cert, "new.pem");
    return t;
}

}  // namespace

namespace jaanch::checks {
inline std::ostream& operator<<(std::ostream& o, QrSignature s) {
    return o << qr_signature_name(s);
}
inline std::ostream& operator<<(std::ostream& o, QrKind k) {
    return o << qr_kind_name(k);
}
}  // namespace jaanch::checks

BOOST_AUTO_TEST_SUITE(secure_qr)

BOOST_AUTO_TEST_CASE(v2_round_trip_keeps_the_photo_whole_and_verifies) {
    test::QrContent content;
    content.name = "Sunita Kumari \xD8";  // ISO-8859-1 Ø, read back as UTF-8
    const auto qr = checks::parse_aadhaar_qr(test::secure_qr_number(content, keys().new_key.get()));
    BOOST_TEST(qr.kind == checks::QrKind::secure_v2);
    BOOST_TEST(qr.name == "Sunita Kumari \xC3\x98");
    BOOST_TEST(qr.date_of_birth == "12-03-1994");
    BOOST_TEST(qr.vtc == "Kanke");
    BOOST_TEST(qr.mobile_last4 == "3210");
    BOOST_TEST(qr.aadhaar_last4 == "0124");
    BOOST_TEST(qr.masked_aadhaar() == "XXXX-XXXX-0124");
    BOOST_TEST(format_timestamp(*qr.generated_at) == "2024-06-12T09:36:38Z");  // 15:06:38 IST
    BOOST_TEST(qr.photo == content.photo);  // 255s inside the photo did not split it
    BOOST_TEST(qr.email_mobile_indicator == 3);
    BOOST_TEST(checks::contact_matches(qr, "9876543210", true));
    BOOST_TEST(!checks::contact_matches(qr, "9876543211", true));
    BOOST_TEST(checks::contact_matches(qr, "sunita@example.in", false));
    BOOST_TEST(!checks::contact_matches(qr, "9876543210", false));
    const auto trust = uidai();
    const auto verdict = checks::verify_signature(qr, &trust);
    BOOST_TEST(verdict.verdict == QrSignature::valid);
    BOOST_TEST(verdict.certificate.find("Test UIDAI 2020") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(v1_with_mobile_only_and_hash_rounds) {
    test::QrContent content;
    content.v2 = false;
    content.email.reset();
    content.reference_id =
        "2670"
        "20180301101010000";  // last digit 0: hashed once
    const auto qr = checks::parse_aadhaar_qr(test::secure_qr_number(content, keys().old_key.get()));
    BOOST_TEST(qr.kind == checks::QrKind::secure_v1);
    BOOST_TEST(qr.email_mobile_indicator == 2);
    BOOST_TEST(!qr.email_hash.has_value());
    BOOST_TEST(qr.photo == content.photo);
    BOOST_TEST(checks::contact_matches(qr, "9876543210", true));
    // Rounds: digit 0 and 1 hash once, 7 hashes seven times over the hex of the previous round.
    BOOST_TEST((checks::contact_hash("9876543210", '0') == checks::contact_hash("9876543210", '1')));
    BOOST_TEST((checks::contact_hash("9876543210", '7') != checks::contact_hash("9876543210", '1')));
    const auto trust = uidai();
    BOOST_TEST(checks::verify_signature(qr, &trust).verdict == QrSignature::valid);
}

BOOST_AUTO_TEST_CASE(certificates_are_chosen_by_the_qr_time) {
    const auto trust = uidai();
    test::QrContent content;
    content.reference_id =
        "0124"
        "20180301101010000";  // 2018: only the old certificate was valid
    auto qr = checks::parse_aadhaar_qr(test::secure_qr_number(content, keys().old_key.get()));
    auto v = checks::verify_signature(qr, &trust);
    BOOST_TEST(v.verdict == QrSignature::valid);
    BOOST_TEST(v.certificate.find("Test UIDAI 2015") != std::string::npos);
    // Signed with the old key but dated 2024, when only the new certificate was valid.
    content.reference_id =
        "0124"
        "20240301101010000";
    qr = checks::parse_aadhaar_qr(test::secure_qr_number(content, keys().old_key.get()));
    BOOST_TEST(checks::verify_signature(qr, &trust).verdict == QrSignature::invalid);
    content.reference_id =
        "0124"
        "20400301101010000";
    qr = checks::parse_aadhaar_qr(test::secure_qr_number(content, keys().new_key.get()));
    v = checks::verify_signature(qr, &trust);
    BOOST_TEST(v.verdict == QrSignature::no_certificate_for_time);
    BOOST_TEST(v.reason.en.find("1 Mar 2040") != std::string::npos, v.reason.en);
    BOOST_TEST(checks::verify_signature(qr, nullptr).verdict == QrSignature::not_checked);
}

BOOST_AUTO_TEST_CASE(tampered_and_foreign_signatures_fail) {
    const auto trust = uidai();
    test::QrContent content;
    auto qr =
        checks::parse_aadhaar_qr(test::secure_qr_number(content, keys().new_key.get(), /*tamper=*/true));
    BOOST_TEST(qr.name == "Sanita Kumari");
    BOOST_TEST(checks::verify_signature(qr, &trust).verdict == QrSignature::invalid);
    qr = checks::parse_aadhaar_qr(test::secure_qr_number(content, keys().stranger.get()));
    BOOST_TEST(checks::verify_signature(qr, &trust).verdict == QrSignature::invalid);
    checks::TrustStore strangers;
    strangers.add(keys().stranger_cert, "stranger.pem");
    BOOST_TEST(checks::verify_signature(qr, &strangers).verdict == QrSignature::valid);
}

BOOST_AUTO_TEST_CASE(openssl_command_agrees_with_the_verdict) {
    const auto dir = std::filesystem::temp_directory_path() / ("jaanch-qr-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const auto qr = checks::parse_aadhaar_qr(test::secure_qr_number(test::QrContent{}, keys().new_key.get()));
    std::ofstream(dir / "cert.pem") << keys().new_cert;
    std::ofstream(dir / "data.bin", std::ios::binary)
        .write(reinterpret_cast<const char*>(qr.signed_data.data()),
               static_cast<long>(qr.signed_data.size()));
    std::ofstream(dir / "sig.bin", std::ios::binary)
        .write(reinterpret_cast<const char*>(qr.signature.data()), static_cast<long>(qr.signature.size()));
    const std::string d = dir.string();
    const std::string command = "cd " + d + " && openssl x509 -in cert.pem -pubkey -noout > pub.key && " +
                                "openssl dgst -sha256 -verify pub.key -signature sig.bin data.bin";
    FILE* p = popen(command.c_str(), "r");
    BOOST_REQUIRE(p != nullptr);
    char line[128] = {};
    std::string out;
    while (std::fgets(line, sizeof line, p))
        out += line;
    BOOST_TEST(pclose(p) == 0);
    BOOST_TEST(out.find("Verified OK") != std::string::npos, out);
    // The trust folder loader reads the same certificate file.
    const auto folder = checks::TrustStore::load_folder(dir);
    BOOST_TEST(folder.certificates().size() == 1u);  // pub.key is not a certificate file name
    std::ofstream(dir / "junk.pem") << "not a certificate";
    BOOST_CHECK_THROW(checks::TrustStore::load_folder(dir), checks::QrError);
    BOOST_CHECK_THROW(checks::TrustStore::load_folder(dir / "missing"), checks::QrError);
    std::filesystem::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(xml_qr_is_unsigned_and_masked) {
    const std::string xml =
        R"(<?xml version="1.0" encoding="UTF-8"?><PrintLetterBarcodeData uid="234567890124" name="Ramesh Oraon" )"
        R"(gender="M" yob="1988" co="S/O Budhram" house="4" vtc="Kanke" po="Kanke" dist="Ranchi" state="Jharkhand" )"
        R"(pc="834008"/>)";
    const auto qr = checks::parse_aadhaar_qr(xml);
    BOOST_TEST(qr.kind == checks::QrKind::xml_unsigned);
    BOOST_TEST(qr.name == "Ramesh Oraon");
    BOOST_TEST(qr.date_of_birth == "1988");
    BOOST_TEST(qr.masked_aadhaar() == "XXXX-XXXX-0124");
    const auto trust = uidai();
    const auto v = checks::verify_signature(qr, &trust);
    BOOST_TEST(v.verdict == QrSignature::unsigned_qr);
    BOOST_TEST(v.reason.en.find("proves nothing") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(not_an_aadhaar_qr_or_damaged) {
    BOOST_CHECK_THROW(checks::parse_aadhaar_qr("https://example.in"), checks::QrError);
    BOOST_CHECK_THROW(checks::parse_aadhaar_qr("12345678901234567890"), checks::QrError);
    const std::string number = test::secure_qr_number(test::QrContent{}, keys().new_key.get());
    BOOST_CHECK_THROW(checks::parse_aadhaar_qr(number.substr(0, number.size() / 2)), checks::QrError);
    BOOST_CHECK_THROW(checks::parse_aadhaar_qr("<html/>"), checks::QrError);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(qr_images)

BOOST_AUTO_TEST_CASE(scans_clean_rotated_blurred_and_refuses_low_resolution) {
    const std::string number = test::secure_qr_number(test::QrContent{}, keys().new_key.get());
    const auto clean = test::qr_image(number, 4);
    struct Case {
        const char* name;
        checks::GrayImage image;
        bool found;
    };
    const Case cases[] = {{"clean, 4 px/module", clean, true},
                          {"rotated 90°", test::rotate90(clean), true},
                          {"blurred (5×5 box)", test::box_blur(clean, 2), true},
                          {"3 px/module", test::qr_image(number, 3), true},
                          {"low resolution (2/3 px/module)", test::downscale(clean, 6), false}};
    for (const auto& c : cases) {
        const auto found = checks::find_qr_codes(c.image);
        BOOST_TEST(!found.empty() == c.found, c.name);
        if (c.found && !found.empty()) {
            BOOST_TEST(found.front() == number, c.name);
            const auto trust = uidai();
            BOOST_TEST(checks::verify_signature(checks::parse_aadhaar_qr(found.front()), &trust).verdict ==
                           QrSignature::valid,
                       c.name);
        }
    }
    BOOST_CHECK_THROW(checks::find_qr_codes(checks::GrayImage{10, 10, {}}), Error);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(qr_versus_form)

BOOST_AUTO_TEST_CASE(names_across_scripts_and_spellings) {
    BOOST_TEST(checks::devanagari_to_latin("सुनीता") == "suneetaa");
    BOOST_TEST(checks::devanagari_to_latin("राम") == "raam");
    BOOST_TEST(checks::devanagari_to_latin("उरांव") == "uraanv");
    BOOST_TEST(checks::normalise_name("Smt. SUNEETA  kumari") == "sunita kumari");
    BOOST_TEST(checks::compare_names("सुनीता कुमारी", "Sunita Kumari").exact);
    BOOST_TEST(checks::compare_names("Kumari Sunita", "Sunita Kumari").exact);   // word order
    BOOST_TEST(checks::compare_names("Oraon Ramesh", "Ramesh Oraon").exact);     // word order
    BOOST_TEST(checks::compare_names("Mohammad Shakeel", "Mohd Shakil").exact);  // abbreviation, ee = i
    BOOST_TEST(checks::compare_names("Muhammad Shakeel", "Mohd Shakil").similar);
    BOOST_TEST(!checks::compare_names("Savita Kumari", "Sunita Kumari").similar);
    BOOST_TEST(!checks::compare_names("Sunita Devi", "Sunita Devi Meena").similar);
    BOOST_TEST(!checks::compare_names("Mohammad Shakeel", "Mohd Sharif").similar);
    BOOST_TEST(checks::compare_names("Bhatt Ravindra", "Ravinder Bhat").similar);
    BOOST_TEST(!checks::compare_names("Ram", "Rim").similar);  // short names tolerate no edit
    BOOST_TEST(checks::edit_threshold(3) == 0u);
    BOOST_TEST(checks::edit_threshold(6) == 1u);
    BOOST_TEST(checks::edit_threshold(10) == 2u);
    BOOST_TEST(checks::edit_threshold(11) == 3u);
    BOOST_TEST(checks::edit_distance("kitten", "sitting") == 3u);
}

BOOST_AUTO_TEST_CASE(qr_compared_with_the_applicant) {
    const auto qr = checks::parse_aadhaar_qr(test::secure_qr_number(test::QrContent{}, keys().new_key.get()));
    model::Application app;
    app.fields = {{"applicant_name", "Suneeta Kumari"},
                  {"applicant_name_hindi", "सुनीता कुमारी"},
                  {"date_of_birth", "1994-03-12"},
                  {"gender", "F"},
                  {"aadhaar", "234567890124"},
                  {"pincode", "834008"},
                  {"district", "Raanchi"},
                  {"house_locality", "12 Main Road, near Hanuman Mandir"},
                  {"village_town", "Kanke"},
                  {"post_office", "Kanke"}};
    catalogue::ServiceDefinition service;
    auto results = checks::compare_qr_with_application(qr, service, app);
    auto find = [&](const std::string& f) -> const checks::FieldCheck& {
        for (const auto& r : results) {
            if (r.field == f)
                return r;
        }
        throw std::runtime_error("no result for " + f);
    };
    for (const char* f : {"aadhaar", "applicant_name", "applicant_name_hindi", "date_of_birth", "gender",
                          "pincode", "district", "house_locality"})
        BOOST_TEST(find(f).status == checks::CheckStatus::pass, f << ": " << find(f).reason.en);
    BOOST_TEST(find("aadhaar").reason.en == "Aadhaar QR: the last four digits match (XXXX-XXXX-0124).");
    app.fields["date_of_birth"] = "1994-12-03";  // day and month swapped
    app.fields["aadhaar"] = "216618862674";
    app.fields["applicant_name"] = "Savita Kumari";
    app.fields["pincode"] = "834001";
    results = checks::compare_qr_with_application(qr, service, app);
    BOOST_TEST(find("date_of_birth").reason.en ==
               "Aadhaar QR: the date of birth differs: the QR says 12 Mar 1994.");
    BOOST_TEST(find("aadhaar").status == checks::CheckStatus::fail);
    BOOST_TEST(find("applicant_name").reason.en ==
               "Aadhaar QR: the name differs: the QR says \"Sunita Kumari\".");
    BOOST_TEST(find("pincode").status == checks::CheckStatus::fail);
    for (const auto& r : results)
        BOOST_TEST(r.reason.en.find("216618862674") == std::string::npos);
    // A family-table row.
    app.tables["members"] = {{{"name", "Sunita Kumari"}, {"date_of_birth", "1994-03-12"}, {"gender", "M"}}};
    results = checks::compare_qr_with_application(qr, service, app, checks::TableRow{"members", 0});
    BOOST_TEST(find("members[0].name").status == checks::CheckStatus::pass);
    BOOST_TEST(find("members[0].gender").status == checks::CheckStatus::fail);
    BOOST_TEST(results.size() == 3u);
}

BOOST_AUTO_TEST_SUITE_END()
