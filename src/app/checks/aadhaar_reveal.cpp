#include "app/checks/aadhaar_reveal.h"

#include <cctype>

#include <wx/button.h>
#include <wx/choicdlg.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace jaanch::app {
namespace {

struct SealedPath {
    std::string table;  // empty for a plain field
    std::size_t row = 0;
    std::string key;  // the field or the column
};

// "aadhaar" or "members[1].aadhaar" (store/sealed_fields.h writes these).
SealedPath parse_path(const std::string& path) {
    const auto open = path.find('[');
    const auto close = path.find("].");
    if (open == std::string::npos || close == std::string::npos || close < open)
        return {"", 0, path};
    SealedPath out{path.substr(0, open), 0, path.substr(close + 2)};
    for (std::size_t i = open + 1; i < close; ++i) {
        if (std::isdigit(static_cast<unsigned char>(path[i])) == 0)
            return {"", 0, path};
        out.row = out.row * 10 + static_cast<std::size_t>(path[i] - '0');
    }
    return out;
}

wxString text_of(const catalogue::LocalizedText& text, const std::string& language) {
    return wxString::FromUTF8(text.in(language));
}

}  // namespace

std::string group_aadhaar(const std::string& digits) {
    if (digits.size() != 12)
        return digits;
    for (char c : digits)
        if (std::isdigit(static_cast<unsigned char>(c)) == 0)
            return digits;
    return digits.substr(0, 4) + " " + digits.substr(4, 4) + " " + digits.substr(8, 4);
}

wxString sealed_field_label(const std::string& path, const model::Application& app,
                            const catalogue::ServiceDefinition* service, const std::string& language) {
    const SealedPath p = parse_path(path);
    const catalogue::FieldDefinition* field =
        service ? service->find_field(p.table.empty() ? p.key : p.table) : nullptr;
    if (p.table.empty()) {
        const wxString name = field ? text_of(field->label, language) : wxString::FromUTF8(p.key);
        return wxString::Format(_("%s — applicant (%s)"), name, wxString::FromUTF8(app.field(p.key)));
    }
    const wxString table = field ? text_of(field->label, language) : wxString::FromUTF8(p.table);
    wxString who, masked;
    if (auto t = app.tables.find(p.table); t != app.tables.end() && p.row < t->second.size()) {
        const auto& row = t->second[p.row];
        if (auto n = row.find("name"); n != row.end())
            who = wxString::FromUTF8(n->second);
        if (auto v = row.find(p.key); v != row.end())
            masked = wxString::FromUTF8(v->second);
    }
    return wxString::Format(_("%s %zu: %s (%s)"), table, p.row + 1, who, masked);
}

std::optional<std::size_t> choose_sealed_field(wxWindow* parent, const std::vector<wxString>& labels) {
    if (labels.empty())
        return std::nullopt;
    if (labels.size() == 1)
        return 0;
    wxArrayString choices;
    for (const auto& l : labels)
        choices.Add(l);
    wxSingleChoiceDialog ask(parent, _("Which Aadhaar number do you want to see in full?"),
                             _("Reveal Aadhaar"), choices);
    if (ask.ShowModal() != wxID_OK)
        return std::nullopt;
    return static_cast<std::size_t>(ask.GetSelection());
}

bool confirm_reveal(wxWindow* parent, const wxString& label, const wxString& officer) {
    wxMessageDialog ask(
        parent,
        wxString::Format(_("You are about to see %s in full.\n\nThe reveal is recorded in the "
                           "workspace's activity log under your name (%s), with the application "
                           "and the field; the number itself is not written there. Reveal it?"),
                         label, officer),
        _("Reveal Aadhaar"), wxYES_NO | wxNO_DEFAULT | wxICON_WARNING);
    ask.SetYesNoLabels(_("&Reveal"), _("Cancel"));
    return ask.ShowModal() == wxID_YES;
}

RevealedDialog::RevealedDialog(wxWindow* parent, const wxString& label, const std::string& number)
    : wxDialog(parent, wxID_ANY, _("Aadhaar number")) {
    SetName("revealed-aadhaar");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(new wxStaticText(this, wxID_ANY, label), 0, wxALL, FromDIP(10));
    auto* shown = new wxStaticText(this, wxID_ANY, wxString::FromUTF8(group_aadhaar(number)));
    shown->SetName("revealed-number");
    shown->SetFont(shown->GetFont().Scaled(1.8f).Bold());
    sizer->Add(shown, 0, wxALIGN_CENTER | wxLEFT | wxRIGHT, FromDIP(20));
    sizer->Add(new wxStaticText(this, wxID_ANY,
                                _("This reveal is recorded in the activity log. The form keeps "
                                  "showing the number masked.")),
               0, wxALL, FromDIP(10));
    sizer->Add(new wxButton(this, wxID_CANCEL, _("Close")), 0, wxALIGN_RIGHT | wxALL, FromDIP(10));
    SetEscapeId(wxID_CANCEL);
    SetSizerAndFit(sizer);
}

}  // namespace jaanch::app
