#include "app/review/review_pane.h"

#include "app/accessibility/accessibility.h"

#include <algorithm>

#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/notebook.h>
#include <wx/scrolwin.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "model/decision.h"

namespace jaanch::app {
namespace {

enum MarkChoice { kNone, kSeen, kValid, kInvalid };

int choice_of(model::DocumentMark mark) {
    switch (mark) {
        case model::DocumentMark::seen:
            return kSeen;
        case model::DocumentMark::valid:
            return kValid;
        case model::DocumentMark::invalid:
            return kInvalid;
    }
    return kNone;
}

}  // namespace

wxString signature_text(const sync::HistoryMark& mark) {
    switch (mark.mark) {
        case sync::SignatureMark::valid:
            return wxString::FromUTF8("✓ ") + _("valid");
        case sync::SignatureMark::invalid:
            return wxString::FromUTF8("✗ " + mark.reason + " — " + mark.message);
        case sync::SignatureMark::not_fetched:
            return _("not yet fetched");
        case sync::SignatureMark::no_trust:
            return _("cannot check: no trust folder");
    }
    return {};
}

ChecklistPanel::ChecklistPanel(wxWindow* parent, Changed on_changed)
    : wxPanel(parent, wxID_ANY), on_changed_(std::move(on_changed)) {
    SetName("checklist");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    body_ = new wxScrolledWindow(this, wxID_ANY);
    body_->SetScrollRate(0, FromDIP(12));
    sizer->Add(body_, 1, wxEXPAND);
    SetSizer(sizer);
}

void ChecklistPanel::show(const model::Application& app, const catalogue::ServiceDefinition* service,
                          const std::string& language, const std::vector<model::DocumentCheck>& checks) {
    Freeze();
    body_->DestroyChildren();
    rows_.clear();
    grid_ = new wxFlexGridSizer(4, FromDIP(4), FromDIP(8));
    grid_->AddGrowableCol(3, 1);
    rows_.reserve(app.documents.size());
    for (const auto& doc : app.documents) {
        Row row;
        row.document_id = doc.id;
        row.label = wxString::FromUTF8(doc.kind);
        if (service != nullptr) {
            for (const auto& requirement : service->documents) {
                if (requirement.kind == doc.kind)
                    row.label = wxString::FromUTF8(requirement.label.in(language));
            }
        }
        auto* label = new wxStaticText(body_, wxID_ANY, row.label, wxDefaultPosition, wxDefaultSize,
                                       wxST_ELLIPSIZE_END);
        label->SetMinSize(wxSize(FromDIP(150), -1));
        label->SetToolTip(wxString::FromUTF8(doc.file_name));
        row.pages = new wxStaticText(body_, wxID_ANY, _("not opened"));
        row.pages->SetName(wxString::FromUTF8("pages:" + doc.id));
        const wxString choices[] = {wxString::FromUTF8("—"), _("Seen"), _("Valid"), _("Invalid")};
        row.mark = new wxChoice(body_, wxID_ANY, wxDefaultPosition, wxDefaultSize, 4, choices);
        row.mark->SetName(wxString::FromUTF8("docmark:" + doc.id));
        row.mark->SetSelection(kNone);
        row.reason =
            new wxTextCtrl(body_, wxID_ANY, "", wxDefaultPosition, wxDefaultSize, wxTE_PROCESS_ENTER);
        row.reason->SetHint(_("Why it is invalid"));
        row.reason->SetName(wxString::FromUTF8("docreason:" + doc.id));
        for (const auto& c : checks) {
            if (c.document != doc.id)
                continue;
            row.mark->SetSelection(choice_of(c.mark));
            row.reason->SetValue(wxString::FromUTF8(c.reason));
        }
        row.reason->Enable(row.mark->GetSelection() == kInvalid);
        grid_->Add(label, 0, wxALIGN_CENTER_VERTICAL);
        grid_->Add(row.pages, 0, wxALIGN_CENTER_VERTICAL);
        grid_->Add(row.mark, 0, wxALIGN_CENTER_VERTICAL);
        grid_->Add(row.reason, 1, wxEXPAND | wxALIGN_CENTER_VERTICAL);
        rows_.push_back(row);
    }
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        rows_[i].mark->Bind(wxEVT_CHOICE, [this, i](wxCommandEvent&) { changed(rows_[i]); });
        rows_[i].reason->Bind(wxEVT_KILL_FOCUS, [this, i](wxFocusEvent& e) {
            e.Skip();
            changed(rows_[i]);
        });
        rows_[i].reason->Bind(wxEVT_TEXT_ENTER, [this, i](wxCommandEvent&) { changed(rows_[i]); });
    }
    auto* outer = new wxBoxSizer(wxVERTICAL);
    outer->Add(new wxStaticText(
                   body_, wxID_ANY,
                   _("Mark each document once you have looked at it. Marks go into the signed decision.")),
               0, wxALL, FromDIP(8));
    outer->Add(grid_, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(8));
    body_->SetSizer(outer);
    body_->FitInside();
    Layout();
    Thaw();
}

void ChecklistPanel::changed(Row& row) {
    const int choice = row.mark->GetSelection();
    row.reason->Enable(choice == kInvalid);
    if (!on_changed_)
        return;
    model::DocumentCheck check{row.document_id, model::DocumentMark::seen, ""};
    if (choice == kValid)
        check.mark = model::DocumentMark::valid;
    if (choice == kInvalid) {
        check.mark = model::DocumentMark::invalid;
        check.reason = row.reason->GetValue().Strip(wxString::both).utf8_string();
        if (check.reason.empty())
            return;  // kept once the officer says why
    }
    on_changed_(check, choice == kNone);
}

void ChecklistPanel::set_pages(const std::string& document_id, std::size_t seen, int total) {
    for (auto& row : rows_) {
        if (row.document_id != document_id)
            continue;
        row.pages->SetLabel(seen == 0 ? _("not opened")
                                      : wxString::Format(_("pages seen %zu/%d"), seen, total));
    }
    Layout();
}

bool ChecklistPanel::set_mark(std::size_t index, const std::string& mark, const std::string& reason) {
    if (index >= rows_.size())
        return false;
    Row& row = rows_[index];
    const std::pair<const char*, int> names[] = {
        {"none", kNone}, {"seen", kSeen}, {"valid", kValid}, {"invalid", kInvalid}};
    for (const auto& [name, choice] : names) {
        if (mark != name)
            continue;
        row.mark->SetSelection(choice);
        row.reason->SetValue(wxString::FromUTF8(reason));
        changed(row);
        return true;
    }
    return false;
}

ReviewPane::ReviewPane(wxWindow* parent) : wxPanel(parent, wxID_ANY) {
    SetName("review");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    banner_ = new wxStaticText(this, wxID_ANY, "");
    banner_->SetName("review_banner");
    banner_->SetFont(banner_->GetFont().Bold());
    sizer->Add(banner_, 0, wxEXPAND | wxALL, FromDIP(4));
    banner_->Hide();
    tabs_ = new wxNotebook(this, wxID_ANY);
    tabs_->SetName("review_tabs");
    set_accessible_name(tabs_, _("Form, documents checklist and history"));
    sizer->Add(tabs_, 1, wxEXPAND);
    SetSizer(sizer);
    checklist_ = new ChecklistPanel(tabs_, [this](const model::DocumentCheck& c, bool cleared) {
        if (checklist_handler_)
            checklist_handler_(c, cleared);
    });
    history_ =
        new wxListCtrl(tabs_, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    history_->SetName("history");
    // The signature mark first: the pane is narrow and the mark is what the officer looks for.
    const std::pair<const char*, int> columns[] = {{"Signature", 110}, {"Action", 100}, {"Who", 130},
                                                   {"Role", 70},       {"Level", 50},   {"When", 140},
                                                   {"Reason", 110},    {"Remark", 220}};
    for (const auto& [title, width] : columns)
        history_->AppendColumn(wxGetTranslation(title), wxLIST_FORMAT_LEFT, FromDIP(width));
}

wxWindow* ReviewPane::tab_parent() {
    return tabs_;
}

void ReviewPane::add_form(wxWindow* form) {
    tabs_->AddPage(form, _("Form"));
    tabs_->AddPage(checklist_, _("Documents checklist"));
    tabs_->AddPage(history_, _("History"));
}

bool ReviewPane::select_tab(std::size_t index) {
    if (index >= tabs_->GetPageCount())
        return false;
    tabs_->SetSelection(index);
    return true;
}

void ReviewPane::set_checklist_handler(ChecklistPanel::Changed handler) {
    checklist_handler_ = std::move(handler);
}

void ReviewPane::set_banner(const wxString& text, bool warning) {
    banner_->SetLabel(text);
    banner_->SetForegroundColour(warning ? wxColour(160, 30, 30) : wxColour(40, 80, 140));
    banner_->Show(!text.empty());
    banner_->Wrap(std::max(FromDIP(200), GetClientSize().GetWidth() - FromDIP(8)));
    Layout();
}

wxString ReviewPane::banner() const {
    return banner_->IsShown() ? banner_->GetLabel() : wxString();
}

void ReviewPane::show_history(const model::Application& app, const std::vector<sync::HistoryMark>& marks) {
    history_->DeleteAllItems();
    for (std::size_t i = 0; i < app.history.size(); ++i) {
        const auto& r = app.history[i];
        const long row = history_->InsertItem(static_cast<long>(i),
                                              i < marks.size() ? signature_text(marks[i]) : wxString());
        history_->SetItem(
            row, 1, wxGetTranslation(wxString::FromUTF8(std::string(model::action_name(r.decision.action)))));
        history_->SetItem(row, 2, wxString::FromUTF8(r.decision.officer));
        history_->SetItem(row, 3, wxString::FromUTF8(r.decision.role));
        history_->SetItem(row, 4, wxString::FromUTF8(r.decision.level));
        history_->SetItem(row, 5, wxString::FromUTF8(format_timestamp(r.applied_at)));
        history_->SetItem(row, 6, wxString::FromUTF8(r.decision.reason_code));
        history_->SetItem(row, 7, wxString::FromUTF8(r.decision.remark));
        if (i < marks.size()) {
            const bool ok = marks[i].mark == sync::SignatureMark::valid;
            const bool bad = marks[i].mark == sync::SignatureMark::invalid;
            if (ok || bad)
                history_->SetItemTextColour(row, ok ? wxColour(20, 110, 40) : wxColour(170, 20, 20));
        }
    }
    tabs_->SetPageText(
        2, app.history.empty() ? _("History") : wxString::Format(_("History (%zu)"), app.history.size()));
}

std::vector<std::string> ReviewPane::history_lines() const {
    std::vector<std::string> out;
    for (long row = 0; row < history_->GetItemCount(); ++row) {
        std::string line;
        for (int col = 0; col < history_->GetColumnCount(); ++col) {
            if (col > 0)
                line += " | ";
            line += history_->GetItemText(row, col).utf8_string();
        }
        out.push_back(line);
    }
    return out;
}

}  // namespace jaanch::app
