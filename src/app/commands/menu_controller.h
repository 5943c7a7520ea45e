// The menu bar and its hotkeys, built from ui/menus.json over the command registry: a menu item runs its
// command and is enabled when the command is. Rebuilt when the language changes (labels are translated at
// build time). Menus whose commands none of this window registered are left out (the Demo menu outside
// `--demo`).
// Threads: UI thread only. Ownership: owned by MainFrame; the frame owns the wxMenuBar.
#pragma once

#include <map>
#include <string>

#include <wx/string.h>

#include "app/commands/command.h"

class wxFrame;

namespace jaanch::app {

class MenuController {
  public:
    MenuController(wxFrame& frame, const CommandRegistry& commands);

    void rebuild();
    const MenuLayout& layout() const { return layout_; }

  private:
    wxFrame& frame_;
    const CommandRegistry& commands_;
    MenuLayout layout_;
    std::map<int, std::string> menu_ids_;  // wx menu id → command id
};

// The label with its hotkey for a menu item ("&Approve\tCtrl+Shift+A"), translated.
wxString menu_text(const Command& command, const MenuLayout& layout);

}  // namespace jaanch::app
