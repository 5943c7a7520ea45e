// A state's working-day calendar: weekly offs and gazetted holidays, from forms/calendars/<STATE>.json.
// Immutable after loading; thread-safe.
#pragma once

#include <chrono>
#include <set>
#include <string>

#include "util/json_reader.h"
#include "util/time.h"

namespace jaanch::catalogue {

class HolidayCalendar {
  public:
    // Sundays off, no holidays: the fallback when a state has no calendar file.
    HolidayCalendar();

    // Reads {"state": "JH", "weekly_off": ["sun", …], "holidays": [{"date": "2026-01-26", "name": {…}}]}.
    // Throws InputError naming the path of any bad value.
    static HolidayCalendar parse(const json::Json& j);

    const std::string& state() const { return state_; }
    bool is_working_day(Date d) const;

  private:
    std::string state_;
    std::set<unsigned> weekly_off_;  // 0 = Sunday … 6 = Saturday, as std::chrono::weekday::c_encoding()
    std::set<std::chrono::sys_days> holidays_;
};

}  // namespace jaanch::catalogue
