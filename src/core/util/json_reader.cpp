#include "util/json_reader.h"

#include <cmath>
#include <cstdlib>

#include <limits>

namespace jaanch::json {

std::string type_name(const Json& j) {
    switch (j.type()) {
        case Json::value_t::null:
            return "null";
        case Json::value_t::object:
            return "an object";
        case Json::value_t::array:
            return "an array";
        case Json::value_t::string:
            return "a string";
        case Json::value_t::boolean:
            return "a boolean";
        case Json::value_t::number_integer:
        case Json::value_t::number_unsigned:
            return "an integer";
        case Json::value_t::number_float:
            return "a number with a fraction";
        default:
            return "an unsupported value";
    }
}

void fail(const std::string& path, const std::string& message) {
    throw InputError(path, message);
}

void fail_type(const std::string& path, const char* expected, const Json& actual) {
    fail(path, std::string("expected ") + expected + ", found " + type_name(actual));
}

std::string index_path(const std::string& path, std::size_t index) {
    return path + "[" + std::to_string(index) + "]";
}

std::string key_path(const std::string& path, std::string_view key) {
    std::string out = path;
    out += '.';
    out += key;
    return out;
}

void read_value(const Json& j, const std::string& path, std::string& out) {
    if (!j.is_string())
        fail_type(path, "a string", j);
    out = j.get<std::string>();
}

void read_value(const Json& j, const std::string& path, bool& out) {
    if (!j.is_boolean())
        fail_type(path, "a boolean", j);
    out = j.get<bool>();
}

void read_value(const Json& j, const std::string& path, std::int64_t& out) {
    if (j.is_number_unsigned()) {
        auto value = j.get<std::uint64_t>();
        if (value > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
            fail(path, "integer out of range");
        out = static_cast<std::int64_t>(value);
        return;
    }
    if (!j.is_number_integer())
        fail_type(path, "an integer", j);
    out = j.get<std::int64_t>();
}

void read_value(const Json& j, const std::string& path, int& out) {
    std::int64_t wide = 0;
    read_value(j, path, wide);
    if (wide < std::numeric_limits<int>::min() || wide > std::numeric_limits<int>::max())
        fail(path, "integer out of range");
    out = static_cast<int>(wide);
}

void read_value(const Json& j, const std::string& path, std::uint64_t& out) {
    if (j.is_number_unsigned()) {
        out = j.get<std::uint64_t>();
        return;
    }
    if (j.is_number_integer())
        fail(path, "expected a non-negative integer, found " + j.dump());
    fail_type(path, "a non-negative integer", j);
}

void read_value(const Json& j, const std::string& path, double& out) {
    if (!j.is_number())
        fail_type(path, "a number", j);
    out = j.get<double>();
}

void read_value(const Json& j, const std::string& path, Timestamp& out) {
    if (!j.is_string())
        fail_type(path, "an RFC 3339 timestamp string", j);
    auto parsed = parse_timestamp(j.get_ref<const std::string&>());
    if (!parsed)
        fail(path, "not an RFC 3339 timestamp (expected e.g. \"2026-11-21T10:30:00Z\"): " + j.dump());
    out = *parsed;
}

void read_value(const Json& j, const std::string& path, Date& out) {
    if (!j.is_string())
        fail_type(path, "a YYYY-MM-DD date string", j);
    auto parsed = parse_date(j.get_ref<const std::string&>());
    if (!parsed)
        fail(path, "not a valid YYYY-MM-DD date: " + j.dump());
    out = *parsed;
}

ObjectReader::ObjectReader(const Json& j, std::string path) : object_(j), path_(std::move(path)) {
    if (!j.is_object())
        fail_type(path_, "an object", j);
}

const Json& ObjectReader::raw_required(std::string_view key) {
    const Json* value = raw_optional(key);
    if (value == nullptr)
        fail(path_, "missing required key \"" + std::string(key) + "\"");
    return *value;
}

const Json* ObjectReader::raw_optional(std::string_view key) {
    consumed_.emplace(key);
    auto it = object_.find(key);
    return it == object_.end() ? nullptr : &*it;
}

void ObjectReader::finish() const {
    for (auto it = object_.begin(); it != object_.end(); ++it) {
        if (!consumed_.contains(it.key()))
            fail(key_path(path_, it.key()), "unknown key");
    }
}

TextPosition position_of(std::string_view text, std::size_t byte_offset) {
    TextPosition pos;
    const std::size_t end = std::min(byte_offset, text.size());
    for (std::size_t i = 0; i < end; ++i) {
        if (text[i] == '\n') {
            ++pos.line;
            pos.column = 1;
        } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
            ++pos.column;  // count UTF-8 code points, not continuation bytes
        }
    }
    return pos;
}

SyntaxError::SyntaxError(const std::string& source_name, TextPosition position, const std::string& detail)
    : InputError("", source_name + ":" + std::to_string(position.line) + ":" +
                         std::to_string(position.column) + ": " + detail),
      position_(position),
      detail_(detail) {}

namespace {

// Where the first number that no double can hold starts (nlohmann reports only that one overflowed).
std::size_t first_overflowing_number(std::string_view text) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '"') {
            for (++i; i < text.size() && text[i] != '"'; ++i)
                i += text[i] == '\\' ? 1 : 0;
            continue;
        }
        if (text[i] != '-' && (text[i] < '0' || text[i] > '9'))
            continue;
        const std::size_t start = i;
        while (i < text.size() && std::string_view("+-.eE0123456789").find(text[i]) != std::string_view::npos)
            ++i;
        const std::string token(text.substr(start, i - start));
        if (!std::isfinite(std::strtod(token.c_str(), nullptr)))
            return start;
    }
    return 0;
}

}  // namespace

Json parse_text(std::string_view text, const std::string& source_name) {
    try {
        return Json::parse(text.begin(), text.end());
    } catch (const Json::out_of_range&) {
        throw SyntaxError(source_name, position_of(text, first_overflowing_number(text)),
                          "a number is too large to be represented (beyond about 1.8e308); send it as a "
                          "smaller number or as a string");
    } catch (const Json::parse_error& e) {
        // nlohmann reports the byte *after* the offending token; step back so the line is the token's.
        const std::size_t offset = e.byte > 0 ? e.byte - 1 : 0;
        const TextPosition pos = position_of(text, offset);
        std::string detail = e.what();
        if (auto colon = detail.find("syntax error"); colon != std::string::npos)
            detail = detail.substr(colon);
        throw SyntaxError(source_name, pos, "not valid JSON (" + detail + ")");
    }
}

}  // namespace jaanch::json
