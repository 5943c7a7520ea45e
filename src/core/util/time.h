// Timestamps and calendar dates as the model stores them.
//
// Timestamps are UTC seconds, written as RFC 3339 with a `Z` (`2026-11-21T05:09:07Z`); offsets such as
// `+05:30` are accepted on input and normalised to UTC. Dates are civil dates written `YYYY-MM-DD`.
// All functions are pure and thread-safe.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace jaanch {

using Timestamp = std::chrono::sys_seconds;
using Date = std::chrono::year_month_day;

Timestamp now_utc();

std::string format_timestamp(Timestamp t);
std::optional<Timestamp> parse_timestamp(std::string_view text);

std::string format_date(Date d);
std::optional<Date> parse_date(std::string_view text);

// The civil date (UTC) of a timestamp; India Standard Time callers add 5h30 first where it matters.
Date date_of(Timestamp t);

// Whole years between two dates (an age on `at` for someone born on `from`); negative if at < from.
int whole_years_between(Date from, Date at);

}  // namespace jaanch
