#include "checks/aadhaar_mask.h"

#include "checks/identifiers.h"

namespace jaanch::checks {

namespace {

bool digit(char c) {
    return c >= '0' && c <= '9';
}

// Length of an Aadhaar-shaped run starting at `at` (12 digits, or 4-4-4 with one consistent separator), with
// its digits in `out`; 0 when there is none.
std::size_t aadhaar_run(std::string_view text, std::size_t at, std::string& out) {
    out.clear();
    std::size_t i = at;
    char separator = 0;
    for (int group = 0; group < 3; ++group) {
        if (group > 0 && out.size() == 4 && separator == 0 && i < text.size() &&
            (text[i] == ' ' || text[i] == '-'))
            separator = text[i];
        if (group > 0 && separator != 0) {
            if (i >= text.size() || text[i] != separator)
                return 0;
            ++i;
        }
        for (int k = 0; k < 4; ++k, ++i) {
            if (i >= text.size() || !digit(text[i]))
                return 0;
            out += text[i];
        }
    }
    if (i < text.size() && digit(text[i]))
        return 0;
    return i - at;
}

}  // namespace

std::string mask_aadhaar(std::string_view number) {
    std::string digits;
    for (char c : number) {
        if (digit(c))
            digits += c;
    }
    if (digits.size() < 4)
        return "XXXX-XXXX-XXXX";
    return "XXXX-XXXX-" + digits.substr(digits.size() - 4);
}

std::string redact_aadhaar_numbers(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::string digits;
    for (std::size_t i = 0; i < text.size();) {
        const bool starts_number = digit(text[i]) && (i == 0 || !digit(text[i - 1]));
        if (starts_number) {
            const std::size_t length = aadhaar_run(text, i, digits);
            if (length > 0 && is_valid_aadhaar(digits)) {
                out += mask_aadhaar(digits);
                i += length;
                continue;
            }
        }
        out += text[i++];
    }
    return out;
}

}  // namespace jaanch::checks
