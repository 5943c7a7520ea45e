#include "app/commands/menu_controller.h"

#include <wx/frame.h>
#include <wx/intl.h>
#include <wx/menu.h>

namespace jaanch::app {

wxString menu_text(const Command& command, const MenuLayout& layout) {
    wxString text = wxGetTranslation(wxString::FromUTF8(command.label));
    if (auto it = layout.hotkeys.find(command.id); it != layout.hotkeys.end())
        text += "\t" + it->second;
    return text;
}

MenuController::MenuController(wxFrame& frame, const CommandRegistry& commands)
    : frame_(frame), commands_(commands), layout_(default_menu_layout()) {
    frame_.Bind(wxEVT_MENU, [this](wxCommandEvent& e) {
        auto it = menu_ids_.find(e.GetId());
        if (it != menu_ids_.end())
            commands_.run(it->second);
    });
    frame_.Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) {
        auto it = menu_ids_.find(e.GetId());
        if (it == menu_ids_.end())
            return e.Skip();
        const Command* c = commands_.find(it->second);
        e.Enable(c != nullptr && (!c->enabled || c->enabled()));
    });
}

void MenuController::rebuild() {
    menu_ids_.clear();
    auto* bar = new wxMenuBar;
    for (const auto& menu : layout_.menus) {
        auto* m = new wxMenu;
        for (const auto& id : menu.items) {
            if (id == "-") {
                m->AppendSeparator();
                continue;
            }
            const Command* command = commands_.find(id);
            if (command == nullptr)
                continue;  // a command of a part not built into this workstation
            const int wx_id = wxWindow::NewControlId();
            menu_ids_[wx_id] = id;
            m->Append(wx_id, menu_text(*command, layout_),
                      wxGetTranslation(wxString::FromUTF8(command->help)));
        }
        if (m->GetMenuItemCount() == 0) {  // every command of this menu belongs to a mode not running (Demo)
            delete m;
            continue;
        }
        bar->Append(m, wxGetTranslation(wxString::FromUTF8(menu.label)));
    }
    wxMenuBar* old = frame_.GetMenuBar();
    frame_.SetMenuBar(bar);
    delete old;
}

}  // namespace jaanch::app
