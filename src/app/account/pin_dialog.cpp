#include "app/account/pin_dialog.h"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "app/accessibility/accessibility.h"

namespace jaanch::app {

PinDialog::PinDialog(wxWindow* parent, const crypto::PinRequest& request)
    : wxDialog(parent, wxID_ANY, _("PIN for your signing key")) {
    SetName("pin_dialog");
    wxString text = request.token_serial.empty()
                        ? wxString::Format(_("Enter the PIN or password of %s to sign."),
                                           wxString::FromUTF8(request.token_label))
                        : wxString::Format(_("Enter the PIN of the token \"%s\" (serial %s) to sign."),
                                           wxString::FromUTF8(request.token_label),
                                           wxString::FromUTF8(request.token_serial));
    if (request.final_try)
        text += "\n" + _("Careful: one more wrong PIN locks the token.");
    else if (request.count_low)
        text += "\n" + _("An earlier PIN was wrong.");
    auto* label = new wxStaticText(this, wxID_ANY, text);
    field_ = new wxTextCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(FromDIP(260), -1),
                            wxTE_PASSWORD | wxTE_PROCESS_ENTER);
    field_->SetName("pin");
    field_->SetHelpText(_("PIN"));
    set_labelled_by(field_, label);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(label, 0, wxALL, FromDIP(12));
    sizer->Add(field_, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(12));
    sizer->Add(CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, FromDIP(12));
    SetSizerAndFit(sizer);
    field_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) { EndModal(wxID_OK); });
    field_->SetFocus();
}

PinDialog::~PinDialog() {
    field_->ChangeValue(wxString(' ', 64));
}

crypto::SecretString PinDialog::take_pin() {
    crypto::SecretString pin(field_->GetValue().utf8_string());
    field_->ChangeValue(wxString(' ', 64));  // overwrite the control's buffer before it goes
    return pin;
}

crypto::SecretString ask_pin(wxWindow* parent, const crypto::PinRequest& request) {
    PinDialog dialog(parent, request);
    if (dialog.ShowModal() != wxID_OK)
        return crypto::SecretString(std::string());
    return dialog.take_pin();
}

}  // namespace jaanch::app
