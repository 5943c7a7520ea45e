#include "app/decide/decision_bar.h"

#include <algorithm>

#include <wx/button.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "app/decide/decision_dialog.h"

namespace jaanch::app {

DecisionBar::DecisionBar(wxWindow* parent, Handler on_action) : wxPanel(parent, wxID_ANY) {
    SetName("decision_bar");
    auto* sizer = new wxBoxSizer(wxHORIZONTAL);
    for (auto action : model::all_actions()) {
        auto* button = new wxButton(this, wxID_ANY, action_label(action));
        button->SetName(wxString::FromUTF8("decide:" + std::string(model::action_name(action))));
        button->Bind(wxEVT_BUTTON, [on_action, action](wxCommandEvent&) { on_action(action); });
        button->Hide();
        buttons_[action] = button;
        sizer->Add(button, 0, wxALL, FromDIP(4));
    }
    message_ = new wxStaticText(this, wxID_ANY, "");
    message_->SetName("decision_message");
    sizer->Add(message_, 1, wxALIGN_CENTER_VERTICAL | wxLEFT, FromDIP(12));
    SetSizer(sizer);
    // As tall as a row of buttons even while none shows, so the panels above do not jump when they appear.
    SetMinSize(wxSize(-1, buttons_.begin()->second->GetBestSize().GetHeight() + 2 * FromDIP(4)));
    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        e.Skip();
        CallAfter([this] { show_message(message_text_); });  // wrapped again at the new width
    });
}

void DecisionBar::show_message(const wxString& message) {
    message_text_ = message;
    message_->SetLabel(message);
    message_->SetToolTip(message);
    Layout();
    const int width = message_->GetSize().GetWidth();
    if (width > 0 && message_->GetBestSize().GetWidth() > width) {
        message_->Wrap(width);
        Layout();
    }
}

// The bar keeps its height (see the constructor), so a change lays out the bar alone: laying out its parent
// resized and repainted the whole window on every "next application".
void DecisionBar::set_actions(const std::vector<model::Action>& allowed, const wxString& note,
                              const std::vector<model::Action>& held_back) {
    if (allowed == allowed_ && held_back == held_back_ && message_text_ == note)
        return;
    allowed_ = allowed;
    held_back_ = held_back;
    for (auto& [action, button] : buttons_) {
        button->Show(offers(action));
        button->Enable(allows(action));
    }
    show_message(note);
}

void DecisionBar::set_message(const wxString& message) {
    if (message_text_ == message)
        return;
    show_message(message);
}

wxString DecisionBar::message() const {
    return message_text_;
}

bool DecisionBar::offers(model::Action action) const {
    return std::find(allowed_.begin(), allowed_.end(), action) != allowed_.end();
}

bool DecisionBar::allows(model::Action action) const {
    return offers(action) && std::find(held_back_.begin(), held_back_.end(), action) == held_back_.end();
}

}  // namespace jaanch::app
