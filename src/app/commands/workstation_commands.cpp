// The workstation's commands, each a small named object calling one frame action. Decisions and the viewer
// join here as their parts land; menus and hotkeys for them already exist in ui/menus.json and appear once the
// command is registered.
#include "main_frame.h"

namespace jaanch::app {

void MainFrame::register_commands() {
    commands_.add({"app/quit", "E&xit", "Close the workstation", [this] { Close(); }, {}});
    commands_.add({"queue/next", "&Next application", "Open the next application in the queue",
                   [this] { next_application(+1); }, {}});
    commands_.add({"queue/previous", "&Previous application", "Open the previous application in the queue",
                   [this] { next_application(-1); }, {}});
    commands_.add({"queue/find", "&Find…", "Find an application by number or applicant name",
                   [this] { find_application(); }, [this] { return context_.workspace != nullptr; }});
    commands_.add({"queue/overdue", "Show &overdue only", "Show only applications past their level deadline",
                   [this] { toggle_overdue_filter(); }, [this] { return context_.workspace != nullptr; }});
    commands_.add({"view/next_document", "Next &document", "Show the application's next document",
                   [this] { next_document(); }, {}});
    commands_.add({"view/zoom_in", "Zoom &in", "Enlarge the document", [this] { zoom(+1); }, {}});
    commands_.add({"view/zoom_out", "Zoom &out", "Shrink the document", [this] { zoom(-1); }, {}});
    commands_.add({"view/language", "हिन्दी / English", "Switch the language of the workstation",
                   [this] { switch_language(); }, {}});
    commands_.add({"help/shortcuts", "&Keyboard shortcuts", "Show every keyboard shortcut",
                   [this] { show_shortcuts(); }, {}});
    commands_.add({"help/about", "&About Jaanch", "Version and licence", [this] { show_about(); }, {}});
}

}  // namespace jaanch::app
