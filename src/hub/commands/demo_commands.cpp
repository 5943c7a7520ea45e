// `jaanch-hub demo-seed`: a believable district on a fresh data folder (see demo/demo_seed.h).
#include "hub/commands/hub_commands.h"

namespace jaanch::hub {

void add_demo_commands(cli::CommandList&) {}

}  // namespace jaanch::hub
