#include "command.h"

#include <algorithm>

namespace jaanch::cli {

namespace {

bool listed(const std::vector<std::string>& names, const std::string& name) {
    return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace

Args::Args(const std::vector<std::string>& words, const std::vector<std::string>& options,
           const std::vector<std::string>& switches) {
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string& w = words[i];
        if (w.size() > 2 && w.rfind("--", 0) == 0) {
            std::string name = w.substr(2);
            std::optional<std::string> inline_value;
            if (auto eq = name.find('='); eq != std::string::npos) {
                inline_value = name.substr(eq + 1);
                name.resize(eq);
            }
            if (!listed(options, name) && !listed(switches, name)) throw UsageError("unknown option --" + name);
            if (inline_value) {
                if (listed(switches, name)) throw UsageError("option --" + name + " takes no value");
                options_[name] = *inline_value;
            } else if (listed(switches, name)) {
                options_[name] = "";
            } else {
                if (i + 1 >= words.size()) throw UsageError("option --" + name + " needs a value");
                options_[name] = words[++i];
            }
        } else {
            positionals_.push_back(w);
        }
    }
}

std::optional<std::string> Args::get(const std::string& name) const {
    auto it = options_.find(name);
    if (it == options_.end()) return std::nullopt;
    return it->second;
}

std::string Args::require(const std::string& name) const {
    auto value = get(name);
    if (!value) throw UsageError("missing required option --" + name);
    return *value;
}

}  // namespace jaanch::cli
