#include "main_frame.h"

#include <cstdio>

#include <wx/aboutdlg.h>
#include <wx/dcclient.h>
#include <wx/dcmemory.h>
#include <wx/dcscreen.h>
#include <wx/display.h>
#include <wx/image.h>
#include <wx/intl.h>
#include <wx/menu.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/textdlg.h>

#include "application_panel.h"
#include "checks_view.h"
#include "decision_bar.h"
#include "documents_panel.h"
#include "jaanch/version.h"
#include "queue_panel.h"
#include "review_controller.h"
#include "review_pane.h"
#include "shortcut_sheet.h"
#include "status_bar.h"
#include "viewer/wx/bitmap_convert.h"
#include "viewer/wx/document_viewer.h"
#include "workflow/workflow.h"

namespace jaanch::app {

wxString menu_text(const Command& command, const MenuLayout& layout) {
    wxString text = wxGetTranslation(wxString::FromUTF8(command.label));
    if (auto it = layout.hotkeys.find(command.id); it != layout.hotkeys.end())
        text += "\t" + it->second;
    return text;
}

MainFrame::MainFrame(AppContext& context)
    : wxFrame(nullptr, wxID_ANY, wxString::Format("%s %s", kProductName, kVersion), wxDefaultPosition,
              wxDefaultSize),
      context_(context),
      layout_(default_menu_layout()) {
    SetName("main");
    // Most of the screen: the officer works in this window all day.
    const wxRect screen = wxGetClientDisplayRect();
    SetSize(screen.GetWidth() * 9 / 10, screen.GetHeight() * 9 / 10);
    Centre();
    // Queue | form | documents, and the decision bar under them: the officer reads the form beside the
    // uploads.
    auto* root = new wxPanel(this);
    auto* outer = new wxSplitterWindow(root, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE);
    queue_ = new QueuePanel(outer, context_.workspace.get(),
                            [this](const std::string& n) { open_application(n); });
    auto* inner = new wxSplitterWindow(outer, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE);
    review_pane_ = new ReviewPane(inner);  // the form, the document checklist and the history, in tabs
    application_ = new ApplicationPanel(review_pane_->tab_parent());
    review_pane_->add_form(application_);
    documents_ = new DocumentsPanel(inner, *context_.renderer);
    // Documents get the most room: the viewer's toolbar needs ~420 px, and officers read scans at fit width.
    const int width = GetClientSize().GetWidth();
    outer->SplitVertically(queue_, inner, width * 24 / 100);
    inner->SplitVertically(review_pane_, documents_, width * 36 / 100);
    inner->SetSashGravity(0.4);
    // The splitters only know their real widths once the frame is laid out: place the sashes again then.
    CallAfter([this, outer, inner] {
        const int w = GetClientSize().GetWidth();
        outer->SetSashPosition(w * 24 / 100);
        inner->SetSashPosition(w * 36 / 100);
    });
    outer->SetMinimumPaneSize(FromDIP(160));
    inner->SetMinimumPaneSize(FromDIP(200));
    decisions_ = new DecisionBar(root, [this](model::Action a) { decide(a); });
    auto* layout = new wxBoxSizer(wxVERTICAL);
    layout->Add(outer, 1, wxEXPAND);
    layout->Add(decisions_, 0, wxEXPAND);
    root->SetSizer(layout);
    status_ = new StatusBar(this, [this] { sync_now(); });
    SetStatusBar(status_);
    review_ = std::make_unique<ReviewController>(*this);
    register_commands();
    review_->register_commands(commands_);
    register_account_commands();
    set_up_checks();
    build_menus();
    update_status();
    schedule_timer_.Bind(wxEVT_TIMER, [this](wxTimerEvent&) { on_schedule_tick(); });
    prefetch_timer_.Bind(wxEVT_TIMER, [this](wxTimerEvent&) { prefetch_next_application(); });
    if (context_.workspace && !context_.workspace->sync_value("hub_url").empty())
        schedule_timer_.Start(1000);
}

void MainFrame::build_menus() {
    menu_ids_.clear();
    auto* bar = new wxMenuBar;
    std::vector<wxAcceleratorEntry> accelerators;
    for (const auto& menu : layout_.menus) {
        auto* m = new wxMenu;
        for (const auto& id : menu.items) {
            if (id == "-") {
                m->AppendSeparator();
                continue;
            }
            const Command* command = commands_.find(id);
            if (command == nullptr)
                continue;  // a command of a part not built into this workstation
            const int wx_id = wxWindow::NewControlId();
            menu_ids_[wx_id] = id;
            m->Append(wx_id, menu_text(*command, layout_),
                      wxGetTranslation(wxString::FromUTF8(command->help)));
        }
        if (m->GetMenuItemCount() == 0) {  // every command of this menu belongs to a mode not running (Demo)
            delete m;
            continue;
        }
        bar->Append(m, wxGetTranslation(wxString::FromUTF8(menu.label)));
    }
    wxMenuBar* old = GetMenuBar();
    SetMenuBar(bar);
    delete old;
    Bind(wxEVT_MENU, [this](wxCommandEvent& e) {
        auto it = menu_ids_.find(e.GetId());
        if (it != menu_ids_.end())
            commands_.run(it->second);
    });
    Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) {
        auto it = menu_ids_.find(e.GetId());
        if (it == menu_ids_.end())
            return e.Skip();
        const Command* c = commands_.find(it->second);
        e.Enable(c != nullptr && (!c->enabled || c->enabled()));
    });
}

void MainFrame::open_application(const std::string& number) {
    if (!context_.workspace)
        return;
    auto app = context_.workspace->application(number);
    if (!app)
        return;
    const auto* service = context_.catalogue.find(app->service_id, app->service_version);
    open_app_ = app;
    application_->show(*app, service, context_.language);
    documents_->show(*app, service, *context_.workspace, context_.language);
    show_check_flags(service);  // after the documents: their tabs carry flags too
    status_->set_protection(documents_->protection());
    update_decision_bar();
    review_->on_open(*app);
    context_.workspace->activity().append(now_utc(), context_.officer ? context_.officer->id : "", "opened",
                                          number, "");
    update_status();
    // Once this application is on screen: the next one's first page, so "next" shows it at once.
    prefetch_timer_.StartOnce(kPrefetchDelayMs);
}

bool MainFrame::prefetch_pending() const {
    return prefetch_timer_.IsRunning() || documents_->prefetching();
}

bool MainFrame::background_pending() const {
    if (prefetch_pending() || documents_->retiring())
        return true;
    const auto rendering = context_.renderer->stats();
    return rendering.queued > 0 || rendering.running > 0;
}

void MainFrame::prefetch_next_application() {
    if (!context_.workspace)
        return;
    const std::string next = queue_->number_after(1);
    if (next.empty())
        return;
    if (auto app = context_.workspace->application(next)) {
        const auto* service = context_.catalogue.find(app->service_id, app->service_version);
        application_->prepare(service, context_.language);
        documents_->prefetch(*app, service, *context_.workspace);
    }
}

void MainFrame::show_check_flags(const catalogue::ServiceDefinition* service) {
    checks_.reset();
    qr_findings_.reset();
    if (service == nullptr)
        return application_->clear_checks();
    try {
        // Indian time decides "today" for dates in the future and ages (the hub and portals count in IST).
        checks_ = checks::review_application(*open_app_, *service, *context_.workspace,
                                             date_of(now_utc() + std::chrono::minutes(330)));
        application_->show_checks(*checks_, [this] { show_checks(); });
        documents_->set_document_flags(document_flag_symbols());
    } catch (const std::exception& e) {
        application_->clear_checks();
        // The form is still worth showing: say why the flags are missing, never hide it.
        status_->set_message(
            wxString::Format(_("The automatic checks could not run: %s"), wxString::FromUTF8(e.what())));
    }
    read_aadhaar_letter(std::chrono::milliseconds(1000));  // once the officer has had the form for a moment
}

void MainFrame::show_checks() {
    if (!checks_)
        return;
    auto* dialog = new ChecksDialog(this, *checks_, context_.language);
    add_photo_strip(dialog);  // checks_actions.cpp
    if (unattended_) {
        dialog->Show();  // scripts (screenshots) must not block on a modal dialog
        return;
    }
    dialog->ShowModal();
    dialog->Destroy();
}

void MainFrame::update_decision_bar() {
    if (!open_app_)
        return decisions_->set_actions({}, "");
    const auto* service = context_.catalogue.find(open_app_->service_id, open_app_->service_version);
    if (!context_.officer || service == nullptr)
        return decisions_->set_actions({}, _("Log in to decide (read-only)."));
    const auto verdict = workflow::may_act(*service, *open_app_, *context_.officer);
    decisions_->set_actions(workflow::allowed_actions(*service, *open_app_, *context_.officer),
                            verdict.ok() ? wxString() : wxString::FromUTF8(verdict.message));
}

void MainFrame::update_status() {
    if (!context_.workspace) {
        status_->set_message(_("No workspace open: log in to a hub or open a workspace folder."));
        return;
    }
    status_->set_message(wxString::Format(_("%zu applications in the queue"), queue_->row_count()));
    status_->set_waiting(context_.workspace->outbox().count(store::OutboxState::pending) +
                         context_.workspace->outbox().count(store::OutboxState::sending));
    status_->set_last_sync(local_time_text(context_.workspace->sync_value("last_sync")));
}

void MainFrame::next_application(int step) {
    queue_->select_next(step);
}

void MainFrame::next_document() {
    documents_->next_document();
}

void MainFrame::zoom(int direction) {
    if (auto* viewer = documents_->current_viewer()) {
        if (direction > 0)
            viewer->canvas().zoom_in();
        else
            viewer->canvas().zoom_out();
    }
}

void MainFrame::toggle_overdue_filter() {
    store::QueueFilter f = queue_->filter();
    f.overdue_on = f.overdue_on ? std::nullopt : std::optional<Date>(date_of(now_utc()));
    queue_->set_filter(f);
    update_status();
}

void MainFrame::set_unattended(bool unattended) {
    unattended_ = unattended;
    documents_->set_unattended(unattended);
}

void MainFrame::show_my_pending() {
    store::QueueFilter f;
    f.status = "pending";
    f.level = context_.officer->level;
    queue_->set_filter(f);
    update_status();
}

void MainFrame::print_outbox() const {
    if (!context_.workspace)
        return;
    for (const auto& e : context_.workspace->outbox().list()) {
        std::printf("%s\n", json::Json{{"number", e.decision.application},
                                       {"decision", e.decision.id},
                                       {"action", model::action_name(e.decision.action)},
                                       {"state", store::outbox_state_name(e.state)},
                                       {"hub_message", e.hub_message}}
                                .dump()
                                .c_str());
    }
    std::fflush(stdout);
}

void MainFrame::find_application() {
    wxTextEntryDialog ask(this, _("Application number or part of the applicant's name:"), _("Find"),
                          wxString::FromUTF8(queue_->filter().search));
    if (ask.ShowModal() != wxID_OK)
        return;
    store::QueueFilter f = queue_->filter();
    f.search = ask.GetValue().utf8_string();
    queue_->set_filter(f);
    queue_->select_next(1);
    update_status();
}

void MainFrame::switch_language() {
    context_.language = context_.language == "hi" ? "en" : "hi";
    auto* translations = wxTranslations::Get();
    translations->SetLanguage(context_.language == "hi" ? wxLANGUAGE_HINDI : wxLANGUAGE_ENGLISH);
    translations->AddCatalog("jaanch");
    build_menus();
    const std::string selected = queue_->selected_number();
    if (!selected.empty())
        open_application(selected);
    update_status();
}

void MainFrame::show_shortcuts() {
    ShortcutSheet sheet(this, commands_, layout_);
    sheet.ShowModal();
}

void MainFrame::show_about() {
    wxAboutDialogInfo info;
    info.SetName(kProductName);
    info.SetVersion(kVersion);
    info.SetDescription(_("Verification workstation for e-governance back offices"));
    wxAboutBox(info, this);
}

bool MainFrame::save_screenshot(const wxString& path) {
    // What the officer sees — menus aside: the panels, then the status bar below them, each read back from
    // its own window (a screen-wide read returned stale pixels on a second capture under Xvfb).
    Refresh();
    Update();
    for (int i = 0; i < 20; ++i) {
        wxYield();
        wxMilliSleep(10);
    }
    const wxBitmap panels = viewer::wx::capture_window(this);
    const wxBitmap status = viewer::wx::capture_window(status_);
    wxBitmap bitmap(std::max(panels.GetWidth(), status.GetWidth()), panels.GetHeight() + status.GetHeight());
    wxMemoryDC target(bitmap);
    target.DrawBitmap(panels, 0, 0);
    target.DrawBitmap(status, 0, panels.GetHeight());
    target.SelectObject(wxNullBitmap);
    return bitmap.ConvertToImage().SaveFile(path, wxBITMAP_TYPE_PNG);
}

}  // namespace jaanch::app
