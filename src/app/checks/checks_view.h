// How the automatic checks (workspace_checks/application_review.h) look to the officer: a flag per status —
// shape and colour, so it reads without colour too — and a dialog listing every check with its reason, opened
// from the summary at the top of the form ("3 checks need attention") or with Ctrl+K. Advice, never a
// decision. UI thread only.
#pragma once

#include <map>
#include <string>

#include <wx/colour.h>
#include <wx/dialog.h>
#include <wx/string.h>

#include "workspace_checks/application_review.h"

namespace jaanch::app {

struct Flag {
    wxString symbol;  // "✓", "✗", "?", "⚠" or empty (not applicable)
    wxColour colour;
    wxString meaning;  // "passes", "fails" … for screen readers and the dialog
};
Flag flag_for(checks::ReviewStatus status);

// Per uploaded document of `app` whose checks need a look (fail, attention, unknown), the worst status among
// them: reuse by another applicant, a type the service does not accept, a file missing or corrupt. The
// document tabs show its flag before their title; the reasons are in the checks dialog.
std::map<std::string, checks::ReviewStatus> document_statuses(const checks::ApplicationReport& report,
                                                              const model::Application& app);

// The whole report, grouped (form, documents, eligibility, duplicates), attention first.
class ChecksDialog : public wxDialog {
  public:
    ChecksDialog(wxWindow* parent, const checks::ApplicationReport& report, const std::string& language);
};

}  // namespace jaanch::app
