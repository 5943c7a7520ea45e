// Checks across the applications of the local workspace (docs/checks.md#across-applications):
//
// Duplicates — another pending or approved application of the same service with
//   - the same Aadhaar number (through the vault's keyed lookup token; the plain number is never compared or
//     stored), in the applicant's field or any table row;
//   - the same Jan Aadhaar, Samagra or Haryana family ID;
//   - the same person: equal date of birth and village (LGD code), and names equal across Hindi and English
//     spellings (checks/name_match.h: edit thresholds 0/1/2/3 by length). Birth date and village are an index
//     lookup, so the name comparisons stay few however large the workspace is.
//
// Document reuse — per document, by SHA-256:
//   - attached to another application by a different applicant (a different Aadhaar token, or, lacking
//     tokens, a name that is not similar) → attention, a fraud signal;
//   - the same applicant's other applications → pass (documents are reused across services);
//   - marked valid (or invalid) by an officer in an earlier decision of this or another application → who
//     and when, so it need not be checked twice.
//
// Same thread as the Workspace. `plain` is the application with its Aadhaar values in plain text
// (Workspace::unsealed_application, or an application that was never stored).
#pragma once

#include <vector>

#include "catalogue/service_definition.h"
#include "checks/check_result.h"
#include "model/application.h"
#include "store/workspace.h"

namespace jaanch::checks {

// One item per other application found (subject "aadhaar", "family_id" or "person"); a single pass when
// there is none, not_applicable when the application has nothing to match on.
std::vector<ReviewItem> find_duplicates(const model::Application& plain,
                                        const catalogue::ServiceDefinition& service,
                                        const store::Workspace& workspace);

// Items about one attached document (subject = the document id): reuse by others, earlier verification.
std::vector<ReviewItem> document_reuse(const model::Application& plain, const model::DocumentRef& document,
                                       const store::Workspace& workspace);

}  // namespace jaanch::checks
