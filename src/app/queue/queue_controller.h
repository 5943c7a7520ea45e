// The queue as an area of work: which applications are listed (search, overdue, mine, filters and saved
// filters, sort) and moving through them. Owns the QueuePanel's filter state through the panel; every change
// of the listing also refreshes the status bar's count.
// Threads: UI thread only. Ownership: owned by MainFrame; the panel is a child of the frame and outlives it.
#pragma once

#include <optional>
#include <string>

#include "store/workspace.h"

namespace jaanch::app {

struct Context;
class QueuePanel;

class QueueController {
  public:
    QueueController(Context& context, QueuePanel& panel);

    void register_commands();  // queue_commands.cpp

    QueuePanel& panel() { return panel_; }
    // +1 the next application, -1 the previous one (opens it).
    void step(int direction);
    // The number `step` rows after the selected one, "" past the end.
    std::string number_after(int step) const;
    void set_filter(const store::QueueFilter& filter);
    const store::QueueFilter& filter() const;

    void find();  // asks for a number or part of a name
    void toggle_overdue();
    void show_my_pending();
    void choose_filter();  // the filter dialog
    // Saves the current filter and sort; asks for the name unless a script gives it.
    void save_filter(const std::optional<std::string>& scripted_name = std::nullopt);
    // Applies a saved filter; asks which unless a script names it. Returns whether one was applied.
    bool apply_saved_filter(const std::optional<std::string>& scripted_name = std::nullopt);
    void clear_filter();
    void sort_by(store::QueueSort sort);
    // "service:X,status:Y,level:Z,deadline:overdue|today|within:N|any" (scripts). False on a bad spec.
    bool apply_filter_spec(const std::string& spec);

  private:
    Context& context_;
    QueuePanel& panel_;
};

}  // namespace jaanch::app
