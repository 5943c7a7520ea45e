// The --script hook as commands: tests, benchmarks and the user guide's pictures drive the real widgets
// through the same paths a click takes, one step at a time ("ID" or "ID=ARGUMENT", separated by ';' on the
// command line). Each step is a command of the registry: the menus' commands (queue/next, decide/reject=…)
// and these script-only ones, which have no label and appear in no menu. Registered only when a script runs.
//
// The window-level verbs (script_commands.cpp):
//   open=NUMBER                open an application of the workspace
//   mark=FIELD|match|note      set a field's mark on the form (match or mismatch; the note is optional)
//   decide/allowed=REMARK      the first of forward, approve, reject, return the open application allows (a
//                              coded reason is the service's first)
//   wait                       wait for a running sync to end
//   wait-sent=SECONDS          wait until the outbox has nothing pending or sending; fails after SECONDS
//   sleep=MS                   keep the window live for MS milliseconds
//   expect-status=TEXT         fails unless the status bar shows TEXT
//   say=TEXT                   print "script: TEXT" on stdout (a test waits for it to act from outside)
//   shot=FILE                  save the window as PNG now
//   print-outbox               the outbox states as JSON lines on stdout
//   expect-prefetched-next     waits for the prefetch of the next application to finish, steps to it, and
//                              fails unless its first document came from the prefetch and everything its
//                              viewer shows was already rendered (no tile rendered on its behalf after
//                              showing it)
//   expect-accessible          fails (listing them) when a shown control that takes focus has no accessible
//                              name, in the window or in any of the workstation's dialogs (dialog_survey.h)
//   measure-next=N             from the top of the queue, step to the next application N times, timing each
//                              from the step to the form laid out and the first document's first page
//                              painted; prints "next_app_ms …" lines and a p50/p95 summary (benchmarks only)
// The review part's verbs are in review_script.cpp, the checks' in checks_script.cpp, the account's
// (login=…, prefs=…, pin=…, logout, demo/as_L2) in app/account/account_commands.cpp.
// UI thread only.
#pragma once

#include <functional>
#include <string>

namespace jaanch::app {

struct Context;

using ScriptVerb = std::function<bool(const std::string& argument)>;

// Adds a script-only command (no label, no menu).
void add_script_command(Context& context, const std::string& id, ScriptVerb verb);

// Every script-only command: the window's, the review part's and the checks'.
void register_script_commands(Context& context);
void register_review_script(Context& context);
void register_checks_script(Context& context);

// Saves what the window shows — menus aside: the panels, then the status bar below them — as PNG.
bool save_window_screenshot(Context& context, const std::string& path);

}  // namespace jaanch::app
