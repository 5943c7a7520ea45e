// Account commands: log in and out, preferences, and in `jaanch --demo` the role switcher. Each calls the
// application's AccountActions (account_controller); the demo commands exist only in demo mode, so their menu
// does not appear otherwise.
#include "main_frame.h"

namespace jaanch::app {

void MainFrame::register_account_commands() {
    AccountActions* account = context_.account;
    if (account == nullptr)
        return;
    const bool demo = account->demo();
    commands_.add({"account/log_in", "&Log in…", "Log in to the hub with your user name and password",
                   [account] { account->log_in(); }, [demo] { return !demo; }});
    commands_.add({"account/log_out", "Log &out", "Log out: the signing key is closed and the session ends",
                   [account] { account->log_out(); },
                   [account, demo] { return !demo && account->logged_in(); }});
    commands_.add({"app/preferences",
                   "&Preferences…",
                   "Language, signing key and PIN policy",
                   [account] { account->preferences(); },
                   {}});
    if (!demo)
        return;
    const std::pair<const char*, const char*> roles[] = {{"demo/as_L1", "Sign in as &L1 officer"},
                                                         {"demo/as_L2", "Sign in as L&2 officer"},
                                                         {"demo/as_DC", "Sign in as &Collector"}};
    for (const auto& [id, label] : roles) {
        const std::string level = std::string(id).substr(8);
        // After the menu event returns: switching rebuilds this window.
        commands_.add(
            {id, label, "Try the workstation as another demo officer, with that officer's key and queue",
             [this, account, level] { CallAfter([account, level] { account->demo_sign_in_as(level); }); },
             [this, level] { return !context_.officer || context_.officer->level != level; }});
    }
}

}  // namespace jaanch::app
