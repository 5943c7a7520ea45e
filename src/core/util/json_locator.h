// Maps JSON paths (`$.workflow.levels[1].roles[0]`) back to line numbers in the source text, so problems
// found in parsed values can point at the line a person has to edit. Built only when there is something to
// report.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace jaanch::json {

class Locator {
  public:
    // Scans text once. Text that is not valid JSON yields a locator that knows only what it scanned.
    explicit Locator(std::string_view text);

    // Line (1-based) where the value at `path` starts; for a path that does not exist (a missing key), the
    // line of its nearest existing parent; 0 if nothing matches.
    std::size_t line_of(std::string_view path) const;

  private:
    std::unordered_map<std::string, std::size_t> lines_;
};

// Paths of object keys that appear twice in one object (JSON parsers silently keep the last one). A single
// allocation-light pass, cheap enough to run on every file; keys are compared as written (escapes
// unresolved).
std::vector<std::string> find_duplicate_keys(std::string_view text);

}  // namespace jaanch::json
