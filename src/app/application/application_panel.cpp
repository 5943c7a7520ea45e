#include "app/application/application_panel.h"

#include "app/accessibility/accessibility.h"

#include "app/checks/checks_view.h"
#include "checks/aadhaar_mask.h"

#include <algorithm>
#include <map>

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/grid.h>
#include <wx/hyperlink.h>
#include <wx/intl.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/tipwin.h>

namespace jaanch::app {
namespace {

wxString label_of(const catalogue::LocalizedText& text, const std::string& language) {
    return wxString::FromUTF8(text.in(language));
}

}  // namespace

std::string display_value(const catalogue::FieldDefinition& field, const std::string& value,
                          const std::string& language) {
    if (field.type == "aadhaar")
        return checks::mask_aadhaar(value);
    if (field.type == "enum") {
        for (const auto& option : field.options) {
            if (option.code == value)
                return option.label.in(language);
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
        summary_ = new wxHyperlinkCtrl(this, wxID_ANY, " ", "", wxDefaultPosition, wxDefaultSize,
                                       wxHL_ALIGN_LEFT | wxNO_BORDER);
        summary_->SetName("checks-summary");
        summary_->Bind(wxEVT_HYPERLINK, [this](wxHyperlinkEvent&) {
            if (on_summary_)
                on_summary_();
        });
        rows_->Add(summary_, 0, wxEXPAND | wxLEFT | wxTOP, FromDIP(8));
        if (service_ != nullptr)
            build();
    }

    bool is_for(const catalogue::ServiceDefinition* service, const std::string& language) const {
        return service_ != nullptr && service_ == service && language_ == language;
    }

    void fill(const model::Application& app) {
        bool resized = first_fill_;
        first_fill_ = false;
        if (service_ == nullptr) {
            title_->SetLabel(wxString::Format(_("Service %s is not in this workstation's catalogue"),
                                              wxString::FromUTF8(app.service_id)));
        } else {
            title_->SetLabel(label_of(service_->title, language_) + wxString::FromUTF8(" — ") +
                             wxString::FromUTF8(app.number));
            for (const auto& [key, field] : values_) {
                const wxString text =
                    wxString::FromUTF8(display_value(*field.definition, app.field(key), language_));
                if (field.text->GetLabel() == text)
                    continue;
                field.text->SetLabel(text);
                field.text->SetToolTip(text);
            }
            for (auto& [key, choice] : marks_)
                if (choice->GetSelection() != 0)
                    choice->SetSelection(0);
            // The flags change when the checks report (show_checks / clear_checks), once each.
            summary_->SetLabel(" ");  // until the checks report (kept in place: showing it moved every row)
            for (const auto& [key, table] : tables_) {
                auto it = app.tables.find(key);
                const int before = table.grid->GetNumberRows();
                fill_table(*table.definition, table.grid,
                           it == app.tables.end() ? model::TableRows{} : it->second);
                resized = resized || table.grid->GetNumberRows() != before;
            }
        }
        Scroll(0, 0);
        // Values are fixed-size labels (shortened with "…"): only a table that grew or shrank moves the rows,
        // and a layout of the whole form cost a full repaint of the window on every "next application".
        if (resized) {
            FitInside();
            Layout();
        }
    }

    std::vector<model::FieldCheck> field_checks() const {
        std::vector<model::FieldCheck> out;
        for (const auto& [key, choice] : marks_) {
            if (choice->GetSelection() == 1)
                out.push_back({key, model::FieldMark::matches, ""});
            if (choice->GetSelection() == 2)
                out.push_back({key, model::FieldMark::mismatch, "marked on the form"});
        }
        return out;
    }

    void clear_checks() {
        for (auto& [key, flag] : flags_)
            set_flag(flag, nullptr);
        summary_->SetLabel(" ");
    }

    void show_checks(const checks::ApplicationReport& report, std::function<void()> on_summary) {
        on_summary_ = std::move(on_summary);
        std::map<std::string, const checks::ReviewItem*> by_field;
        for (const auto& item : report.fields) {
            if (flags_.count(item.subject) != 0)
                by_field[item.subject] = &item;
            else
                mark_table_cell(item);
        }
        for (auto& [key, flag] : flags_) {
            auto it = by_field.find(key);
            set_flag(flag, it == by_field.end() ? nullptr : it->second);
        }
        const bool attention = report.attention_count() > 0;
        summary_->SetLabel(wxString::FromUTF8(attention ? "⚠ " : "✓ ") +
                           wxString::FromUTF8(report.summary().in(language_)) + " — " +
                           _("see why (Ctrl+K)"));
        summary_->SetNormalColour(
            flag_for(attention ? checks::ReviewStatus::attention : checks::ReviewStatus::pass).colour);
    }

    bool set_mark(const std::string& field, model::FieldMark mark) {
        auto it = marks_.find(field);
        if (it == marks_.end())
            return false;
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
    struct FlagButton {
        wxButton* button;
        wxString reason;  // shown on click; empty when the field has no check
        wxString symbol;  // shown now
        wxString field;   // the field's label, for screen readers
    };

    // Changes the button only when its look changes: each change makes GTK lay the window out again.
    void set_flag(FlagButton& flag, const checks::ReviewItem* item) {
        const Flag look = flag_for(item ? item->status : checks::ReviewStatus::not_applicable);
        const wxString reason =
            item ? look.meaning + ": " + wxString::FromUTF8(item->reason.in(language_)) : wxString();
        if (!flag.symbol.empty() && flag.symbol == look.symbol && flag.reason == reason)
            return;
        // A new label makes GTK measure and lay the button out again (~0.1 ms each, dozens per form): only
        // the symbol and colour show, so only their changes touch the button's look.
        if (flag.symbol != look.symbol) {
            flag.symbol = look.symbol;
            flag.button->SetLabel(look.symbol);
            flag.button->SetForegroundColour(look.colour);
        }
        flag.reason = reason;
        set_accessible_name(flag.button, wxString::Format(_("Check of %s: %s"), flag.field,
                                                          reason.empty() ? look.meaning : reason));
        flag.button->SetToolTip(flag.reason);
        if (flag.button->IsEnabled() != (item != nullptr))
            flag.button->Enable(item != nullptr);
    }

    // "members[2].date_of_birth" → tint that cell of the members grid (its reason is in the checks dialog).
    void mark_table_cell(const checks::ReviewItem& item) {
        const auto open = item.subject.find('[');
        const auto close = item.subject.find("].");
        if (open == std::string::npos || close == std::string::npos)
            return;
        auto table = tables_.find(item.subject.substr(0, open));
        if (table == tables_.end())
            return;
        const int row = std::stoi(item.subject.substr(open + 1, close - open - 1));
        const std::string column = item.subject.substr(close + 2);
        const auto& columns = table->second.definition->columns;
        for (std::size_t c = 0; c < columns.size(); ++c) {
            if (columns[c].key != column || row >= table->second.grid->GetNumberRows())
                continue;
            const bool bad =
                item.status == checks::ReviewStatus::fail || item.status == checks::ReviewStatus::attention;
            if (bad)
                table->second.grid->SetCellBackgroundColour(row, static_cast<int>(c),
                                                            wxColour(0xff, 0xe0, 0xe0));
        }
    }

    void build() {
        for (const auto& group : service_->groups) {
            add_heading(label_of(group.label, language_));
            for (const auto& field : service_->fields) {
                if (field.group != group.key)
                    continue;
                if (field.is_table())
                    add_table(field);
                else
                    add_field(field);
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
            fields_ = new wxFlexGridSizer(4, FromDIP(4), FromDIP(6));
            fields_->AddGrowableCol(3, 1);
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
        set_accessible_name(mark, wxString::Format(_("Mark for %s"), label));
        marks_[field.key] = mark;
        fields_->Add(mark, 0, wxALIGN_CENTER_VERTICAL);
        // The check's flag beside the mark; a click says why (a button: it takes focus and clicks on GTK).
        auto* flag = new wxButton(this, wxID_ANY, " ", wxDefaultPosition, wxSize(FromDIP(28), -1),
                                  wxBU_EXACTFIT | wxBORDER_NONE);
        flag->SetName(wxString::FromUTF8("check:" + field.key));
        flag->Bind(wxEVT_BUTTON, [this, key = field.key](wxCommandEvent&) {
            const auto& reason = flags_.at(key).reason;
            if (!reason.empty())
                new wxTipWindow(this, reason, FromDIP(360));
        });
        flags_[field.key] = {flag, {}, {}, label};
        set_flag(flags_[field.key], nullptr);
        fields_->Add(flag, 0, wxALIGN_CENTER_VERTICAL);
        auto* name =
            new wxStaticText(this, wxID_ANY, label, wxDefaultPosition, wxDefaultSize, wxST_ELLIPSIZE_END);
        name->SetToolTip(label);
        name->SetMinSize(wxSize(FromDIP(170), -1));  // one label width, so groups line up
        fields_->Add(name, 0, wxALIGN_CENTER_VERTICAL);
        auto* text = new wxStaticText(this, wxID_ANY, " ", wxDefaultPosition, wxDefaultSize,
                                      wxST_ELLIPSIZE_END | wxST_NO_AUTORESIZE);
        text->SetName(wxString::FromUTF8(field.key));
        set_labelled_by(text, name);
        text->SetMinSize(
            wxSize(FromDIP(100), -1));  // long values shorten with "…"; the tooltip has all of it
        fields_->Add(text, 1, wxALIGN_CENTER_VERTICAL | wxEXPAND);
        values_[field.key] = {&field, text};
    }

    void add_table(const catalogue::FieldDefinition& field) {
        add_heading(label_of(field.label, language_));
        auto* grid = new wxGrid(this, wxID_ANY);
        grid->SetName(wxString::FromUTF8("table:" + field.key));
        set_accessible_name(grid, label_of(field.label, language_));
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
        if (grid->GetNumberRows() < want)
            grid->AppendRows(want - grid->GetNumberRows());
        if (grid->GetNumberRows() > want)
            grid->DeleteRows(want, grid->GetNumberRows() - want);
        for (std::size_t c = 0; c < field.columns.size(); ++c) {
            for (std::size_t r = 0; r < rows.size(); ++r) {
                auto it = rows[r].find(field.columns[c].key);
                const std::string value = it == rows[r].end() ? "" : it->second;
                grid->SetCellValue(static_cast<int>(r), static_cast<int>(c),
                                   wxString::FromUTF8(display_value(field.columns[c], value, language_)));
            }
        }
        for (int r = 0; r < grid->GetNumberRows(); ++r)
            for (int c = 0; c < grid->GetNumberCols(); ++c)
                grid->SetCellBackgroundColour(r, c, grid->GetDefaultCellBackgroundColour());
        grid->AutoSize();
    }

    const catalogue::ServiceDefinition* service_;
    bool first_fill_ = true;  // the first fill lays the page out
    std::string language_;
    wxBoxSizer* rows_ = nullptr;              // headings, field grids and tables, top to bottom
    wxFlexGridSizer* fields_ = nullptr;       // the grid of the group being built
    wxStaticText* title_ = nullptr;           // "service — number"
    std::map<std::string, wxChoice*> marks_;  // field key → its mark
    std::map<std::string, Value> values_;
    std::map<std::string, Table> tables_;
    std::map<std::string, FlagButton> flags_;  // field key → its check's flag
    wxHyperlinkCtrl* summary_ = nullptr;       // "3 checks need attention — see why"
    std::function<void()> on_summary_;
};

ApplicationPanel::ApplicationPanel(wxWindow* parent) : wxPanel(parent, wxID_ANY) {
    SetName("application");
    SetSizer(new wxBoxSizer(wxVERTICAL));
}

FormPage* ApplicationPanel::form_for(const catalogue::ServiceDefinition* service,
                                     const std::string& language) {
    auto it =
        std::find_if(forms_.begin(), forms_.end(), [&](FormPage* f) { return f->is_for(service, language); });
    if (it != forms_.end()) {
        std::rotate(forms_.begin(), it, it + 1);  // most recently used first
        return forms_.front();
    }
    auto* form = new FormPage(this, service, language);
    form->Hide();
    GetSizer()->Add(form, 1, wxEXPAND);
    forms_.insert(forms_.begin(), form);
    // Keep the cache small (a form for a service missing from the catalogue is never reused; it ages out).
    // The form on screen stays: prepare() builds forms while it is shown.
    while (forms_.size() > kKeptForms) {
        auto victim =
            std::find_if(forms_.rbegin(), forms_.rend(), [this](FormPage* f) { return f != current_; });
        FormPage* old = *victim;
        forms_.erase(std::next(victim).base());
        GetSizer()->Detach(old);
        old->Destroy();
    }
    return form;
}

void ApplicationPanel::prepare(const catalogue::ServiceDefinition* service, const std::string& language) {
    if (service == nullptr)
        return;
    if (std::none_of(forms_.begin(), forms_.end(), [&](FormPage* f) { return f->is_for(service, language); }))
        form_for(service, language);
}

void ApplicationPanel::show(const model::Application& app, const catalogue::ServiceDefinition* service,
                            const std::string& language) {
    Freeze();
    FormPage* form = form_for(service, language);
    form->fill(app);
    if (current_ != form) {
        if (current_ != nullptr)
            current_->Hide();
        form->Show();
        current_ = form;
    }
    Layout();
    Thaw();
}

void ApplicationPanel::clear() {
    if (current_ != nullptr)
        current_->Hide();
    current_ = nullptr;
}

void ApplicationPanel::clear_checks() {
    if (current_ != nullptr)
        current_->clear_checks();
}

void ApplicationPanel::show_checks(const checks::ApplicationReport& report,
                                   std::function<void()> on_summary) {
    if (current_ != nullptr)
        current_->show_checks(report, std::move(on_summary));
}

bool ApplicationPanel::set_mark(const std::string& field, model::FieldMark mark) {
    return current_ != nullptr && current_->set_mark(field, mark);
}

std::vector<model::FieldCheck> ApplicationPanel::field_checks() const {
    return current_ == nullptr ? std::vector<model::FieldCheck>{} : current_->field_checks();
}

}  // namespace jaanch::app
