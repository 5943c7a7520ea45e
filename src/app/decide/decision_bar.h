// The decision bar under the form: one button per action the workflow allows this officer here, and nothing
// else. Each button runs the same command as its hotkey. An action the level's review requirement holds back
// (approve or forward before the mandatory documents were opened) shows disabled, and the bar's message says
// what is still unopened. UI thread only.
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

    // Shows exactly these actions, those in `held_back` disabled; an empty list with a note says why nothing
    // can be decided, a note with actions held back says what they wait for.
    void set_actions(const std::vector<model::Action>& allowed, const wxString& note,
                     const std::vector<model::Action>& held_back = {});
    void set_message(const wxString& message);
    wxString message() const;
    // Shown and enabled: the officer (or a script) may take it now.
    bool allows(model::Action action) const;
    // Shown (enabled or held back): the workflow offers it here.
    bool offers(model::Action action) const;
    bool held_back(model::Action action) const { return offers(action) && !allows(action); }

  private:
    // The message over as many lines as the bar's height holds (two beside the buttons): a list of unopened
    // documents is longer than one line of the window.
    void show_message(const wxString& message);

    std::map<model::Action, wxButton*> buttons_;
    std::vector<model::Action> allowed_;
    std::vector<model::Action> held_back_;
    wxStaticText* message_ = nullptr;
    wxString message_text_;  // unwrapped
};

}  // namespace jaanch::app
