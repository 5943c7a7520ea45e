#include "app/main/main_frame.h"

#include <wx/display.h>
#include <wx/panel.h>
#include <wx/sizer.h>
#include <wx/splitter.h>

#include "app/account/account_commands.h"
#include "app/application/application_controller.h"
#include "app/application/application_panel.h"
#include "app/checks/checks_controller.h"
#include "app/commands/menu_controller.h"
#include "app/decide/decide_controller.h"
#include "app/decide/decision_bar.h"
#include "app/documents/documents_controller.h"
#include "app/documents/documents_panel.h"
#include "app/main/window_commands.h"
#include "app/queue/queue_controller.h"
#include "app/queue/queue_panel.h"
#include "app/review/review_controller.h"
#include "app/review/review_pane.h"
#include "app/script/script_commands.h"
#include "app/status/status_bar.h"
#include "app/status/sync_controller.h"
#include "jaanch/version.h"

namespace jaanch::app {

struct MainFrame::Panels {
    QueuePanel* queue = nullptr;
    ReviewPane* review = nullptr;
    ApplicationPanel* form = nullptr;
    DocumentsPanel* documents = nullptr;
    DecisionBar* decisions = nullptr;
    StatusBar* status = nullptr;
};

MainFrame::MainFrame(AppContext& session, bool unattended)
    : wxFrame(nullptr, wxID_ANY, wxString::Format("%s %s", kProductName, kVersion), wxDefaultPosition,
              wxDefaultSize),
      context_(session),
      panels_(std::make_unique<Panels>()) {
    SetName("main");
    context_.window = this;
    context_.unattended = unattended;
    // Most of the screen: the officer works in this window all day.
    const wxRect screen = wxGetClientDisplayRect();
    SetSize(screen.GetWidth() * 9 / 10, screen.GetHeight() * 9 / 10);
    Centre();
    lay_out();
    create_controllers();
    register_commands();
    menus_->rebuild();
    sync_->update_status();
}

// Queue | form | documents, and the decision bar under them: the officer reads the form beside the uploads.
void MainFrame::lay_out() {
    auto& p = *panels_;
    auto* root = new wxPanel(this);
    auto* outer = new wxSplitterWindow(root, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE);
    p.queue = new QueuePanel(outer, context_.session.workspace.get(),
                             [this](const std::string& number) { context_.application->open(number); });
    auto* inner = new wxSplitterWindow(outer, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE);
    p.review = new ReviewPane(inner);  // the form, the document checklist and the history, in tabs
    p.form = new ApplicationPanel(p.review->tab_parent());
    p.review->add_form(p.form);
    p.documents = new DocumentsPanel(inner, *context_.session.renderer);
    // Documents get the most room: the viewer's toolbar needs ~420 px, and officers read scans at fit width.
    const int width = GetClientSize().GetWidth();
    outer->SplitVertically(p.queue, inner, width * 24 / 100);
    inner->SplitVertically(p.review, p.documents, width * 36 / 100);
    inner->SetSashGravity(0.4);
    // The splitters only know their real widths once the frame is laid out: place the sashes again then.
    CallAfter([this, outer, inner] {
        const int w = GetClientSize().GetWidth();
        outer->SetSashPosition(w * 24 / 100);
        inner->SetSashPosition(w * 36 / 100);
    });
    outer->SetMinimumPaneSize(FromDIP(160));
    inner->SetMinimumPaneSize(FromDIP(200));
    p.decisions = new DecisionBar(root, [this](model::Action a) { context_.decide->decide(a); });
    auto* layout = new wxBoxSizer(wxVERTICAL);
    layout->Add(outer, 1, wxEXPAND);
    layout->Add(p.decisions, 0, wxEXPAND);
    root->SetSizer(layout);
    p.status = new StatusBar(this, [this] { context_.sync->sync_now(); });
    SetStatusBar(p.status);
    p.documents->set_unattended(context_.unattended);
}

// In the order they need each other: the review part takes the documents' page-seen events.
void MainFrame::create_controllers() {
    auto& p = *panels_;
    menus_ = std::make_unique<MenuController>(*this, context_.commands);
    context_.menus = menus_.get();
    sync_ = std::make_unique<SyncController>(context_, *p.status);
    context_.sync = sync_.get();
    queue_ = std::make_unique<QueueController>(context_, *p.queue);
    context_.queue = queue_.get();
    application_ = std::make_unique<ApplicationController>(context_, *p.form);
    context_.application = application_.get();
    documents_ = std::make_unique<DocumentsController>(context_, *p.documents);
    context_.documents = documents_.get();
    decide_ = std::make_unique<DecideController>(context_, *p.decisions);
    context_.decide = decide_.get();
    checks_ = std::make_unique<ChecksController>(context_);
    context_.checks = checks_.get();
    review_ = std::make_unique<ReviewController>(context_, *p.review);
    context_.review = review_.get();
}

void MainFrame::register_commands() {
    register_window_commands(context_, *this);
    sync_->register_commands();
    queue_->register_commands();
    documents_->register_commands();
    decide_->register_commands();
    checks_->register_commands();
    register_account_commands(context_);
    if (context_.unattended)
        register_script_commands(context_);
}

// Members go in reverse order (the review part first), all before wx destroys the panels.
MainFrame::~MainFrame() = default;

}  // namespace jaanch::app
