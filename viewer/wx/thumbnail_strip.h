// ThumbnailStrip: a column of page thumbnails beside a DocumentCanvas; the canvas's current page is framed,
// a click shows that page. Thumbnails come from the render service at Priority::thumbnail and follow each
// page's rotation. UI thread only; owned by its wx parent; the canvas must outlive it.
#pragma once

#include <wx/scrolwin.h>

#include <map>
#include <vector>

#include "viewer/wx/document_canvas.h"

namespace jaanch::viewer::wx {

class ThumbnailStrip : public wxScrolledCanvas {
  public:
    static constexpr int kThumbWidth = 110;

    ThumbnailStrip(wxWindow* parent, render::RenderService& service, DocumentCanvas& canvas);

    // Re-reads the canvas's document, pages and rotations; call from the canvas's view-changed callback.
    void sync();
    // The thumbnails this strip shows first for `id` (added to the service), unrotated: those that fit its
    // height from the top. A prefetcher renders these before the document is shown.
    std::vector<render::TileKey> first_view_tiles(render::DocumentId id) const;
    // Thumbnails this strip asked for that were not rendered yet (render::RenderChannel::misses).
    std::uint64_t render_misses() const { return channel_.misses(); }

  private:
    render::TileKey thumbnail_key(render::DocumentId id, int page, Rotation rotation) const;
    struct Slot {
        int y = 0;
        render::TileKey key;
        PixelSize size;
    };
    // A slot per page of `id`, top to bottom, each with its label below.
    std::vector<Slot> lay_out(render::DocumentId id, const std::vector<Rotation>& rotations) const;
    void relayout();
    void on_paint(wxPaintEvent& event);
    void on_click(wxMouseEvent& event);

    render::RenderService& service_;
    DocumentCanvas& canvas_;
    render::RenderChannel channel_;
    std::vector<Slot> slots_;
    std::map<render::TileKey, wxBitmap> bitmaps_;
    render::DocumentId document_ = 0;
    std::vector<Rotation> rotations_;
    int current_ = -1;
};

}  // namespace jaanch::viewer::wx
