// jaanch-cli: Jaanch's capabilities without a window, for scripting, support staff and tests.
#include "command.h"

int main(int argc, char** argv) {
    jaanch::cli::CommandList commands;
    jaanch::cli::add_forms_commands(commands);
    jaanch::cli::add_viewer_commands(commands);
    jaanch::cli::add_crypto_commands(commands);
    jaanch::cli::add_checks_commands(commands);
    jaanch::cli::add_sync_commands(commands);
    return jaanch::cli::run_main("jaanch-cli", "Jaanch without a window", commands, argc, argv);
}
