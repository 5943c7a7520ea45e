// The documents' commands: next document, zoom, compare. Menus and hotkeys in ui/menus.json.
#include "app/application/application_controller.h"
#include "app/documents/documents_controller.h"
#include "app/documents/documents_panel.h"
#include "app/main/context.h"

namespace jaanch::app {

void DocumentsController::register_commands() {
    auto& commands = context_.commands;
    commands.add({"view/next_document",
                  "Next &document",
                  "Show the application's next document",
                  [this] { next_document(); },
                  {}});
    commands.add({"view/zoom_in", "Zoom &in", "Enlarge the document", [this] { zoom(+1); }, {}});
    commands.add({"view/zoom_out", "Zoom &out", "Shrink the document", [this] { zoom(-1); }, {}});
    commands.add(
        {"view/compare", "&Compare documents", "Show this document beside the next one",
         [this] { compare(); },
         [this] { return !panel_.opened().empty() && context_.application->current().has_value(); }});
}

}  // namespace jaanch::app
