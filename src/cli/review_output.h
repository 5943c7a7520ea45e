// Printing an application review (checks/application_review.h): the text `jaanch-cli show` lists under
// "Checks", and the `checks` object of `show --json`. Every reason passes through the Aadhaar redaction.
#pragma once

#include <ostream>

#include "checks/application_review.h"
#include "util/json_reader.h"

namespace jaanch::cli {

json::Json review_json(const checks::ApplicationReport& report);
void print_review(std::ostream& out, const checks::ApplicationReport& report);

}  // namespace jaanch::cli
