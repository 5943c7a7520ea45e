#include "crypto/canonical_json.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <vector>

namespace jaanch::crypto {
namespace {

// 2^53: the largest magnitude below which every integer is exactly a double.
constexpr std::uint64_t kMaxExactInteger = 9007199254740992ULL;

// UTF-8 to UTF-16 code units, rejecting malformed input (overlongs, surrogates, beyond U+10FFFF).
std::u16string to_utf16(const std::string& text, const std::string& path) {
    std::u16string out;
    out.reserve(text.size());
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    for (std::size_t i = 0; i < n;) {
        const auto invalid = [&](std::size_t at) {
            json::fail(path, "a string is not valid UTF-8 (byte " + std::to_string(at) + ")");
        };
        std::uint32_t cp = s[i];
        std::size_t len = 1;
        std::uint32_t min = 0;
        if (cp >= 0xC2 && cp <= 0xDF) {
            len = 2, cp &= 0x1F, min = 0x80;
        } else if (cp >= 0xE0 && cp <= 0xEF) {
            len = 3, cp &= 0x0F, min = 0x800;
        } else if (cp >= 0xF0 && cp <= 0xF4) {
            len = 4, cp &= 0x07, min = 0x10000;
        } else if (cp >= 0x80) {
            invalid(i);
        }
        if (i + len > n)
            invalid(i);
        for (std::size_t k = 1; k < len; ++k) {
            if ((s[i + k] & 0xC0) != 0x80)
                invalid(i + k);
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if (len > 1 && (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)))
            invalid(i);
        if (cp >= 0x10000) {
            cp -= 0x10000;
            out += static_cast<char16_t>(0xD800 + (cp >> 10));
            out += static_cast<char16_t>(0xDC00 + (cp & 0x3FF));
        } else {
            out += static_cast<char16_t>(cp);
        }
        i += len;
    }
    return out;
}

void write_string(const std::string& text, const std::string& path, std::string& out) {
    to_utf16(text, path);  // validates; JCS output keeps the UTF-8 bytes as they are
    static constexpr char kHex[] = "0123456789abcdef";
    out += '"';
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\b':
                out += "\\b";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\f':
                out += "\\f";
                break;
            case '\r':
                out += "\\r";
                break;
            default:
                if (u < 0x20) {
                    out += "\\u00";
                    out += kHex[u >> 4];
                    out += kHex[u & 0x0F];
                } else {
                    out += c;
                }
        }
    }
    out += '"';
}

void write_value(const json::Json& j, const std::string& path, std::string& out);

void write_object(const json::Json& j, const std::string& path, std::string& out) {
    struct Member {
        std::u16string sort_key;
        const std::string* name;
        const json::Json* value;
    };
    std::vector<Member> members;
    members.reserve(j.size());
    for (auto it = j.begin(); it != j.end(); ++it) {
        members.push_back({to_utf16(it.key(), json::key_path(path, it.key())), &it.key(), &it.value()});
    }
    // JCS orders names by UTF-16 code units, which differs from UTF-8 byte order above U+FFFF.
    std::sort(members.begin(), members.end(),
              [](const Member& a, const Member& b) { return a.sort_key < b.sort_key; });
    out += '{';
    bool first = true;
    for (const auto& m : members) {
        if (!first)
            out += ',';
        first = false;
        write_string(*m.name, path, out);
        out += ':';
        write_value(*m.value, json::key_path(path, *m.name), out);
    }
    out += '}';
}

void write_value(const json::Json& j, const std::string& path, std::string& out) {
    switch (j.type()) {
        case json::Json::value_t::null:
            out += "null";
            break;
        case json::Json::value_t::boolean:
            out += j.get<bool>() ? "true" : "false";
            break;
        case json::Json::value_t::string:
            write_string(j.get_ref<const std::string&>(), path, out);
            break;
        case json::Json::value_t::number_unsigned: {
            const auto v = j.get<std::uint64_t>();
            if (v > kMaxExactInteger)
                json::fail(
                    path,
                    "the integer " + std::to_string(v) +
                        " is beyond 2^53 and would change when read as a JSON number; write it as a string");
            out += std::to_string(v);
            break;
        }
        case json::Json::value_t::number_integer: {
            const auto v = j.get<std::int64_t>();
            if (v > static_cast<std::int64_t>(kMaxExactInteger) ||
                v < -static_cast<std::int64_t>(kMaxExactInteger))
                json::fail(
                    path,
                    "the integer " + std::to_string(v) +
                        " is beyond ±2^53 and would change when read as a JSON number; write it as a string");
            out += v == 0 ? "0" : std::to_string(v);
            break;
        }
        case json::Json::value_t::number_float:
            try {
                out += canonical_number(j.get<double>());
            } catch (const InputError& e) {
                json::fail(path, e.what());
            }
            break;
        case json::Json::value_t::array: {
            out += '[';
            for (std::size_t i = 0; i < j.size(); ++i) {
                if (i > 0)
                    out += ',';
                write_value(j[i], json::index_path(path, i), out);
            }
            out += ']';
            break;
        }
        case json::Json::value_t::object:
            write_object(j, path, out);
            break;
        default:
            json::fail(path, "binary and discarded values have no JSON text and cannot be canonicalised");
    }
}

}  // namespace

std::string canonical_number(double value) {
    if (std::isnan(value) || std::isinf(value))
        throw InputError("", "NaN and infinity are not JSON numbers and cannot be canonicalised");
    if (value == 0)
        return "0";  // also -0, as ECMAScript prints it
    std::string sign;
    if (value < 0) {
        sign = "-";
        value = -value;
    }
    // Shortest round-trip digits, as ECMAScript's Number::toString requires: "d.ddde±x".
    char buf[64];
    const auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::scientific);
    const std::string sci(buf, end);
    const std::size_t e_pos = sci.find('e');
    std::string digits;
    for (std::size_t i = 0; i < e_pos; ++i) {
        if (sci[i] != '.')
            digits += sci[i];
    }
    const int exponent = std::atoi(sci.c_str() + e_pos + 1);
    const int k = static_cast<int>(digits.size());
    const int n = exponent + 1;  // value = 0.digits × 10^n
    std::string out = sign;
    if (k <= n && n <= 21) {
        out += digits + std::string(static_cast<std::size_t>(n - k), '0');
    } else if (0 < n && n <= 21) {
        out +=
            digits.substr(0, static_cast<std::size_t>(n)) + "." + digits.substr(static_cast<std::size_t>(n));
    } else if (-6 < n && n <= 0) {
        out += "0." + std::string(static_cast<std::size_t>(-n), '0') + digits;
    } else {
        out += digits.substr(0, 1);
        if (k > 1)
            out += "." + digits.substr(1);
        out += (n - 1 >= 0 ? "e+" : "e-") + std::to_string(std::abs(n - 1));
    }
    return out;
}

std::string canonical_json(const json::Json& value) {
    std::string out;
    write_value(value, "$", out);
    return out;
}

std::string canonical_decision_bytes(const model::Decision& decision) {
    return canonical_json(json::Json(decision));
}

std::string canonical_decision_bytes_from_text(std::string_view text, const std::string& source_name) {
    const json::Json raw = json::parse_text(text, source_name);
    model::Decision decision;
    read_value(raw, "$", decision);
    const json::Json normal = decision;
    for (auto it = normal.begin(); it != normal.end(); ++it) {
        if (raw.at(it.key()) != it.value()) {
            throw InputError(
                json::key_path("$", it.key()),
                source_name + " is not in the normal form of a decision: " + raw.at(it.key()).dump() +
                    " is written " + it.value().dump() +
                    " in the signed form (timestamps in UTC with Z). Write the value that way, so that "
                    "anyone canonicalising the file gets the bytes that were signed.");
        }
    }
    return canonical_json(normal);
}

}  // namespace jaanch::crypto
