// Small bilingual phrases shared by the explanations of rules and checks: dates as people read them
// ("15 Aug 2024" / "15 अगस्त 2024"), spans of time ("4 years 7 months" / "4 वर्ष 7 माह") and numbers.
// Pure functions; thread-safe.
#pragma once

#include <string>

#include "catalogue/service_definition.h"
#include "util/time.h"

namespace jaanch::catalogue {

LocalizedText human_date(Date d);

// Whole years and the months beyond them from `from` to `to` ("4 years 7 months", "1 year", "0 months").
LocalizedText human_span(Date from, Date to);

// Whole months between two dates (negative if to < from), counting a month only when its day is reached.
int whole_months_between(Date from, Date to);

// A number as people write it: no trailing ".0", at most two decimals.
std::string human_number(double value);

// Both languages joined piecewise: concat({"a", "क"}, {"b", "ख"}) == {"ab", "कख"}.
LocalizedText operator+(const LocalizedText& a, const LocalizedText& b);
LocalizedText same_in_both(const std::string& text);

}  // namespace jaanch::catalogue
