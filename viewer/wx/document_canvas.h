// DocumentCanvas: one document's pages stacked vertically, drawn from the render service's tiles.
//
// Zoom: fit width, fit page, or 10–800 % (100 % = actual size on a 96 DPI screen). Rotation per page,
// remembered per document through ViewMemory. Drag to pan; wheel scrolls, Ctrl+wheel zooms at the pointer.
// Keys: PgUp/PgDn (page), Home/End, +/− (zoom), R / Shift+R (rotate the current page), W (fit width),
// F (fit page), arrows (scroll). Search hits are highlighted; the loupe magnifies 3× around the pointer (hold
// the right button or Shift, or show_loupe_at) with tiles rendered at the higher scale — for stamps, seals
// and signatures.
//
// Rendering never blocks painting: each paint draws what the cache has, asks for the visible tiles at
// Priority::visible and the pages next to them at Priority::neighbour (after making earlier requests stale),
// and repaints as tiles arrive on the UI thread. UI thread only; owned by its wx parent.
#pragma once

#include <wx/scrolwin.h>

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "viewer/render/render_service.h"
#include "viewer/render/search_task.h"
#include "viewer/render/view_memory.h"

namespace jaanch::viewer::wx {

class DocumentCanvas : public wxScrolledCanvas {
  public:
    enum class ZoomMode { fit_width, fit_page, custom };
    static constexpr double kMinZoom = 10, kMaxZoom = 800;

    DocumentCanvas(wxWindow* parent, render::RenderService& service, render::ViewMemory* memory = nullptr);
    ~DocumentCanvas() override;

    // Shows a document already added to the service; `document_key` (its SHA-256) keys ViewMemory.
    void show_document(render::DocumentId id, const std::string& document_key);
    render::DocumentId document() const { return document_; }
    int page_count() const { return static_cast<int>(pages_.size()); }
    int current_page() const;
    void go_to_page(int page);

    ZoomMode zoom_mode() const { return mode_; }
    void set_zoom_mode(ZoomMode mode);
    double zoom_percent() const;
    void set_zoom_percent(double percent);
    void zoom_in();
    void zoom_out();

    Rotation page_rotation(int page) const;
    void rotate_page(int page, Rotation delta);

    // Searches every page in the background; hits appear as they are found. Empty query clears.
    void search(const std::string& query);
    int hit_count() const;
    std::vector<RectF> hits_on_page(int page) const;
    void next_hit();

    void show_loupe_at(wxPoint client_point);
    void hide_loupe();

    // The keyboard handling, callable directly (tests) as well as bound to key events. True when handled.
    bool handle_key(int key_code, int modifiers);

    // Called after the page, zoom, rotations or hits changed (thumbnail strip, status bar).
    void set_on_view_changed(std::function<void()> callback) { on_view_changed_ = std::move(callback); }

    // Visible tiles not yet available at the last paint (0 = everything on screen is real pixels).
    int missing_tiles() const { return missing_tiles_; }
    // Paints so far; with missing_tiles() == 0 after at least one, the officer sees real pixels (benchmarks).
    std::uint64_t paint_count() const { return paint_count_; }
    // Tiles this canvas asked for that were not rendered yet (render::RenderChannel::misses).
    std::uint64_t render_misses() const { return channel_.misses(); }
    // The tiles this canvas asks for first when it shows `id` (already added to the service) at its current
    // size and zoom mode, unrotated: every tile of the pages on screen at the top, then the following pages
    // that request_neighbours asks for. A prefetcher renders these so that showing the document renders
    // nothing.
    std::vector<render::TileKey> first_view_tiles(render::DocumentId id) const;
    wxPoint page_point_to_client(int page, double x_points, double y_points) const;
    wxRect page_rect_on_screen(int page) const;

  private:
    struct Slot {
        int y = 0;       // top in virtual coordinates
        PixelSize size;  // device size at the current scale and rotation
    };

    // Pages in a column at `scale_milli`: a margin above, a gap between.
    static std::vector<Slot> lay_out(const std::vector<SizeF>& pages, int scale_milli,
                                     const std::function<Rotation(int)>& rotation);
    void relayout(bool keep_anchor = true);
    int fitted_scale_milli(const std::vector<SizeF>& pages, const std::function<Rotation(int)>& rotation,
                           int anchor_page) const;
    int scale_milli() const { return scale_milli_; }
    wxPoint view_origin() const;
    int page_at_virtual_y(int y) const;
    int page_x(int page) const;
    void notify();

    void on_paint(wxPaintEvent& event);
    void draw_page(wxDC& dc, int page, const wxRect& view);
    void draw_hits(wxDC& dc, int page, const wxPoint& page_origin);
    void draw_loupe(wxDC& dc, const wxRect& view);
    void request_neighbours(int first, int last);
    const wxBitmap* tile_bitmap(render::RenderChannel& channel, const render::TileKey& key,
                                render::Priority priority, std::string* error);
    void on_result(const render::TileKey& key, const render::RenderResult& result);

    void on_key(wxKeyEvent& event);
    void on_mouse(wxMouseEvent& event);
    void on_wheel(wxMouseEvent& event);
    void on_size(wxSizeEvent& event);

    render::RenderService& service_;
    render::ViewMemory* memory_;
    render::RenderChannel channel_;
    render::RenderChannel loupe_channel_;
    std::unique_ptr<render::SearchTask> search_;

    render::DocumentId document_ = 0;
    std::string document_key_;
    std::vector<SizeF> pages_;
    std::map<int, Rotation> rotations_;
    std::vector<Slot> slots_;
    int virtual_width_ = 0;
    ZoomMode mode_ = ZoomMode::fit_width;
    int scale_milli_ = 1000;

    // wx copies of tiles drawn in the last paints (converted once, not per paint).
    struct DrawnTile {
        wxBitmap bitmap;
        std::uint64_t paint = 0;
    };
    std::map<render::TileKey, DrawnTile> drawn_;
    std::uint64_t paint_count_ = 0;
    int missing_tiles_ = 0;

    std::map<int, std::vector<RectF>> hits_;
    std::uint64_t search_generation_ = 0;
    int current_hit_ = -1;

    bool loupe_ = false;
    wxPoint loupe_point_;
    bool dragging_ = false;
    wxPoint drag_start_;
    wxPoint drag_origin_;

    std::function<void()> on_view_changed_;
};

}  // namespace jaanch::viewer::wx
