// The account's commands (log in, log out, preferences, the demo's role switcher) and, when a script runs,
// its script verbs. UI thread only.
#pragma once

namespace jaanch::app {

struct Context;

void register_account_commands(Context& context);

}  // namespace jaanch::app
