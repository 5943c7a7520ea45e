#include "model/identifier_shapes.h"

#include <algorithm>

namespace jaanch::model {
namespace {

bool upper(char c) {
    return c >= 'A' && c <= 'Z';
}
bool digit(char c) {
    return c >= '0' && c <= '9';
}

}  // namespace

bool all_decimal_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), digit);
}

bool exactly_digits(std::string_view s, std::size_t length) {
    return s.size() == length && all_decimal_digits(s);
}

bool aadhaar_shape(std::string_view s) {
    return exactly_digits(s, 12) && s[0] != '0' && s[0] != '1';
}

bool pan_shape(std::string_view s) {
    return s.size() == 10 && std::all_of(s.begin(), s.begin() + 5, upper) &&
           std::all_of(s.begin() + 5, s.begin() + 9, digit) && upper(s[9]);
}

bool ifsc_shape(std::string_view s) {
    return s.size() == 11 && std::all_of(s.begin(), s.begin() + 4, upper) && s[4] == '0' &&
           std::all_of(s.begin() + 5, s.end(), [](char c) { return upper(c) || digit(c); });
}

bool mobile_shape(std::string_view s) {
    return exactly_digits(s, 10) && s[0] >= '6';
}

bool pincode_shape(std::string_view s) {
    return exactly_digits(s, 6) && s[0] != '0';
}

bool bank_account_shape(std::string_view s) {
    return s.size() >= 9 && s.size() <= 18 && all_decimal_digits(s);
}

bool haryana_family_id_shape(std::string_view s) {
    return s.size() == 8 && std::all_of(s.begin(), s.end(), [](char c) { return upper(c) || digit(c); });
}

}  // namespace jaanch::model
