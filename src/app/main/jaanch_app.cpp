// Entry point of the workstation. Command-line options:
//   --workspace DIR        open this workspace (else the window opens with no workspace)
//   --forms DIR            the service catalogue (default: the shipped one)
//   --lang en|hi           the language to start in
//   --demo                 the built-in demo: a demo hub on loopback, a demo officer's workspace and key
//   --demo-level L1|L2|DC  which demo officer to act as (default L1)
//   --p12 FILE             sign with this PKCS#12 file; its password from --p12-password-file FILE
//   --script "id;id;…"     run these commands once the window is shown (tests, user guide); a command takes
//                          an argument after '=': "decide/reject=CODE|remark"; the script-only verbs are
//                          listed in app/script/script_commands.h
//   --screenshot FILE      after the script, save the window as PNG
//   --dialog-shots DIR     scripted log-in and preferences dialogs are saved as PNG files in DIR
//   --exit-after-ms N      close the window after N ms (tests)
//   --report-startup       print the milliseconds from start to the first painted queue (benchmarks)
#include <langinfo.h>
#include <chrono>
#include <clocale>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include <wx/app.h>
#include <wx/cmdline.h>
#include <wx/intl.h>
#include <wx/log.h>
#include <wx/msgdlg.h>
#include <wx/stdpaths.h>
#include <wx/timer.h>
#include <wx/tokenzr.h>
#include <wx/utils.h>

#include <fstream>

#include <wx/progdlg.h>

#include "app/account/account_controller.h"
#include "app/decide/decide_controller.h"
#include "app/main/app_context.h"
#include "app/main/main_frame.h"
#include "app/queue/queue_controller.h"
#include "app/queue/queue_panel.h"
#include "app/script/script_commands.h"
#include "crypto/pkcs12_signer.h"
#include "sync/sync_engine.h"
#include "util/dispatch.h"
#include "workstation/demo_session.h"

namespace jaanch::app {

// Set first thing in main(), so start-up figures include GTK's and wx's own initialisation.
std::chrono::steady_clock::time_point g_process_started;

class JaanchApp : public wxApp {
  public:
    bool OnInit() override {
        if (!wxApp::OnInit())
            return false;
        wxInitAllImageHandlers();
        dispatch::set_main_thread_poster([this](dispatch::Task task) { CallAfter(std::move(task)); });
        // Unattended runs (tests) must never stop at a modal log window: wx's messages go to stderr there.
        if (!script_.empty())
            delete wxLog::SetActiveTarget(new wxLogStderr);
        create_account();
        set_up_translations();
        if (!open_context())
            return false;
        context_.renderer = std::make_unique<viewer::render::RenderService>();
        account_->set_demo(demo_session_.get());
        account_->log_in_at_start();
        account_->set_up_key();
        frame_ = new MainFrame(context_, !script_.empty());
        frame_->Show();
        account_->frame_ready();
        if (report_startup_)
            report_when_painted();
        if (exit_after_ms_ > 0 || !screenshot_.empty() || !script_.empty())
            schedule_test_actions();
        return true;
    }

    void OnInitCmdLine(wxCmdLineParser& parser) override {
        wxApp::OnInitCmdLine(parser);
        parser.AddSwitch("", "demo", "run the built-in demo");
        parser.AddOption("", "demo-level", "the demo officer's level: L1, L2 or DC", wxCMD_LINE_VAL_STRING);
        parser.AddOption("", "demo-count", "applications in the demo district (default 200)",
                         wxCMD_LINE_VAL_NUMBER);
        parser.AddOption("", "p12", "sign with this PKCS#12 file", wxCMD_LINE_VAL_STRING);
        parser.AddOption("", "p12-password-file", "the PKCS#12 file's password", wxCMD_LINE_VAL_STRING);
        parser.AddOption("", "workspace", "open this workspace folder", wxCMD_LINE_VAL_STRING);
        parser.AddOption("", "forms", "the service catalogue folder", wxCMD_LINE_VAL_STRING);
        parser.AddOption("", "lang", "language: en or hi", wxCMD_LINE_VAL_STRING);
        parser.AddOption("", "script", "commands to run once shown, separated by ;", wxCMD_LINE_VAL_STRING);
        parser.AddOption("", "screenshot", "save the main window as PNG once shown", wxCMD_LINE_VAL_STRING);
        parser.AddOption("", "dialog-shots", "save scripted dialogs as PNG files in this folder",
                         wxCMD_LINE_VAL_STRING);
        parser.AddOption("", "exit-after-ms", "close after this many milliseconds", wxCMD_LINE_VAL_NUMBER);
        parser.AddSwitch("", "report-startup", "print the time to the first painted queue");
        parser.AddSwitch("", "report-outbox", "print the outbox as JSON lines when the window closes");
    }

    bool OnCmdLineParsed(wxCmdLineParser& parser) override {
        long ms = 0;
        if (parser.Found("exit-after-ms", &ms))
            exit_after_ms_ = ms;
        wxString value;
        if (parser.Found("screenshot", &value))
            screenshot_ = value;
        if (parser.Found("script", &value))
            script_ = value;
        if (parser.Found("workspace", &value))
            workspace_dir_ = value.utf8_string();
        if (parser.Found("forms", &value))
            forms_dir_ = value.utf8_string();
        report_startup_ = parser.Found("report-startup");
        report_outbox_ = parser.Found("report-outbox");
        demo_ = parser.Found("demo");
        if (parser.Found("demo-level", &value))
            demo_level_ = value.utf8_string();
        long count = 0;
        if (parser.Found("demo-count", &count) && count > 0)
            demo_count_ = static_cast<int>(count);
        if (parser.Found("p12", &value))
            p12_ = value.utf8_string();
        if (parser.Found("p12-password-file", &value))
            p12_password_file_ = value.utf8_string();
        if (parser.Found("lang", &value))
            context_.language = value == "hi" ? "hi" : "en";
        lang_given_ = parser.Found("lang");
        if (parser.Found("dialog-shots", &value))
            dialog_shots_ = value.utf8_string();
        return wxApp::OnCmdLineParsed(parser);
    }

    int OnExit() override {
        context_.renderer.reset();  // stop render workers before wx goes away
        account_.reset();           // stop the token watch, close the signing key
        demo_session_.reset();      // stop the demo hub and remove its folder
        return wxApp::OnExit();
    }

    int OnRun() override {
        const int rc = wxApp::OnRun();
        return rc != 0 ? rc : exit_code_;
    }

  private:
    // Log-in, preferences, the key under its PIN policy and the demo roles (account_controller.h). The demo
    // never reads or writes the officer's settings file.
    void create_account() {
        std::filesystem::path settings_path;
        if (!demo_)
            settings_path = workstation::settings_file();
        try {
            account_ = std::make_unique<AccountController>(
                context_, AccountController::Hooks{[this] { return frame_; }, [this] { rebuild_frame(); }},
                settings_path);
        } catch (const std::exception& e) {
            wxMessageBox(wxString::FromUTF8(e.what()) + "\n" + _("Jaanch starts with default settings."),
                         _("Settings"), wxOK | wxICON_WARNING);
            account_ = std::make_unique<AccountController>(
                context_, AccountController::Hooks{[this] { return frame_; }, [this] { rebuild_frame(); }},
                std::filesystem::path());
        }
        if (!lang_given_)
            context_.language = account_->settings().language;
        account_->set_workspace_option(workspace_dir_);
        account_->set_scripted(!script_.empty());
        // Test and benchmark runs never stop at a modal log-in dialog.
        account_->set_unattended(!script_.empty() || !screenshot_.empty() || exit_after_ms_ > 0 ||
                                 report_startup_);
        // Without --workspace, the workspace of the last log-in.
        const std::string last = account_->settings().workspace;
        std::error_code ec;
        if (workspace_dir_.empty() && !demo_ && !last.empty() && std::filesystem::is_directory(last, ec))
            workspace_dir_ = last;
        account_->set_dialog_shots(dialog_shots_);
    }

    // Another officer or workspace: a new main window over it; the old one goes at the next idle time.
    void rebuild_frame() {
        MainFrame* old = frame_;
        frame_ = new MainFrame(context_, !script_.empty());
        frame_->Show();
        SetTopWindow(frame_);
        if (old != nullptr)
            old->Destroy();
        account_->frame_ready();
    }

    void set_up_translations() {
        auto* translations = new wxTranslations;
        wxTranslations::Set(translations);
        const auto exe_dir =
            std::filesystem::path(wxStandardPaths::Get().GetExecutablePath().utf8_string()).parent_path();
        wxFileTranslationsLoader::AddCatalogLookupPathPrefix(
            wxString::FromUTF8((exe_dir / ".." / "share" / "locale").string()));
        wxFileTranslationsLoader::AddCatalogLookupPathPrefix(JAANCH_BUILD_LOCALE_DIR);
        translations->SetLanguage(context_.language == "hi" ? wxLANGUAGE_HINDI : wxLANGUAGE_ENGLISH);
        translations->AddCatalog("jaanch");
    }

    bool open_context() {
        try {
            const auto loaded = catalogue::load_catalogue(
                forms_dir_.empty() ? catalogue::default_catalogue_dir() : std::filesystem::path(forms_dir_));
            if (!loaded.ok())
                std::fprintf(
                    stderr,
                    "jaanch: %zu problem(s) in the service catalogue; run `jaanch-cli forms check`.\n",
                    loaded.problems.size());
            context_.catalogue = loaded.catalogue;
            if (demo_)
                start_demo();
            if (!workspace_dir_.empty())
                context_.workspace = std::make_unique<store::Workspace>(workspace_dir_, context_.catalogue);
            if (context_.workspace && !context_.workspace->sync_value("officer").empty())
                context_.officer = sync::session_officer(*context_.workspace);
            if (!p12_.empty()) {
                const crypto::SecretString password(demo_ ? demo_p12_password_
                                                          : read_text_file(p12_password_file_));
                context_.signer = std::make_unique<crypto::Pkcs12Signer>(p12_, password);
            }
            return true;
        } catch (const std::exception& e) {
            wxMessageBox(wxString::FromUTF8(e.what()), _("Jaanch cannot start"), wxOK | wxICON_ERROR);
            return false;
        }
    }

    // The queue is usable once its first rows are painted: the first idle after the frame's first paint.
    void report_when_painted() {
        frame_->context().queue->panel().Bind(wxEVT_PAINT, [this](wxPaintEvent& e) {
            e.Skip();
            if (painted_)
                return;
            painted_ = true;
            CallAfter([this] {
                const auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() -
                                                                          g_process_started);
                std::printf("startup_to_queue_ms %.1f rows %zu\n", ms.count(),
                            frame_->context().queue->panel().row_count());
                std::fflush(stdout);
            });
        });
    }

    // Seeds a demo district, starts its hub, and signs in as a demo officer (docs/user-guide.md, "Demo").
    void start_demo() {
        wxProgressDialog progress(_("Starting the demo"), _("Creating a demo district…"), 100, nullptr,
                                  wxPD_APP_MODAL | wxPD_AUTO_HIDE | wxPD_SMOOTH);
        auto show = [&progress](const std::string& step) { progress.Pulse(wxString::FromUTF8(step)); };
        demo_session_ = std::make_unique<workstation::DemoSession>(
            workstation::DemoSession::find_hub_binary(), demo_count_, show);
        const workstation::DemoOfficer* officer = demo_session_->officer_at(demo_level_);
        if (officer == nullptr)
            throw Error("The demo district has no officer at level " + demo_level_ + ".");
        workspace_dir_ = demo_session_->sign_in(*officer, context_.catalogue).string();
        demo_session_->set_progress({});  // the dialog above goes when this returns
        p12_ = officer->p12.string();
        demo_p12_password_ = officer->p12_password;
    }

    static std::string read_text_file(const std::string& path) {
        std::ifstream in(path);
        if (!in)
            throw Error("cannot read the password file " + path);
        std::string line;
        std::getline(in, line);
        return line;
    }

    void schedule_test_actions() {
        // Give the window time to map and paint before acting and capturing it.
        const int delay = exit_after_ms_ > 0 ? static_cast<int>(exit_after_ms_) : 500;
        timer_.Bind(wxEVT_TIMER, [this](wxTimerEvent&) {
            for (const auto& step : wxStringTokenize(script_, ";")) {
                if (!frame_->context().commands.run_step(step.utf8_string())) {
                    std::fprintf(stderr,
                                 "jaanch: script step %s failed (unknown, disabled, or refused: see above)\n",
                                 step.utf8_str().data());
                    exit_code_ = EXIT_FAILURE;
                }
            }
            // Let background results (pages from the render workers, sync reports) arrive before capturing.
            const auto settle_until = std::chrono::steady_clock::now() + std::chrono::milliseconds(1500);
            while (std::chrono::steady_clock::now() < settle_until) {
                wxYield();
                wxMilliSleep(20);
            }
            frame_->Update();
            if (report_outbox_)
                frame_->context().decide->print_outbox();
            if (!screenshot_.empty() &&
                !save_window_screenshot(frame_->context(), screenshot_.utf8_string())) {
                std::fprintf(stderr, "jaanch: could not save the screenshot to %s\n",
                             screenshot_.utf8_str().data());
                exit_code_ = EXIT_FAILURE;
            }
            frame_->Close();
        });
        timer_.StartOnce(delay);
    }

    AppContext context_;
    MainFrame* frame_ = nullptr;
    wxTimer timer_;
    long exit_after_ms_ = 0;
    wxString screenshot_, script_;
    std::string workspace_dir_, forms_dir_;
    int exit_code_ = EXIT_SUCCESS;
    bool report_startup_ = false, report_outbox_ = false, painted_ = false, demo_ = false;
    int demo_count_ = 200;
    std::string demo_level_ = "L1", p12_, p12_password_file_, demo_p12_password_;
    std::unique_ptr<workstation::DemoSession>
        demo_session_;  // outlives the frame: the hub stops when the app ends
    std::unique_ptr<AccountController> account_;
    std::string dialog_shots_;
    bool lang_given_ = false;
};

}  // namespace jaanch::app

wxIMPLEMENT_APP_NO_MAIN(jaanch::app::JaanchApp);

int main(int argc, char** argv) {
    jaanch::app::g_process_started = std::chrono::steady_clock::now();
    const char* display = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    if ((display == nullptr || *display == '\0') && (wayland == nullptr || *wayland == '\0')) {
        std::fprintf(
            stderr,
            "jaanch: no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set).\n"
            "Run it in a desktop session, under `xvfb-run`, or use jaanch-cli for the same work "
            "without a window.\n");
        return 3;
    }
    // Narrow strings (translated literals with "—", "●", Devanagari) reach wx through the C library's
    // multibyte conversion: without a UTF-8 LC_CTYPE they silently become empty. Use the user's locale, but
    // UTF-8 always.
    std::setlocale(LC_ALL, "");
    if (std::strcmp(nl_langinfo(CODESET), "UTF-8") != 0)
        std::setlocale(LC_CTYPE, "C.UTF-8");
    return wxEntry(argc, argv);
}
