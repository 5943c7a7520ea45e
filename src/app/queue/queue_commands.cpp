// The queue's commands: moving through it, search, overdue and mine, filters and saved filters. Menus and
// hotkeys in ui/menus.json.
#include "app/main/context.h"
#include "app/queue/queue_controller.h"

namespace jaanch::app {

void QueueController::register_commands() {
    auto& commands = context_.commands;
    auto has_workspace = [this] { return context_.session.workspace != nullptr; };
    commands.add({"queue/next",
                  "&Next application",
                  "Open the next application in the queue",
                  [this] { step(+1); },
                  {}});
    commands.add({"queue/previous",
                  "&Previous application",
                  "Open the previous application in the queue",
                  [this] { step(-1); },
                  {}});
    commands.add({"queue/find", "&Find…", "Find an application by number or applicant name",
                  [this] { find(); }, has_workspace});
    commands.add({"queue/overdue", "Show &overdue only", "Show only applications past their level deadline",
                  [this] { toggle_overdue(); }, has_workspace});
    commands.add({"queue/mine", "&My pending applications", "Show only applications waiting at my level",
                  [this] { show_my_pending(); },
                  [this] { return context_.session.workspace && context_.session.officer; }});
    commands.add({"queue/filter", "F&ilter…", "Show applications of a service, status, level or deadline",
                  [this] { choose_filter(); }, has_workspace});
    commands.add({"queue/save_filter", "&Save this filter…", "Keep the current filter and sort under a name",
                  [this] { save_filter(); }, has_workspace});
    commands.add({"queue/apply_filter", "&Saved filters…", "Apply a filter saved earlier",
                  [this] { apply_saved_filter(); }, has_workspace});
    commands.add({"queue/clear_filter", "Show &all", "Clear every filter and the search",
                  [this] { clear_filter(); }, has_workspace});
}

}  // namespace jaanch::app
