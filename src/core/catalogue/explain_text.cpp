#include "catalogue/explain_text.h"

#include <array>
#include <cmath>
#include <cstdio>

namespace jaanch::catalogue {

namespace {
constexpr std::array<const char*, 12> kMonthsEn{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
constexpr std::array<const char*, 12> kMonthsHi{"जनवरी", "फ़रवरी", "मार्च",  "अप्रैल",  "मई",   "जून",
                                                "जुलाई",  "अगस्त",  "सितंबर", "अक्टूबर", "नवंबर", "दिसंबर"};
}  // namespace

LocalizedText human_date(Date d) {
    const unsigned m = static_cast<unsigned>(d.month()) - 1;
    const std::string day = std::to_string(static_cast<unsigned>(d.day()));
    const std::string year = std::to_string(static_cast<int>(d.year()));
    return {day + " " + kMonthsEn.at(m) + " " + year, day + " " + kMonthsHi.at(m) + " " + year};
}

int whole_months_between(Date from, Date to) {
    int months = (static_cast<int>(to.year()) - static_cast<int>(from.year())) * 12 +
                 (static_cast<int>(static_cast<unsigned>(to.month())) -
                  static_cast<int>(static_cast<unsigned>(from.month())));
    if (months > 0 && to.day() < from.day())
        --months;
    if (months < 0 && to.day() > from.day())
        ++months;
    return months;
}

LocalizedText human_span(Date from, Date to) {
    const int months = whole_months_between(from, to);
    const int years = months / 12, rest = months % 12;
    LocalizedText out;
    auto add = [&out](int n, const char* one, const char* many, const char* hi) {
        if (!out.en.empty()) {
            out.en += " ";
            out.hi += " ";
        }
        out.en += std::to_string(n) + " " + (n == 1 || n == -1 ? one : many);
        out.hi += std::to_string(n) + " " + hi;
    };
    if (years != 0)
        add(years, "year", "years", "वर्ष");
    if (rest != 0 || years == 0)
        add(rest, "month", "months", "माह");
    return out;
}

std::string human_number(double value) {
    if (std::floor(value) == value && std::fabs(value) < 1e15)
        return std::to_string(static_cast<long long>(value));
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.2f", value);
    std::string s = buffer;
    while (s.back() == '0')
        s.pop_back();
    return s;
}

LocalizedText operator+(const LocalizedText& a, const LocalizedText& b) {
    return {a.en + b.en, a.hi + b.hi};
}

LocalizedText same_in_both(const std::string& text) {
    return {text, text};
}

}  // namespace jaanch::catalogue
