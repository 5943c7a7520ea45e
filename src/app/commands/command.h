// Workstation commands are small named objects (after Aegisub's cmd::Command): an id, an English label that
// gettext translates, the action, and when it is enabled. Menus, the toolbar and hotkeys refer to commands by
// id in data (ui/menus.json), so the frame never wires a menu item by hand.
// UI thread only.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace jaanch::app {

struct Command {
    std::string id;     // "queue/next", "decide/approve" …
    std::string label;  // English msgid, e.g. "&Next application"; translated at display time
    std::string help;   // English msgid for the status bar and the shortcut sheet
    std::function<void()> run;
    std::function<bool()> enabled;  // empty = always enabled
};

class CommandRegistry {
  public:
    void add(Command command);
    const Command* find(const std::string& id) const;
    const std::vector<Command>& all() const { return commands_; }
    // Runs the command if it exists and is enabled; returns whether it ran.
    bool run(const std::string& id) const;

  private:
    std::vector<Command> commands_;
    std::map<std::string, std::size_t> index_;
};

// Menus and hotkeys as data, parsed from ui/menus.json (compiled in). Throws jaanch::InputError on bad data.
struct MenuLayout {
    struct Menu {
        std::string label;               // English msgid
        std::vector<std::string> items;  // command ids; "-" is a separator
    };
    std::vector<Menu> menus;
    std::vector<std::string> toolbar;
    std::map<std::string, std::string> hotkeys;  // command id → accelerator text ("Ctrl+Shift+A")
};

MenuLayout default_menu_layout();
MenuLayout parse_menu_layout(const std::string& json_text);

}  // namespace jaanch::app
