// DocumentViewer: the officer's document pane — a toolbar (search, zoom, rotate, page n of m), the thumbnail
// strip and the canvas. UI thread only; owned by its wx parent; the service and memory must outlive it.
#pragma once

#include <wx/panel.h>

#include <functional>
#include <string>
#include <vector>

#include "viewer/wx/document_canvas.h"
#include "viewer/wx/thumbnail_strip.h"

class wxChoice;
class wxSearchCtrl;
class wxStaticText;

namespace jaanch::viewer::wx {

class DocumentViewer : public wxPanel {
  public:
    DocumentViewer(wxWindow* parent, render::RenderService& service, render::ViewMemory* memory = nullptr,
                   bool with_thumbnails = true);

    void show_document(render::DocumentId id, const std::string& document_key);
    // What show_document(id) would ask the render service for first, at this viewer's size: the canvas's
    // first pages and the strip's first thumbnails (see DocumentCanvas::first_view_tiles).
    std::vector<render::TileKey> first_view_tiles(render::DocumentId id) const;
    DocumentCanvas& canvas() { return *canvas_; }
    // Tiles the canvas and the strip asked for that were not rendered yet: none when everything shown first
    // was rendered beforehand (the next application's prefetch).
    std::uint64_t render_misses() const {
        return canvas_->render_misses() + (strip_ != nullptr ? strip_->render_misses() : 0);
    }
    ThumbnailStrip* thumbnails() { return strip_; }
    // "Page 2 / 7 · 125 % · 3 hits", as the toolbar shows it.
    wxString status() const;
    // Called after the toolbar has followed a change of page, zoom, rotation or hits.
    void set_on_view_changed(std::function<void()> callback) { on_view_changed_ = std::move(callback); }

  private:
    void refresh_toolbar();

    DocumentCanvas* canvas_ = nullptr;
    ThumbnailStrip* strip_ = nullptr;
    wxSearchCtrl* search_ = nullptr;
    wxChoice* zoom_ = nullptr;
    wxStaticText* status_ = nullptr;
    std::function<void()> on_view_changed_;
};

}  // namespace jaanch::viewer::wx
