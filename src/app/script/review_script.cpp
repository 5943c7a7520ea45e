// Script commands of the review part (tests drive claims, the checklist, tabs, sort, filters and compare
// through them):
//   review/wait              until the claim and history answers have arrived and been shown
//   review/hold=MS           keep the window working for MS milliseconds (another process looks meanwhile)
//   review/open=NUMBER       open an application
//   review/print             the review state as JSON on stdout
//   review/check=I:MARK[:R]  mark the I-th document of the checklist (with a reason)
//   review/tab=I             0 form, 1 documents checklist, 2 history
//   review/document=I        show the document tab I
//   review/read_all          every page of every document on screen, tab by tab, each waited for until the
//                            viewer has reported it seen (the officer's path: viewer → pages seen → the
//                            decision bar); fails, saying which, for a document not shown in a viewer or a
//                            page not reported within 60 s
//   review/sort=COLUMN       the same column again flips the order, as a header click does
//   review/filter=SPEC       service:X,status:Y,level:Z,deadline:overdue|today|within:N|any
//   review/save_filter=NAME, review/apply_filter=NAME
//   review/compare[=L,R]     compare documents L and R, or this one and the next
//   review/shot=PATH         the compare or outbox window when open, else the main window, as PNG
//   review/idle_minutes=N, review/idle_now   the claim's idle release
#include <chrono>
#include <cstdio>

#include <wx/app.h>
#include <wx/dialog.h>
#include <wx/image.h>
#include <wx/utils.h>
#include <wx/window.h>

#include "app/application/application_controller.h"
#include "app/documents/documents_controller.h"
#include "app/documents/documents_panel.h"
#include "app/main/context.h"
#include "app/queue/queue_controller.h"
#include "app/review/review_controller.h"
#include "app/review/review_pane.h"
#include "app/script/script_commands.h"
#include "store/review_store.h"
#include "viewer/wx/bitmap_convert.h"
#include "viewer/wx/document_canvas.h"
#include "viewer/wx/document_viewer.h"

namespace jaanch::app {
namespace {

// Review verbs read or mark what the officer would see in the checklist and history: fill them first.
ScriptVerb review_verb(Context& context, std::function<bool(const std::string&)> verb) {
    return [&context, verb = std::move(verb)](const std::string& argument) {
        context.review->refresh_tabs();
        return verb(argument);
    };
}

void keep_live(std::chrono::milliseconds span, std::chrono::milliseconds step) {
    for (const auto until = std::chrono::steady_clock::now() + span;
         std::chrono::steady_clock::now() < until;) {
        wxYield();
        wxMilliSleep(static_cast<unsigned long>(step.count()));
    }
}

bool page_seen(Context& context, const std::string& number, const std::string& document, int page) {
    const auto seen = store::ReviewStore(*context.session.workspace).pages_seen(number);
    const auto it = seen.find(document);
    return it != seen.end() && it->second.pages.contains(page);
}

// Scrolls `page` on screen until the page-seen path has recorded it. The canvas may still be laying itself
// out after its tab was chosen, so the request repeats; a page that a scroll cannot bring to the middle of
// the view (the last page, shorter than half the window) gets the whole page fitted.
bool bring_on_screen(Context& context, viewer::wx::DocumentViewer& viewer, const std::string& number,
                     const std::string& document, int page) {
    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    auto asked = start - std::chrono::seconds(1);
    while (!page_seen(context, number, document, page)) {
        const auto now = Clock::now();
        if (now - start > std::chrono::seconds(60))
            return false;
        if (now - asked >= std::chrono::milliseconds(250)) {
            auto& canvas = viewer.canvas();
            if (now - start > std::chrono::seconds(2) && canvas.current_page() != page)
                canvas.set_zoom_mode(viewer::wx::DocumentCanvas::ZoomMode::fit_page);
            canvas.go_to_page(page);
            asked = now;
        }
        wxYield();
        wxMilliSleep(10);
    }
    return true;
}

bool read_all(Context& context) {
    const auto& open = context.application->current();
    if (!open || !context.session.workspace)
        return false;
    const std::string number = open->number;
    const auto documents = open->documents;
    auto& panel = context.documents->panel();
    panel.open_all();
    for (std::size_t i = 0; i < documents.size(); ++i) {
        const auto& doc = documents[i];
        panel.select_document(i);
        auto* viewer = panel.current_viewer();
        if (viewer == nullptr) {
            std::fprintf(
                stderr,
                "jaanch: review/read_all: document %s of %s is not in a viewer (not downloaded, or it "
                "could not be displayed): its pages cannot be opened.\n",
                doc.id.c_str(), number.c_str());
            return false;
        }
        for (int page = 0; page < viewer->canvas().page_count(); ++page) {
            if (!bring_on_screen(context, *viewer, number, doc.id, page)) {
                std::fprintf(stderr,
                             "jaanch: review/read_all: page %d of document %s was not reported seen within "
                             "60 s.\n",
                             page + 1, doc.id.c_str());
                return false;
            }
        }
    }
    return true;
}

}  // namespace

void register_review_script(Context& context) {
    auto add = [&context](const std::string& id, std::function<bool(const std::string&)> verb) {
        add_script_command(context, "review/" + id, review_verb(context, std::move(verb)));
    };
    add("wait", [&context](const std::string&) {
        while (context.review->hub_calls_pending() > 0) {
            wxYield();
            wxMilliSleep(10);
        }
        for (int i = 0; i < 5; ++i)
            wxYield();
        return true;
    });
    add("hold", [](const std::string& ms) {
        keep_live(std::chrono::milliseconds(std::stol(ms)), std::chrono::milliseconds(20));
        return true;
    });
    add("open", [&context](const std::string& number) {
        if (!context.session.workspace || !context.session.workspace->application(number))
            return false;
        context.application->open(number);
        return true;
    });
    add("print", [&context](const std::string&) {
        context.review->print_state();
        return true;
    });
    add("check", [&context](const std::string& arg) {  // INDEX:mark[:reason]
        const auto c1 = arg.find(':');
        if (c1 == std::string::npos)
            return false;
        const auto c2 = arg.find(':', c1 + 1);
        const std::string mark =
            arg.substr(c1 + 1, c2 == std::string::npos ? std::string::npos : c2 - c1 - 1);
        return context.review->pane().checklist()->set_mark(
            std::stoul(arg.substr(0, c1)), mark, c2 == std::string::npos ? "" : arg.substr(c2 + 1));
    });
    add("tab", [&context](const std::string& index) {
        return context.review->pane().select_tab(std::stoul(index));
    });
    add("document", [&context](const std::string& index) {
        context.documents->panel().select_document(std::stoul(index));
        return true;
    });
    add("read_all", [&context](const std::string&) { return read_all(context); });
    add("sort", [&context](const std::string& column) {
        const auto sort = store::queue_sort_from_name(column);
        if (!sort)
            return false;
        context.queue->sort_by(*sort);
        return true;
    });
    add("filter", [&context](const std::string& spec) { return context.queue->apply_filter_spec(spec); });
    add("save_filter", [&context](const std::string& name) {
        context.queue->save_filter(name);
        return true;
    });
    add("apply_filter",
        [&context](const std::string& name) { return context.queue->apply_saved_filter(name); });
    add("compare", [&context](const std::string& arg) {
        if (arg.empty())
            return context.documents->compare();
        return context.documents->compare(
            std::pair(std::stoul(arg.substr(0, arg.find(','))), std::stoul(arg.substr(arg.find(',') + 1))));
    });
    add("shot", [&context](const std::string& path) {
        wxWindow* window = context.documents->compare_window();
        if (window == nullptr)
            window = wxWindow::FindWindowByName("outbox");
        if (window == nullptr)
            window = context.window;
        keep_live(std::chrono::milliseconds(1000), std::chrono::milliseconds(20));  // pages from the workers
        window->Update();
        return viewer::wx::capture_window(window).ConvertToImage().SaveFile(wxString::FromUTF8(path),
                                                                            wxBITMAP_TYPE_PNG);
    });
    add("idle_minutes", [&context](const std::string& minutes) {
        if (!context.session.workspace)
            return false;
        context.review->set_idle_minutes(minutes);
        return true;
    });
    add("idle_now", [&context](const std::string&) {
        context.review->act_as_idle();
        return true;
    });
}

}  // namespace jaanch::app
