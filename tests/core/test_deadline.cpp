#include <boost/test/unit_test.hpp>

#include "catalogue/catalogue.h"
#include "core/model_samples.h"
#include "workflow/deadline.h"

using namespace jaanch;

namespace {

Date d(const char* text) {
    return *parse_date(text);
}

catalogue::HolidayCalendar calendar(const char* text) {
    return catalogue::HolidayCalendar::parse(json::Json::parse(text));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(deadlines)

BOOST_AUTO_TEST_CASE(calendar_days_count_from_the_next_day) {
    const catalogue::HolidayCalendar sundays;
    BOOST_TEST(format_date(workflow::due_date(d("2026-11-01"), {15, "calendar"}, sundays)) == "2026-11-16");
    BOOST_TEST(format_date(workflow::due_date(d("2026-12-25"), {7, "calendar"}, sundays)) == "2027-01-01");
}

BOOST_AUTO_TEST_CASE(working_days_skip_weekly_offs_and_holidays) {
    // 2026-11-20 is a Friday. Five working days with Saturday and Sunday off: Mon 23 … Fri 27.
    const auto five_day_week = calendar(R"({"state": "HR", "weekly_off": ["sat", "sun"], "holidays": []})");
    BOOST_TEST(format_date(workflow::due_date(d("2026-11-20"), {5, "working"}, five_day_week)) ==
               "2026-11-27");
    // A holiday on Wednesday 25 pushes it to Monday 30.
    const auto with_holiday = calendar(R"({"state": "HR", "weekly_off": ["sat", "sun"],
        "holidays": [{"date": "2026-11-25", "name": {"en": "Holiday", "hi": "अवकाश"}}]})");
    BOOST_TEST(format_date(workflow::due_date(d("2026-11-20"), {5, "working"}, with_holiday)) ==
               "2026-11-30");
    BOOST_TEST(!with_holiday.is_working_day(d("2026-11-25")));
    BOOST_TEST(with_holiday.is_working_day(d("2026-11-26")));
}

BOOST_AUTO_TEST_CASE(days_left_is_negative_when_overdue) {
    BOOST_TEST(workflow::days_left(d("2026-11-21"), d("2026-11-21")) == 0);
    BOOST_TEST(workflow::days_left(d("2026-11-25"), d("2026-11-21")) == 4);
    BOOST_TEST(workflow::days_left(d("2026-11-18"), d("2026-11-21")) == -3);
}

BOOST_AUTO_TEST_CASE(shipped_calendars_load_and_drive_service_deadlines) {
    const auto loaded = catalogue::load_catalogue(JAANCH_FORMS_DIR);
    BOOST_REQUIRE(loaded.ok());
    const auto& rj = loaded.catalogue.calendar("RJ");
    BOOST_TEST(!rj.is_working_day(d("2026-01-26")));  // Republic Day
    BOOST_TEST(!rj.is_working_day(d("2026-11-22")));  // a Sunday
    BOOST_TEST(rj.is_working_day(d("2026-11-23")));
    const auto* service = loaded.catalogue.latest("rj.jan-aadhaar-member-deletion");
    BOOST_REQUIRE(service != nullptr);
    auto app = test::sample_application();
    app.service_id = service->id;
    app.submitted_at = *parse_timestamp("2026-11-02T06:00:00Z");
    app.level_entered_at = *parse_timestamp("2026-11-16T06:00:00Z");
    app.current_level = "L2";
    const auto due = workflow::deadlines_for(*service, app, rj);
    // L2 has 7 working days from Mon 16 Nov: 17,18,19,20,21(Sat),23,24 → 24 Nov (no holiday in between).
    BOOST_TEST(format_date(due.level_due) == "2026-11-24");
    BOOST_TEST(workflow::days_left(due.service_due, d("2026-11-21")) > 0);
}

BOOST_AUTO_TEST_CASE(bad_calendars_are_refused_with_a_path) {
    BOOST_CHECK_EXCEPTION(
        calendar(R"({"state": "JH", "weekly_off": ["sun","mon","tue","wed","thu","fri","sat"],
                                       "holidays": []})"),
        InputError, [](const InputError& e) { return e.path() == "$.weekly_off"; });
}

BOOST_AUTO_TEST_SUITE_END()
