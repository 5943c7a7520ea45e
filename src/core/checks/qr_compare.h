// Comparing an Aadhaar QR with the form: name (across Hindi and English spellings), date of birth, gender,
// address, PIN code, district and the Aadhaar number's last four digits. Each comparison is a FieldCheck on
// the form field it concerns, with the QR's value in the reason (never the full Aadhaar number).
//
// Which form fields hold the person is a naming convention of the catalogue (applicant_name, employee_name,
// head_name, date_of_birth, gender, aadhaar, pincode, district, house_locality, village_town …); a family
// table row is compared through its columns (name, name_hindi, date_of_birth, gender, aadhaar).
//
// Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "catalogue/service_definition.h"
#include "checks/check_result.h"
#include "checks/secure_qr.h"
#include "model/application.h"

namespace jaanch::checks {

// A date of birth as a QR prints it: DD-MM-YYYY, DD/MM/YYYY, YYYY-MM-DD, or a year alone (XML QR's yob).
struct QrBirth {
    std::optional<Date> date;
    int year = 0;
};
std::optional<QrBirth> parse_qr_birth(const std::string& text);

struct TableRow {
    std::string table;  // e.g. "members"
    std::size_t index;  // from 0
};

// Compares the QR with the applicant's own fields, or with one row of a family table.
std::vector<FieldCheck> compare_qr_with_application(const AadhaarQr& qr,
                                                    const catalogue::ServiceDefinition& service,
                                                    const model::Application& application,
                                                    std::optional<TableRow> row = std::nullopt);

}  // namespace jaanch::checks
