// The queue: a virtual list over the workspace that stays smooth with 100,000 rows, because it asks the
// workspace for one page of rows at a time and keeps only a few pages. UI thread only.
#pragma once

#include <functional>
#include <map>

#include <wx/listctrl.h>

#include "store/workspace.h"

namespace jaanch::app {

class QueuePanel : public wxListCtrl {
  public:
    using SelectHandler = std::function<void(const std::string& number)>;

    QueuePanel(wxWindow* parent, store::Workspace* workspace, SelectHandler on_select);

    void set_workspace(store::Workspace* workspace);
    void set_filter(const store::QueueFilter& filter);
    const store::QueueFilter& filter() const { return filter_; }
    void reload();  // after a sync: re-count and drop cached pages
    // Sorts by a column in SQL (indexed columns, so 100,000 rows stay smooth); the same column again flips
    // the order. A click on a column header does the same.
    void sort_by(store::QueueSort sort);

    void select_next(int step);  // +1 next, -1 previous; wraps at neither end
    std::size_t row_count() const { return total_; }
    std::string selected_number() const;
    // The application select_next(step) would open; empty at either end.
    std::string number_after(int step) const;
    // A claim taken or given back (already in the workspace): the row's "Claimed by" shows it, and only that
    // line is drawn again — redrawing the whole list cost several milliseconds of every "next application".
    void show_claim(const std::string& number, const std::string& claimed_by);

  private:
    wxString OnGetItemText(long item, long column) const override;
    wxItemAttr* OnGetItemAttr(long item) const override;
    const store::QueueRow* row(long item) const;

    store::Workspace* workspace_;
    SelectHandler on_select_;
    store::QueueFilter filter_;
    std::size_t total_ = 0;
    mutable std::map<std::size_t, std::vector<store::QueueRow>> pages_;  // page index → rows
    mutable wxItemAttr overdue_, today_, near_;
};

}  // namespace jaanch::app
