// Strict reading of JSON into plain value types.
//
// Contract: every read either fills the target completely or throws jaanch::InputError naming the JSON path
// of the first offending value (`$.fields.name`, `$.documents[3].size`). Missing required keys, unknown keys
// (after finish()), wrong types, and out-of-range numbers are all errors; nothing is coerced.
//
// Model types take part by providing, in their own namespace, `void read_value(const nlohmann::json&,
// const std::string& path, T& out)`; ObjectReader finds it by argument-dependent lookup.
// Thread-safety: none needed; readers are stack objects over a caller-owned json value.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "util/error.h"
#include "util/time.h"

namespace jaanch::json {

using Json = nlohmann::json;

std::string type_name(const Json& j);
[[noreturn]] void fail(const std::string& path, const std::string& message);
[[noreturn]] void fail_type(const std::string& path, const char* expected, const Json& actual);

std::string index_path(const std::string& path, std::size_t index);
std::string key_path(const std::string& path, std::string_view key);

void read_value(const Json& j, const std::string& path, std::string& out);
void read_value(const Json& j, const std::string& path, bool& out);
void read_value(const Json& j, const std::string& path, std::int64_t& out);
void read_value(const Json& j, const std::string& path, int& out);
void read_value(const Json& j, const std::string& path, std::uint64_t& out);
void read_value(const Json& j, const std::string& path, double& out);
// RFC 3339 timestamps and YYYY-MM-DD dates (see util/time.h).
void read_value(const Json& j, const std::string& path, Timestamp& out);
void read_value(const Json& j, const std::string& path, Date& out);

// Containers are declared first so that they can nest (a vector of maps, a map of vectors).
template <class T>
void read_value(const Json& j, const std::string& path, std::vector<T>& out);
template <class T>
void read_value(const Json& j, const std::string& path, std::map<std::string, T>& out);

template <class T>
void read_value(const Json& j, const std::string& path, std::vector<T>& out) {
    if (!j.is_array())
        fail_type(path, "an array", j);
    out.clear();
    out.reserve(j.size());
    for (std::size_t i = 0; i < j.size(); ++i) {
        T item{};
        read_value(j[i], index_path(path, i), item);
        out.push_back(std::move(item));
    }
}

template <class T>
void read_value(const Json& j, const std::string& path, std::map<std::string, T>& out) {
    if (!j.is_object())
        fail_type(path, "an object", j);
    out.clear();
    for (auto it = j.begin(); it != j.end(); ++it) {
        T item{};
        read_value(it.value(), key_path(path, it.key()), item);
        out.emplace(it.key(), std::move(item));
    }
}

// Reads the keys of one JSON object, remembering which were consumed so finish() can reject the rest.
class ObjectReader {
  public:
    ObjectReader(const Json& j, std::string path);

    template <class T>
    T required(std::string_view key) {
        const Json& value = raw_required(key);
        T out{};
        read_value(value, key_path(path_, key), out);
        return out;
    }

    template <class T>
    std::optional<T> optional(std::string_view key) {
        const Json* value = raw_optional(key);
        if (value == nullptr || value->is_null())
            return std::nullopt;
        T out{};
        read_value(*value, key_path(path_, key), out);
        return out;
    }

    template <class T>
    T optional_or(std::string_view key, T fallback) {
        auto value = optional<T>(key);
        return value ? std::move(*value) : std::move(fallback);
    }

    const Json& raw_required(std::string_view key);
    const Json* raw_optional(std::string_view key);
    const std::string& path() const { return path_; }
    std::string path_of(std::string_view key) const { return key_path(path_, key); }

    // Throws for the first key that no required/optional call asked for.
    void finish() const;

  private:
    const Json& object_;
    std::string path_;
    std::set<std::string, std::less<>> consumed_;
};

// 1-based line and column of a byte offset in text.
struct TextPosition {
    std::size_t line = 1;
    std::size_t column = 1;
};

// Text that is not JSON at all. what() is "SOURCE:LINE:COLUMN: not valid JSON (…)".
class SyntaxError : public InputError {
  public:
    SyntaxError(const std::string& source_name, TextPosition position, const std::string& detail);
    TextPosition position() const { return position_; }
    const std::string& detail() const { return detail_; }

  private:
    TextPosition position_;
    std::string detail_;
};

// Parses text as JSON; a syntax error throws SyntaxError with the line and column of the fault.
Json parse_text(std::string_view text, const std::string& source_name);
TextPosition position_of(std::string_view text, std::size_t byte_offset);

}  // namespace jaanch::json
