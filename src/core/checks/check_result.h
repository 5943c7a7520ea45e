// The outcome of one automatic check: advice with its reason, never a decision. The officer sees the status
// as a flag beside the field or document and the reason in one click.
#pragma once

#include <string>
#include <string_view>

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

}  // namespace jaanch::checks
