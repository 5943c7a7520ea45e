// The workstation's main window. For now it shows who we are; the queue, form and viewer panes join it in the
// workstation issue. Owned by wx (destroyed through Close()); UI thread only.
#pragma once

#include <wx/frame.h>

namespace jaanch::app {

class MainFrame : public wxFrame {
public:
    MainFrame();

    // Writes what the window shows to a PNG file (used by GUI tests and the user guide). Returns false on failure.
    bool save_screenshot(const wxString& path);
};

}  // namespace jaanch::app
