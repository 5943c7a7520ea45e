// The one entry point the workstation and `jaanch-cli show` share: every automatic check of one application
// in the local workspace, each with a status and a one-sentence reason, and the "N checks need attention"
// summary at the top of the application.
//
//   fields       identifier and value checks per field and table cell (checks/identifiers.h)
//   documents    mandatory documents present and downloaded, accepted file types, reuse by others and
//                earlier verification (workspace_checks/cross_checks.h)
//   eligibility  the service's rules, once_per_financial_year answered by the workspace
//                (checks/eligibility.h, workspace_checks/workspace_history.h)
//   duplicates   same Aadhaar token, family ID, or person in the same service
//   (workspace_checks/cross_checks.h)
//
// The application may be the masked one Workspace::application returns: sealed values are opened inside this
// call for the checks and never leave it. Reasons never hold a full Aadhaar number.
//
// Same thread as the Workspace. Errors: StoreError (CryptoError when the vault key does not open a value).
#pragma once

#include <vector>

#include "catalogue/service_definition.h"
#include "checks/check_result.h"
#include "model/application.h"
#include "store/workspace.h"
#include "util/time.h"

namespace jaanch::checks {

struct ApplicationReport {
    std::string application;
    std::vector<ReviewItem> fields, documents, eligibility, duplicates;

    // Items that are fail, unknown or attention.
    std::size_t attention_count() const;
    // "3 checks need attention" / "No check needs attention", in both languages.
    LocalizedText summary() const;
};

// `today` bounds dates (none may be later) and is the default reference for ages.
ApplicationReport review_application(const model::Application& application,
                                     const catalogue::ServiceDefinition& service,
                                     const store::Workspace& workspace, Date today);

}  // namespace jaanch::checks
