// Right-to-Service deadlines: when an application, and its current level, fall due.
//
// Days count from the day after the start (the day of submission or of arrival at a level does not count).
// "working" deadlines skip the state's weekly offs and holidays (catalogue/holiday_calendar.h).
// Pure and thread-safe.
#pragma once

#include "catalogue/holiday_calendar.h"
#include "catalogue/service_definition.h"
#include "model/application.h"
#include "util/time.h"

namespace jaanch::workflow {

// The day a deadline falls due when counting starts on `start`.
Date due_date(Date start, const catalogue::Deadline& deadline, const catalogue::HolidayCalendar& calendar);

// Calendar days from today until due: 0 = due today, negative = overdue by that many days.
int days_left(Date due, Date today);

struct Deadlines {
    Date service_due;  // the whole application (from submission)
    Date level_due;    // the current level (from arrival at it)
};

// Precondition: app.current_level is a level of service.
Deadlines deadlines_for(const catalogue::ServiceDefinition& service, const model::Application& app,
                        const catalogue::HolidayCalendar& calendar);

}  // namespace jaanch::workflow
