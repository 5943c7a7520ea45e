#include "app/account/account_controller.h"

#include <cstdio>

#include <wx/app.h>
#include <wx/dcclient.h>
#include <wx/dcmemory.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/progdlg.h>
#include <wx/utils.h>

#include "app/account/login_dialog.h"
#include "app/account/pin_dialog.h"
#include "app/account/preferences_dialog.h"
#include "app/main/main_frame.h"
#include "app/queue/queue_controller.h"
#include "app/queue/queue_panel.h"
#include "app/status/status_bar.h"
#include "app/status/sync_controller.h"
#include "crypto/pkcs12_signer.h"
#include "sync/sync_engine.h"
#include "viewer/wx/bitmap_convert.h"
#include "workstation/demo_session.h"
#include "workstation/policy_signer.h"

namespace jaanch::app {
namespace {

std::vector<std::string> split_bar(const std::string& text) {
    std::vector<std::string> out;
    std::size_t from = 0;
    for (std::size_t bar; (bar = text.find('|', from)) != std::string::npos; from = bar + 1)
        out.push_back(text.substr(from, bar - from));
    out.push_back(text.substr(from));
    return out;
}

// Lets a freshly shown window map and paint under Xvfb before it is captured or driven.
void settle(int ms) {
    const auto until = wxGetLocalTimeMillis() + ms;
    while (wxGetLocalTimeMillis() < until) {
        wxYield();
        wxMilliSleep(20);
    }
}

}  // namespace

AccountController::AccountController(AppContext& context, Hooks hooks, std::filesystem::path settings_path)
    : context_(context), hooks_(std::move(hooks)), settings_path_(std::move(settings_path)) {
    if (!settings_path_.empty())
        settings_ = workstation::load_settings(settings_path_);
    context_.account = this;
}

AccountController::~AccountController() {
    context_.account = nullptr;
    watcher_.reset();
    if (auto* p = dynamic_cast<workstation::PolicySigner*>(context_.signer.get()))
        p->forget();
}

wxWindow* AccountController::parent() const {
    return hooks_.frame ? hooks_.frame() : nullptr;
}

bool AccountController::offline_possible() const {
    return context_.workspace && !context_.workspace->sync_value("officer").empty();
}

bool AccountController::logged_in() const {
    return context_.workspace && workstation::has_live_session(*context_.workspace);
}

void AccountController::report(const std::string& line) const {
    if (!scripted_)
        return;
    std::printf("%s\n", line.c_str());
    std::fflush(stdout);
}

void AccountController::save() {
    if (settings_path_.empty())
        return;
    workstation::save_settings(settings_path_, settings_);
}

void AccountController::save_shot(wxWindow* window, const std::string& name) const {
    if (shots_.empty() || window == nullptr)
        return;
    std::error_code ec;
    std::filesystem::create_directories(shots_, ec);
    window->Update();
    const auto file = shots_ / name;
    if (!viewer::wx::capture_window(window).ConvertToImage().SaveFile(wxString::FromUTF8(file.string()),
                                                                      wxBITMAP_TYPE_PNG))
        std::fprintf(stderr, "jaanch: could not save the screenshot %s\n", file.c_str());
}

void AccountController::log_in_at_start() {
    if (demo_ != nullptr || unattended_)
        return;
    if (context_.workspace && workstation::has_live_session(*context_.workspace))
        return;
    log_in();
}

void AccountController::log_in() {
    if (demo_ != nullptr)
        return;
    workstation::AccountSettings remembered = settings_;
    if (context_.workspace && !context_.workspace->sync_value("hub_url").empty()) {
        remembered.hub_url = context_.workspace->sync_value("hub_url");
        remembered.user = context_.workspace->sync_value("user");
    }
    LoginDialog dialog(parent(), remembered, offline_possible());
    const int answer = dialog.ShowModal();
    if (answer == wxID_OK && dialog.login())
        finish_login(dialog.hub(), dialog.user(), *dialog.login());
    // kWorkOffline and Cancel keep what is open: the workspace and its last session, if any.
}

void AccountController::finish_login(const std::string& hub, const std::string& user,
                                     const sync::Login& login) {
    std::filesystem::path dir;
    const bool same_account = context_.workspace && context_.workspace->sync_value("hub_url") == hub &&
                              context_.workspace->sync_value("user") == user;
    if (!workspace_option_.empty())
        dir = workspace_option_;
    else if (same_account)
        dir = context_.workspace->dir();
    else if (!settings_.workspace.empty() && settings_.hub_url == hub && settings_.user == user)
        dir = settings_.workspace;
    else
        dir = workstation::default_workspace_dir(user);
    const bool changed = !context_.workspace || context_.workspace->dir() != dir;
    if (changed) {
        if (context_.workspace)
            retired_.push_back(std::move(context_.workspace));
        context_.workspace = std::make_unique<store::Workspace>(dir, context_.catalogue);
    }
    sync::save_session(*context_.workspace, hub, user, login);
    context_.officer = login.officer;
    settings_.hub_url = hub;
    settings_.user = user;
    settings_.workspace = dir.string();
    save();
    sync_when_ready_ = true;
    report("login: ok " + login.officer.id + " " + login.officer.level);
    if (hooks_.frame && hooks_.frame() != nullptr)
        hooks_.rebuild_frame();
}

void AccountController::frame_ready() {
    show_key_status();
    if (sync_when_ready_ && hooks_.frame && hooks_.frame() != nullptr) {
        sync_when_ready_ = false;
        hooks_.frame()->context().sync->sync_now();
    }
}

void AccountController::log_out() {
    if (demo_ != nullptr)
        return;
    if (auto* p = dynamic_cast<workstation::PolicySigner*>(context_.signer.get()))
        p->forget();
    std::string problem;
    if (context_.workspace) {
        // A short wait at most: the hub ends the token at once; offline, it ends at its expiry (said below).
        sync::HubClientOptions quick;
        quick.connect_timeout = std::chrono::milliseconds(2000);
        quick.total_timeout = std::chrono::seconds(5);
        problem = sync::end_session(*context_.workspace, now_utc(), quick);
    }
    wxString said = _("Logged out. Decisions already signed stay in the outbox.");
    if (!problem.empty())
        said += " " + wxString::FromUTF8(problem);
    if (MainFrame* frame = hooks_.frame ? hooks_.frame() : nullptr)
        frame->context().sync->set_message(said);
    report(problem.empty() ? "logout: ok" : "logout: ok (hub not told: " + problem + ")");
    if (!scripted_)
        log_in();
}

void AccountController::set_up_key() {
    if (context_.signer == nullptr && settings_.key_source != workstation::KeySource::none)
        install_key();
    if (settings_.key_source == workstation::KeySource::token && !settings_.pkcs11_module.empty() &&
        demo_ == nullptr) {
        watcher_ = std::make_unique<crypto::TokenWatcher>(
            settings_.pkcs11_module, [this](const crypto::TokenPresence& p) { show_token(p); });
    } else {
        watcher_.reset();
    }
}

void AccountController::install_key() {
    const std::string what = settings_.key_source == workstation::KeySource::token
                                 ? "token \"" + settings_.token_label + "\" (" + settings_.pkcs11_module + ")"
                                 : "PKCS#12 file " + settings_.p12_file;
    context_.signer = std::make_unique<workstation::PolicySigner>(
        workstation::opener_for(settings_, [this](const crypto::PinRequest& r) { return prompt_pin(r); }),
        settings_.pin_policy, what);
}

crypto::SecretString AccountController::prompt_pin(const crypto::PinRequest& request) {
    ++pin_prompts_;
    if (!pin_file_.empty()) {
        report("pin_prompt " + std::to_string(pin_prompts_) + " " + request.token_label);
        return crypto::read_secret_file(pin_file_);
    }
    return ask_pin(parent(), request);
}

void AccountController::show_token(const crypto::TokenPresence& presence) {
    wxString text;
    if (!presence.problem.empty())
        text = wxString::FromUTF8(presence.problem);
    else if (presence.tokens.empty())
        text = _("No token — insert your DSC");
    else {
        const crypto::TokenInfo* shown = &presence.tokens.front();
        for (const auto& t : presence.tokens)
            if (t.label == settings_.token_label)
                shown = &t;
        text = wxString::Format(_("Token: %s ✓"), wxString::FromUTF8(shown->label));
        if (shown->label != settings_.token_label && !settings_.token_label.empty())
            text = wxString::Format(_("Token %s is not inserted"), wxString::FromUTF8(settings_.token_label));
    }
    key_status_ = text;
    std::string labels;
    for (const auto& t : presence.tokens)
        labels += " " + t.label;
    report("token_watch:" + (labels.empty() ? std::string(" none") : labels));
    show_key_status();
}

void AccountController::show_key_status() {
    MainFrame* frame = hooks_.frame ? hooks_.frame() : nullptr;
    StatusBar* bar = frame == nullptr ? nullptr : &frame->context().sync->bar();
    if (bar == nullptr)
        return;
    wxString text = key_status_;
    if (text.empty() && context_.signer)
        text = _("Key: ") + wxString::FromUTF8(context_.signer->description());
    bar->set_key(text);
}

void AccountController::preferences() {
    PreferencesDialog dialog(parent(), settings_);
    if (dialog.ShowModal() == wxID_OK)
        apply_preferences(dialog.settings());
}

void AccountController::apply_preferences(const workstation::AccountSettings& chosen) {
    const bool language_changed = chosen.language != context_.language;
    settings_.language = chosen.language;
    if (demo_ == nullptr) {  // the demo keeps its demo key
        const bool key_changed =
            chosen.key_source != settings_.key_source || chosen.pkcs11_module != settings_.pkcs11_module ||
            chosen.token_label != settings_.token_label || chosen.p12_file != settings_.p12_file ||
            chosen.pin_policy != settings_.pin_policy;
        settings_ = chosen;
        if (key_changed || context_.signer == nullptr) {
            context_.signer.reset();
            key_status_.clear();
            set_up_key();
        }
    }
    save();
    if (language_changed) {
        if (MainFrame* frame = hooks_.frame ? hooks_.frame() : nullptr)
            frame->context().commands.run("view/language");
    }
    show_key_status();
}

void AccountController::demo_sign_in_as(const std::string& level) {
    if (demo_ == nullptr)
        return;
    const workstation::DemoOfficer* officer = demo_->officer_at(level);
    if (officer == nullptr) {
        wxMessageBox(
            wxString::Format(_("The demo district has no officer at level %s."), wxString::FromUTF8(level)),
            _("Demo"), wxOK | wxICON_WARNING, parent());
        return;
    }
    try {
        wxProgressDialog progress(_("Demo"), _("Signing in…"), 100, parent(),
                                  wxPD_APP_MODAL | wxPD_AUTO_HIDE);
        demo_->set_progress(
            [&progress](const std::string& step) { progress.Pulse(wxString::FromUTF8(step)); });
        std::filesystem::path dir;
        try {
            dir = demo_->sign_in(*officer, context_.catalogue);
        } catch (...) {
            demo_->set_progress({});
            throw;
        }
        demo_->set_progress({});
        replace_workspace(dir);
        context_.officer = sync::session_officer(*context_.workspace);
        const crypto::SecretString password(officer->p12_password);
        context_.signer = std::make_unique<crypto::Pkcs12Signer>(officer->p12, password);
        key_status_.clear();
        hooks_.rebuild_frame();
        const std::size_t rows = hooks_.frame() ? hooks_.frame()->context().queue->panel().row_count() : 0;
        report("demo: signed in as " + officer->user + " " + officer->level + " queue " +
               std::to_string(rows));
    } catch (const std::exception& e) {
        report(std::string("demo: failed ") + e.what());
        if (!scripted_)
            wxMessageBox(wxString::FromUTF8(e.what()), _("Demo"), wxOK | wxICON_ERROR, parent());
    }
}

void AccountController::replace_workspace(const std::filesystem::path& dir) {
    if (context_.workspace)
        retired_.push_back(std::move(context_.workspace));
    context_.workspace = std::make_unique<store::Workspace>(dir, context_.catalogue);
}

void AccountController::set_pin_file(const std::string& file) {
    pin_file_ = file;
}

bool AccountController::script_login(const std::string& argument) {
    const auto parts = split_bar(argument);
    if (parts.size() < 3)
        return false;
    if (script_dialog_ == nullptr) {
        script_dialog_ = new LoginDialog(parent(), settings_, offline_possible());
        script_dialog_->Show();
        settle(300);
        save_shot(script_dialog_, "login_dialog.png");
    }
    const crypto::SecretString password = crypto::read_secret_file(parts[2]);
    script_dialog_->fill(parts[0], parts[1], std::string(password.view()), parts.size() > 3 ? parts[3] : "");
    if (script_dialog_->try_login()) {
        const std::string hub = script_dialog_->hub(), user = script_dialog_->user();
        const sync::Login login = *script_dialog_->login();
        script_dialog_->Destroy();
        script_dialog_ = nullptr;
        finish_login(hub, user, login);
        return true;
    }
    settle(300);
    save_shot(script_dialog_, script_dialog_->asks_totp() ? "login_totp.png" : "login_error.png");
    wxString error = script_dialog_->error_text();
    error.Replace("\n", " ");  // the label wraps; the report is one line
    report(std::string("login: refused; dialog open; totp field ") +
           (script_dialog_->asks_totp() ? "shown" : "hidden") + "; error: " + error.utf8_string());
    return true;
}

bool AccountController::script_preferences(const std::string& argument) {
    const auto parts = split_bar(argument);
    if (parts.size() < 3)
        return false;
    auto* dialog = new PreferencesDialog(parent(), settings_);
    dialog->Show();
    const bool found = dialog->choose_token(parts[0], parts[1]);
    dialog->set_pin_policy(parts[2] == "session" ? workstation::PinPolicy::session
                                                 : workstation::PinPolicy::every_time);
    settle(300);
    save_shot(dialog, "preferences.png");
    const workstation::AccountSettings chosen = dialog->settings();
    dialog->Destroy();
    if (!found) {
        report("prefs: token " + parts[1] + " not found in " + parts[0]);
        return false;
    }
    apply_preferences(chosen);
    report("prefs: token " + chosen.token_label + " policy " + parts[2]);
    return true;
}

}  // namespace jaanch::app
