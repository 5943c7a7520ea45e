// Internal to the catalogue: the shape helpers shared by the condition checker and the evaluator.
#pragma once

#include <algorithm>
#include <initializer_list>
#include <string>

#include "util/json_reader.h"

namespace jaanch::catalogue::detail {

inline bool is_comparison(const std::string& op) {
    static const char* const kComparisons[] = {"eq", "ne", "lt", "le", "gt", "ge"};
    return std::any_of(std::begin(kComparisons), std::end(kComparisons),
                       [&](const char* c) { return op == c; });
}

// The single key of an operator object (ignoring `extra_keys` such as "where"), or empty when the object is
// not of that shape.
inline std::string operator_of(const json::Json& node, std::initializer_list<const char*> extra_keys = {}) {
    if (!node.is_object() || node.empty())
        return {};
    for (auto it = node.begin(); it != node.end(); ++it) {
        bool is_extra = false;
        for (const char* k : extra_keys)
            is_extra = is_extra || it.key() == k;
        if (!is_extra)
            return it.key();
    }
    return {};
}

}  // namespace jaanch::catalogue::detail
