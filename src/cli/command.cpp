#include "command.h"

#include <algorithm>

namespace jaanch::cli {

Args::Args(const std::vector<std::string>& words, const std::vector<std::string>& switches) {
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string& w = words[i];
        if (w.size() > 2 && w.rfind("--", 0) == 0) {
            std::string name = w.substr(2);
            if (auto eq = name.find('='); eq != std::string::npos) {
                options_[name.substr(0, eq)] = name.substr(eq + 1);
            } else if (std::find(switches.begin(), switches.end(), name) != switches.end()) {
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

void Args::only(const std::vector<std::string>& known) const {
    for (const auto& [name, value] : options_) {
        if (std::find(known.begin(), known.end(), name) == known.end())
            throw UsageError("unknown option --" + name);
    }
}

}  // namespace jaanch::cli
