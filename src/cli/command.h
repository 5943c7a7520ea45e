// jaanch-cli commands are small named objects (after Aegisub's cmd::Command): each knows its name, a one-line
// summary and usage, and how to run. main.cpp only dispatches, so adding a command never touches the others.
#pragma once

#include <functional>
#include <iosfwd>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace jaanch::cli {

// Exit codes shared by every command.
enum ExitCode : int { kOk = 0, kFailed = 1, kUsage = 2 };

// Parsed command-line words after the command name: `--key value` options, `--flag` switches, positionals.
class Args {
  public:
    // `options` take a value (`--in FILE` or `--in=FILE`), `switches` take none. Throws UsageError for an
    // unknown option or an option missing its value.
    Args(const std::vector<std::string>& words, const std::vector<std::string>& options,
         const std::vector<std::string>& switches = {});

    bool has(const std::string& name) const { return options_.contains(name); }
    std::optional<std::string> get(const std::string& name) const;
    std::string require(const std::string& name) const;
    const std::vector<std::string>& positionals() const { return positionals_; }

  private:
    std::map<std::string, std::string> options_;
    std::vector<std::string> positionals_;
};

class UsageError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

struct Io {
    std::ostream& out;
    std::ostream& err;
};

struct Command {
    std::string name;     // words as typed: "forms check"
    std::string summary;  // one line for `jaanch-cli help`
    std::string usage;    // argument synopsis
    std::function<int(const std::vector<std::string>& words, Io io)> run;
};

using CommandList = std::vector<Command>;

// The whole of a command-line program's main(): help, version, dispatch to the longest matching command, and
// exit codes (usage errors print the command's usage line). Shared by jaanch-cli and jaanch-hub.
// `program` is the name printed in messages; `tagline` follows the version in the help text.
int run_main(const std::string& program, const std::string& tagline, const CommandList& commands, int argc,
             char** argv);

// Each area of the CLI adds its commands here (defined in commands/*.cpp).
void add_forms_commands(CommandList& commands);
void add_viewer_commands(CommandList& commands);
void add_crypto_commands(CommandList& commands);
void add_checks_commands(CommandList& commands);
void add_sync_commands(CommandList& commands);

}  // namespace jaanch::cli
