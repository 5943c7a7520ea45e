#include "app/documents/documents_panel.h"

#include "app/accessibility/accessibility.h"

#include "viewer/sandbox/isolated_open.h"

#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textdlg.h>

#include "viewer/engine/open_document.h"
#include "viewer/wx/document_viewer.h"
#include "workstation/application_conventions.h"

namespace jaanch::app {
namespace {

std::optional<std::string> ask_password(wxWindow* parent, const viewer::PasswordQuestion& q) {
    wxString prompt =
        wxString::Format(_("\"%s\" is protected by a password that the usual conventions did not open."),
                         wxString::FromUTF8(q.document_label));
    if (q.previous_was_wrong)
        prompt += "\n" + _("That password was not right.");
    wxPasswordEntryDialog dialog(parent, prompt, _("Document password"));
    if (dialog.ShowModal() != wxID_OK)
        return std::nullopt;
    return dialog.GetValue().utf8_string();
}

}  // namespace

DocumentsPanel::DocumentsPanel(wxWindow* parent, viewer::render::RenderService& renderer)
    : wxNotebook(parent, wxID_ANY), renderer_(renderer) {
    SetName("documents");
    retire_timer_.Bind(wxEVT_TIMER, [this](wxTimerEvent&) { close_retired(); });
    set_accessible_name(this, _("Uploaded documents"));
    Bind(wxEVT_NOTEBOOK_PAGE_CHANGED, [this](wxBookCtrlEvent& e) {
        e.Skip();
        // After the change completes: replacing pages inside the notebook's own event confuses GTK.
        const int index = e.GetSelection();
        CallAfter([this, index] {
            open_placeholder(index);
            report_current_page();
        });
    });
}

void DocumentsPanel::report_current_page() {
    const int tab = GetSelection();
    if (!on_page_seen_ || tab < 0 || static_cast<std::size_t>(tab) >= viewers_.size())
        return;
    auto* viewer = viewers_[static_cast<std::size_t>(tab)];
    if (viewer == nullptr || viewer->canvas().page_count() == 0)
        return;
    on_page_seen_(document_ids_[static_cast<std::size_t>(tab)], viewer->canvas().current_page(),
                  viewer->canvas().page_count());
}

std::vector<DocumentsPanel::Opened> DocumentsPanel::opened() const {
    return opened_;
}

void DocumentsPanel::select_document(std::size_t index) {
    if (index < GetPageCount())
        SetSelection(index);
}

DocumentsPanel::~DocumentsPanel() {
    retire_timer_.Stop();
    prefetch_channel_.reset();
    drop_prefetched();
    close_retired();
    for (auto id : open_)
        renderer_.remove_document(id);
}

void DocumentsPanel::retire(std::vector<viewer::render::DocumentId> ids) {
    retiring_.insert(retiring_.end(), ids.begin(), ids.end());
    if (retiring_.size() > kMostRetiring)
        return close_retired();
    retire_timer_.StartOnce(kRetireDelayMs);
}

void DocumentsPanel::close_retired() {
    for (auto id : retiring_)
        renderer_.remove_document(id);
    retiring_.clear();
}

void DocumentsPanel::clear(wxWindow* keep_first) {
    placeholders_.clear();
    flags_.clear();
    if (keep_first != nullptr && GetPageCount() > 0 && GetPage(0) == keep_first) {
        while (GetPageCount() > 1)
            DeletePage(GetPageCount() - 1);
    } else {
        DeleteAllPages();
    }
    viewers_.clear();
    document_ids_.clear();
    opened_.clear();
    retire(std::move(open_));
    open_.clear();
}

wxWindow* DocumentsPanel::make_message_page(const wxString& message) {
    auto* page = new wxPanel(this);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(new wxStaticText(page, wxID_ANY, message), 0, wxALL, FromDIP(20));
    page->SetSizer(sizer);
    viewers_.push_back(nullptr);
    return page;
}

viewer::OpenedDocument DocumentsPanel::open_upload(const model::DocumentRef& doc,
                                                   const viewer::ConventionInputs& conventions,
                                                   store::Workspace& workspace, bool ask) {
    viewer::OpenOptions options;
    options.label = doc.file_name;
    options.document_key = doc.sha256;
    options.conventions = conventions;
    options.memory = memory_.get();
    if (ask)
        options.prompt = [this](const viewer::PasswordQuestion& q) { return ask_password(this, q); };
    // Citizens' uploads are parsed in the sandboxed jaanch-render helper (docs/sandbox.md).
    return viewer::sandbox::open_document_file(workspace.documents().path_of(doc.sha256).string(), options,
                                               viewer::sandbox::EngineIsolation::sandboxed);
}

void DocumentsPanel::prefetch(const model::Application& app, const catalogue::ServiceDefinition* service,
                              store::Workspace& workspace) {
    if (app.documents.empty())
        return;
    const auto& doc = app.documents.front();
    if (prefetched_ && prefetched_->sha256 == doc.sha256)
        return;
    drop_prefetched();
    auto* shown = current_viewer();
    if (shown == nullptr || workspace.document_state(doc.sha256) != store::DocumentState::complete ||
        !workspace.documents().has(doc.sha256))
        return;
    try {
        if (workspace_ != &workspace)
            return;  // the memory and viewers belong to the workspace shown
        // Never a password dialog for an application the officer has not opened: such a document opens when
        // shown.
        auto opened = open_upload(doc, workstation::convention_inputs(app, service), workspace, false);
        const std::string protection =
            std::string(viewer::sandbox::protection_name(viewer::sandbox::protection_of(*opened.engine)));
        const auto id = renderer_.add_document(std::move(opened.engine));
        prefetched_ = Prefetched{doc.sha256, id, protection, shown->canvas().GetClientSize()};
        if (!prefetch_channel_)
            prefetch_channel_ = std::make_unique<viewer::render::RenderChannel>(
                renderer_, [this](const viewer::render::TileKey&, const viewer::render::RenderResult&) {
                    prefetch_waiting_ = std::max(0, prefetch_waiting_ - 1);
                });
        prefetch_channel_->next_generation();
        prefetch_waiting_ = 0;
        // Everything showing it asks for first (first pages, the pages after them, thumbnails): rendering any
        // of it after "next" would compete with laying out the form and painting the page on a 2-core office
        // PC.
        ask_prefetch(shown->first_view_tiles(id));
    } catch (const std::exception&) {
        // Only a head start: the document opens, and says what is wrong, when its application is shown.
        drop_prefetched();
    }
}

void DocumentsPanel::keep_prefetch_current() {
    auto* shown = current_viewer();
    if (!prefetched_ || !prefetch_channel_ || shown == nullptr ||
        shown->canvas().GetClientSize() == prefetched_->for_size)
        return;
    prefetched_->for_size = shown->canvas().GetClientSize();
    ask_prefetch(shown->first_view_tiles(prefetched_->id));
}

void DocumentsPanel::ask_prefetch(const std::vector<viewer::render::TileKey>& keys) {
    for (const auto& key : keys) {
        if (!prefetched_->asked.insert(key).second)
            continue;
        if (!prefetch_channel_->request(key, viewer::render::Priority::prefetch))
            ++prefetch_waiting_;
    }
}

void DocumentsPanel::drop_prefetched() {
    if (prefetch_channel_)
        prefetch_channel_->next_generation();
    prefetch_waiting_ = 0;
    if (prefetched_)
        renderer_.remove_document(prefetched_->id);
    prefetched_.reset();
}

wxWindow* DocumentsPanel::make_viewer_page(const model::DocumentRef& doc,
                                           const viewer::ConventionInputs& conventions,
                                           store::Workspace& workspace, viewer::wx::DocumentViewer* reuse) {
    if (workspace.document_state(doc.sha256) != store::DocumentState::complete ||
        !workspace.documents().has(doc.sha256))
        return make_message_page(_("Not downloaded yet. It will appear here after the next sync."));
    try {
        viewer::render::DocumentId id = 0;
        if (prefetched_ && prefetched_->sha256 == doc.sha256) {
            id = prefetched_->id;  // opened, and its first page rendered, while the officer read the last one
            protection_ = prefetched_->protection;
            prefetched_.reset();
            shown_from_prefetch_ = true;
        } else {
            auto opened = open_upload(doc, conventions, workspace, !unattended_);
            protection_ =
                std::string(viewer::sandbox::protection_name(viewer::sandbox::protection_of(*opened.engine)));
            id = renderer_.add_document(std::move(opened.engine));
        }
        open_.push_back(id);
        auto* pane = reuse;
        if (pane == nullptr) {
            pane = new viewer::wx::DocumentViewer(this, renderer_, memory_.get());
            // Born at the notebook's size: GTK scrollbars allocated at 0×0 inside a new page complain and
            // misdraw.
            pane->SetSize(GetClientSize());
            pane->set_on_view_changed([this, pane] {
                if (current_viewer() == pane)
                    report_current_page();
            });
            // After the canvas has laid itself out at its new size.
            pane->canvas().Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
                e.Skip();
                CallAfter([this] { keep_prefetch_current(); });
            });
        }
        pane->show_document(id, doc.sha256);
        set_accessible_name(&pane->canvas(),
                            wxString::Format(_("Pages of %s"), wxString::FromUTF8(doc.file_name)));
        if (pane->thumbnails() != nullptr)
            set_accessible_name(pane->thumbnails(), wxString::Format(_("Page thumbnails of %s"),
                                                                     wxString::FromUTF8(doc.file_name)));
        viewers_.push_back(pane);
        opened_.push_back(
            {doc.id, doc.sha256, id, renderer_.page_count(id), wxString::FromUTF8(doc.file_name)});
        return pane;
    } catch (const std::exception& e) {
        return make_message_page(
            wxString::Format(_("This document could not be displayed: %s"), wxString::FromUTF8(e.what())));
    }
}

void DocumentsPanel::show(const model::Application& app, const catalogue::ServiceDefinition* service,
                          store::Workspace& workspace, const std::string& language) {
    // No Freeze() here: GTK notebooks frozen while pages are added end up with unallocated tab gadgets.
    // The first tab's viewer stays and shows the next document: building a viewer (toolbar, thumbnails,
    // canvas) and letting GTK place it cost more than the rest of "next application" together.
    // Its view memory (rotations) belongs to the workspace: another workspace gets new viewers.
    const bool same_workspace = memory_ && workspace_ == &workspace;
    auto* reusable = same_workspace && !viewers_.empty() ? viewers_.front() : nullptr;
    shown_from_prefetch_ = false;
    clear(reusable);
    if (!same_workspace)
        memory_ = std::make_unique<workstation::WorkspaceDocumentMemory>(workspace);
    workspace_ = &workspace;
    conventions_ = workstation::convention_inputs(app, service);
    documents_ = app.documents;
    // Only the first tab opens its document now; the others open when their tab is chosen. Opening parses the
    // file (and may ask for a password): doing it for every upload made "next application" wait for all of
    // them.
    for (std::size_t i = 0; i < documents_.size(); ++i) {
        const auto& doc = documents_[i];
        wxString title = wxString::FromUTF8(doc.kind);
        if (service != nullptr) {
            for (const auto& requirement : service->documents) {
                if (requirement.kind == doc.kind)
                    title = wxString::FromUTF8(requirement.label.in(language));
            }
        }
        // Long labels make GTK's tab row wider than the pane (negative sizes inside the notebook): shorten.
        if (title.length() > 22)
            title = title.Left(21) + wxString::FromUTF8("…");
        auto* page =
            i == 0 ? make_viewer_page(doc, conventions_, workspace, reusable) : make_placeholder_page();
        document_ids_.push_back(doc.id);
        if (!opened_.empty() && opened_.back().document_id == doc.id)
            opened_.back().title = title;
        if (page == reusable) {
            SetPageText(0, title);
            continue;
        }
        if (i == 0 && reusable != nullptr) {  // it shows a message instead: the kept viewer goes
            DeletePage(0);
            reusable = nullptr;
        }
        AddPage(page, title);
    }
    if (reusable != nullptr && documents_.empty())
        DeletePage(0);
    CallAfter([this] { report_current_page(); });  // the first tab's first page is on screen
    if (app.documents.empty()) {
        document_ids_.push_back("");
        AddPage(make_message_page(_("This application has no uploaded documents.")), _("Documents"));
    }
}

wxWindow* DocumentsPanel::make_placeholder_page() {
    auto* page = new wxPanel(this);
    viewers_.push_back(nullptr);
    placeholders_.insert(page);
    return page;
}

void DocumentsPanel::open_placeholder(int index) {
    if (index < 0 || static_cast<std::size_t>(index) >= documents_.size() || workspace_ == nullptr)
        return;
    wxWindow* page = GetPage(static_cast<std::size_t>(index));
    if (placeholders_.erase(page) == 0)
        return;
    const auto at = static_cast<std::size_t>(index);
    const wxString title = GetPageText(at);
    const bool selected = GetSelection() == index;
    wxWindow* viewer =
        make_viewer_page(documents_[at], conventions_, *workspace_, nullptr);  // appends to viewers_
    viewers_[at] = viewers_.back();
    viewers_.pop_back();
    if (!opened_.empty() && opened_.back().document_id == documents_[at].id)
        opened_.back().title = title;
    InsertPage(at, viewer, title, selected);  // the placeholder moves to at + 1
    DeletePage(at + 1);
}

void DocumentsPanel::open_all() {
    for (std::size_t i = 0; i < documents_.size(); ++i)
        open_placeholder(static_cast<int>(i));
}

void DocumentsPanel::next_document() {
    if (GetPageCount() > 1)
        AdvanceSelection(true);
}

viewer::wx::DocumentViewer* DocumentsPanel::current_viewer() {
    const int page = GetSelection();
    return page < 0 || static_cast<std::size_t>(page) >= viewers_.size()
               ? nullptr
               : viewers_[static_cast<std::size_t>(page)];
}

void DocumentsPanel::set_document_flags(const std::map<std::string, wxString>& flags) {
    std::vector<wxString> now;
    for (std::size_t i = 0; i < GetPageCount() && i < document_ids_.size(); ++i) {
        wxString title = GetPageText(i);
        if (i < flags_.size() && !flags_[i].empty() && title.StartsWith(flags_[i] + " "))
            title = title.Mid(flags_[i].length() + 1);
        const auto it = flags.find(document_ids_[i]);
        now.push_back(it == flags.end() ? wxString() : it->second);
        const wxString shown = now.back().empty() ? title : now.back() + " " + title;
        if (shown != GetPageText(i))
            SetPageText(i, shown);  // each change lays the tab row out again
    }
    flags_ = std::move(now);
}

}  // namespace jaanch::app
