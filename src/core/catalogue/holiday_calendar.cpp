#include "catalogue/holiday_calendar.h"

#include "catalogue/service_definition.h"
#include "util/enum_names.h"

namespace jaanch::catalogue {
namespace {

constexpr EnumNames<unsigned, 7> kWeekdays{
    {{0, "sun"}, {1, "mon"}, {2, "tue"}, {3, "wed"}, {4, "thu"}, {5, "fri"}, {6, "sat"}}};

struct Holiday {
    Date date;
    LocalizedText name;
};

void read_value(const json::Json& j, const std::string& path, Holiday& out) {
    json::ObjectReader r(j, path);
    out.date = r.required<Date>("date");
    out.name = r.required<LocalizedText>("name");
    r.finish();
}

}  // namespace

HolidayCalendar::HolidayCalendar() : weekly_off_{0} {}

HolidayCalendar HolidayCalendar::parse(const json::Json& j) {
    json::ObjectReader r(j, "$");
    r.raw_optional("$schema");
    HolidayCalendar calendar;
    calendar.state_ = r.required<std::string>("state");
    calendar.weekly_off_.clear();
    const auto offs = r.required<std::vector<std::string>>("weekly_off");
    for (std::size_t i = 0; i < offs.size(); ++i) {
        auto day = enum_from_name(kWeekdays, offs[i]);
        if (!day)
            json::fail(json::index_path("$.weekly_off", i), "expected " + enum_choices(kWeekdays));
        calendar.weekly_off_.insert(*day);
    }
    if (calendar.weekly_off_.size() == 7)
        json::fail("$.weekly_off", "a week needs at least one working day");
    for (const auto& h : r.required<std::vector<Holiday>>("holidays"))
        calendar.holidays_.insert(std::chrono::sys_days{h.date});
    r.finish();
    return calendar;
}

bool HolidayCalendar::is_working_day(Date d) const {
    const std::chrono::sys_days day{d};
    return !weekly_off_.contains(std::chrono::weekday{day}.c_encoding()) && !holidays_.contains(day);
}

}  // namespace jaanch::catalogue
