// Printing an application review (workspace_checks/application_review.h): the text `jaanch-cli show` lists
// under "Checks", and the `checks` object of `show --json`. Every reason passes through the Aadhaar
// redaction.
#pragma once

#include <ostream>

#include "util/json_reader.h"
#include "workspace_checks/application_review.h"

namespace jaanch::cli {

json::Json review_json(const checks::ApplicationReport& report);
void print_review(std::ostream& out, const checks::ApplicationReport& report);

}  // namespace jaanch::cli
