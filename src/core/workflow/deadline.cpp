#include "workflow/deadline.h"

namespace jaanch::workflow {

Date due_date(Date start, const catalogue::Deadline& deadline, const catalogue::HolidayCalendar& calendar) {
    std::chrono::sys_days day{start};
    if (deadline.count != "working")
        return Date{day + std::chrono::days{deadline.days}};
    for (int counted = 0; counted < deadline.days;) {
        day += std::chrono::days{1};
        if (calendar.is_working_day(Date{day}))
            ++counted;
    }
    return Date{day};
}

int days_left(Date due, Date today) {
    return static_cast<int>((std::chrono::sys_days{due} - std::chrono::sys_days{today}).count());
}

Deadlines deadlines_for(const catalogue::ServiceDefinition& service, const model::Application& app,
                        const catalogue::HolidayCalendar& calendar) {
    const catalogue::Level* level = service.find_level(app.current_level);
    return Deadlines{due_date(date_of(app.submitted_at), service.deadline, calendar),
                     due_date(date_of(app.level_entered_at), level->deadline, calendar)};
}

}  // namespace jaanch::workflow
