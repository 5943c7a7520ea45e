#include "pin_dialog.h"

#include <wx/button.h>
#include <wx/dialog.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace jaanch::app {

crypto::SecretString ask_pin(wxWindow* parent, const crypto::PinRequest& request) {
    wxDialog dialog(parent, wxID_ANY, _("PIN for your signing key"));
    dialog.SetName("pin_dialog");
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
    auto* label = new wxStaticText(&dialog, wxID_ANY, text);
    auto* field = new wxTextCtrl(&dialog, wxID_ANY, "", wxDefaultPosition, wxSize(dialog.FromDIP(260), -1),
                                 wxTE_PASSWORD | wxTE_PROCESS_ENTER);
    field->SetName("pin");
    field->SetHelpText(_("PIN"));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(label, 0, wxALL, dialog.FromDIP(12));
    sizer->Add(field, 0, wxEXPAND | wxLEFT | wxRIGHT, dialog.FromDIP(12));
    sizer->Add(dialog.CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, dialog.FromDIP(12));
    dialog.SetSizerAndFit(sizer);
    field->Bind(wxEVT_TEXT_ENTER, [&dialog](wxCommandEvent&) { dialog.EndModal(wxID_OK); });
    field->SetFocus();
    const bool ok = dialog.ShowModal() == wxID_OK;
    crypto::SecretString pin(ok ? field->GetValue().utf8_string() : std::string());
    field->ChangeValue(wxString(' ', 64));  // overwrite the control's buffer before it goes
    return pin;
}

}  // namespace jaanch::app
