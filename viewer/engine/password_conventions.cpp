#include "viewer/engine/password_conventions.h"

#include <algorithm>
#include <cctype>
#include <optional>

namespace jaanch::viewer {
namespace {

struct DayMonthYear {
    std::string day, month, year;  // digits; day/month empty when only a year was given
};

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string two_digits(std::string_view s) {
    return s.size() == 1 ? "0" + std::string(s) : std::string(s);
}

std::optional<DayMonthYear> parse_dob(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())))
        text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
        text.remove_suffix(1);
    if (text.size() == 4 && all_digits(text))
        return DayMonthYear{"", "", std::string(text)};
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i == text.size() || text[i] == '-' || text[i] == '/' || text[i] == '.') {
            parts.push_back(text.substr(start, i - start));
            start = i + 1;
        }
    }
    if (parts.size() != 3 || !std::all_of(parts.begin(), parts.end(), all_digits))
        return std::nullopt;
    DayMonthYear d;
    if (parts[0].size() == 4)
        d = {std::string(parts[2]), std::string(parts[1]), std::string(parts[0])};
    else if (parts[2].size() == 4)
        d = {std::string(parts[0]), std::string(parts[1]), std::string(parts[2])};
    else
        return std::nullopt;
    if (d.day.size() > 2 || d.month.size() > 2)
        return std::nullopt;
    d.day = two_digits(d.day);
    d.month = two_digits(d.month);
    const int day = std::stoi(d.day), month = std::stoi(d.month);
    if (day < 1 || day > 31 || month < 1 || month > 12)
        return std::nullopt;
    return d;
}

// The first `count` characters (UTF-8 code points) of s that pass `keep`, ASCII letters capitalised.
std::string first_chars(std::string_view s, std::size_t count, bool letters_only) {
    std::string out;
    std::size_t taken = 0;
    for (std::size_t i = 0; i < s.size() && taken < count;) {
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : 4;
        const bool ascii_letter = std::isalpha(c) != 0;
        const bool skip = std::isspace(c) || (letters_only && c < 0x80 && !ascii_letter);
        if (!skip) {
            if (len == 1)
                out += static_cast<char>(std::toupper(c));
            else
                out += s.substr(i, std::min(len, s.size() - i));
            ++taken;
        }
        i += len;
    }
    return out;
}

void add_unique(std::vector<std::string>& list, std::string value) {
    if (!value.empty() && std::find(list.begin(), list.end(), value) == list.end())
        list.push_back(std::move(value));
}

}  // namespace

std::vector<std::string> name_prefixes(std::string_view name) {
    std::vector<std::string> out;
    add_unique(out, first_chars(name, 4, false));
    add_unique(out, first_chars(name, 4, true));
    return out;
}

std::vector<std::string> eaadhaar_passwords(std::string_view name, std::string_view date_of_birth) {
    const auto dob = parse_dob(date_of_birth);
    std::vector<std::string> out;
    if (!dob)
        return out;
    for (const auto& prefix : name_prefixes(name))
        add_unique(out, prefix + dob->year);
    return out;
}

std::vector<std::string> jan_aadhaar_passwords(std::string_view head_name, std::string_view head_dob) {
    const auto dob = parse_dob(head_dob);
    std::vector<std::string> out;
    if (!dob || dob->day.empty())
        return out;
    for (const auto& prefix : name_prefixes(head_name))
        add_unique(out, prefix + dob->day + dob->month);
    return out;
}

std::vector<std::string> convention_passwords(const ConventionInputs& in) {
    std::vector<std::string> out;
    for (auto& p : eaadhaar_passwords(in.applicant_name, in.applicant_date_of_birth))
        add_unique(out, p);
    for (auto& p : jan_aadhaar_passwords(in.head_of_family_name, in.head_of_family_date_of_birth))
        add_unique(out, p);
    // A member's own e-card and e-Aadhaar of the head of family are common uploads too.
    for (auto& p : jan_aadhaar_passwords(in.applicant_name, in.applicant_date_of_birth))
        add_unique(out, p);
    for (auto& p : eaadhaar_passwords(in.head_of_family_name, in.head_of_family_date_of_birth))
        add_unique(out, p);
    return out;
}

}  // namespace jaanch::viewer
