#include "app/account/preferences_dialog.h"

#include "app/accessibility/accessibility.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/combobox.h>
#include <wx/filepicker.h>
#include <wx/intl.h>
#include <wx/listbox.h>
#include <wx/radiobox.h>
#include <wx/sizer.h>
#include <wx/statbox.h>
#include <wx/stattext.h>

namespace jaanch::app {
namespace {

wxStaticText* label_for(wxWindow* parent, const wxString& text) {
    return new wxStaticText(parent, wxID_ANY, text);
}

}  // namespace

PreferencesDialog::PreferencesDialog(wxWindow* parent, const workstation::AccountSettings& settings)
    : wxDialog(parent, wxID_ANY, _("Preferences"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      base_(settings) {
    SetName("preferences");
    const int gap = FromDIP(8);
    auto* outer = new wxBoxSizer(wxVERTICAL);

    auto* lang_row = new wxBoxSizer(wxHORIZONTAL);
    auto* language_label = label_for(this, _("&Language:"));
    lang_row->Add(language_label, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
    language_ = new wxChoice(this, wxID_ANY);
    language_->SetName("language");
    set_labelled_by(language_, language_label);
    language_->Append("English");
    language_->Append(wxString::FromUTF8("हिन्दी"));
    language_->SetSelection(settings.language == "hi" ? 1 : 0);
    lang_row->Add(language_, 0, wxRIGHT, gap);
    lang_row->Add(label_for(this, _("(applies at once)")), 0, wxALIGN_CENTER_VERTICAL);
    outer->Add(lang_row, 0, wxALL, FromDIP(12));

    const wxString sources[] = {_("DSC token (PKCS#11)"), _("PKCS#12 file")};
    source_ =
        new wxRadioBox(this, wxID_ANY, _("Signing key"), wxDefaultPosition, wxDefaultSize, 2, sources, 1);
    source_->SetName("key_source");
    source_->SetSelection(settings.key_source == workstation::KeySource::p12 ? 1 : 0);
    outer->Add(source_, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(12));

    auto* grid = new wxFlexGridSizer(2, gap, gap);
    grid->AddGrowableCol(1);
    wxArrayString modules;
    for (const auto& m : workstation::installed_pkcs11_modules())
        modules.Add(wxString::FromUTF8(m));
    const wxString module_value = settings.pkcs11_module.empty()
                                      ? (modules.empty() ? wxString() : modules.Last())
                                      : wxString::FromUTF8(settings.pkcs11_module);
    auto* module_label = label_for(this, _("PKCS#11 &module:"));
    grid->Add(module_label, 0, wxALIGN_CENTER_VERTICAL);
    module_ =
        new wxComboBox(this, wxID_ANY, module_value, wxDefaultPosition, wxSize(FromDIP(380), -1), modules);
    module_->SetName("pkcs11_module");
    set_labelled_by(module_, module_label);
    grid->Add(module_, 1, wxEXPAND);
    auto* tokens_label = label_for(this, _("&Tokens:"));
    grid->Add(tokens_label, 0, wxALIGN_TOP);
    auto* token_column = new wxBoxSizer(wxVERTICAL);
    tokens_ = new wxListBox(this, wxID_ANY, wxDefaultPosition, wxSize(-1, FromDIP(80)));
    tokens_->SetName("tokens");
    set_labelled_by(tokens_, tokens_label);
    token_column->Add(tokens_, 1, wxEXPAND);
    auto* rescan_button = new wxButton(this, wxID_ANY, _("&Look for tokens"));
    rescan_button->SetName("rescan_tokens");
    token_column->Add(rescan_button, 0, wxTOP, FromDIP(4));
    token_note_ = new wxStaticText(this, wxID_ANY, "");
    token_note_->SetName("token_certificate");
    token_column->Add(token_note_, 0, wxTOP | wxEXPAND, FromDIP(4));
    grid->Add(token_column, 1, wxEXPAND);
    auto* p12_label = label_for(this, _("PKCS#12 &file:"));
    grid->Add(p12_label, 0, wxALIGN_CENTER_VERTICAL);
    p12_ = new wxFilePickerCtrl(this, wxID_ANY, wxString::FromUTF8(settings.p12_file),
                                _("Choose a PKCS#12 file"), "PKCS#12 (*.p12;*.pfx)|*.p12;*.pfx|*|*");
    p12_->SetName("p12_file");
    set_accessible_name(p12_, p12_label->GetLabelText());
    grid->Add(p12_, 1, wxEXPAND);
    outer->Add(grid, 0, wxEXPAND | wxALL, FromDIP(12));

    const wxString policies[] = {_("Ask for the PIN at every signature"),
                                 _("Keep it for this session (forgotten at log-out and exit)")};
    policy_ = new wxRadioBox(this, wxID_ANY, _("PIN"), wxDefaultPosition, wxDefaultSize, 2, policies, 1);
    policy_->SetName("pin_policy");
    policy_->SetSelection(settings.pin_policy == workstation::PinPolicy::session ? 1 : 0);
    outer->Add(policy_, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(12));
    outer->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, FromDIP(12));
    SetSizerAndFit(outer);

    rescan_button->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { rescan(); });
    module_->Bind(wxEVT_COMBOBOX, [this](wxCommandEvent&) { rescan(); });
    tokens_->Bind(wxEVT_LISTBOX, [this](wxCommandEvent&) { show_selection(); });
    rescan();
}

void PreferencesDialog::rescan() {
    tokens_->Clear();
    found_.clear();
    const std::string module = module_->GetValue().utf8_string();
    if (module.empty())
        return;
    const auto presence = crypto::scan_tokens(module);
    if (!presence.problem.empty()) {
        token_note_->SetLabel(wxString::FromUTF8(presence.problem));
        token_note_->Wrap(FromDIP(420));
        return;
    }
    found_ = presence.tokens;
    for (const auto& t : found_) {
        wxString row =
            wxString::Format(_("%s (serial %s)"), wxString::FromUTF8(t.label), wxString::FromUTF8(t.serial));
        if (t.pin_locked)
            row += " " + _("(PIN locked)");
        tokens_->Append(row);
        if (t.label == base_.token_label)
            tokens_->SetSelection(tokens_->GetCount() - 1);
    }
    if (found_.empty())
        token_note_->SetLabel(_("No token — insert your DSC"));
    else if (tokens_->GetSelection() == wxNOT_FOUND)
        tokens_->SetSelection(0);
    show_selection();
}

void PreferencesDialog::show_selection() {
    const int at = tokens_->GetSelection();
    if (at == wxNOT_FOUND || at >= static_cast<int>(found_.size()))
        return;
    try {
        const std::string subject =
            crypto::token_certificate_subject(module_->GetValue().utf8_string(), found_[at].label);
        // One RDN a line: a DSC subject is long, and the dialog must stay narrower than an office screen.
        wxString shown = wxString::FromUTF8(subject);
        shown.Replace("/", "\n");
        token_note_->SetLabel(subject.empty() ? _("No certificate on this token.")
                                              : _("Certificate:") + shown);
    } catch (const std::exception& e) {
        token_note_->SetLabel(wxString::FromUTF8(e.what()));
        token_note_->Wrap(FromDIP(420));
    }
    Layout();
    Fit();
}

workstation::AccountSettings PreferencesDialog::settings() const {
    workstation::AccountSettings s = base_;
    s.language = language_->GetSelection() == 1 ? "hi" : "en";
    s.key_source = source_->GetSelection() == 1 ? workstation::KeySource::p12 : workstation::KeySource::token;
    s.pkcs11_module = module_->GetValue().utf8_string();
    const int at = tokens_->GetSelection();
    if (at != wxNOT_FOUND && at < static_cast<int>(found_.size())) {
        s.token_label = found_[at].label;
        s.token_serial = found_[at].serial;
    }
    s.p12_file = p12_->GetPath().utf8_string();
    s.pin_policy =
        policy_->GetSelection() == 1 ? workstation::PinPolicy::session : workstation::PinPolicy::every_time;
    return s;
}

bool PreferencesDialog::choose_token(const std::string& module, const std::string& label) {
    source_->SetSelection(0);
    module_->SetValue(wxString::FromUTF8(module));
    rescan();
    for (std::size_t i = 0; i < found_.size(); ++i) {
        if (found_[i].label != label)
            continue;
        tokens_->SetSelection(static_cast<int>(i));
        show_selection();
        return true;
    }
    return false;
}

void PreferencesDialog::set_pin_policy(workstation::PinPolicy policy) {
    policy_->SetSelection(policy == workstation::PinPolicy::session ? 1 : 0);
}

}  // namespace jaanch::app
