// Boost.Test printers for the checks' enums, so failed assertions show names instead of failing to compile.
#pragma once

#include <ostream>

#include "catalogue/condition.h"
#include "checks/check_result.h"
#include "checks/eligibility.h"

namespace jaanch::checks {
inline std::ostream& operator<<(std::ostream& o, CheckStatus s) {
    return o << check_status_name(s);
}
inline std::ostream& operator<<(std::ostream& o, RuleStatus s) {
    return o << rule_status_name(s);
}
}  // namespace jaanch::checks

namespace jaanch::catalogue {
inline std::ostream& operator<<(std::ostream& o, Truth t) {
    return o << (t == Truth::yes ? "yes" : t == Truth::no ? "no" : "unknown");
}
}  // namespace jaanch::catalogue
