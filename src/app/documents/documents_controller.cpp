#include "app/documents/documents_controller.h"

#include <wx/dialog.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/splitter.h>

#include "app/application/application_controller.h"
#include "app/application/application_panel.h"
#include "app/documents/documents_panel.h"
#include "app/main/context.h"
#include "app/queue/queue_controller.h"
#include "app/status/status_bar.h"
#include "app/status/sync_controller.h"
#include "viewer/wx/compare_view.h"
#include "viewer/wx/document_viewer.h"

namespace jaanch::app {

DocumentsController::DocumentsController(Context& context, DocumentsPanel& panel)
    : context_(context), panel_(panel) {
    prefetch_timer_.Bind(wxEVT_TIMER, [this](wxTimerEvent&) { prefetch_next_application(); });
}

DocumentsController::~DocumentsController() {
    prefetch_timer_.Stop();
}

void DocumentsController::show(const model::Application& app, const catalogue::ServiceDefinition* service) {
    close_compare();  // its documents belong to the application being left
    panel_.show(app, service, *context_.session.workspace, context_.session.language);
    context_.sync->bar().set_protection(panel_.protection());
}

void DocumentsController::next_document() {
    panel_.next_document();
}

void DocumentsController::zoom(int direction) {
    if (auto* viewer = panel_.current_viewer()) {
        if (direction > 0)
            viewer->canvas().zoom_in();
        else
            viewer->canvas().zoom_out();
    }
}

void DocumentsController::schedule_prefetch() {
    prefetch_timer_.StartOnce(kPrefetchDelayMs);
}

bool DocumentsController::prefetch_pending() const {
    return prefetch_timer_.IsRunning() || panel_.prefetching();
}

bool DocumentsController::background_pending() const {
    if (prefetch_pending() || panel_.retiring())
        return true;
    const auto rendering = context_.session.renderer->stats();
    return rendering.queued > 0 || rendering.running > 0;
}

void DocumentsController::prefetch_next_application() {
    auto& session = context_.session;
    if (!session.workspace)
        return;
    const std::string next = context_.queue->number_after(1);
    if (next.empty())
        return;
    if (auto app = session.workspace->application(next)) {
        const auto* service = session.catalogue.find(app->service_id, app->service_version);
        context_.application->form().prepare(service, session.language);
        panel_.prefetch(*app, service, *session.workspace);
    }
}

void DocumentsController::close_compare() {
    if (compare_ == nullptr)
        return;
    compare_->Destroy();
    compare_ = nullptr;
}

bool DocumentsController::compare(std::optional<std::pair<std::size_t, std::size_t>> sides) {
    panel_.open_all();
    const auto docs = panel_.opened();
    if (docs.empty())
        return false;
    if (!sides) {
        // This document beside the next one; a single document is compared page 1 against page 2.
        const int tab = panel_.GetSelection();
        std::size_t left = 0;
        for (std::size_t i = 0; i < docs.size(); ++i) {
            if (tab >= 0 && panel_.GetPageText(static_cast<std::size_t>(tab)) == docs[i].title)
                left = i;
        }
        sides = std::pair(left, docs.size() > 1 ? (left + 1) % docs.size() : left);
    }
    if (sides->first >= docs.size() || sides->second >= docs.size())
        return false;
    close_compare();
    const wxSize window = context_.window->GetSize();
    compare_ = new wxDialog(context_.window, wxID_ANY, _("Compare documents"), wxDefaultPosition,
                            wxSize(window.GetWidth() * 9 / 10, window.GetHeight() * 8 / 10),
                            wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER | wxMAXIMIZE_BOX);
    compare_->SetName("compare");
    auto* view = new viewer::wx::CompareView(compare_, *context_.session.renderer);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(view, 1, wxEXPAND);
    compare_->SetSizer(sizer);
    const auto& l = docs[sides->first];
    const auto& r = docs[sides->second];
    const bool same = sides->first == sides->second;
    view->show({l.render_id, l.sha256, 0, l.title},
               {r.render_id, r.sha256, same && r.page_count > 1 ? 1 : 0, r.title});
    compare_->Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent&) { close_compare(); });
    compare_->Show();
    // The splitter knows its width only once shown: halve it then, so both documents get the same room.
    compare_->CallAfter([view] {
        for (auto* child : view->GetChildren()) {
            if (auto* splitter = dynamic_cast<wxSplitterWindow*>(child))
                splitter->SetSashPosition(splitter->GetClientSize().GetWidth() / 2);
        }
    });
    return true;
}

}  // namespace jaanch::app
