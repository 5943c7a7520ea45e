#include "command.h"

#include <algorithm>
#include <iostream>

#include "jaanch/version.h"

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
            if (!listed(options, name) && !listed(switches, name))
                throw UsageError("unknown option --" + name);
            if (inline_value) {
                if (listed(switches, name))
                    throw UsageError("option --" + name + " takes no value");
                options_[name] = *inline_value;
            } else if (listed(switches, name)) {
                options_[name] = "";
            } else {
                if (i + 1 >= words.size())
                    throw UsageError("option --" + name + " needs a value");
                options_[name] = words[++i];
            }
        } else {
            positionals_.push_back(w);
        }
    }
}

std::optional<std::string> Args::get(const std::string& name) const {
    auto it = options_.find(name);
    if (it == options_.end())
        return std::nullopt;
    return it->second;
}

std::string Args::require(const std::string& name) const {
    auto value = get(name);
    if (!value)
        throw UsageError("missing required option --" + name);
    return *value;
}

namespace {

void print_help(const std::string& program, const std::string& tagline, const CommandList& commands,
                std::ostream& out) {
    out << program << " " << kVersion << " — " << tagline << "\n\nUsage: " << program
        << " COMMAND [ARGS]\n\n";
    for (const auto& c : commands)
        out << "  " << c.name << " " << c.usage << "\n      " << c.summary << "\n";
    out << "  version\n      print the version\n";
}

// The command whose words start argv, longest match first ("forms check" before "forms").
const Command* match(const CommandList& commands, const std::vector<std::string>& words, std::size_t& used) {
    const Command* best = nullptr;
    for (const auto& c : commands) {
        std::vector<std::string> parts;
        for (std::size_t start = 0, end; start <= c.name.size(); start = end + 1) {
            end = c.name.find(' ', start);
            if (end == std::string::npos)
                end = c.name.size();
            parts.push_back(c.name.substr(start, end - start));
        }
        if (parts.size() > words.size() || (best && parts.size() <= used))
            continue;
        if (std::equal(parts.begin(), parts.end(), words.begin())) {
            best = &c;
            used = parts.size();
        }
    }
    return best;
}

}  // namespace

int run_main(const std::string& program, const std::string& tagline, const CommandList& commands, int argc,
             char** argv) {
    const std::vector<std::string> words(argv + 1, argv + argc);
    if (words.empty() || words[0] == "help" || words[0] == "--help" || words[0] == "-h") {
        print_help(program, tagline, commands, words.empty() ? std::cerr : std::cout);
        return words.empty() ? kUsage : kOk;
    }
    if (words[0] == "version" || words[0] == "--version") {
        std::cout << program << " " << kVersion << "\n";
        return kOk;
    }
    std::size_t used = 0;
    const Command* command = match(commands, words, used);
    if (command == nullptr) {
        std::cerr << program << ": unknown command \"" << words[0] << "\". Run `" << program
                  << " help` for the list.\n";
        return kUsage;
    }
    try {
        return command->run(std::vector<std::string>(words.begin() + static_cast<long>(used), words.end()),
                            Io{std::cout, std::cerr});
    } catch (const UsageError& e) {
        std::cerr << program << " " << command->name << ": " << e.what() << "\nUsage: " << program << " "
                  << command->name << " " << command->usage << "\n";
        return kUsage;
    } catch (const std::exception& e) {
        std::cerr << program << " " << command->name << ": " << e.what() << "\n";
        return kFailed;
    }
}

}  // namespace jaanch::cli
