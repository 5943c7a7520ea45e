// jaanch-hub's commands, in the same small-named-object form as jaanch-cli's (src/cli/command.h).
#pragma once

#include "command.h"

namespace jaanch::hub {

void add_admin_commands(cli::CommandList& commands);  // init, officer …, portal add, audit verify
void add_serve_command(cli::CommandList& commands);   // serve
void add_demo_commands(cli::CommandList& commands);   // demo-seed
void add_crl_commands(cli::CommandList& commands);    // crl …, ca allow-without-crl|require-crl

}  // namespace jaanch::hub
