// The application's form, laid out from its service definition: groups, fields with labels in the chosen
// language, table fields as grids, and a mark per field (matches / mismatch) that goes into the decision.
// Aadhaar numbers are masked. UI thread only.
//
// Building a form is the slowest part of "next application" (dozens of GTK widgets), and an officer's queue
// holds a handful of services: the form of each recent service and language is built once and kept hidden;
// showing an application fills its values in and clears the marks.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include <wx/panel.h>

#include "catalogue/service_definition.h"
#include "model/application.h"
#include "model/decision.h"
#include "workspace_checks/application_review.h"

namespace jaanch::app {

class FormPage;

class ApplicationPanel : public wxPanel {
  public:
    explicit ApplicationPanel(wxWindow* parent);

    // Shows app; service may be null when the catalogue lacks its definition (shown raw, with a warning).
    void show(const model::Application& app, const catalogue::ServiceDefinition* service,
              const std::string& language);
    void clear();
    // Builds (hidden) the form a later show() of this service will use, so that show() only fills it:
    // building a form is most of the cost of the first application of each service. Does nothing when it is
    // built.
    void prepare(const catalogue::ServiceDefinition* service, const std::string& language);

    // The officer's marks so far, for the decision.
    std::vector<model::FieldCheck> field_checks() const;
    // The automatic checks of the application shown: a flag beside each field (its reason in one click) and
    // the summary at the top, which calls `on_summary` when chosen. Call after show().
    void show_checks(const checks::ApplicationReport& report, std::function<void()> on_summary);
    void clear_checks();  // no flags: the checks did not run for the application shown
    // Sets a field's mark as a click would (scripts); false when the form shown has no such field.
    bool set_mark(const std::string& field, model::FieldMark mark);

    static constexpr std::size_t kKeptForms = 12;

  private:
    FormPage* form_for(const catalogue::ServiceDefinition* service, const std::string& language);

    std::vector<FormPage*> forms_;  // most recently used first; children of this panel
    FormPage* current_ = nullptr;
};

// "XXXX-XXXX-1234" for an Aadhaar number; other text unchanged.
std::string display_value(const catalogue::FieldDefinition& field, const std::string& value,
                          const std::string& language);

}  // namespace jaanch::app
