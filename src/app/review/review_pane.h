// The left half beside the documents: a banner for what the officer must know before deciding (claimed by
// someone else, offline, no longer in the queue), and tabs for the form, the per-document checklist and the
// history of earlier decisions with their signature marks. UI thread only.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include <wx/panel.h>

#include "catalogue/service_definition.h"
#include "model/application.h"
#include "store/review_store.h"
#include "sync/history_check.h"

class wxChoice;
class wxListCtrl;
class wxNotebook;
class wxStaticText;
class wxTextCtrl;
class wxScrolledWindow;
class wxFlexGridSizer;

namespace jaanch::app {

// One row per document: its label, "pages seen 3/5", and the mark (—, seen, valid, invalid + reason).
class ChecklistPanel : public wxPanel {
  public:
    using Changed = std::function<void(const model::DocumentCheck& check, bool cleared)>;
    ChecklistPanel(wxWindow* parent, Changed on_changed);

    void show(const model::Application& app, const catalogue::ServiceDefinition* service,
              const std::string& language, const std::vector<model::DocumentCheck>& checks);
    void set_pages(const std::string& document_id, std::size_t seen, int total);
    // As if the officer chose the mark (scripts): index of the document, the mark, the reason for invalid.
    bool set_mark(std::size_t index, const std::string& mark, const std::string& reason);
    std::size_t size() const { return rows_.size(); }

  private:
    struct Row {
        std::string document_id;
        wxString label;
        wxStaticText* pages = nullptr;
        wxChoice* mark = nullptr;
        wxTextCtrl* reason = nullptr;
    };
    void changed(Row& row);

    Changed on_changed_;
    wxScrolledWindow* body_ = nullptr;
    wxFlexGridSizer* grid_ = nullptr;
    std::vector<Row> rows_;
};

class ReviewPane : public wxPanel {
  public:
    explicit ReviewPane(wxWindow* parent);

    wxWindow* tab_parent();  // parent for the form panel
    void add_form(wxWindow* form);
    ChecklistPanel* checklist() { return checklist_; }

    // Empty text hides the banner. `warning` colours it.
    void set_banner(const wxString& text, bool warning = true);
    wxString banner() const;
    void show_history(const model::Application& app, const std::vector<sync::HistoryMark>& marks);
    // The history as the officer reads it, one line per record (scripts print it).
    std::vector<std::string> history_lines() const;
    void set_checklist_handler(ChecklistPanel::Changed handler);
    bool select_tab(std::size_t index);

  private:
    wxStaticText* banner_ = nullptr;
    wxNotebook* tabs_ = nullptr;
    ChecklistPanel* checklist_ = nullptr;
    wxListCtrl* history_ = nullptr;
    ChecklistPanel::Changed checklist_handler_;
};

// "✓ valid" / "✗ content_mismatch — …" / "not yet fetched" for a history mark.
wxString signature_text(const sync::HistoryMark& mark);

}  // namespace jaanch::app
