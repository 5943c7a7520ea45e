// The review part's commands (claims, history, checklist, recall, outbox, filters, compare) and its script
// verbs. Registered from MainFrame::register_commands like workstation_commands.cpp; menus and hotkeys in
// ui/menus.json.
#include <algorithm>
#include <cstdio>

#include <wx/button.h>
#include <wx/choicdlg.h>
#include <wx/choice.h>
#include <wx/dcclient.h>
#include <wx/dcmemory.h>
#include <wx/dialog.h>
#include <wx/image.h>
#include <wx/intl.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/stattext.h>
#include <wx/textdlg.h>

#include "decision_bar.h"
#include "documents_panel.h"
#include "main_frame.h"
#include "queue_panel.h"
#include "review_controller.h"
#include "review_pane.h"
#include "store/review_store.h"
#include "sync/local_decision.h"
#include "viewer/wx/bitmap_convert.h"
#include "viewer/wx/compare_view.h"

namespace jaanch::app {
namespace {

wxString outbox_state_label(store::OutboxState s) {
    switch (s) {
        case store::OutboxState::pending:
            return _("waiting");
        case store::OutboxState::sending:
            return _("sending");
        case store::OutboxState::accepted:
            return _("sent");
        case store::OutboxState::rejected:
            return _("rejected by the hub");
        case store::OutboxState::conflict:
            return _("conflict");
    }
    return {};
}

Date today() {
    return date_of(now_utc());
}

Date plus_days(int days) {
    return Date(std::chrono::sys_days(today()) + std::chrono::days(days));
}

// "any", "overdue", "today", "within:N" → the filter's deadline part.
void set_deadline(store::QueueFilter& f, const std::string& deadline) {
    f.overdue_on.reset();
    f.due_by.reset();
    if (deadline == "overdue")
        f.overdue_on = today();
    else if (deadline == "today")
        f.due_by = today();
    else if (deadline.rfind("within:", 0) == 0)
        f.due_by = plus_days(std::stoi(deadline.substr(7)));
}

bool save_window(wxWindow* window, const std::string& path) {
    return viewer::wx::capture_window(window).ConvertToImage().SaveFile(wxString::FromUTF8(path),
                                                                        wxBITMAP_TYPE_PNG);
}

}  // namespace

void ReviewController::register_commands(CommandRegistry& commands) {
    auto has_open = [this] { return open_.has_value() && frame_.context_.workspace != nullptr; };
    auto has_workspace = [this] { return frame_.context_.workspace != nullptr; };
    commands.add({"decide/recall", "Re&call decision",
                  "Take back this application's decision while it still waits in the outbox",
                  [this] { recall_open(); },
                  [this, has_open] {
                      if (!has_open())
                          return false;
                      for (const auto& e :
                           frame_.context_.workspace->outbox().list(store::OutboxState::pending)) {
                          if (e.decision.application == open_->number)
                              return true;
                      }
                      return false;
                  }});
    commands.add({"app/outbox", "&Outbox…", "Decisions waiting, sent, refused by the hub or in conflict",
                  [this] { show_outbox(); }, has_workspace});
    commands.add({"queue/filter", "F&ilter…", "Show applications of a service, status, level or deadline",
                  [this] { choose_filter(); }, has_workspace});
    commands.add({"queue/save_filter", "&Save this filter…", "Keep the current filter and sort under a name",
                  [this] { save_filter(); }, has_workspace});
    commands.add({"queue/apply_filter", "&Saved filters…", "Apply a filter saved earlier",
                  [this] { apply_saved_filter(); }, has_workspace});
    commands.add({"queue/clear_filter", "Show &all", "Clear every filter and the search",
                  [this] { clear_filter(); }, has_workspace});
    commands.add({"view/compare", "&Compare documents", "Show this document beside the next one",
                  [this] { compare(); },
                  [this] { return frame_.documents_->opened().size() >= 1 && open_.has_value(); }});
}

void ReviewController::recall_open() {
    if (!open_ || !frame_.context_.workspace)
        return;
    auto& workspace = *frame_.context_.workspace;
    for (const auto& e : workspace.outbox().list(store::OutboxState::pending)) {
        if (e.decision.application != open_->number)
            continue;
        if (!scripted_ &&
            wxMessageBox(
                wxString::Format(
                    _("Take back the decision \"%s\" on %s? It has not left this workstation."),
                    wxGetTranslation(wxString::FromUTF8(std::string(model::action_name(e.decision.action)))),
                    wxString::FromUTF8(open_->number)),
                _("Recall decision"), wxYES_NO | wxICON_QUESTION, &frame_) != wxYES)
            return;
        try {
            sync::recall_decision(workspace, frame_.context_.officer ? frame_.context_.officer->id : "",
                                  e.decision.id, now_utc());
        } catch (const std::exception& ex) {
            frame_.decisions_->set_message(wxString::FromUTF8(ex.what()));
            if (!scripted_)
                wxMessageBox(wxString::FromUTF8(ex.what()), _("Recall decision"), wxOK | wxICON_ERROR,
                             &frame_);
            return;
        }
        const std::string number = open_->number;
        frame_.open_application(number);  // the decision bar offers the actions again
        frame_.review_pane_->set_banner(_("Decision recalled: it will not be sent. Decide again when ready."),
                                        false);
        frame_.update_status();
        return;
    }
}

void ReviewController::show_outbox() {
    if (!frame_.context_.workspace)
        return;
    auto& workspace = *frame_.context_.workspace;
    auto* dialog = new wxDialog(&frame_, wxID_ANY, _("Outbox"), wxDefaultPosition,
                                frame_.FromDIP(wxSize(900, 420)), wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER);
    dialog->SetName("outbox");
    auto* list =
        new wxListCtrl(dialog, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    list->SetName("outbox_list");
    const std::pair<const char*, int> columns[] = {
        {"Application", 170}, {"Action", 110}, {"State", 140}, {"Saved", 150}, {"Hub's message", 300}};
    for (const auto& [title, width] : columns)
        list->AppendColumn(wxGetTranslation(title), wxLIST_FORMAT_LEFT, dialog->FromDIP(width));
    auto entries = std::make_shared<std::vector<store::OutboxEntry>>();
    auto fill = [list, entries, &workspace] {
        *entries = workspace.outbox().list();
        list->DeleteAllItems();
        for (std::size_t i = 0; i < entries->size(); ++i) {
            const auto& e = (*entries)[i];
            const long row =
                list->InsertItem(static_cast<long>(i), wxString::FromUTF8(e.decision.application));
            list->SetItem(
                row, 1,
                wxGetTranslation(wxString::FromUTF8(std::string(model::action_name(e.decision.action)))));
            list->SetItem(row, 2, outbox_state_label(e.state));
            list->SetItem(row, 3, wxString::FromUTF8(format_timestamp(e.created_at)));
            list->SetItem(row, 4,
                          wxString::FromUTF8(e.state == store::OutboxState::accepted ? "" : e.hub_message));
        }
    };
    fill();
    auto* recall = new wxButton(dialog, wxID_ANY, _("&Recall selected"));
    recall->Bind(wxEVT_BUTTON, [this, list, entries, fill, &workspace](wxCommandEvent&) {
        const long row = list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
        if (row < 0)
            return;
        try {
            sync::recall_decision(workspace, frame_.context_.officer ? frame_.context_.officer->id : "",
                                  (*entries)[static_cast<std::size_t>(row)].decision.id, now_utc());
        } catch (const std::exception& e) {
            wxMessageBox(wxString::FromUTF8(e.what()), _("Recall decision"), wxOK | wxICON_ERROR);
        }
        fill();
        frame_.update_status();
    });
    recall->Bind(wxEVT_UPDATE_UI, [list, entries](wxUpdateUIEvent& e) {
        const long row = list->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
        e.Enable(row >= 0 && static_cast<std::size_t>(row) < entries->size() &&
                 (*entries)[static_cast<std::size_t>(row)].state == store::OutboxState::pending);
    });
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(list, 1, wxEXPAND | wxALL, dialog->FromDIP(8));
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->Add(recall, 0, wxRIGHT, dialog->FromDIP(8));
    buttons->AddStretchSpacer();
    buttons->Add(new wxButton(dialog, wxID_CLOSE), 0);
    dialog->Bind(
        wxEVT_BUTTON, [dialog](wxCommandEvent&) { dialog->Destroy(); }, wxID_CLOSE);
    dialog->Bind(wxEVT_CLOSE_WINDOW, [dialog](wxCloseEvent&) { dialog->Destroy(); });
    sizer->Add(buttons, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, dialog->FromDIP(8));
    dialog->SetSizer(sizer);
    dialog->Show();
}

void ReviewController::choose_filter() {
    auto& context = frame_.context_;
    store::QueueFilter f = frame_.queue_->filter();
    wxDialog dialog(&frame_, wxID_ANY, _("Filter the queue"));
    dialog.SetName("queue_filter");
    auto* grid = new wxFlexGridSizer(2, dialog.FromDIP(6), dialog.FromDIP(10));
    std::vector<std::string> services{""}, levels{""};
    wxArrayString service_labels, level_labels;
    service_labels.Add(_("All services"));
    level_labels.Add(_("All levels"));
    for (const auto* s : context.catalogue.services()) {
        services.push_back(s->id);
        service_labels.Add(wxString::FromUTF8(s->title.in(context.language)));
        for (const auto& level : s->levels) {
            if (std::find(levels.begin(), levels.end(), level.id) != levels.end())
                continue;
            levels.push_back(level.id);
            level_labels.Add(wxString::FromUTF8(level.id));
        }
    }
    const std::vector<std::string> statuses{"", "pending", "approved", "rejected", "returned"};
    wxArrayString status_labels;
    status_labels.Add(_("All statuses"));
    for (std::size_t i = 1; i < statuses.size(); ++i)
        status_labels.Add(wxGetTranslation(wxString::FromUTF8(statuses[i])));
    const std::vector<std::string> deadlines{"any", "overdue", "today", "within:3", "within:7"};
    wxArrayString deadline_labels;
    for (const char* label :
         {"Any deadline", "Overdue", "Due today or overdue", "Due within 3 days", "Due within 7 days"})
        deadline_labels.Add(wxGetTranslation(label));
    auto add = [&](const wxString& label, const wxArrayString& choices,
                   const std::vector<std::string>& values, const std::string& current) {
        grid->Add(new wxStaticText(&dialog, wxID_ANY, label), 0, wxALIGN_CENTER_VERTICAL);
        auto* choice = new wxChoice(&dialog, wxID_ANY, wxDefaultPosition, wxDefaultSize, choices);
        const auto it = std::find(values.begin(), values.end(), current);
        choice->SetSelection(it == values.end() ? 0 : static_cast<int>(it - values.begin()));
        grid->Add(choice, 1, wxEXPAND);
        return choice;
    };
    auto* service = add(_("Service"), service_labels, services, f.service_id);
    auto* status = add(_("Status"), status_labels, statuses, f.status);
    auto* level = add(_("Level"), level_labels, levels, f.level);
    auto* deadline = add(_("Deadline"), deadline_labels, deadlines, f.overdue_on ? "overdue" : "any");
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(grid, 1, wxEXPAND | wxALL, dialog.FromDIP(10));
    sizer->Add(dialog.CreateStdDialogButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, dialog.FromDIP(8));
    dialog.SetSizerAndFit(sizer);
    if (dialog.ShowModal() != wxID_OK)
        return;
    f.service_id = services[static_cast<std::size_t>(service->GetSelection())];
    f.status = statuses[static_cast<std::size_t>(status->GetSelection())];
    f.level = levels[static_cast<std::size_t>(level->GetSelection())];
    set_deadline(f, deadlines[static_cast<std::size_t>(deadline->GetSelection())]);
    frame_.queue_->set_filter(f);
    frame_.update_status();
}

void ReviewController::save_filter(const std::optional<std::string>& scripted_name) {
    if (!frame_.context_.workspace)
        return;
    std::string name;
    if (scripted_name) {
        name = *scripted_name;
    } else {
        wxTextEntryDialog ask(&frame_, _("Name for this filter and sort:"), _("Save filter"));
        if (ask.ShowModal() != wxID_OK)
            return;
        name = ask.GetValue().Strip(wxString::both).utf8_string();
    }
    if (name.empty())
        return;
    store::QueueFilter f = frame_.queue_->filter();
    f.offset = 0;
    store::ReviewStore(*frame_.context_.workspace).save_filter(name, f, today());
    frame_.SetStatusText(wxString::Format(_("Filter \"%s\" saved."), wxString::FromUTF8(name)), 0);
}

void ReviewController::apply_saved_filter(const std::optional<std::string>& scripted_name) {
    if (!frame_.context_.workspace)
        return;
    store::ReviewStore review(*frame_.context_.workspace);
    std::string name;
    if (scripted_name) {
        name = *scripted_name;
    } else {
        const auto names = review.saved_filter_names();
        if (names.empty()) {
            wxMessageBox(
                _("No filters are saved yet: set a filter and sort, then use Queue → Save this filter."),
                _("Saved filters"), wxOK | wxICON_INFORMATION, &frame_);
            return;
        }
        wxArrayString choices;
        for (const auto& n : names)
            choices.Add(wxString::FromUTF8(n));
        wxSingleChoiceDialog ask(&frame_, _("Apply which filter?"), _("Saved filters"), choices);
        if (ask.ShowModal() != wxID_OK)
            return;
        name = names[static_cast<std::size_t>(ask.GetSelection())];
    }
    const auto f = review.saved_filter(name, today());
    if (!f)
        return;
    frame_.queue_->set_filter(*f);
    frame_.update_status();
}

void ReviewController::clear_filter() {
    frame_.queue_->set_filter(store::QueueFilter{});
    frame_.update_status();
}

void ReviewController::sort_by(store::QueueSort sort) {
    frame_.queue_->sort_by(sort);
}

void ReviewController::compare(std::optional<std::pair<std::size_t, std::size_t>> sides) {
    frame_.documents_->open_all();
    const auto docs = frame_.documents_->opened();
    if (docs.empty())
        return;
    if (!sides) {
        // This document beside the next one; a single document is compared page 1 against page 2.
        const int tab = frame_.documents_->GetSelection();
        std::size_t left = 0;
        for (std::size_t i = 0; i < docs.size(); ++i) {
            if (tab >= 0 && frame_.documents_->GetPageText(static_cast<std::size_t>(tab)) == docs[i].title)
                left = i;
        }
        sides = std::pair(left, docs.size() > 1 ? (left + 1) % docs.size() : left);
    }
    if (sides->first >= docs.size() || sides->second >= docs.size())
        return;
    if (compare_ != nullptr)
        compare_->Destroy();
    compare_ =
        new wxDialog(&frame_, wxID_ANY, _("Compare documents"), wxDefaultPosition,
                     wxSize(frame_.GetSize().GetWidth() * 9 / 10, frame_.GetSize().GetHeight() * 8 / 10),
                     wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER | wxMAXIMIZE_BOX);
    compare_->SetName("compare");
    auto* view = new viewer::wx::CompareView(compare_, *frame_.context_.renderer);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(view, 1, wxEXPAND);
    compare_->SetSizer(sizer);
    const auto& l = docs[sides->first];
    const auto& r = docs[sides->second];
    const bool same = sides->first == sides->second;
    view->show({l.render_id, l.sha256, 0, l.title},
               {r.render_id, r.sha256, same && r.page_count > 1 ? 1 : 0, r.title});
    compare_->Bind(wxEVT_CLOSE_WINDOW, [this](wxCloseEvent&) {
        compare_->Destroy();
        compare_ = nullptr;
    });
    compare_->Show();
    // The splitter knows its width only once shown: halve it then, so both documents get the same room.
    compare_->CallAfter([view] {
        for (auto* child : view->GetChildren()) {
            if (auto* splitter = dynamic_cast<wxSplitterWindow*>(child))
                splitter->SetSashPosition(splitter->GetClientSize().GetWidth() / 2);
        }
    });
}

std::optional<bool> ReviewController::run_script_step(const std::string& step) {
    scripted_ = true;
    if (step.rfind("review/", 0) != 0)
        return std::nullopt;
    refresh_tabs();  // a script reads or marks what the officer would see there
    const auto eq = step.find('=');
    const std::string verb = step.substr(7, eq == std::string::npos ? std::string::npos : eq - 7);
    const std::string arg = eq == std::string::npos ? "" : step.substr(eq + 1);
    if (verb == "wait") {  // until the claim and history answers have arrived and been shown
        while (busy_ > 0) {
            wxYield();
            wxMilliSleep(10);
        }
        for (int i = 0; i < 5; ++i)
            wxYield();
        return true;
    }
    if (verb == "hold") {  // keep the window working for MS milliseconds (another process looks meanwhile)
        const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(std::stol(arg));
        while (std::chrono::steady_clock::now() < until) {
            wxYield();
            wxMilliSleep(20);
        }
        return true;
    }
    if (verb == "open") {
        if (!frame_.context_.workspace || !frame_.context_.workspace->application(arg))
            return false;
        frame_.open_application(arg);
        return true;
    }
    if (verb == "print")
        return print_state(), true;
    if (verb == "check") {  // INDEX:mark[:reason]
        const auto c1 = arg.find(':');
        if (c1 == std::string::npos)
            return false;
        const auto c2 = arg.find(':', c1 + 1);
        const std::string mark =
            arg.substr(c1 + 1, c2 == std::string::npos ? std::string::npos : c2 - c1 - 1);
        return frame_.review_pane_->checklist()->set_mark(std::stoul(arg.substr(0, c1)), mark,
                                                          c2 == std::string::npos ? "" : arg.substr(c2 + 1));
    }
    if (verb == "tab") {  // 0 form, 1 documents checklist, 2 history
        return frame_.review_pane_->select_tab(std::stoul(arg));
    }
    if (verb == "document") {  // show the document tab INDEX
        frame_.documents_->select_document(std::stoul(arg));
        return true;
    }
    if (verb == "sort") {  // COLUMN — the same column again flips the order, as a header click does
        const auto sort = store::queue_sort_from_name(arg);
        if (!sort)
            return false;
        sort_by(*sort);
        return true;
    }
    if (verb == "filter") {  // service:X,status:Y,level:Z,deadline:overdue|today|within:N|any
        store::QueueFilter f = frame_.queue_->filter();
        std::size_t start = 0;
        while (start < arg.size()) {
            const auto comma = arg.find(',', start);
            const std::string part =
                arg.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
            start = comma == std::string::npos ? arg.size() : comma + 1;
            const auto colon = part.find(':');
            if (colon == std::string::npos)
                return false;
            const std::string key = part.substr(0, colon), value = part.substr(colon + 1);
            if (key == "service")
                f.service_id = value;
            else if (key == "status")
                f.status = value;
            else if (key == "level")
                f.level = value;
            else if (key == "deadline")
                set_deadline(f, value);
            else
                return false;
        }
        frame_.queue_->set_filter(f);
        frame_.update_status();
        return true;
    }
    if (verb == "save_filter")
        return save_filter(arg), true;
    if (verb == "apply_filter") {
        if (!frame_.context_.workspace ||
            !store::ReviewStore(*frame_.context_.workspace).saved_filter(arg, today()))
            return false;
        apply_saved_filter(arg);
        return true;
    }
    if (verb == "compare") {  // LEFT,RIGHT document indexes, or nothing for this one and the next
        if (arg.empty())
            compare();
        else
            compare(std::pair(std::stoul(arg.substr(0, arg.find(','))),
                              std::stoul(arg.substr(arg.find(',') + 1))));
        return compare_ != nullptr;
    }
    if (verb == "shot") {  // PATH: the compare or outbox window when open, else the main window
        wxWindow* window =
            compare_ != nullptr ? static_cast<wxWindow*>(compare_) : wxWindow::FindWindowByName("outbox");
        if (window == nullptr)
            window = &frame_;
        for (int i = 0; i < 50; ++i) {  // let the pages arrive from the render workers
            wxYield();
            wxMilliSleep(20);
        }
        window->Update();
        return save_window(window, arg);
    }
    if (verb == "idle_minutes") {
        if (!frame_.context_.workspace)
            return false;
        frame_.context_.workspace->set_sync_value("claim_idle_minutes", arg);
        return true;
    }
    if (verb == "idle_now") {  // as if the officer had been away for the idle time (tests)
        last_input_ =
            std::chrono::steady_clock::now() - std::chrono::minutes(idle_minutes()) - std::chrono::seconds(1);
        on_tick();
        return true;
    }
    return false;
}

void ReviewController::print_state() {
    json::Json j = json::Json::object();
    j["number"] = open_ ? open_->number : "";
    j["banner"] = frame_.review_pane_->banner().utf8_string();
    json::Json allowed = json::Json::array();
    for (auto a : model::all_actions()) {
        if (frame_.decisions_->allows(a))
            allowed.push_back(std::string(model::action_name(a)));
    }
    j["allowed"] = allowed;
    j["claim"] =
        claim_ ? json::Json{{"mine", claim_->mine}, {"officer", claim_->officer}} : json::Json(nullptr);
    j["held"] = held_;
    j["history"] = frame_.review_pane_->history_lines();
    json::Json checks = json::Json::array();
    for (const auto& c : document_checks())
        checks.push_back(c);
    j["checks"] = checks;
    json::Json pages = json::Json::object();
    if (open_ && frame_.context_.workspace) {
        const auto seen = store::ReviewStore(*frame_.context_.workspace).pages_seen(open_->number);
        for (const auto& doc : frame_.documents_->opened()) {
            auto it = seen.find(doc.document_id);
            pages[doc.document_id] = std::to_string(it == seen.end() ? 0 : it->second.pages.size()) + "/" +
                                     std::to_string(doc.page_count);
        }
    }
    j["pages"] = pages;
    j["not_opened"] = documents_not_opened();
    json::Json queue = json::Json::array();
    for (long i = 0; i < std::min<long>(5, static_cast<long>(frame_.queue_->row_count())); ++i)
        queue.push_back(frame_.queue_->GetItemText(i).utf8_string());
    j["queue_total"] = frame_.queue_->row_count();
    j["queue_first"] = queue;
    std::printf("%s\n", json::Json{{"review", j}}.dump().c_str());
    std::fflush(stdout);
}

}  // namespace jaanch::app
