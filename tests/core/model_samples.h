// Sample model values shared by the core tests.
#pragma once

#include "model/application.h"
#include "model/officer.h"

namespace jaanch::test {

inline model::Decision sample_decision() {
    model::Decision d;
    d.id = "3f2b8c1e-9a4d-4e6b-8f1a-2c3d4e5f6a7b";
    d.application = "JH/RNC/2026/000123";
    d.application_version = 3;
    d.action = model::Action::reject;
    d.reason_code = "REJ-CASTE-PROOF";
    d.remark = "जाति प्रमाण का दस्तावेज़ अस्पष्ट है";
    d.field_checks = {{"applicant_name", model::FieldMark::matches, ""},
                      {"father_name", model::FieldMark::mismatch, "Aadhaar says Ramesh Oraon"}};
    d.document_checks = {{"aadhaar", model::DocumentMark::valid, ""},
                         {"caste_proof", model::DocumentMark::invalid, "blurred scan"}};
    d.officer = "ci.ranchi.1";
    d.role = "CI";
    d.level = "L1";
    d.decided_at = *parse_timestamp("2026-11-20T10:15:00Z");
    d.content_sha256 = std::string(64, 'c');
    d.content_digests = {{"fields.applicant_name", std::string(64, 'd')}};
    d.documents = {{"aadhaar", std::string(64, 'e'), 2, 2}, {"caste_proof", std::string(64, 'f'), 1, 3}};
    return d;
}

inline model::Application sample_application() {
    model::Application a;
    a.number = "JH/RNC/2026/000123";
    a.service_id = "jh.caste-certificate";
    a.service_version = 1;
    a.submitted_at = *parse_timestamp("2026-11-01T09:30:00+05:30");
    a.jurisdiction = {"20", "364", "2563", "362145", model::Area::rural, "ओरमांझी"};
    a.fields = {
        {"applicant_name", "सुनीता उरांव"}, {"date_of_birth", "1994-03-12"}, {"aadhaar", "234567890124"}};
    a.tables["members"] = {{{"name", "Ramesh Oraon"}, {"relation", "father"}}};
    a.documents = {{"aadhaar", "aadhaar", "aadhaar.pdf", "application/pdf", 183220,
                    "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}};
    a.current_level = "L1";
    a.status = model::Status::pending;
    a.level_entered_at = a.submitted_at;
    a.version = 4;
    a.history.push_back({sample_decision(), std::string(64, 'a'), *parse_timestamp("2026-11-20T10:15:05Z"),
                         model::Status::rejected, "L1"});
    return a;
}

inline model::Officer sample_officer() {
    model::Officer o;
    o.id = "ci.ranchi.1";
    o.name = "Anil Kumar Mahto";
    o.role = "CI";
    o.level = "L1";
    o.jurisdiction = {"20", "364", "", "", ""};
    o.services = {"jh.caste-certificate"};
    o.certificate_sha256 = std::string(64, 'b');
    return o;
}

}  // namespace jaanch::test
