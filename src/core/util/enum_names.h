// Enum <-> wire-name tables, so every enum is written and read by one definition.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "util/json_reader.h"

namespace jaanch {

template <class E, std::size_t N>
using EnumNames = std::array<std::pair<E, std::string_view>, N>;

template <class E, std::size_t N>
constexpr std::string_view enum_name(const EnumNames<E, N>& names, E value) {
    for (const auto& [e, name] : names) {
        if (e == value)
            return name;
    }
    return "?";
}

template <class E, std::size_t N>
constexpr std::optional<E> enum_from_name(const EnumNames<E, N>& names, std::string_view text) {
    for (const auto& [e, name] : names) {
        if (name == text)
            return e;
    }
    return std::nullopt;
}

// "one of a, b, c" for error messages.
template <class E, std::size_t N>
std::string enum_choices(const EnumNames<E, N>& names) {
    std::string out = "one of ";
    for (std::size_t i = 0; i < N; ++i) {
        if (i > 0)
            out += ", ";
        out += names[i].second;
    }
    return out;
}

template <class E, std::size_t N>
void read_enum(const json::Json& j, const std::string& path, const EnumNames<E, N>& names, E& out) {
    if (!j.is_string())
        json::fail_type(path, "a string", j);
    auto value = enum_from_name(names, j.get_ref<const std::string&>());
    if (!value)
        json::fail(path, "unknown value " + j.dump() + ", expected " + enum_choices(names));
    out = *value;
}

}  // namespace jaanch
