#include "app/queue/queue_panel.h"

#include "app/accessibility/accessibility.h"

#include <wx/intl.h>

#include "util/time.h"
#include "workflow/deadline.h"

namespace jaanch::app {
namespace {

constexpr std::size_t kPageSize = 200;
constexpr std::size_t kPagesKept = 8;

enum Column { kNumber, kService, kApplicant, kVillage, kSubmitted, kDaysLeft, kLevel, kStatus, kClaimed };

// The SQL sort behind each column, in column order.
constexpr store::QueueSort kColumnSorts[] = {
    store::QueueSort::number,        store::QueueSort::service_id,   store::QueueSort::applicant_name,
    store::QueueSort::village,       store::QueueSort::submitted_at, store::QueueSort::level_due,
    store::QueueSort::current_level, store::QueueSort::status,       store::QueueSort::claimed_by};

int days_left_of(const store::QueueRow& r) {
    auto due = parse_date(r.level_due);
    return due ? workflow::days_left(*due, date_of(now_utc())) : 0;
}

}  // namespace

QueuePanel::QueuePanel(wxWindow* parent, store::Workspace* workspace, SelectHandler on_select)
    : wxListCtrl(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                 wxLC_REPORT | wxLC_VIRTUAL | wxLC_SINGLE_SEL),
      workspace_(workspace),
      on_select_(std::move(on_select)) {
    SetName("queue");
    set_accessible_name(this, _("Applications queue"));
    const std::pair<const char*, int> columns[] = {
        {"Application", 170}, {"Service", 200}, {"Applicant", 170}, {"Village/ward", 120}, {"Submitted", 95},
        {"Days left", 80},    {"Level", 55},    {"Status", 80},     {"Claimed by", 100}};
    for (const auto& [title, width] : columns)
        AppendColumn(wxGetTranslation(title), wxLIST_FORMAT_LEFT, FromDIP(width));
    overdue_.SetBackgroundColour(wxColour(250, 205, 205));
    today_.SetBackgroundColour(wxColour(255, 224, 178));
    near_.SetBackgroundColour(wxColour(255, 249, 196));
    Bind(wxEVT_LIST_COL_CLICK, [this](wxListEvent& e) {
        const int column = e.GetColumn();
        if (column >= 0 && column < static_cast<int>(std::size(kColumnSorts)))
            sort_by(kColumnSorts[column]);
    });
    Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent& e) {
        if (const auto* r = row(e.GetIndex()); r != nullptr && on_select_)
            on_select_(r->number);
    });
    reload();
}

void QueuePanel::set_workspace(store::Workspace* workspace) {
    workspace_ = workspace;
    reload();
}

void QueuePanel::set_filter(const store::QueueFilter& filter) {
    filter_ = filter;
    reload();
}

void QueuePanel::sort_by(store::QueueSort sort) {
    store::QueueFilter f = filter_;
    f.descending = f.sort == sort ? !f.descending : false;
    f.sort = sort;
    set_filter(f);
}

void QueuePanel::reload() {
    pages_.clear();
    total_ = 0;
    if (workspace_ != nullptr) {
        store::QueueFilter count_only = filter_;
        count_only.limit = 0;
        total_ = workspace_->queue(count_only).total;
    }
    SetItemCount(static_cast<long>(total_));
    for (std::size_t c = 0; c < std::size(kColumnSorts); ++c) {
        if (kColumnSorts[c] == filter_.sort)
            ShowSortIndicator(static_cast<int>(c), !filter_.descending);
    }
    Refresh();
}

const store::QueueRow* QueuePanel::row(long item) const {
    if (workspace_ == nullptr || item < 0 || static_cast<std::size_t>(item) >= total_)
        return nullptr;
    const std::size_t page = static_cast<std::size_t>(item) / kPageSize;
    auto it = pages_.find(page);
    if (it == pages_.end()) {
        if (pages_.size() >= kPagesKept)
            pages_.erase(pages_.begin());
        store::QueueFilter f = filter_;
        f.offset = page * kPageSize;
        f.limit = kPageSize;
        it = pages_.emplace(page, workspace_->queue(f).rows).first;
    }
    const std::size_t index = static_cast<std::size_t>(item) % kPageSize;
    return index < it->second.size() ? &it->second[index] : nullptr;
}

wxString QueuePanel::OnGetItemText(long item, long column) const {
    const store::QueueRow* r = row(item);
    if (r == nullptr)
        return {};
    switch (column) {
        case kNumber:
            return wxString::FromUTF8(r->number);
        case kService:
            return wxString::FromUTF8(r->service_id);
        case kApplicant:
            return wxString::FromUTF8(r->applicant_name);
        case kVillage:
            return wxString::FromUTF8(r->village);
        case kSubmitted:
            return wxString::FromUTF8(r->submitted_at.substr(0, 10));
        case kDaysLeft:
            return r->status == "pending" ? wxString::Format("%d", days_left_of(*r))
                                          : wxString::FromUTF8("—");
        case kLevel:
            return wxString::FromUTF8(r->current_level);
        case kStatus:
            return wxGetTranslation(wxString::FromUTF8(r->status));
        case kClaimed:
            return wxString::FromUTF8(r->claimed_by);
        default:
            return {};
    }
}

wxItemAttr* QueuePanel::OnGetItemAttr(long item) const {
    const store::QueueRow* r = row(item);
    if (r == nullptr || r->status != "pending")
        return nullptr;
    const int left = days_left_of(*r);
    if (left < 0)
        return &overdue_;
    if (left == 0)
        return &today_;
    if (left <= 2)
        return &near_;
    return nullptr;
}

void QueuePanel::select_next(int step) {
    if (total_ == 0)
        return;
    long current = GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    long next = current < 0 ? 0 : current + step;
    if (next < 0 || next >= static_cast<long>(total_))
        return;
    if (current >= 0)
        SetItemState(current, 0, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    SetItemState(next, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED,
                 wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    EnsureVisible(next);
}

std::string QueuePanel::number_after(int step) const {
    const long current = GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
    const long next = current < 0 ? 0 : current + step;
    if (next < 0 || next >= static_cast<long>(total_))
        return {};
    const store::QueueRow* r = row(next);
    return r == nullptr ? std::string() : r->number;
}

void QueuePanel::show_claim(const std::string& number, const std::string& claimed_by) {
    for (auto& [page, rows] : pages_) {
        for (std::size_t i = 0; i < rows.size(); ++i) {
            if (rows[i].number != number)
                continue;
            if (rows[i].claimed_by == claimed_by)
                return;
            rows[i].claimed_by = claimed_by;
            RefreshItem(static_cast<long>(page * kPageSize + i));
            return;
        }
    }
}

std::string QueuePanel::selected_number() const {
    const store::QueueRow* r = row(GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED));
    return r == nullptr ? std::string() : r->number;
}

}  // namespace jaanch::app
