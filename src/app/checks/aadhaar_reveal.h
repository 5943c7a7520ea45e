// Revealing a sealed Aadhaar number in the workstation (UIDAI: show it in full only when an authorised user
// asks, and log that). The form always shows the mask; the officer asks for one field (View › Reveal
// Aadhaar), is told that the reveal is recorded in the activity log under their name, and then sees the
// number, grouped "XXXX XXXX XXXX", in a dialog of its own that is closed like any other.
// Store::Workspace::reveal does the recording; this file holds only what the officer sees. UI thread only.
// Nothing here keeps the full number after its dialog is gone.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <wx/dialog.h>
#include <wx/string.h>

#include "catalogue/service_definition.h"
#include "model/application.h"

namespace jaanch::app {

// "2345 6789 0124" for twelve digits, as printed on the Aadhaar letter; other text unchanged.
std::string group_aadhaar(const std::string& digits);

// What a sealed path of `app` (the masked application) is, for the officer: "Aadhaar number — applicant
// (XXXX-XXXX-0124)", "Family members 2: Sunita Devi (XXXX-XXXX-1234)". `service` may be null.
wxString sealed_field_label(const std::string& path, const model::Application& app,
                            const catalogue::ServiceDefinition* service, const std::string& language);

// Asks which sealed field to reveal when there are several; the only one when there is one. nullopt =
// cancelled.
std::optional<std::size_t> choose_sealed_field(wxWindow* parent, const std::vector<wxString>& labels);

// "Revealing … is recorded in the activity log under your name (…). Reveal it?" Returns whether to go on.
bool confirm_reveal(wxWindow* parent, const wxString& label, const wxString& officer);

// Shows the revealed number (a child named "revealed-number" holds the grouped text) and a Close button.
class RevealedDialog : public wxDialog {
  public:
    RevealedDialog(wxWindow* parent, const wxString& label, const std::string& number);
};

}  // namespace jaanch::app
