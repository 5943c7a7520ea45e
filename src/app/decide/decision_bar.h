// The decision bar under the form: one button per action the workflow allows this officer here, and nothing
// else. Each button runs the same command as its hotkey. UI thread only.
#pragma once

#include <functional>
#include <map>
#include <vector>

#include <wx/panel.h>

#include "model/decision.h"

class wxButton;
class wxStaticText;

namespace jaanch::app {

class DecisionBar : public wxPanel {
  public:
    using Handler = std::function<void(model::Action)>;
    DecisionBar(wxWindow* parent, Handler on_action);

    // Shows exactly these actions; an empty list with a note says why nothing can be decided.
    void set_actions(const std::vector<model::Action>& allowed, const wxString& note);
    void set_message(const wxString& message);
    bool allows(model::Action action) const;

  private:
    std::map<model::Action, wxButton*> buttons_;
    std::vector<model::Action> allowed_;
    wxStaticText* message_ = nullptr;
};

}  // namespace jaanch::app
