// The --script hook: tests and the user guide drive the real widgets through the same paths a click takes.
// Steps (separated by ';' on the command line):
//   COMMAND-ID                 run a command of the registry (menus.json ids: queue/next, app/sync, …)
//   decide/ACTION=CODE|remark  decide the open application; CODE "*" = the service's first reason
//   open=NUMBER                open an application of the workspace
//   mark=FIELD|match|note      set a field's mark on the form (match or mismatch; the note is optional)
//   wait                       wait for a running sync to end
//   wait-sent=SECONDS          wait until the outbox has nothing pending or sending; fails after SECONDS
//   sleep=MS                   keep the window live for MS milliseconds
//   expect-status=TEXT         fails unless the status bar shows TEXT
//   say=TEXT                   print "script: TEXT" on stdout (a test waits for it to act from outside)
//   shot=FILE                  save the window as PNG now
//   expect-prefetched-next     wait for the next application's prefetch, step to it: its first document must
//   come
//                              from the prefetch, with every tile of the first paint already rendered, and
//                              showing it (pages after the first, thumbnails) must render nothing new
//   expect-accessible          fails (listing them) when a shown control that takes focus has no accessible
//   name,
//                              in the window or in any of the workstation's dialogs (dialog_survey.h)
//   measure-next=N             from the top of the queue, step to the next application N times, timing each
//   from the step to the form
//                              laid out and the first document's first page painted with real pixels; prints
//                              "next_app_ms …" lines and a p50/p95 summary (benchmarks). Before each step it
//                              lets the work done while the officer reads finish, untimed: the next
//                              application's prefetch, the last one's documents closing, other renders
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

#include <wx/app.h>
#include <wx/dialog.h>
#include <wx/utils.h>

#include "accessibility.h"
#include "application_panel.h"
#include "decision_bar.h"
#include "dialog_survey.h"
#include "documents_panel.h"
#include "main_frame.h"
#include "queue_panel.h"
#include "review_controller.h"
#include "status_bar.h"
#include "viewer/wx/document_canvas.h"
#include "viewer/wx/document_viewer.h"

namespace jaanch::app {
namespace {

void keep_live_for(std::chrono::milliseconds span) {
    const auto until = std::chrono::steady_clock::now() + span;
    while (std::chrono::steady_clock::now() < until) {
        wxYield();
        wxMilliSleep(10);
    }
}

bool set_field_mark(ApplicationPanel& form, const std::string& spec) {
    const auto bar = spec.find('|');
    if (bar == std::string::npos)
        return false;
    const std::string mark = spec.substr(bar + 1, spec.find('|', bar + 1) - bar - 1);
    if (mark != "match" && mark != "mismatch")
        return false;
    return form.set_mark(spec.substr(0, bar),
                         mark == "match" ? model::FieldMark::matches : model::FieldMark::mismatch);
}

}  // namespace

bool MainFrame::measure_next_applications(int count) {
    // From the top of the queue: the first step opens its first row.
    if (const long current = queue_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED); current >= 0)
        queue_->SetItemState(current, 0, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    open_app_.reset();
    std::vector<double> times;
    for (int i = 0; i < count; ++i) {
        // An officer reads each application before the next: let the work done meanwhile finish (bounded) —
        // the next one's prefetch, the last one's documents closing, other renders. The wait is not timed.
        for (const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(5);
             (background_pending() || wxTheApp->HasPendingEvents()) &&
             std::chrono::steady_clock::now() < until;) {
            wxYield();
            wxMilliSleep(1);
        }
        const auto started = std::chrono::steady_clock::now();
        const std::string before = open_app_ ? open_app_->number : "";
        next_application(1);
        if (!open_app_ || open_app_->number == before)
            break;  // the end of the queue
        // Done when the first document's first page shows real pixels (or there is no document to show).
        const auto until = started + std::chrono::seconds(10);
        for (;;) {
            wxYield();
            auto* viewer = documents_->current_viewer();
            if (viewer == nullptr)
                break;
            auto& canvas = viewer->canvas();
            if (canvas.paint_count() > 0 && canvas.missing_tiles() == 0)
                break;
            if (std::chrono::steady_clock::now() > until)
                return false;
            wxMilliSleep(1);
        }
        times.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count());
        std::printf("next_app_ms %s %.1f\n", open_app_->number.c_str(), times.back());
    }
    if (times.empty())
        return false;
    std::sort(times.begin(), times.end());
    const auto at = [&times](double q) {
        return times[std::min(times.size() - 1, static_cast<std::size_t>(q * times.size()))];
    };
    std::printf("next_app_summary n %zu p50 %.1f p95 %.1f max %.1f\n", times.size(), at(0.5), at(0.95),
                times.back());
    std::fflush(stdout);
    return true;
}

bool MainFrame::expect_prefetched_next() {
    for (const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
         background_pending() && std::chrono::steady_clock::now() < until;) {
        wxYield();
        wxMilliSleep(5);
    }
    const auto rendered_before = context_.renderer->stats().rendered;
    next_application(1);
    auto* viewer = documents_->current_viewer();
    if (viewer == nullptr || !documents_->shown_from_prefetch()) {
        std::fprintf(stderr,
                     "expect-prefetched-next: the next application's first document was not prefetched\n");
        return false;
    }
    auto& canvas = viewer->canvas();
    const auto painted = canvas.paint_count();
    for (const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
         canvas.paint_count() == painted && std::chrono::steady_clock::now() < until;) {
        wxYield();
        wxMilliSleep(1);
    }
    // Its first page was rendered while the officer read the one before: the first paint has every tile.
    if (canvas.missing_tiles() != 0)
        std::fprintf(stderr, "expect-prefetched-next: %d tiles were missing at the first paint\n",
                     canvas.missing_tiles());
    // So were the pages after it and the thumbnails: showing it renders nothing (before the next prefetch
    // starts).
    for (const auto until =
             std::chrono::steady_clock::now() + std::chrono::milliseconds(kPrefetchDelayMs / 2);
         std::chrono::steady_clock::now() < until;) {
        wxYield();
        wxMilliSleep(1);
    }
    const auto rendering = context_.renderer->stats();
    const auto rendered_after_next =
        rendering.rendered - rendered_before + rendering.queued + rendering.running;
    if (rendered_after_next != 0)
        std::fprintf(stderr,
                     "expect-prefetched-next: showing it rendered %llu tiles the prefetch should have\n",
                     static_cast<unsigned long long>(rendered_after_next));
    return canvas.paint_count() > painted && canvas.missing_tiles() == 0 && rendered_after_next == 0;
}

bool MainFrame::expect_accessible() {
    // Every control the keyboard reaches has a name a screen reader speaks: in the window, and in each
    // dialog.
    auto unnamed = unnamed_focusable_controls(this);
    std::size_t dialogs = 0;
    const auto* service =
        open_app_ ? context_.catalogue.find(open_app_->service_id, open_app_->service_version) : nullptr;
    for (wxDialog* dialog : build_every_dialog(
             this, {commands_, layout_, service, checks_ ? &*checks_ : nullptr, context_.language})) {
        dialog->Show();  // GTK builds a control's accessible object once it is realised
        keep_live_for(std::chrono::milliseconds(150));
        for (const auto& line : unnamed_focusable_controls(dialog))
            unnamed.push_back(dialog->GetName().utf8_string() + ": " + line);
        dialog->Destroy();
        ++dialogs;
    }
    for (const auto& line : unnamed)
        std::printf("unnamed control: %s\n", line.c_str());
    std::printf("accessible: %zu unnamed focusable controls (main window and %zu dialogs)\n", unnamed.size(),
                dialogs);
    std::fflush(stdout);
    return unnamed.empty();
}

bool MainFrame::run_script_step(const std::string& step) {
    if (auto handled = review_->run_script_step(step))
        return *handled;
    const auto eq = step.find('=');
    const std::string verb = step.substr(0, eq);
    const std::string arg = eq == std::string::npos ? "" : step.substr(eq + 1);
    const auto wait_for_sync = [this] {
        while (syncing_) {
            wxYield();  // dispatch::to_main tasks arrive through CallAfter while yielding
            wxMilliSleep(5);
        }
    };
    if (step == "wait")
        return wait_for_sync(), true;
    if (step == "app/sync") {  // the schedule may have started one: wait for it, then sync as asked
        wait_for_sync();
        sync_now();
        return syncing_;
    }
    if (verb == "open") {
        if (!context_.workspace || !context_.workspace->application(arg))
            return false;
        open_application(arg);
        return open_app_.has_value() && open_app_->number == arg;
    }
    if (verb == "measure-next")
        return measure_next_applications(std::stoi(arg));
    if (step == "expect-prefetched-next")
        return expect_prefetched_next();
    if (step == "expect-accessible")
        return expect_accessible();
    if (verb == "mark")
        return set_field_mark(*application_, arg);
    if (verb == "sleep")
        return keep_live_for(std::chrono::milliseconds(std::stol(arg))), true;
    if (verb == "say") {
        std::printf("script: %s\n", arg.c_str());
        std::fflush(stdout);
        return true;
    }
    if (verb == "shot") {
        keep_live_for(std::chrono::milliseconds(400));  // let lists and pages that just changed repaint
        return save_screenshot(wxString::FromUTF8(arg));
    }
    if (verb == "expect-status") {
        const bool shown = status_->summary().find(arg) != std::string::npos;
        if (!shown)
            std::fprintf(stderr, "jaanch: the status bar shows \"%s\", not \"%s\"\n",
                         status_->summary().c_str(), arg.c_str());
        return shown;
    }
    if (verb == "wait-sent") {
        const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(std::stol(arg));
        const auto waiting = [this] {
            return context_.workspace->outbox().count(store::OutboxState::pending) +
                   context_.workspace->outbox().count(store::OutboxState::sending);
        };
        while (waiting() > 0 && std::chrono::steady_clock::now() < until)
            keep_live_for(std::chrono::milliseconds(100));
        wait_for_sync();
        return waiting() == 0;
    }
    if (auto handled = run_checks_script_step(verb, arg))
        return *handled;  // checks_actions.cpp
    if (step.rfind("decide/", 0) != 0 || eq == std::string::npos)
        return commands_.run(step);
    static const std::pair<const char*, model::Action> ids[] = {
        {"decide/approve", model::Action::approve},     {"decide/forward", model::Action::forward},
        {"decide/reject", model::Action::reject},       {"decide/return", model::Action::return_to_applicant},
        {"decide/send_back", model::Action::send_back}, {"decide/escalate", model::Action::escalate}};
    for (const auto& [id, action] : ids) {
        if (verb != id)
            continue;
        if (!decisions_->allows(action))
            return false;
        decide(action, arg);
        return true;
    }
    return false;
}

}  // namespace jaanch::app
