// The outcome of one automatic check: advice with its reason, never a decision. The officer sees the status
// as a flag beside the field or document and the reason in one click.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "catalogue/service_definition.h"

namespace jaanch::checks {

using catalogue::LocalizedText;

enum class CheckStatus { pass, fail, not_applicable };

std::string_view check_status_name(CheckStatus s);  // "pass", "fail", "not_applicable"

// One field (or table cell) checked. `field` addresses the value: `aadhaar`, `members[2].date_of_birth`
// (rows counted from 0, as in JSON paths). The reason never contains a full Aadhaar number.
struct FieldCheck {
    std::string field;
    CheckStatus status = CheckStatus::not_applicable;
    LocalizedText reason;
    bool operator==(const FieldCheck&) const = default;
};

// The outcome of one check in an application review (workspace_checks/application_review.h): fields,
// documents, eligibility, duplicates and document reuse all report this way. `attention` is advice to look (a
// possible duplicate, a document another applicant attached); `unknown` means data is missing to decide.
enum class ReviewStatus { pass, fail, unknown, not_applicable, attention };
std::string_view review_status_name(
    ReviewStatus s);  // "pass", "fail", "unknown", "not_applicable", "attention"

struct ReviewItem {
    std::string subject;  // field path, document id, rule id, or the key compared
    LocalizedText label;  // what was checked, for display
    ReviewStatus status = ReviewStatus::not_applicable;
    LocalizedText reason;              // one sentence; never a full Aadhaar number
    std::vector<std::string> related;  // other application numbers involved
};

}  // namespace jaanch::checks
