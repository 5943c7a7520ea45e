// The workstation's commands, each a small named object calling one frame action. Decisions and the viewer
// join here as their parts land; menus and hotkeys for them already exist in ui/menus.json and appear once
// the command is registered.
#include "decision_bar.h"
#include "main_frame.h"

namespace jaanch::app {
namespace {

// English msgids with mnemonics, translated at display time like every command label.
std::string decision_menu_label(model::Action action) {
    switch (action) {
        case model::Action::approve:
            return "&Approve";
        case model::Action::forward:
            return "&Forward";
        case model::Action::reject:
            return "&Reject";
        case model::Action::return_to_applicant:
            return "Re&turn to applicant";
        case model::Action::send_back:
            return "Send &back";
        case model::Action::escalate:
            return "&Escalate";
    }
    return "";
}

}  // namespace

void MainFrame::register_commands() {
    commands_.add({"app/quit", "E&xit", "Close the workstation", [this] { Close(); }, {}});
    commands_.add({"queue/next",
                   "&Next application",
                   "Open the next application in the queue",
                   [this] { next_application(+1); },
                   {}});
    commands_.add({"queue/previous",
                   "&Previous application",
                   "Open the previous application in the queue",
                   [this] { next_application(-1); },
                   {}});
    commands_.add({"queue/find", "&Find…", "Find an application by number or applicant name",
                   [this] { find_application(); }, [this] { return context_.workspace != nullptr; }});
    commands_.add({"queue/overdue", "Show &overdue only", "Show only applications past their level deadline",
                   [this] { toggle_overdue_filter(); }, [this] { return context_.workspace != nullptr; }});
    commands_.add({"app/sync", "&Sync now", "Send waiting decisions and fetch new applications and documents",
                   [this] { sync_now(); }, [this] { return context_.workspace != nullptr && !syncing_; }});
    const std::pair<const char*, model::Action> decisions[] = {
        {"decide/approve", model::Action::approve},     {"decide/forward", model::Action::forward},
        {"decide/reject", model::Action::reject},       {"decide/return", model::Action::return_to_applicant},
        {"decide/send_back", model::Action::send_back}, {"decide/escalate", model::Action::escalate}};
    for (const auto& [id, action] : decisions) {
        commands_.add({id, decision_menu_label(action), "Decide the open application",
                       [this, a = action] { decide(a); },
                       [this, a = action] { return decisions_->allows(a); }});
    }
    commands_.add({"view/next_document",
                   "Next &document",
                   "Show the application's next document",
                   [this] { next_document(); },
                   {}});
    commands_.add({"view/zoom_in", "Zoom &in", "Enlarge the document", [this] { zoom(+1); }, {}});
    commands_.add({"view/zoom_out", "Zoom &out", "Shrink the document", [this] { zoom(-1); }, {}});
    commands_.add({"queue/mine", "&My pending applications", "Show only applications waiting at my level",
                   [this] { show_my_pending(); }, [this] { return context_.workspace && context_.officer; }});
    commands_.add({"view/language",
                   "हिन्दी / English",
                   "Switch the language of the workstation",
                   [this] { switch_language(); },
                   {}});
    commands_.add({"help/shortcuts",
                   "&Keyboard shortcuts",
                   "Show every keyboard shortcut",
                   [this] { show_shortcuts(); },
                   {}});
    commands_.add({"help/about", "&About Jaanch", "Version and licence", [this] { show_about(); }, {}});
    commands_.add({"view/checks", "Automatic &checks…",
                   "Every automatic check of the open application, with its reason",
                   [this] { show_checks(); }, [this] { return checks_.has_value(); }});
}

}  // namespace jaanch::app
