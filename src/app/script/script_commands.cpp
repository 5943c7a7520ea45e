#include "app/script/script_commands.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

#include <wx/app.h>
#include <wx/dcmemory.h>
#include <wx/dialog.h>
#include <wx/image.h>
#include <wx/utils.h>

#include "app/accessibility/accessibility.h"
#include "app/accessibility/dialog_survey.h"
#include "app/application/application_controller.h"
#include "app/application/application_panel.h"
#include "app/checks/checks_controller.h"
#include "app/commands/menu_controller.h"
#include "app/decide/decide_controller.h"
#include "app/decide/decision_bar.h"
#include "app/documents/documents_controller.h"
#include "app/documents/documents_panel.h"
#include "app/main/context.h"
#include "app/queue/queue_controller.h"
#include "app/queue/queue_panel.h"
#include "app/status/status_bar.h"
#include "app/status/sync_controller.h"
#include "viewer/wx/bitmap_convert.h"
#include "viewer/wx/document_canvas.h"
#include "viewer/wx/document_viewer.h"

namespace jaanch::app {
namespace {

using Clock = std::chrono::steady_clock;

void keep_live_for(std::chrono::milliseconds span) {
    const auto until = Clock::now() + span;
    while (Clock::now() < until) {
        wxYield();
        wxMilliSleep(10);
    }
}

// Keeps the window live until `done` holds; false when it still does not after `bound` (a generous bound
// that says something is stuck, never a speed requirement).
template <class Done>
bool keep_live_until(Done done, std::chrono::seconds bound) {
    for (const auto until = Clock::now() + bound; !done();) {
        if (Clock::now() > until)
            return false;
        wxYield();
        wxMilliSleep(2);
    }
    return true;
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

std::size_t outbox_waiting(const Context& context) {
    const auto& outbox = context.session.workspace->outbox();
    return outbox.count(store::OutboxState::pending) + outbox.count(store::OutboxState::sending);
}

// An action the review requirement holds back is still the one chosen (its step then fails, saying what is
// unopened): falling through to reject would decide something else than the script meant.
bool decide_first_allowed(Context& context, const std::string& remark) {
    const std::pair<const char*, model::Action> choices[] = {{"forward", model::Action::forward},
                                                             {"approve", model::Action::approve},
                                                             {"reject", model::Action::reject},
                                                             {"return", model::Action::return_to_applicant}};
    for (const auto& [action, parsed] : choices) {
        const std::string id = std::string("decide/") + action;
        if (context.commands.find(id) == nullptr || !context.decide->bar().offers(parsed))
            continue;
        const bool coded = id == "decide/reject" || id == "decide/return";
        return context.commands.run_step(id + "=" + (coded ? "*|" : "|") + remark);
    }
    return false;
}

// The benchmark of "next application": each step timed from the step to the form laid out and the first
// document's first page painted with real pixels. Before each step the work done while the officer reads
// (the next one's prefetch, the last one's documents closing, other renders) finishes, untimed.
bool measure_next_applications(Context& context, int count) {
    auto& queue = context.queue->panel();
    if (const long current = queue.GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED); current >= 0)
        queue.SetItemState(current, 0, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    context.application->forget();  // from the top of the queue: the first step opens its first row
    std::vector<double> times;
    for (int i = 0; i < count; ++i) {
        keep_live_until(
            [&] { return !context.documents->background_pending() && !wxTheApp->HasPendingEvents(); },
            std::chrono::seconds(5));
        const auto started = Clock::now();
        const auto& open = context.application->current();
        const std::string before = open ? open->number : "";
        context.queue->step(1);
        if (!open || open->number == before)
            break;  // the end of the queue
        const bool painted = keep_live_until(
            [&] {
                auto* viewer = context.documents->panel().current_viewer();
                return viewer == nullptr ||
                       (viewer->canvas().paint_count() > 0 && viewer->canvas().missing_tiles() == 0);
            },
            std::chrono::seconds(10));
        if (!painted)
            return false;
        times.push_back(std::chrono::duration<double, std::milli>(Clock::now() - started).count());
        std::printf("next_app_ms %s %.1f\n", open->number.c_str(), times.back());
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

// The next application is shown from its prefetch: its first document was opened beforehand, and nothing
// its viewer shows first (pages, thumbnails) has to be rendered after it is shown. Asserted on what the
// viewer asked the render service for, never on how long anything took.
bool expect_prefetched_next(Context& context) {
    auto& documents = context.documents->panel();
    if (!keep_live_until([&] { return !context.documents->background_pending(); },
                         std::chrono::seconds(120))) {
        std::fprintf(stderr, "expect-prefetched-next: the prefetch did not finish within 120 s\n");
        return false;
    }
    auto* viewer = documents.current_viewer();
    const std::uint64_t misses_before = viewer != nullptr ? viewer->render_misses() : 0;
    const std::uint64_t painted_before = viewer != nullptr ? viewer->canvas().paint_count() : 0;
    context.queue->step(1);
    auto* shown = documents.current_viewer();
    if (shown == nullptr || !documents.shown_from_prefetch()) {
        std::fprintf(stderr,
                     "expect-prefetched-next: the next application's first document was not prefetched\n");
        return false;
    }
    // The first tab's viewer is reused from one application to the next: count from before the step.
    const std::uint64_t base_misses = shown == viewer ? misses_before : 0;
    const std::uint64_t base_paints = shown == viewer ? painted_before : 0;
    if (!keep_live_until(
            [&] { return shown->canvas().paint_count() > base_paints && !wxTheApp->HasPendingEvents(); },
            std::chrono::seconds(60))) {
        std::fprintf(stderr, "expect-prefetched-next: the next application's document was never painted\n");
        return false;
    }
    const std::uint64_t misses = shown->render_misses() - base_misses;
    if (shown->canvas().missing_tiles() != 0)
        std::fprintf(stderr, "expect-prefetched-next: %d tiles were missing at the first paint\n",
                     shown->canvas().missing_tiles());
    if (misses != 0)
        std::fprintf(
            stderr,
            "expect-prefetched-next: showing it asked for %llu tiles the prefetch should have rendered\n",
            static_cast<unsigned long long>(misses));
    return shown->canvas().missing_tiles() == 0 && misses == 0;
}

bool expect_accessible(Context& context) {
    // Every control the keyboard reaches has a name a screen reader speaks: in the window, and in each
    // dialog.
    auto unnamed = unnamed_focusable_controls(context.window);
    std::size_t dialogs = 0;
    const auto* report = context.checks->report();
    for (wxDialog* dialog : build_every_dialog(
             context.window, {context.commands, context.menus->layout(), context.application->service(),
                              report, context.session.language})) {
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

}  // namespace

void add_script_command(Context& context, const std::string& id, ScriptVerb verb) {
    context.commands.add({id, "", "", {}, {}, std::move(verb)});
}

bool save_window_screenshot(Context& context, const std::string& path) {
    // Each part read back from its own window (a screen-wide read returned stale pixels on a second capture
    // under Xvfb).
    wxWindow* window = context.window;
    window->Refresh();
    window->Update();
    for (int i = 0; i < 20; ++i) {
        wxYield();
        wxMilliSleep(10);
    }
    const wxBitmap panels = viewer::wx::capture_window(window);
    const wxBitmap status = viewer::wx::capture_window(&context.sync->bar());
    wxBitmap bitmap(std::max(panels.GetWidth(), status.GetWidth()), panels.GetHeight() + status.GetHeight());
    wxMemoryDC target(bitmap);
    target.DrawBitmap(panels, 0, 0);
    target.DrawBitmap(status, 0, panels.GetHeight());
    target.SelectObject(wxNullBitmap);
    return bitmap.ConvertToImage().SaveFile(wxString::FromUTF8(path), wxBITMAP_TYPE_PNG);
}

void register_script_commands(Context& context) {
    Context* c = &context;
    add_script_command(context, "open", [c](const std::string& number) {
        return c->session.workspace && c->application->open(number) && c->application->is_open(number);
    });
    add_script_command(context, "mark",
                       [c](const std::string& spec) { return set_field_mark(c->application->form(), spec); });
    add_script_command(context, "decide/allowed",
                       [c](const std::string& remark) { return decide_first_allowed(*c, remark); });
    add_script_command(context, "wait", [c](const std::string&) {
        c->sync->wait_for_sync();
        return true;
    });
    add_script_command(context, "wait-sent", [c](const std::string& seconds) {
        const auto until = Clock::now() + std::chrono::seconds(std::stol(seconds));
        while (outbox_waiting(*c) > 0 && Clock::now() < until)
            keep_live_for(std::chrono::milliseconds(100));
        c->sync->wait_for_sync();
        return outbox_waiting(*c) == 0;
    });
    add_script_command(context, "sleep", [](const std::string& ms) {
        keep_live_for(std::chrono::milliseconds(std::stol(ms)));
        return true;
    });
    add_script_command(context, "say", [](const std::string& text) {
        std::printf("script: %s\n", text.c_str());
        std::fflush(stdout);
        return true;
    });
    add_script_command(context, "shot", [c](const std::string& path) {
        keep_live_for(std::chrono::milliseconds(400));  // let lists and pages that just changed repaint
        return save_window_screenshot(*c, path);
    });
    add_script_command(context, "expect-status", [c](const std::string& text) {
        const std::string summary = c->sync->bar().summary();
        if (summary.find(text) != std::string::npos)
            return true;
        std::fprintf(stderr, "jaanch: the status bar shows \"%s\", not \"%s\"\n", summary.c_str(),
                     text.c_str());
        return false;
    });
    add_script_command(context, "print-outbox", [c](const std::string&) {
        c->decide->print_outbox();
        return true;
    });
    add_script_command(context, "measure-next",
                       [c](const std::string& n) { return measure_next_applications(*c, std::stoi(n)); });
    add_script_command(context, "expect-prefetched-next",
                       [c](const std::string&) { return expect_prefetched_next(*c); });
    add_script_command(context, "expect-accessible",
                       [c](const std::string&) { return expect_accessible(*c); });
    register_review_script(context);
    register_checks_script(context);
}

}  // namespace jaanch::app
