// The application's form, laid out from its service definition: groups, fields with labels in the chosen
// language, table fields as grids, and a mark per field (matches / mismatch) that goes into the decision.
// Aadhaar numbers are masked. UI thread only.
#pragma once

#include <map>
#include <string>

#include <wx/scrolwin.h>

#include "catalogue/service_definition.h"
#include "model/application.h"
#include "model/decision.h"

class wxChoice;
class wxFlexGridSizer;

namespace jaanch::app {

class ApplicationPanel : public wxScrolledWindow {
public:
    explicit ApplicationPanel(wxWindow* parent);

    // Shows app; service may be null when the catalogue lacks its definition (shown raw, with a warning).
    void show(const model::Application& app, const catalogue::ServiceDefinition* service, const std::string& language);
    void clear();

    // The officer's marks so far, for the decision.
    std::vector<model::FieldCheck> field_checks() const;

private:
    void add_heading(const wxString& text);
    void add_field(const catalogue::FieldDefinition& field, const std::string& value, const std::string& language);
    void add_table(const catalogue::FieldDefinition& field, const model::TableRows& rows, const std::string& language);

    wxSizer* rows_ = nullptr;               // headings, field grids and tables, top to bottom
    wxFlexGridSizer* fields_ = nullptr;     // the grid of the current group
    std::map<std::string, wxChoice*> marks_;  // field key → its mark
};

// "XXXX-XXXX-1234" for an Aadhaar number; other text unchanged.
std::string display_value(const catalogue::FieldDefinition& field, const std::string& value,
                          const std::string& language);

}  // namespace jaanch::app
