#include "application_panel.h"

#include "checks/aadhaar_mask.h"

#include <wx/choice.h>
#include <wx/grid.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace jaanch::app {
namespace {

wxString label_of(const catalogue::LocalizedText& text, const std::string& language) {
    return wxString::FromUTF8(text.in(language));
}

}  // namespace

std::string display_value(const catalogue::FieldDefinition& field, const std::string& value,
                          const std::string& language) {
    if (field.type == "aadhaar") return checks::mask_aadhaar(value);
    if (field.type == "enum") {
        for (const auto& option : field.options) {
            if (option.code == value) return option.label.in(language);
        }
    }
    return value;
}

ApplicationPanel::ApplicationPanel(wxWindow* parent) : wxScrolledWindow(parent, wxID_ANY) {
    SetName("application");
    SetScrollRate(0, FromDIP(12));
    rows_ = new wxBoxSizer(wxVERTICAL);
    SetSizer(rows_);
}

void ApplicationPanel::clear() {
    marks_.clear();
    fields_ = nullptr;
    rows_->Clear(true);
    DestroyChildren();
}

void ApplicationPanel::add_heading(const wxString& text) {
    auto* heading = new wxStaticText(this, wxID_ANY, text);
    heading->SetFont(heading->GetFont().Bold().Scaled(1.1f));
    rows_->Add(heading, 0, wxTOP | wxLEFT, FromDIP(8));
    fields_ = nullptr;  // the next field starts a new grid under this heading
}

void ApplicationPanel::add_field(const catalogue::FieldDefinition& field, const std::string& value,
                                 const std::string& language) {
    if (fields_ == nullptr) {
        fields_ = new wxFlexGridSizer(3, FromDIP(4), FromDIP(10));
        fields_->AddGrowableCol(2, 1);
        rows_->Add(fields_, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(8));
    }
    // The mark comes first: the form pane is narrow beside the documents, and a mark pushed off its right edge
    // is a mark the officer never sets.
    const wxString choices[] = {wxString::FromUTF8("—"), _("Matches"), _("Mismatch")};
    auto* mark = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 3, choices);
    mark->SetSelection(0);
    mark->SetName(wxString::FromUTF8("mark:" + field.key));
    mark->SetToolTip(wxString::Format(_("Does \"%s\" match the documents?"), label_of(field.label, language)));
    marks_[field.key] = mark;
    fields_->Add(mark, 0, wxALIGN_CENTER_VERTICAL);
    auto* label = new wxStaticText(this, wxID_ANY, label_of(field.label, language), wxDefaultPosition,
                                   wxDefaultSize, wxST_ELLIPSIZE_END);
    label->SetToolTip(label->GetLabel());
    label->SetMinSize(wxSize(FromDIP(170), -1));  // one label width, so groups line up
    fields_->Add(label, 0, wxALIGN_CENTER_VERTICAL);
    auto* text = new wxStaticText(this, wxID_ANY, wxString::FromUTF8(display_value(field, value, language)),
                                  wxDefaultPosition, wxDefaultSize, wxST_ELLIPSIZE_END);
    text->SetName(wxString::FromUTF8(field.key));
    text->SetToolTip(text->GetLabel());
    text->SetMinSize(wxSize(FromDIP(100), -1));  // long values shorten with "…"; the tooltip has all of it
    fields_->Add(text, 1, wxALIGN_CENTER_VERTICAL | wxEXPAND);
}

void ApplicationPanel::add_table(const catalogue::FieldDefinition& field, const model::TableRows& rows,
                                 const std::string& language) {
    add_heading(label_of(field.label, language));
    auto* grid = new wxGrid(this, wxID_ANY);
    grid->CreateGrid(static_cast<int>(rows.size()), static_cast<int>(field.columns.size()));
    grid->EnableEditing(false);
    grid->HideRowLabels();
    for (std::size_t c = 0; c < field.columns.size(); ++c) {
        grid->SetColLabelValue(static_cast<int>(c), label_of(field.columns[c].label, language));
        for (std::size_t r = 0; r < rows.size(); ++r) {
            auto it = rows[r].find(field.columns[c].key);
            const std::string value = it == rows[r].end() ? "" : it->second;
            grid->SetCellValue(static_cast<int>(r), static_cast<int>(c),
                               wxString::FromUTF8(display_value(field.columns[c], value, language)));
        }
    }
    grid->AutoSize();
    rows_->Add(grid, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(8));
    fields_ = nullptr;
}

void ApplicationPanel::show(const model::Application& app, const catalogue::ServiceDefinition* service,
                            const std::string& language) {
    Freeze();
    clear();
    if (service == nullptr) {
        add_heading(wxString::Format(_("Service %s is not in this workstation's catalogue"),
                                     wxString::FromUTF8(app.service_id)));
    } else {
        add_heading(label_of(service->title, language) + wxString::FromUTF8(" — ") + wxString::FromUTF8(app.number));
        for (const auto& group : service->groups) {
            add_heading(label_of(group.label, language));
            for (const auto& field : service->fields) {
                if (field.group != group.key) continue;
                if (field.is_table()) {
                    auto it = app.tables.find(field.key);
                    add_table(field, it == app.tables.end() ? model::TableRows{} : it->second, language);
                } else {
                    add_field(field, app.field(field.key), language);
                }
            }
        }
    }
    FitInside();
    Layout();
    Thaw();

}

std::vector<model::FieldCheck> ApplicationPanel::field_checks() const {
    std::vector<model::FieldCheck> out;
    for (const auto& [key, choice] : marks_) {
        if (choice->GetSelection() == 1) out.push_back({key, model::FieldMark::matches, ""});
        if (choice->GetSelection() == 2) out.push_back({key, model::FieldMark::mismatch, "marked on the form"});
    }
    return out;
}

}  // namespace jaanch::app
