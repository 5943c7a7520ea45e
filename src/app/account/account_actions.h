// What the account commands (account_commands.cpp) ask of the application: log in and out,
// preferences, and the demo's role switcher. Implemented by AccountController; UI thread only.
#pragma once

#include <string>

namespace jaanch::app {

class AccountActions {
  public:
    virtual ~AccountActions() = default;
    virtual void log_in() = 0;
    virtual void log_out() = 0;
    virtual void preferences() = 0;
    virtual bool logged_in() const = 0;
    virtual bool demo() const = 0;
    // Demo only: become the demo officer at `level` ("L1", "L2", "DC") with their key, and reload the queue.
    virtual void demo_sign_in_as(const std::string& level) = 0;

    // Scripts (tests, the user guide): "HUB|USER|PASSWORD_FILE[|TOTP]" through the real log-in dialog;
    // "MODULE|TOKEN_LABEL|every_time|session" through the real preferences dialog; the PIN read from a file
    // instead of asked. Each returns whether it did what the script asked.
    virtual bool script_login(const std::string& argument) = 0;
    virtual bool script_preferences(const std::string& argument) = 0;
    virtual void set_pin_file(const std::string& file) = 0;
};

}  // namespace jaanch::app
