// Deciding the open application: the decision bar (only the actions the workflow allows this officer), the
// reason and remark, the exact signed bytes shown before signing, the signature, and the outbox — recall of a
// decision not yet sent and the outbox window. A decision is "saved" only once decision and signature are
// committed to the outbox (sync::commit_decision); the sync schedule sends it.
// Threads: UI thread only. Ownership: owned by MainFrame; the decision bar is a child of the window.
#pragma once

#include <optional>
#include <string>

#include <wx/string.h>

#include "model/decision.h"

namespace jaanch::app {

struct Context;
class DecisionBar;

class DecideController {
  public:
    DecideController(Context& context, DecisionBar& bar);

    void register_commands();  // decide_commands.cpp

    DecisionBar& bar() { return bar_; }
    // The actions the workflow allows on the open application (or why none), approve and forward held back
    // while the level's review requirement is not met (the bar says what is still unopened). Called when an
    // application opens.
    void refresh_actions();
    // A page was seen for the first time: the held-back actions again, unless the bar has since been made
    // read-only or the decision saved (those stay until the application is opened again).
    void refresh_review();
    // No actions, and why (a colleague holds the claim, the application moved on).
    void set_read_only(const wxString& why);
    // Asks for reason and remark, shows the bytes, signs, saves to the outbox. A script supplies
    // "REASON|remark" (REASON "*" = the service's first) and no dialog opens. Returns whether the decision
    // was saved; a refusal is in the bar's message (and on stderr for a script).
    bool decide(model::Action action, const std::optional<std::string>& scripted = std::nullopt);
    // The script step decide/ACTION=…: false, with the reason in the bar and on stderr, when the review
    // requirement holds the action back or the workflow refuses it.
    bool decide_scripted(model::Action action, const std::string& scripted);
    // Takes back the open application's decision while it waits in the outbox. Returns whether it did.
    bool recall_open();
    void show_outbox();
    // Outbox states as JSON lines on stdout (tests read them after a scripted session).
    void print_outbox() const;

  private:
    Context& context_;
    DecisionBar& bar_;
    bool offering_ = false;  // the bar shows what the workflow allows (not read-only, not just decided)
};

}  // namespace jaanch::app
