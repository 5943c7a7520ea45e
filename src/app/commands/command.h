// Workstation commands are small named objects (after Aegisub's cmd::Command): an id, an English label that
// gettext translates, the action, and when it is enabled. Menus and hotkeys refer to commands by
// id in data (ui/menus.json), so the frame never wires a menu item by hand. Each area of the window registers
// its own commands (app/<area>/<area>_commands.cpp), handed the controllers' Context, never the frame.
//
// A command may also take an argument: `--script "open=JH/Ran/2026/000003;decide/reject=R01|remark"` runs
// `id=ARGUMENT` steps through run_step(). Commands only scripts run (tests, benchmarks, the user guide's
// pictures: app/script/) have no label and appear in no menu.
// UI thread only.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace jaanch::app {

struct Command {
    std::string id;                 // "queue/next", "decide/approve" …
    std::string label;              // English msgid, e.g. "&Next application"; translated at display time
    std::string help;               // English msgid for the status bar and the shortcut sheet
    std::function<void()> run;      // empty = a script-only command
    std::function<bool()> enabled;  // empty = always enabled
    // The command with an argument from a script step; returns whether it did what the step asks. Called
    // whether or not `enabled` holds at that moment: it checks its own preconditions (and may wait for them).
    std::function<bool(const std::string& argument)> run_with;
};

class CommandRegistry {
  public:
    void add(Command command);
    const Command* find(const std::string& id) const;
    const std::vector<Command>& all() const { return commands_; }
    // Runs the command if it exists and is enabled; returns whether it ran.
    bool run(const std::string& id) const;
    // One script step, "ID" or "ID=ARGUMENT": run_with(ARGUMENT) when the command has it, else run() for an
    // enabled command and a step without an argument. False when the step names no such command, it is
    // disabled, or it failed.
    bool run_step(const std::string& step) const;

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
    std::map<std::string, std::string> hotkeys;  // command id → accelerator text ("Ctrl+Shift+A")
};

MenuLayout default_menu_layout();
MenuLayout parse_menu_layout(const std::string& json_text);

}  // namespace jaanch::app
