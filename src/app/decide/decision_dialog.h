// Asking for what a decision needs (a coded reason for reject and return, a remark where the rules want one)
// and then showing exactly what will be signed before the officer signs it. UI thread only.
#pragma once

#include <optional>
#include <string>

#include <wx/dialog.h>

#include "catalogue/service_definition.h"
#include "model/decision.h"

class wxChoice;
class wxTextCtrl;

namespace jaanch::app {

struct DecisionDetails {
    std::string reason_code;
    std::string remark;
};

// Asks for reason and remark. Returns nullopt when the officer cancels.
std::optional<DecisionDetails> ask_decision_details(wxWindow* parent,
                                                    const catalogue::ServiceDefinition& service,
                                                    model::Action action, const std::string& language);

// Shows the decision as it will be signed (its canonical JSON) and asks to sign. True = sign.
// `warning` (when not empty) is shown above the bytes: e.g. the documents the officer never opened.
bool confirm_signing(wxWindow* parent, const model::Decision& decision, const std::string& canonical_bytes,
                     const wxString& warning = wxString());

// The dialogs behind those two, for callers that show them another way (the accessibility survey).
class DecisionDetailsDialog : public wxDialog {
  public:
    DecisionDetailsDialog(wxWindow* parent, const catalogue::ServiceDefinition& service, model::Action action,
                          const std::string& language);
    // What the officer chose, or a sentence saying what is missing (a reason, a required remark).
    std::optional<DecisionDetails> details(wxString& missing) const;

  private:
    model::Action action_;
    const std::vector<catalogue::ReasonCode>* reasons_ = nullptr;
    wxChoice* reason_ = nullptr;
    wxTextCtrl* remark_ = nullptr;
};

class SigningConfirmation : public wxDialog {
  public:
    SigningConfirmation(wxWindow* parent, const model::Decision& decision, const std::string& canonical_bytes,
                        const wxString& warning);
};

// The action's label in the officer's language: "Approve", "Return to applicant" …
wxString action_label(model::Action action);

}  // namespace jaanch::app
