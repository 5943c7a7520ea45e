// Entry point of the workstation. Command-line options:
//   --demo                 the built-in demo (until demo mode lands: the main window)
//   --screenshot FILE      after the window is shown, save it as PNG (tests, user guide)
//   --exit-after-ms N      close the window after N ms (tests)
#include <cstdio>
#include <cstdlib>

#include <wx/app.h>
#include <wx/cmdline.h>
#include <wx/timer.h>

#include "main_frame.h"

namespace jaanch::app {

class JaanchApp : public wxApp {
public:
    bool OnInit() override {
        if (!wxApp::OnInit()) return false;
        wxInitAllImageHandlers();
        frame_ = new MainFrame();
        frame_->Show();
        if (exit_after_ms_ > 0 || !screenshot_.empty()) schedule_test_actions();
        return true;
    }

    void OnInitCmdLine(wxCmdLineParser& parser) override {
        wxApp::OnInitCmdLine(parser);
        parser.AddSwitch("", "demo", "run the built-in demo");
        parser.AddOption("", "screenshot", "save the main window as PNG once shown", wxCMD_LINE_VAL_STRING);
        parser.AddOption("", "exit-after-ms", "close after this many milliseconds", wxCMD_LINE_VAL_NUMBER);
    }

    bool OnCmdLineParsed(wxCmdLineParser& parser) override {
        long ms = 0;
        if (parser.Found("exit-after-ms", &ms)) exit_after_ms_ = ms;
        wxString shot;
        if (parser.Found("screenshot", &shot)) screenshot_ = shot;
        return wxApp::OnCmdLineParsed(parser);
    }

private:
    void schedule_test_actions() {
        // Give the window time to map and paint before capturing it.
        const int delay = exit_after_ms_ > 0 ? static_cast<int>(exit_after_ms_) : 500;
        timer_.Bind(wxEVT_TIMER, [this](wxTimerEvent&) {
            if (!screenshot_.empty() && !frame_->save_screenshot(screenshot_)) {
                std::fprintf(stderr, "jaanch: could not save the screenshot to %s\n", screenshot_.utf8_str().data());
                exit_code_ = EXIT_FAILURE;
            }
            frame_->Close();
        });
        timer_.StartOnce(delay);
    }

public:
    int OnExit() override { return exit_code_; }
    int OnRun() override {
        const int rc = wxApp::OnRun();
        return rc != 0 ? rc : exit_code_;
    }

private:
    MainFrame* frame_ = nullptr;
    wxTimer timer_;
    long exit_after_ms_ = 0;
    wxString screenshot_;
    int exit_code_ = EXIT_SUCCESS;
};

}  // namespace jaanch::app

wxIMPLEMENT_APP_NO_MAIN(jaanch::app::JaanchApp);

int main(int argc, char** argv) {
    const char* display = std::getenv("DISPLAY");
    const char* wayland = std::getenv("WAYLAND_DISPLAY");
    if ((display == nullptr || *display == '\0') && (wayland == nullptr || *wayland == '\0')) {
        std::fprintf(stderr,
                     "jaanch: no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is set).\n"
                     "Run it in a desktop session, under `xvfb-run`, or use jaanch-cli for the same work "
                     "without a window.\n");
        return 3;
    }
    return wxEntry(argc, argv);
}
