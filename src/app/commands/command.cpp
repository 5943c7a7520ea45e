#include "app/commands/command.h"

#include "jaanch/menus_json.h"
#include "util/error.h"
#include "util/json_reader.h"

namespace jaanch::app {

void CommandRegistry::add(Command command) {
    if (index_.contains(command.id))
        throw Error("internal error: command " + command.id + " registered twice");
    index_[command.id] = commands_.size();
    commands_.push_back(std::move(command));
}

const Command* CommandRegistry::find(const std::string& id) const {
    auto it = index_.find(id);
    return it == index_.end() ? nullptr : &commands_[it->second];
}

bool CommandRegistry::run(const std::string& id) const {
    const Command* c = find(id);
    if (c == nullptr || (c->enabled && !c->enabled()))
        return false;
    if (!c->run)
        return false;
    c->run();
    return true;
}

bool CommandRegistry::run_step(const std::string& step) const {
    const auto eq = step.find('=');
    const Command* c = find(step.substr(0, eq));
    if (c == nullptr)
        return false;
    // Scripts take the scripted path even without an argument: it never opens a dialog. It checks what it
    // needs itself, so a step can wait for its command to become possible (app/sync waits out a running
    // sync).
    if (c->run_with)
        return c->run_with(eq == std::string::npos ? std::string() : step.substr(eq + 1));
    if (eq != std::string::npos || !c->run || (c->enabled && !c->enabled()))
        return false;
    c->run();
    return true;
}

// Found by argument-dependent lookup from json::ObjectReader, so it lives in this namespace, not an anonymous
// one.
void read_value(const json::Json& j, const std::string& path, MenuLayout::Menu& out);
void read_value(const json::Json& j, const std::string& path, MenuLayout::Menu& out) {
    json::ObjectReader r(j, path);
    out.label = r.required<std::string>("label");
    out.items = r.required<std::vector<std::string>>("items");
    r.finish();
}

MenuLayout parse_menu_layout(const std::string& json_text) {
    MenuLayout layout;
    const auto j = json::parse_text(json_text, "ui/menus.json");
    json::ObjectReader r(j, "$");
    layout.menus = r.required<std::vector<MenuLayout::Menu>>("menus");
    layout.hotkeys = r.required<std::map<std::string, std::string>>("hotkeys");
    r.finish();
    return layout;
}

MenuLayout default_menu_layout() {
    return parse_menu_layout(kMenusJson);
}

}  // namespace jaanch::app
