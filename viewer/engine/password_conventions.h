// Passwords Indian e-governance PDFs are protected with, built from an application's own data, so an officer
// is asked for a password only when the conventions fail. Pure functions, thread-safe.
//
//  - e-Aadhaar: the first 4 letters of the name as printed, in capitals, then the year of birth
//    (SURESH KUMAR, 1990 → SURE1990; S. KUMAR → S.KU1990; RIA → RIA1990).
//  - Jan Aadhaar e-card (Rajasthan): the first 4 letters of the head of family's name in capitals, then the
//    day and month of birth (SANTOSH DEVI, 20.01.1970 → SANT2001).
//
// Dates are accepted as YYYY-MM-DD (the model's form), DD-MM-YYYY, DD/MM/YYYY or DD.MM.YYYY; the e-Aadhaar
// rule also accepts a bare year. An input that cannot be read yields no candidate rather than a wrong one.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace jaanch::viewer {

// The name-derived prefix variants: spaces dropped (the documented rule), and letters only (some issuers
// drop punctuation too). Names shorter than 4 letters use what there is. ASCII letters are capitalised.
std::vector<std::string> name_prefixes(std::string_view name);

std::vector<std::string> eaadhaar_passwords(std::string_view name, std::string_view date_of_birth);
std::vector<std::string> jan_aadhaar_passwords(std::string_view head_of_family_name,
                                               std::string_view head_date_of_birth);

// What the workstation knows about an application, as plain strings (any may be empty).
struct ConventionInputs {
    std::string applicant_name;
    std::string applicant_date_of_birth;
    std::string head_of_family_name;
    std::string head_of_family_date_of_birth;
};

// Every candidate from every convention, without duplicates, most likely first.
std::vector<std::string> convention_passwords(const ConventionInputs& inputs);

}  // namespace jaanch::viewer
