// The officer's account in the running workstation: logging in (at start when there is no live session, and
// from File → Log in), logging out, Preferences (language, signing key, PIN policy), the key under its PIN
// policy, the token watch in the status bar, and the demo's role switcher. The application owns it; the
// frame reaches it through AppContext::account. Replacing the workspace (another user, another demo role)
// rebuilds the main window through a hook, and keeps the old workspace alive until the old window is gone.
// UI thread only. Errors from core are shown to the officer (or printed in scripted runs), never swallowed.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <wx/string.h>

#include "app/account/account_actions.h"
#include "app/main/app_context.h"
#include "crypto/token_watcher.h"
#include "workstation/account_settings.h"

class wxWindow;

namespace jaanch::workstation {
class DemoSession;
}  // namespace jaanch::workstation

namespace jaanch::app {

class LoginDialog;
class MainFrame;

class AccountController final : public AccountActions {
  public:
    struct Hooks {
        std::function<MainFrame*()> frame;    // the main window now (null before it exists)
        std::function<void()> rebuild_frame;  // a new main window over the context's workspace
    };

    // `settings_path` empty: nothing is read or saved (the demo never touches the officer's settings).
    AccountController(AppContext& context, Hooks hooks, std::filesystem::path settings_path);
    ~AccountController() override;

    const workstation::AccountSettings& settings() const { return settings_; }
    void set_demo(workstation::DemoSession* demo) { demo_ = demo; }
    void set_workspace_option(std::string dir) { workspace_option_ = std::move(dir); }
    void set_dialog_shots(std::filesystem::path dir) { shots_ = std::move(dir); }
    void set_scripted(bool scripted) { scripted_ = scripted; }
    void set_unattended(bool unattended) { unattended_ = unattended; }

    // Before the window: asks to log in when the workspace holds no live session (not in demo or scripts).
    void log_in_at_start();
    // The signing key from the settings (unless the command line gave one) and the token watch.
    void set_up_key();
    // After every new main window: status fields, and the first sync after a log-in.
    void frame_ready();

    void log_in() override;
    void log_out() override;
    void preferences() override;
    bool logged_in() const override;
    bool demo() const override { return demo_ != nullptr; }
    void demo_sign_in_as(const std::string& level) override;
    bool script_login(const std::string& argument) override;
    bool script_preferences(const std::string& argument) override;
    void set_pin_file(const std::string& file) override;

  private:
    wxWindow* parent() const;
    bool offline_possible() const;
    void finish_login(const std::string& hub, const std::string& user, const sync::Login& login);
    void replace_workspace(const std::filesystem::path& dir);
    void apply_preferences(const workstation::AccountSettings& chosen);
    void install_key();
    crypto::SecretString prompt_pin(const crypto::PinRequest& request);
    void show_token(const crypto::TokenPresence& presence);
    void show_key_status();
    void save();
    void report(const std::string& line) const;  // scripted runs: one line on stdout for the test to read
    void save_shot(wxWindow* window, const std::string& name) const;

    AppContext& context_;
    Hooks hooks_;
    std::filesystem::path settings_path_;
    workstation::AccountSettings settings_;
    workstation::DemoSession* demo_ = nullptr;
    std::string workspace_option_;
    std::filesystem::path shots_;
    std::filesystem::path pin_file_;
    bool scripted_ = false;
    bool unattended_ = false;
    bool sync_when_ready_ = false;
    int pin_prompts_ = 0;
    wxString key_status_;
    LoginDialog* script_dialog_ = nullptr;  // a scripted log-in dialog that stays open after a refusal
    std::unique_ptr<crypto::TokenWatcher> watcher_;
    std::vector<std::unique_ptr<store::Workspace>> retired_;  // outlive the windows that showed them
};

}  // namespace jaanch::app
