// jaanch-hub: the back-office service workstations pull from and push to (docs/api.md), and its admin commands.
#include <iostream>
#include <string>
#include <vector>

#include "hub/commands/hub_commands.h"
#include "jaanch/version.h"

namespace {

using jaanch::cli::Command;
using jaanch::cli::CommandList;

CommandList all_commands() {
    CommandList commands;
    jaanch::hub::add_admin_commands(commands);
    jaanch::hub::add_serve_command(commands);
    jaanch::hub::add_demo_commands(commands);
    return commands;
}

void print_help(const CommandList& commands, std::ostream& out) {
    out << "jaanch-hub " << jaanch::kVersion << " — the Jaanch back-office service\n\nUsage: jaanch-hub COMMAND [ARGS]\n\n";
    for (const auto& c : commands) out << "  " << c.name << " " << c.usage << "\n      " << c.summary << "\n";
    out << "  version\n      print the version\n";
}

// The command whose words start argv, longest match first ("officer add" before "officer").
const Command* match(const CommandList& commands, const std::vector<std::string>& words, std::size_t& used) {
    const Command* best = nullptr;
    for (const auto& c : commands) {
        std::vector<std::string> parts;
        for (std::size_t start = 0, end; start <= c.name.size(); start = end + 1) {
            end = c.name.find(' ', start);
            if (end == std::string::npos) end = c.name.size();
            parts.push_back(c.name.substr(start, end - start));
        }
        if (parts.size() > words.size() || (best && parts.size() <= used)) continue;
        if (std::equal(parts.begin(), parts.end(), words.begin())) {
            best = &c;
            used = parts.size();
        }
    }
    return best;
}

}  // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> words(argv + 1, argv + argc);
    const CommandList commands = all_commands();
    if (words.empty() || words[0] == "help" || words[0] == "--help" || words[0] == "-h") {
        print_help(commands, words.empty() ? std::cerr : std::cout);
        return words.empty() ? jaanch::cli::kUsage : jaanch::cli::kOk;
    }
    if (words[0] == "version" || words[0] == "--version") {
        std::cout << "jaanch-hub " << jaanch::kVersion << "\n";
        return jaanch::cli::kOk;
    }
    std::size_t used = 0;
    const Command* command = match(commands, words, used);
    if (command == nullptr) {
        std::cerr << "jaanch-hub: unknown command \"" << words[0] << "\". Run `jaanch-hub help` for the list.\n";
        return jaanch::cli::kUsage;
    }
    try {
        return command->run(std::vector<std::string>(words.begin() + static_cast<long>(used), words.end()),
                            jaanch::cli::Io{std::cout, std::cerr});
    } catch (const jaanch::cli::UsageError& e) {
        std::cerr << "jaanch-hub " << command->name << ": " << e.what() << "\nUsage: jaanch-hub " << command->name
                  << " " << command->usage << "\n";
        return jaanch::cli::kUsage;
    } catch (const std::exception& e) {
        std::cerr << "jaanch-hub " << command->name << ": " << e.what() << "\n";
        return jaanch::cli::kFailed;
    }
}
