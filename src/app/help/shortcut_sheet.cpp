#include "app/help/shortcut_sheet.h"

#include "app/accessibility/accessibility.h"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>

namespace jaanch::app {

ShortcutSheet::ShortcutSheet(wxWindow* parent, const CommandRegistry& commands, const MenuLayout& layout)
    : wxDialog(parent, wxID_ANY, _("Keyboard shortcuts"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER) {
    auto* list = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(560, 420)), wxLC_REPORT);
    list->SetName("shortcuts");
    set_accessible_name(list, _("Keyboard shortcuts"));
    list->AppendColumn(_("Shortcut"), wxLIST_FORMAT_LEFT, FromDIP(130));
    list->AppendColumn(_("Command"), wxLIST_FORMAT_LEFT, FromDIP(170));
    list->AppendColumn(_("What it does"), wxLIST_FORMAT_LEFT, FromDIP(250));
    long row = 0;
    for (const auto& command : commands.all()) {
        if (command.label.empty())
            continue;  // script-only commands are no shortcut of the officer's
        auto it = layout.hotkeys.find(command.id);
        wxString label = wxGetTranslation(wxString::FromUTF8(command.label));
        label.Replace("&", "");
        list->InsertItem(
            row, it == layout.hotkeys.end() ? wxString::FromUTF8("—") : wxString::FromUTF8(it->second));
        list->SetItem(row, 1, label);
        list->SetItem(row, 2, wxGetTranslation(wxString::FromUTF8(command.help)));
        ++row;
    }
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(list, 1, wxEXPAND | wxALL, FromDIP(10));
    sizer->Add(CreateStdDialogButtonSizer(wxOK), 0, wxEXPAND | wxALL, FromDIP(10));
    SetSizerAndFit(sizer);
}

}  // namespace jaanch::app
