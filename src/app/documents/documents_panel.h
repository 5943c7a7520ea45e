// The application's documents beside its form: a tab per uploaded document, each the viewer pane from
// viewer/wx. Encrypted PDFs open with the Indian conventions built from the form (e-Aadhaar, Jan Aadhaar
// e-card) before the officer is asked. Documents not yet downloaded say so. UI thread only.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <wx/notebook.h>
#include <wx/timer.h>

#include "catalogue/service_definition.h"
#include "model/application.h"
#include "store/workspace.h"
#include "viewer/engine/open_document.h"
#include "viewer/engine/password_conventions.h"
#include "viewer/engine/password_memory.h"
#include "viewer/render/render_service.h"
#include "viewer/render/view_memory.h"
#include "workstation/document_memory.h"

namespace jaanch::viewer::wx {
class DocumentViewer;
}

namespace jaanch::app {

class DocumentsPanel : public wxNotebook {
  public:
    DocumentsPanel(wxWindow* parent, viewer::render::RenderService& renderer);
    ~DocumentsPanel() override;

    void show(const model::Application& app, const catalogue::ServiceDefinition* service,
              store::Workspace& workspace, const std::string& language);
    // Closes every document; `keep_first`, when it is the first tab, stays (to show the next document).
    void clear(wxWindow* keep_first = nullptr);
    // Scripted sessions (tests) never stop for a password dialog: an encrypted document that the conventions
    // do not open says so in its tab instead.
    void set_unattended(bool unattended) { unattended_ = unattended; }

    void next_document();
    viewer::wx::DocumentViewer* current_viewer();
    // The (document id, page) pairs the officer has looked at, for the activity log.
    std::size_t document_count() const { return GetPageCount(); }

    // Called with (document id, page, page count) whenever a page of a document is on screen: a tab shown, a
    // page scrolled to. The review pane records these as "pages seen".
    using PageSeenHandler = std::function<void(const std::string& document_id, int page, int page_count)>;
    void set_on_page_seen(PageSeenHandler handler) { on_page_seen_ = std::move(handler); }
    // The documents that opened in a viewer, for the page counts and for compare mode.
    struct Opened {
        std::string document_id;
        std::string sha256;
        viewer::render::DocumentId render_id = 0;
        int page_count = 0;
        wxString title;
    };
    std::vector<Opened> opened() const;
    void select_document(std::size_t index);
    // Opens every document not opened yet (compare mode needs both sides); tabs open lazily otherwise.
    void open_all();
    // How the last document opened is protected ("bubblewrap+seccomp", "seccomp only"); empty before any.
    const std::string& protection() const { return protection_; }

    // Prepares the first page of the application "next" will show, while the officer reads this one: opens
    // its first document (in the sandbox) and asks the render service for that page at the size the viewer
    // shows it, at prefetch priority. show() then takes the opened document from here instead of opening it
    // again. Does nothing for a document not downloaded, or one that needs a password the conventions do not
    // give.
    void prefetch(const model::Application& app, const catalogue::ServiceDefinition* service,
                  store::Workspace& workspace);
    // Puts each document's flag before its tab title ("⚠ Ration card"; checks_view.h) — the reason is in the
    // checks dialog. Documents not in `flags` lose an earlier flag. Call after show().
    void set_document_flags(const std::map<std::string, wxString>& flags);

    // True while the prefetched page is still being rendered.
    bool prefetching() const { return prefetch_waiting_ > 0; }
    // True while documents of an application left behind still wait to be closed (see retire()).
    bool retiring() const { return !retiring_.empty(); }
    // Whether the first document shown by the last show() was the prefetched one (tests).
    bool shown_from_prefetch() const { return shown_from_prefetch_; }

  private:
    // A viewer on `doc` (`reuse` when given, else a new one), or a message page saying why not.
    wxWindow* make_viewer_page(const model::DocumentRef& doc, const viewer::ConventionInputs& conventions,
                               store::Workspace& workspace, viewer::wx::DocumentViewer* reuse);
    wxWindow* make_message_page(const wxString& message);
    wxWindow* make_placeholder_page();
    void open_placeholder(int index);  // opens the document of a tab chosen for the first time

    viewer::render::RenderService& renderer_;
    std::unique_ptr<workstation::WorkspaceDocumentMemory> memory_;  // for the workspace last shown
    std::vector<viewer::render::DocumentId> open_;
    std::vector<viewer::wx::DocumentViewer*> viewers_;  // per page, null for message pages
    std::vector<std::string> document_ids_;             // per page
    std::vector<Opened> opened_;
    PageSeenHandler on_page_seen_;
    void report_current_page();
    bool unattended_ = false;
    // The application shown, for tabs that open later.
    store::Workspace* workspace_ = nullptr;
    viewer::ConventionInputs conventions_;
    std::vector<model::DocumentRef> documents_;
    std::set<wxWindow*> placeholders_;  // tabs whose document is not opened yet
    std::string protection_;

    struct Prefetched {
        std::string sha256;
        viewer::render::DocumentId id = 0;
        std::string protection;
        wxSize for_size;                          // the shown canvas's size its tiles were chosen for
        std::set<viewer::render::TileKey> asked;  // each asked for once: a channel waits once per tile
    };
    // Opens an upload in the sandbox; `ask` lets it ask the officer for a password. Throws what opening
    // throws.
    viewer::OpenedDocument open_upload(const model::DocumentRef& doc,
                                       const viewer::ConventionInputs& conventions,
                                       store::Workspace& workspace, bool ask);
    void drop_prefetched();
    // Asks for what the prefetched document's viewer would show first at the shown canvas's size now, when
    // that size changed since the prefetch chose its tiles (the window was still being laid out).
    void keep_prefetch_current();
    void ask_prefetch(const std::vector<viewer::render::TileKey>& keys);  // of prefetched_, each key once
    // Closes documents a moment later (kRetireDelayMs) instead of now: closing ends their helper processes,
    // and that teardown competed with laying out and painting the next application.
    void retire(std::vector<viewer::render::DocumentId> ids);
    void close_retired();
    static constexpr int kRetireDelayMs = 600;
    static constexpr std::size_t kMostRetiring =
        24;  // when "next" is pressed faster than that, close at once
    std::vector<viewer::render::DocumentId> retiring_;
    wxTimer retire_timer_;
    std::optional<Prefetched> prefetched_;  // not shown yet; owned here until show() takes it
    std::unique_ptr<viewer::render::RenderChannel> prefetch_channel_;
    int prefetch_waiting_ = 0;
    bool shown_from_prefetch_ = false;
    std::vector<wxString> flags_;  // per page, the flag set_document_flags put before its title
};

}  // namespace jaanch::app
