// The window's own commands: quit, the language, the shortcut sheet and About. Menus and hotkeys in
// ui/menus.json.
#include <wx/aboutdlg.h>
#include <wx/frame.h>
#include <wx/intl.h>

#include "app/application/application_controller.h"
#include "app/commands/menu_controller.h"
#include "app/help/shortcut_sheet.h"
#include "app/main/context.h"
#include "app/main/window_commands.h"
#include "app/queue/queue_controller.h"
#include "app/queue/queue_panel.h"
#include "app/status/sync_controller.h"
#include "jaanch/version.h"

namespace jaanch::app {
namespace {

void switch_language(Context& context) {
    auto& session = context.session;
    session.language = session.language == "hi" ? "en" : "hi";
    auto* translations = wxTranslations::Get();
    translations->SetLanguage(session.language == "hi" ? wxLANGUAGE_HINDI : wxLANGUAGE_ENGLISH);
    translations->AddCatalog("jaanch");
    context.menus->rebuild();
    const std::string selected = context.queue->panel().selected_number();
    if (!selected.empty())
        context.application->open(selected);
    context.sync->update_status();
}

void show_about(wxWindow* parent) {
    wxAboutDialogInfo info;
    info.SetName(kProductName);
    info.SetVersion(kVersion);
    info.SetDescription(_("Verification workstation for e-governance back offices"));
    wxAboutBox(info, parent);
}

}  // namespace

void register_window_commands(Context& context, wxFrame& frame) {
    auto& commands = context.commands;
    Context* c = &context;
    commands.add({"app/quit", "E&xit", "Close the workstation", [&frame] { frame.Close(); }, {}});
    commands.add({"view/language",
                  "हिन्दी / English",
                  "Switch the language of the workstation",
                  [c] { switch_language(*c); },
                  {}});
    commands.add({"help/shortcuts",
                  "&Keyboard shortcuts",
                  "Show every keyboard shortcut",
                  [c] {
                      ShortcutSheet sheet(c->window, c->commands, c->menus->layout());
                      sheet.ShowModal();
                  },
                  {}});
    commands.add({"help/about", "&About Jaanch", "Version and licence", [c] { show_about(c->window); }, {}});
}

}  // namespace jaanch::app
