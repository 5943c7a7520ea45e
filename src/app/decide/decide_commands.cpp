// The decision commands: one per action (only those the workflow allows, and the review requirement does
// not hold back, are enabled), recall and the outbox. A script step "decide/ACTION=CODE|remark" decides
// without a dialog. Menus and hotkeys in ui/menus.json.
#include "app/application/application_controller.h"
#include "app/decide/decide_controller.h"
#include "app/decide/decision_bar.h"
#include "app/main/context.h"

namespace jaanch::app {
namespace {

// English msgids with mnemonics, translated at display time like every command label.
std::string decision_menu_label(model::Action action) {
    switch (action) {
        case model::Action::approve:
            return "&Approve";
        case model::Action::forward:
            return "&Forward";
        case model::Action::reject:
            return "&Reject";
        case model::Action::return_to_applicant:
            return "Re&turn to applicant";
        case model::Action::send_back:
            return "Send &back";
        case model::Action::escalate:
            return "&Escalate";
    }
    return "";
}

}  // namespace

void DecideController::register_commands() {
    auto& commands = context_.commands;
    const std::pair<const char*, model::Action> decisions[] = {
        {"decide/approve", model::Action::approve},     {"decide/forward", model::Action::forward},
        {"decide/reject", model::Action::reject},       {"decide/return", model::Action::return_to_applicant},
        {"decide/send_back", model::Action::send_back}, {"decide/escalate", model::Action::escalate}};
    for (const auto& [id, action] : decisions) {
        commands.add(
            {id, decision_menu_label(action), "Decide the open application",
             [this, a = action] { decide(a); }, [this, a = action] { return bar_.allows(a); },
             [this, a = action](const std::string& scripted) { return decide_scripted(a, scripted); }});
    }
    commands.add({"decide/recall", "Re&call decision",
                  "Take back this application's decision while it still waits in the outbox",
                  [this] { recall_open(); },
                  [this] {
                      const auto& open = context_.application->current();
                      if (!open || !context_.session.workspace)
                          return false;
                      for (const auto& e :
                           context_.session.workspace->outbox().list(store::OutboxState::pending)) {
                          if (e.decision.application == open->number)
                              return true;
                      }
                      return false;
                  }});
    commands.add({"app/outbox", "&Outbox…", "Decisions waiting, sent, refused by the hub or in conflict",
                  [this] { show_outbox(); }, [this] { return context_.session.workspace != nullptr; }});
}

}  // namespace jaanch::app
