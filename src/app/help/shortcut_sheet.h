// The shortcut sheet (F1): every command with its hotkey and what it does, from the same data as the menus.
#pragma once

#include <wx/dialog.h>

#include "app/commands/command.h"

namespace jaanch::app {

class ShortcutSheet : public wxDialog {
  public:
    ShortcutSheet(wxWindow* parent, const CommandRegistry& commands, const MenuLayout& layout);
};

}  // namespace jaanch::app
