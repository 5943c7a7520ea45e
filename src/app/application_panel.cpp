#include "application_panel.h"

#include "checks/aadhaar_mask.h"

#include <algorithm>

#include <wx/choice.h>
#include <wx/grid.h>
#include <wx/intl.h>
#include <wx/scrolwin.h>
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

// One service's form in one language: built once, filled per application.
class FormPage : public wxScrolledWindow {
public:
    FormPage(wxWindow* parent, const catalogue::ServiceDefinition* service, std::string language)
        : wxScrolledWindow(parent, wxID_ANY), service_(service), language_(std::move(language)) {
        SetScrollRate(0, FromDIP(12));
        rows_ = new wxBoxSizer(wxVERTICAL);
        SetSizer(rows_);
        title_ = add_heading("");
        if (service_ != nullptr) build();
    }

    bool is_for(const catalogue::ServiceDefinition* service, const std::string& language) const {
        return service_ != nullptr && service_ == service && language_ == language;
    }

    void fill(const model::Application& app) {
        if (service_ == nullptr) {
            title_->SetLabel(wxString::Format(_("Service %s is not in this workstation's catalogue"),
                                              wxString::FromUTF8(app.service_id)));
        } else {
            title_->SetLabel(label_of(service_->title, language_) + wxString::FromUTF8(" — ") +
                             wxString::FromUTF8(app.number));
            for (const auto& [key, field] : values_) {
                const wxString text = wxString::FromUTF8(display_value(*field.definition, app.field(key), language_));
                field.text->SetLabel(text);
                field.text->SetToolTip(text);
            }
            for (auto& [key, choice] : marks_) choice->SetSelection(0);
            for (const auto& [key, table] : tables_) {
                auto it = app.tables.find(key);
                fill_table(*table.definition, table.grid, it == app.tables.end() ? model::TableRows{} : it->second);
            }
        }
        Scroll(0, 0);
        FitInside();
        Layout();
    }

    std::vector<model::FieldCheck> field_checks() const {
        std::vector<model::FieldCheck> out;
        for (const auto& [key, choice] : marks_) {
            if (choice->GetSelection() == 1) out.push_back({key, model::FieldMark::matches, ""});
            if (choice->GetSelection() == 2) out.push_back({key, model::FieldMark::mismatch, "marked on the form"});
        }
        return out;
    }

    bool set_mark(const std::string& field, model::FieldMark mark) {
        auto it = marks_.find(field);
        if (it == marks_.end()) return false;
        it->second->SetSelection(mark == model::FieldMark::matches ? 1 : 2);
        wxCommandEvent changed(wxEVT_CHOICE, it->second->GetId());
        changed.SetEventObject(it->second);
        changed.SetInt(it->second->GetSelection());
        it->second->GetEventHandler()->ProcessEvent(changed);
        return true;
    }

private:
    struct Value {
        const catalogue::FieldDefinition* definition;
        wxStaticText* text;
    };
    struct Table {
        const catalogue::FieldDefinition* definition;
        wxGrid* grid;
    };

    void build() {
        for (const auto& group : service_->groups) {
            add_heading(label_of(group.label, language_));
            for (const auto& field : service_->fields) {
                if (field.group != group.key) continue;
                if (field.is_table()) add_table(field);
                else add_field(field);
            }
        }
    }

    wxStaticText* add_heading(const wxString& text) {
        auto* heading = new wxStaticText(this, wxID_ANY, text);
        heading->SetFont(heading->GetFont().Bold().Scaled(1.1f));
        rows_->Add(heading, 0, wxTOP | wxLEFT, FromDIP(8));
        fields_ = nullptr;  // the next field starts a new grid under this heading
        return heading;
    }

    void add_field(const catalogue::FieldDefinition& field) {
        if (fields_ == nullptr) {
            fields_ = new wxFlexGridSizer(3, FromDIP(4), FromDIP(10));
            fields_->AddGrowableCol(2, 1);
            rows_->Add(fields_, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(8));
        }
        // The mark comes first: the form pane is narrow beside the documents, and a mark pushed off its right
        // edge is a mark the officer never sets.
        const wxString label = label_of(field.label, language_);
        const wxString choices[] = {wxString::FromUTF8("—"), _("Matches"), _("Mismatch")};
        auto* mark = new wxChoice(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, 3, choices);
        mark->SetSelection(0);
        mark->SetName(wxString::FromUTF8("mark:" + field.key));
        mark->SetToolTip(wxString::Format(_("Does \"%s\" match the documents?"), label));
        marks_[field.key] = mark;
        fields_->Add(mark, 0, wxALIGN_CENTER_VERTICAL);
        auto* name = new wxStaticText(this, wxID_ANY, label, wxDefaultPosition, wxDefaultSize, wxST_ELLIPSIZE_END);
        name->SetToolTip(label);
        name->SetMinSize(wxSize(FromDIP(170), -1));  // one label width, so groups line up
        fields_->Add(name, 0, wxALIGN_CENTER_VERTICAL);
        auto* text = new wxStaticText(this, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, wxST_ELLIPSIZE_END);
        text->SetName(wxString::FromUTF8(field.key));
        text->SetMinSize(wxSize(FromDIP(100), -1));  // long values shorten with "…"; the tooltip has all of it
        fields_->Add(text, 1, wxALIGN_CENTER_VERTICAL | wxEXPAND);
        values_[field.key] = {&field, text};
    }

    void add_table(const catalogue::FieldDefinition& field) {
        add_heading(label_of(field.label, language_));
        auto* grid = new wxGrid(this, wxID_ANY);
        grid->SetName(wxString::FromUTF8("table:" + field.key));
        grid->CreateGrid(0, static_cast<int>(field.columns.size()));
        grid->EnableEditing(false);
        grid->HideRowLabels();
        for (std::size_t c = 0; c < field.columns.size(); ++c)
            grid->SetColLabelValue(static_cast<int>(c), label_of(field.columns[c].label, language_));
        rows_->Add(grid, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(8));
        tables_[field.key] = {&field, grid};
        fields_ = nullptr;
    }

    void fill_table(const catalogue::FieldDefinition& field, wxGrid* grid, const model::TableRows& rows) {
        const int want = static_cast<int>(rows.size());
        if (grid->GetNumberRows() < want) grid->AppendRows(want - grid->GetNumberRows());
        if (grid->GetNumberRows() > want) grid->DeleteRows(want, grid->GetNumberRows() - want);
        for (std::size_t c = 0; c < field.columns.size(); ++c) {
            for (std::size_t r = 0; r < rows.size(); ++r) {
                auto it = rows[r].find(field.columns[c].key);
                const std::string value = it == rows[r].end() ? "" : it->second;
                grid->SetCellValue(static_cast<int>(r), static_cast<int>(c),
                                   wxString::FromUTF8(display_value(field.columns[c], value, language_)));
            }
        }
        grid->AutoSize();
    }

    const catalogue::ServiceDefinition* service_;
    std::string language_;
    wxBoxSizer* rows_ = nullptr;            // headings, field grids and tables, top to bottom
    wxFlexGridSizer* fields_ = nullptr;     // the grid of the group being built
    wxStaticText* title_ = nullptr;         // "service — number"
    std::map<std::string, wxChoice*> marks_;  // field key → its mark
    std::map<std::string, Value> values_;
    std::map<std::string, Table> tables_;
};

ApplicationPanel::ApplicationPanel(wxWindow* parent) : wxPanel(parent, wxID_ANY) {
    SetName("application");
    SetSizer(new wxBoxSizer(wxVERTICAL));
}

FormPage* ApplicationPanel::form_for(const catalogue::ServiceDefinition* service, const std::string& language) {
    auto it = std::find_if(forms_.begin(), forms_.end(), [&](FormPage* f) { return f->is_for(service, language); });
    if (it != forms_.end()) {
        std::rotate(forms_.begin(), it, it + 1);  // most recently used first
        return forms_.front();
    }
    auto* form = new FormPage(this, service, language);
    form->Hide();
    GetSizer()->Add(form, 1, wxEXPAND);
    forms_.insert(forms_.begin(), form);
    // Keep the cache small (a form for a service missing from the catalogue is never reused; it ages out).
    while (forms_.size() > kKeptForms) {
        FormPage* old = forms_.back();
        forms_.pop_back();
        if (old == current_) current_ = nullptr;
        GetSizer()->Detach(old);
        old->Destroy();
    }
    return form;
}

void ApplicationPanel::show(const model::Application& app, const catalogue::ServiceDefinition* service,
                            const std::string& language) {
    Freeze();
    FormPage* form = form_for(service, language);
    form->fill(app);
    if (current_ != form) {
        if (current_ != nullptr) current_->Hide();
        form->Show();
        current_ = form;
    }
    Layout();
    Thaw();
}

void ApplicationPanel::clear() {
    if (current_ != nullptr) current_->Hide();
    current_ = nullptr;
}

bool ApplicationPanel::set_mark(const std::string& field, model::FieldMark mark) {
    return current_ != nullptr && current_->set_mark(field, mark);
}

std::vector<model::FieldCheck> ApplicationPanel::field_checks() const {
    return current_ == nullptr ? std::vector<model::FieldCheck>{} : current_->field_checks();
}

}  // namespace jaanch::app
