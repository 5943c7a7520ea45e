// jaanch-hub: the back-office service workstations pull from and push to (docs/api.md), and its admin
// commands.
#include "hub/commands/hub_commands.h"

int main(int argc, char** argv) {
    jaanch::cli::CommandList commands;
    jaanch::hub::add_admin_commands(commands);
    jaanch::hub::add_serve_command(commands);
    jaanch::hub::add_demo_commands(commands);
    jaanch::hub::add_crl_commands(commands);
    return jaanch::cli::run_main("jaanch-hub", "the Jaanch back-office service", commands, argc, argv);
}
