#include "app/accessibility/dialog_survey.h"

#include "app/account/login_dialog.h"
#include "app/account/pin_dialog.h"
#include "app/account/preferences_dialog.h"
#include "app/checks/aadhaar_reveal.h"
#include "app/checks/checks_view.h"
#include "app/decide/decision_dialog.h"
#include "app/help/shortcut_sheet.h"

namespace jaanch::app {
namespace {

model::Decision sample_decision() {
    model::Decision d;
    d.id = "00000000-0000-4000-8000-000000000000";
    d.application = "SAMPLE/0001";
    d.action = model::Action::reject;
    d.officer = "sample.officer";
    return d;
}

}  // namespace

std::vector<wxDialog*> build_every_dialog(wxWindow* parent, const DialogSamples& samples) {
    std::vector<wxDialog*> dialogs;
    workstation::AccountSettings remembered;
    remembered.hub_url = "https://hub.example.in";
    remembered.user = "sample.officer";
    dialogs.push_back(new LoginDialog(parent, remembered, true));
    dialogs.push_back(new PreferencesDialog(parent, remembered));
    dialogs.push_back(new ShortcutSheet(parent, samples.commands, samples.layout));
    dialogs.push_back(new PinDialog(parent, crypto::PinRequest{"Sample token", "0001", true, false}));
    dialogs.push_back(new RevealedDialog(parent, "Aadhaar number — applicant", "234567890124"));
    dialogs.push_back(new SigningConfirmation(parent, sample_decision(), "{\"sample\":true}",
                                              "Documents never opened: sample"));
    if (samples.service != nullptr) {
        // Return to applicant asks for both a coded reason and a required remark: every control there is.
        dialogs.push_back(new DecisionDetailsDialog(parent, *samples.service,
                                                    model::Action::return_to_applicant, samples.language));
    }
    if (samples.checks != nullptr)
        dialogs.push_back(new ChecksDialog(parent, *samples.checks, samples.language));
    return dialogs;
}

}  // namespace jaanch::app
