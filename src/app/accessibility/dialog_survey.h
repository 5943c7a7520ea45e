// Every dialog the workstation shows, built with sample contents (no hub call, no token, no officer input),
// for checks that must look at all of them rather than at the main window only: the accessibility survey of
// the expect-accessible script step. Stock dialogs (message boxes, file choosers) are GTK's own and not built
// here. UI thread only.
#pragma once

#include <string>
#include <vector>

#include "app/commands/command.h"
#include "catalogue/service_definition.h"
#include "workspace_checks/application_review.h"

class wxDialog;
class wxWindow;

namespace jaanch::app {

struct DialogSamples {
    const CommandRegistry& commands;
    const MenuLayout& layout;
    const catalogue::ServiceDefinition* service = nullptr;  // for the decision dialogs; skipped when null
    const checks::ApplicationReport* checks = nullptr;      // for the checks dialog; skipped when null
    std::string language = "en";
};

// The dialogs, not shown yet; the caller shows and destroys them.
std::vector<wxDialog*> build_every_dialog(wxWindow* parent, const DialogSamples& samples);

}  // namespace jaanch::app
