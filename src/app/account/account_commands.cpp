// Account commands: log in and out, preferences, and in `jaanch --demo` the role switcher. Each calls the
// application's AccountActions (account_controller); the demo commands exist only in demo mode, so their menu
// does not appear otherwise. Scripts also reach the real log-in and preferences dialogs through here:
//   login=HUB|USER|PASSWORD_FILE[|TOTP]   prefs=MODULE|TOKEN_LABEL|every_time|session   pin=PIN_FILE
//   logout   demo/as_L1 (the demo officer at L1, with their key and queue)
#include <wx/app.h>

#include "app/account/account_actions.h"
#include "app/account/account_commands.h"
#include "app/main/context.h"
#include "app/script/script_commands.h"

namespace jaanch::app {

void register_account_commands(Context& context) {
    AccountActions* account = context.session.account;
    if (account == nullptr)
        return;
    auto& commands = context.commands;
    const bool demo = account->demo();
    commands.add({"account/log_in", "&Log in…", "Log in to the hub with your user name and password",
                  [account] { account->log_in(); }, [demo] { return !demo; }});
    commands.add({"account/log_out", "Log &out", "Log out: the signing key is closed and the session ends",
                  [account] { account->log_out(); },
                  [account, demo] { return !demo && account->logged_in(); }});
    commands.add({"app/preferences",
                  "&Preferences…",
                  "Language, signing key and PIN policy",
                  [account] { account->preferences(); },
                  {}});
    if (context.unattended) {
        add_script_command(context, "login",
                           [account](const std::string& a) { return account->script_login(a); });
        add_script_command(context, "prefs",
                           [account](const std::string& a) { return account->script_preferences(a); });
        add_script_command(context, "pin", [account](const std::string& file) {
            account->set_pin_file(file);
            return !file.empty();
        });
        add_script_command(context, "logout", [account](const std::string&) {
            account->log_out();
            return true;
        });
    }
    if (!demo)
        return;
    const std::pair<const char*, const char*> roles[] = {{"demo/as_L1", "Sign in as &L1 officer"},
                                                         {"demo/as_L2", "Sign in as L&2 officer"},
                                                         {"demo/as_DC", "Sign in as &Collector"}};
    AppContext* session = &context.session;
    for (const auto& [id, label] : roles) {
        const std::string level = std::string(id).substr(8);
        commands.add(
            {id, label, "Try the workstation as another demo officer, with that officer's key and queue",
             // After the menu event returns: switching rebuilds this window.
             [account, level] { wxTheApp->CallAfter([account, level] { account->demo_sign_in_as(level); }); },
             [session, level] { return !session->officer || session->officer->level != level; },
             [account, session, level](const std::string&) {
                 account->demo_sign_in_as(level);
                 return session->officer && session->officer->level == level;
             }});
    }
}

}  // namespace jaanch::app
