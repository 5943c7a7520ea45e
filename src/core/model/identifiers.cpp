#include "model/identifiers.h"

namespace jaanch::model {
namespace {

bool is_plain(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-' || c == '.';
}

}  // namespace

bool is_identifier(std::string_view text) {
    if (text.empty() || text.size() > 64)
        return false;
    for (char c : text) {
        if (!is_plain(c))
            return false;
    }
    return true;
}

std::string read_identifier(json::ObjectReader& r, std::string_view key) {
    auto value = r.required<std::string>(key);
    if (!is_identifier(value))
        json::fail(r.path_of(key),
                   "expected an identifier (letters, digits, _ - ., at most 64), found \"" + value + "\"");
    return value;
}

bool is_application_number(std::string_view text) {
    if (text.empty() || text.size() > 64 || text.front() == '/' || text.find("..") != std::string_view::npos)
        return false;
    for (char c : text) {
        if (!is_plain(c) && c != '/')
            return false;
    }
    return true;
}

bool is_uuid(std::string_view text) {
    if (text.size() != 36)
        return false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != '-')
                return false;
        } else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            return false;
        }
    }
    return true;
}

}  // namespace jaanch::model
