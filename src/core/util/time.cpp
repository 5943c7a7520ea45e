#include "util/time.h"

#include <charconv>
#include <cstdio>

namespace jaanch {
namespace {

bool read_digits(std::string_view text, std::size_t pos, std::size_t count, int& out) {
    if (pos + count > text.size())
        return false;
    for (std::size_t i = pos; i < pos + count; ++i) {
        if (text[i] < '0' || text[i] > '9')
            return false;
    }
    auto [ptr, ec] = std::from_chars(text.data() + pos, text.data() + pos + count, out);
    return ec == std::errc() && ptr == text.data() + pos + count;
}

}  // namespace

Timestamp now_utc() {
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
}

std::string format_date(Date d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()),
                  static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
    return buf;
}

std::optional<Date> parse_date(std::string_view text) {
    int y = 0, m = 0, d = 0;
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return std::nullopt;
    if (!read_digits(text, 0, 4, y) || !read_digits(text, 5, 2, m) || !read_digits(text, 8, 2, d))
        return std::nullopt;
    Date date{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
              std::chrono::day{static_cast<unsigned>(d)}};
    if (!date.ok())
        return std::nullopt;
    return date;
}

std::string format_timestamp(Timestamp t) {
    const auto day = std::chrono::floor<std::chrono::days>(t);
    const std::chrono::hh_mm_ss hms{t - day};
    char buf[32];
    std::snprintf(buf, sizeof buf, "%sT%02d:%02d:%02dZ", format_date(Date{day}).c_str(),
                  static_cast<int>(hms.hours().count()), static_cast<int>(hms.minutes().count()),
                  static_cast<int>(hms.seconds().count()));
    return buf;
}

std::optional<Timestamp> parse_timestamp(std::string_view text) {
    if (text.size() < 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':')
        return std::nullopt;
    auto date = parse_date(text.substr(0, 10));
    int hh = 0, mm = 0, ss = 0;
    if (!date || !read_digits(text, 11, 2, hh) || !read_digits(text, 14, 2, mm) ||
        !read_digits(text, 17, 2, ss))
        return std::nullopt;
    if (hh > 23 || mm > 59 || ss > 59)
        return std::nullopt;
    std::string_view zone = text.substr(19);
    std::chrono::minutes offset{0};
    if (zone == "Z") {
        // UTC
    } else if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':') {
        int oh = 0, om = 0;
        if (!read_digits(zone, 1, 2, oh) || !read_digits(zone, 4, 2, om) || oh > 23 || om > 59)
            return std::nullopt;
        offset = std::chrono::hours{oh} + std::chrono::minutes{om};
        if (zone[0] == '-')
            offset = -offset;
    } else {
        return std::nullopt;
    }
    return std::chrono::sys_days{*date} + std::chrono::hours{hh} + std::chrono::minutes{mm} +
           std::chrono::seconds{ss} - offset;
}

Date date_of(Timestamp t) {
    return Date{std::chrono::floor<std::chrono::days>(t)};
}

int whole_years_between(Date from, Date at) {
    int years = static_cast<int>(at.year()) - static_cast<int>(from.year());
    const auto at_md = std::pair{static_cast<unsigned>(at.month()), static_cast<unsigned>(at.day())};
    const auto from_md = std::pair{static_cast<unsigned>(from.month()), static_cast<unsigned>(from.day())};
    if (at_md < from_md)
        --years;
    return years;
}

}  // namespace jaanch
