// The officer's remembered settings and the log-in attempt, without wx (Poedit's x.h / x_ui.h split): the
// dialogs (login_dialog, preferences_dialog) only show and collect; what is decided here is testable alone.
//
// Settings live in one small JSON file under the XDG config folder ($XDG_CONFIG_HOME/jaanch/settings.json,
// else ~/.config/jaanch/settings.json; $JAANCH_CONFIG_DIR overrides it for tests). They hold the hub address,
// the user name, the language and the signing-key choice; never a password or a PIN.
// Threads: any, one caller at a time. Errors: jaanch::Error with the file named; a missing file is defaults.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "crypto/secure_buffer.h"
#include "store/workspace.h"
#include "sync/hub_client.h"

namespace jaanch::workstation {

enum class PinPolicy { every_time, session };
enum class KeySource { none, token, p12 };

struct AccountSettings {
    std::string hub_url;
    std::string user;
    std::string workspace;  // the workspace folder last used with this hub and user
    std::string language = "en";
    KeySource key_source = KeySource::none;
    std::string pkcs11_module;  // the token vendor's PKCS#11 library
    std::string token_label;
    std::string token_serial;
    std::string p12_file;
    PinPolicy pin_policy = PinPolicy::every_time;
};

std::filesystem::path settings_file();
AccountSettings load_settings(const std::filesystem::path& file);
// Written to a temporary file and renamed, so a crash never leaves half a file.
void save_settings(const std::filesystem::path& file, const AccountSettings& settings);

// PKCS#11 modules of common Indian DSC tokens and SoftHSM2 that exist on this machine, for the chooser.
std::vector<std::string> installed_pkcs11_modules();

// Where a new workspace for this user goes when none was chosen: $XDG_DATA_HOME/jaanch/<user>.
std::filesystem::path default_workspace_dir(const std::string& user);

// What a log-in attempt came to, in words the dialog shows as they are.
enum class LoginOutcome { ok, totp_required, wrong_totp, refused, unreachable };

struct LoginAttempt {
    LoginOutcome outcome = LoginOutcome::refused;
    std::string message;               // for the officer; empty when ok
    std::optional<sync::Login> login;  // set when ok
};

// Asks the hub. Never throws for a refusal or an unreachable hub: those are outcomes. The hub answers
// 401 "totp_required" when the account has an authenticator and no code was given.
LoginAttempt attempt_login(const std::string& hub_url, const std::string& user,
                           const crypto::SecretString& password, const std::string& totp);

// Whether a workspace holds a session the hub may still accept (a token that has not expired).
bool has_live_session(const store::Workspace& workspace);

}  // namespace jaanch::workstation
