#include "app/queue/queue_controller.h"

#include <algorithm>

#include <wx/choicdlg.h>
#include <wx/choice.h>
#include <wx/dialog.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textdlg.h>

#include "app/main/context.h"
#include "app/queue/queue_panel.h"
#include "app/status/sync_controller.h"
#include "store/review_store.h"

namespace jaanch::app {
namespace {

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

}  // namespace

QueueController::QueueController(Context& context, QueuePanel& panel) : context_(context), panel_(panel) {}

void QueueController::step(int direction) {
    panel_.select_next(direction);
}

std::string QueueController::number_after(int step) const {
    return panel_.number_after(step);
}

const store::QueueFilter& QueueController::filter() const {
    return panel_.filter();
}

void QueueController::set_filter(const store::QueueFilter& filter) {
    panel_.set_filter(filter);
    context_.sync->update_status();
}

void QueueController::find() {
    wxTextEntryDialog ask(context_.window, _("Application number or part of the applicant's name:"),
                          _("Find"), wxString::FromUTF8(panel_.filter().search));
    if (ask.ShowModal() != wxID_OK)
        return;
    store::QueueFilter f = panel_.filter();
    f.search = ask.GetValue().utf8_string();
    set_filter(f);
    panel_.select_next(1);
}

void QueueController::toggle_overdue() {
    store::QueueFilter f = panel_.filter();
    f.overdue_on = f.overdue_on ? std::nullopt : std::optional<Date>(today());
    set_filter(f);
}

void QueueController::show_my_pending() {
    store::QueueFilter f;
    f.status = "pending";
    f.level = context_.session.officer->level;
    set_filter(f);
}

void QueueController::choose_filter() {
    auto& session = context_.session;
    store::QueueFilter f = panel_.filter();
    wxDialog dialog(context_.window, wxID_ANY, _("Filter the queue"));
    dialog.SetName("queue_filter");
    auto* grid = new wxFlexGridSizer(2, dialog.FromDIP(6), dialog.FromDIP(10));
    std::vector<std::string> services{""}, levels{""};
    wxArrayString service_labels, level_labels;
    service_labels.Add(_("All services"));
    level_labels.Add(_("All levels"));
    for (const auto* s : session.catalogue.services()) {
        services.push_back(s->id);
        service_labels.Add(wxString::FromUTF8(s->title.in(session.language)));
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
    set_filter(f);
}

void QueueController::save_filter(const std::optional<std::string>& scripted_name) {
    if (!context_.session.workspace)
        return;
    std::string name;
    if (scripted_name) {
        name = *scripted_name;
    } else {
        wxTextEntryDialog ask(context_.window, _("Name for this filter and sort:"), _("Save filter"));
        if (ask.ShowModal() != wxID_OK)
            return;
        name = ask.GetValue().Strip(wxString::both).utf8_string();
    }
    if (name.empty())
        return;
    store::QueueFilter f = panel_.filter();
    f.offset = 0;
    store::ReviewStore(*context_.session.workspace).save_filter(name, f, today());
    context_.sync->set_message(wxString::Format(_("Filter \"%s\" saved."), wxString::FromUTF8(name)));
}

bool QueueController::apply_saved_filter(const std::optional<std::string>& scripted_name) {
    if (!context_.session.workspace)
        return false;
    store::ReviewStore review(*context_.session.workspace);
    std::string name;
    if (scripted_name) {
        name = *scripted_name;
    } else {
        const auto names = review.saved_filter_names();
        if (names.empty()) {
            wxMessageBox(
                _("No filters are saved yet: set a filter and sort, then use Queue → Save this filter."),
                _("Saved filters"), wxOK | wxICON_INFORMATION, context_.window);
            return false;
        }
        wxArrayString choices;
        for (const auto& n : names)
            choices.Add(wxString::FromUTF8(n));
        wxSingleChoiceDialog ask(context_.window, _("Apply which filter?"), _("Saved filters"), choices);
        if (ask.ShowModal() != wxID_OK)
            return false;
        name = names[static_cast<std::size_t>(ask.GetSelection())];
    }
    const auto f = review.saved_filter(name, today());
    if (!f)
        return false;
    set_filter(*f);
    return true;
}

void QueueController::clear_filter() {
    set_filter(store::QueueFilter{});
}

void QueueController::sort_by(store::QueueSort sort) {
    panel_.sort_by(sort);
}

bool QueueController::apply_filter_spec(const std::string& spec) {
    store::QueueFilter f = panel_.filter();
    std::size_t start = 0;
    while (start < spec.size()) {
        const auto comma = spec.find(',', start);
        const std::string part =
            spec.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        start = comma == std::string::npos ? spec.size() : comma + 1;
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
    set_filter(f);
    return true;
}

}  // namespace jaanch::app
