// `forms check` and `forms list`: the service catalogue from the command line.
#include <algorithm>
#include <iomanip>
#include <iostream>

#include "catalogue/catalogue.h"
#include "command.h"

namespace jaanch::cli {
namespace {

std::filesystem::path catalogue_dir(const Args& args) {
    if (!args.positionals().empty())
        return args.positionals().front();
    return catalogue::default_catalogue_dir();
}

int forms_check(const std::vector<std::string>& words, Io io) {
    Args args(words, {});
    if (args.positionals().size() > 1)
        throw UsageError("give at most one folder");
    const auto dir = catalogue_dir(args);
    const auto result = catalogue::load_catalogue(dir);
    for (const auto& problem : result.problems)
        io.err << problem.to_string() << "\n";
    if (!result.ok()) {
        io.err << result.problems.size() << " problem(s) in " << dir.string() << "; "
               << result.catalogue.size() << " of " << result.services_read << " services are usable.\n";
        return kFailed;
    }
    io.out << "OK: " << result.catalogue.size() << " services, " << result.catalogue.roles().size()
           << " roles, " << result.files_read - result.services_read - 1 << " holiday calendars in "
           << dir.string() << "\n";
    return kOk;
}

std::string levels_summary(const catalogue::ServiceDefinition& s) {
    std::string out;
    for (const auto& level : s.levels) {
        if (!out.empty())
            out += level.exception ? " ⇢ " : " → ";
        out += level.id + "(";
        for (std::size_t i = 0; i < level.roles.size(); ++i)
            out += (i ? "/" : "") + level.roles[i].code;
        out += ")";
    }
    return out;
}

int forms_list(const std::vector<std::string>& words, Io io) {
    Args args(words, {});
    const auto dir = catalogue_dir(args);
    const auto result = catalogue::load_catalogue(dir);
    if (!result.ok())
        io.err << "warning: " << result.problems.size()
               << " problem(s) in the catalogue; run `jaanch-cli forms check` to see them.\n";
    std::size_t key_width = 8, title_width = 6;
    for (const auto* s : result.catalogue.services()) {
        key_width = std::max(key_width, s->key().size() + 2);
        title_width = std::max(title_width, s->title.en.size() + 2);
    }
    io.out << std::left << std::setw(static_cast<int>(key_width)) << "SERVICE" << std::setw(7) << "STATE"
           << std::setw(static_cast<int>(title_width)) << "TITLE"
           << "LEVELS\n";
    for (const auto* s : result.catalogue.services()) {
        io.out << std::setw(static_cast<int>(key_width)) << s->key() << std::setw(7) << s->state
               << std::setw(static_cast<int>(title_width)) << s->title.en << levels_summary(*s) << "\n";
    }
    return result.ok() ? kOk : kFailed;
}

}  // namespace

void add_forms_commands(CommandList& commands) {
    commands.push_back({"forms check",
                        "validate every service definition; list each problem with file and line", "[DIR]",
                        forms_check});
    commands.push_back({"forms list", "a table of the services in the catalogue", "[DIR]", forms_list});
}

}  // namespace jaanch::cli
