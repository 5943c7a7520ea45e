#include "viewer/wx/document_canvas.h"

#include <wx/dcbuffer.h>
#include <wx/graphics.h>

#include <algorithm>
#include <cmath>

#include "viewer/wx/bitmap_convert.h"

namespace jaanch::viewer::wx {
namespace {

constexpr int kMargin = 16;
constexpr int kGap = 12;
// At higher zoom (more tiles per page) only what is on screen is worth rendering.
constexpr int kNeighbourTileLimit = 4;

// The pages worth rendering before they are scrolled to, when pages first..last are on screen.
std::vector<int> neighbour_pages(int first, int last, int page_count) {
    std::vector<int> pages;
    for (int p : {first - 1, last + 1, last + 2}) {
        if (p >= 0 && p < page_count)
            pages.push_back(p);
    }
    return pages;
}

constexpr double kScreenDpi = 96.0;  // 100 % zoom = actual size on a 96 DPI screen
constexpr double kLoupeFactor = 3.0;
constexpr double kLoupeMaxScale = 16.0;  // ~1150 DPI
const wxSize kLoupeSize(300, 190);
constexpr double kZoomSteps[] = {10, 25, 33, 50, 67, 75, 100, 125, 150, 200, 300, 400, 600, 800};

double percent_of(int scale_milli) {
    return render::scale_of(scale_milli) * 72.0 / kScreenDpi * 100.0;
}
int scale_for_percent(double percent) {
    return render::quantize_scale(std::clamp(percent, DocumentCanvas::kMinZoom, DocumentCanvas::kMaxZoom) /
                                  100.0 * kScreenDpi / 72.0);
}

}  // namespace

DocumentCanvas::DocumentCanvas(wxWindow* parent, render::RenderService& service, render::ViewMemory* memory)
    : wxScrolledCanvas(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                       wxVSCROLL | wxHSCROLL | wxWANTS_CHARS),
      service_(service),
      memory_(memory),
      channel_(service, [this](const render::TileKey& k, const render::RenderResult& r) { on_result(k, r); }),
      loupe_channel_(service,
                     [this](const render::TileKey& k, const render::RenderResult& r) { on_result(k, r); }) {
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    SetScrollRate(1, 1);
    Bind(wxEVT_PAINT, &DocumentCanvas::on_paint, this);
    Bind(wxEVT_KEY_DOWN, &DocumentCanvas::on_key, this);
    Bind(wxEVT_SIZE, &DocumentCanvas::on_size, this);
    Bind(wxEVT_MOUSEWHEEL, &DocumentCanvas::on_wheel, this);
    for (auto type : {wxEVT_LEFT_DOWN, wxEVT_LEFT_UP, wxEVT_MOTION, wxEVT_RIGHT_DOWN, wxEVT_RIGHT_UP})
        Bind(type, &DocumentCanvas::on_mouse, this);
    Bind(wxEVT_MOUSE_CAPTURE_LOST, [this](wxMouseCaptureLostEvent&) { dragging_ = false; });
    Bind(wxEVT_SCROLLWIN_THUMBTRACK, [this](wxScrollWinEvent& e) {
        e.Skip();
        CallAfter([this] { notify(); });
    });
    Bind(wxEVT_SCROLLWIN_LINEDOWN, [this](wxScrollWinEvent& e) {
        e.Skip();
        CallAfter([this] { notify(); });
    });
}

DocumentCanvas::~DocumentCanvas() = default;

void DocumentCanvas::show_document(render::DocumentId id, const std::string& document_key) {
    search_.reset();
    hits_.clear();
    current_hit_ = -1;
    drawn_.clear();
    document_ = id;
    document_key_ = document_key;
    pages_.clear();
    for (int i = 0; i < service_.page_count(id); ++i)
        pages_.push_back(service_.page_size(id, i));
    rotations_ = memory_ != nullptr ? memory_->rotations(document_key) : std::map<int, Rotation>{};
    relayout(false);
    Scroll(0, 0);
    notify();
}

Rotation DocumentCanvas::page_rotation(int page) const {
    auto it = rotations_.find(page);
    return it == rotations_.end() ? Rotation::r0 : it->second;
}

void DocumentCanvas::relayout(bool keep_anchor) {
    const wxSize client = GetClientSize();
    const wxPoint origin = view_origin();
    int anchor_page = -1;
    double anchor_fy = 0, anchor_fx = 0.5;
    if (keep_anchor && !slots_.empty()) {
        const int cy = origin.y + client.y / 2;
        anchor_page = page_at_virtual_y(cy);
        const Slot& s = slots_[static_cast<std::size_t>(anchor_page)];
        anchor_fy = static_cast<double>(cy - s.y) / std::max(1, s.size.height);
        anchor_fx = static_cast<double>(origin.x + client.x / 2) / std::max(1, virtual_width_);
    }
    scale_milli_ = fitted_scale_milli(
        pages_, [this](int page) { return page_rotation(page); }, anchor_page);
    slots_ = lay_out(pages_, scale_milli_, [this](int page) { return page_rotation(page); });
    int widest = 0;
    for (const Slot& s : slots_)
        widest = std::max(widest, s.size.width);
    virtual_width_ = std::max(widest + 2 * kMargin, client.x);  // narrow pages are centred in the window
    SetVirtualSize(virtual_width_, slots_.empty() ? 2 * kMargin - kGap
                                                  : slots_.back().y + slots_.back().size.height + kMargin);
    if (anchor_page >= 0 && anchor_page < page_count()) {
        const Slot& s = slots_[static_cast<std::size_t>(anchor_page)];
        Scroll(static_cast<int>(anchor_fx * virtual_width_) - client.x / 2,
               s.y + static_cast<int>(anchor_fy * s.size.height) - client.y / 2);
    }
    Refresh(false);
}

std::vector<DocumentCanvas::Slot> DocumentCanvas::lay_out(const std::vector<SizeF>& pages, int scale_milli,
                                                          const std::function<Rotation(int)>& rotation) {
    std::vector<Slot> slots;
    int y = kMargin;
    for (std::size_t i = 0; i < pages.size(); ++i) {
        Slot s;
        s.y = y;
        s.size = device_size(pages[i], render::scale_of(scale_milli), rotation(static_cast<int>(i)));
        y += s.size.height + kGap;
        slots.push_back(s);
    }
    return slots;
}

int DocumentCanvas::fitted_scale_milli(const std::vector<SizeF>& pages,
                                       const std::function<Rotation(int)>& rotation, int anchor_page) const {
    if (pages.empty() || mode_ == ZoomMode::custom)
        return scale_milli_;
    const wxSize client = GetClientSize();
    const PixelSize box{client.x - 2 * kMargin, client.y - 2 * kMargin};
    double scale = 0;
    if (mode_ == ZoomMode::fit_width) {
        double widest = 1;
        for (std::size_t i = 0; i < pages.size(); ++i)
            widest = std::max(widest,
                              swaps_axes(rotation(static_cast<int>(i))) ? pages[i].height : pages[i].width);
        scale = std::max(1, box.width) / widest;
    } else {
        const int p = std::clamp(anchor_page, 0, static_cast<int>(pages.size()) - 1);
        scale = render::fit_page_scale(pages[static_cast<std::size_t>(p)], rotation(p), box);
    }
    return scale_for_percent(scale * 72.0 / kScreenDpi * 100.0);
}

std::vector<render::TileKey> DocumentCanvas::first_view_tiles(render::DocumentId id) const {
    std::vector<SizeF> pages;
    for (int i = 0; i < service_.page_count(id); ++i)
        pages.push_back(service_.page_size(id, i));
    if (pages.empty())
        return {};
    const auto unrotated = [](int) { return Rotation::r0; };
    const int scale = fitted_scale_milli(pages, unrotated, 0);
    // The pages on screen at the top, then the ones request_neighbours adds.
    const auto slots = lay_out(pages, scale, unrotated);
    const int bottom = GetClientSize().y - 1;
    int last = 0;
    while (last + 1 < static_cast<int>(slots.size()) && slots[static_cast<std::size_t>(last + 1)].y <= bottom)
        ++last;
    std::vector<render::TileKey> keys;
    const auto add_page = [&](int page) {
        const auto tiles = service_.page_tiles(id, page, scale, Rotation::r0);
        keys.insert(keys.end(), tiles.begin(), tiles.end());
    };
    for (int p = 0; p <= last; ++p)
        add_page(p);
    for (int p : neighbour_pages(0, last, static_cast<int>(pages.size()))) {
        if (const render::TileGrid g = service_.grid(id, p, scale, Rotation::r0);
            g.columns * g.rows <= kNeighbourTileLimit)
            add_page(p);
    }
    return keys;
}

wxPoint DocumentCanvas::view_origin() const {
    return CalcUnscrolledPosition(wxPoint(0, 0));
}

int DocumentCanvas::page_at_virtual_y(int y) const {
    if (slots_.empty())
        return -1;
    auto it = std::upper_bound(slots_.begin(), slots_.end(), y, [](int v, const Slot& s) { return v < s.y; });
    return std::max(0, static_cast<int>(it - slots_.begin()) - 1);
}

int DocumentCanvas::page_x(int page) const {
    return (virtual_width_ - slots_[static_cast<std::size_t>(page)].size.width) / 2;
}

int DocumentCanvas::current_page() const {
    if (slots_.empty())
        return -1;
    return page_at_virtual_y(view_origin().y + GetClientSize().y / 2);
}

void DocumentCanvas::go_to_page(int page) {
    if (slots_.empty())
        return;
    page = std::clamp(page, 0, page_count() - 1);
    Scroll(view_origin().x, slots_[static_cast<std::size_t>(page)].y - kGap / 2);
    Refresh(false);
    notify();
}

void DocumentCanvas::notify() {
    if (on_view_changed_)
        on_view_changed_();
}

double DocumentCanvas::zoom_percent() const {
    return percent_of(scale_milli_);
}

void DocumentCanvas::set_zoom_mode(ZoomMode mode) {
    mode_ = mode;
    relayout(true);
    notify();
}

void DocumentCanvas::set_zoom_percent(double percent) {
    mode_ = ZoomMode::custom;
    scale_milli_ = scale_for_percent(percent);
    relayout(true);
    notify();
}

void DocumentCanvas::zoom_in() {
    const double now = zoom_percent();
    for (double step : kZoomSteps)
        if (step > now + 0.5)
            return set_zoom_percent(step);
    set_zoom_percent(kMaxZoom);
}

void DocumentCanvas::zoom_out() {
    const double now = zoom_percent();
    for (auto it = std::rbegin(kZoomSteps); it != std::rend(kZoomSteps); ++it)
        if (*it < now - 0.5)
            return set_zoom_percent(*it);
    set_zoom_percent(kMinZoom);
}

void DocumentCanvas::rotate_page(int page, Rotation delta) {
    if (page < 0 || page >= page_count())
        return;
    const Rotation r = page_rotation(page) + delta;
    rotations_[page] = r;
    if (memory_ != nullptr)
        memory_->set_rotation(document_key_, page, r);
    relayout(true);
    notify();
}

void DocumentCanvas::search(const std::string& query) {
    hits_.clear();
    current_hit_ = -1;
    if (document_ == 0)
        return;
    if (!search_) {
        search_ = std::make_unique<render::SearchTask>(
            service_.clone_engine(document_),
            [this](std::uint64_t generation, int page, const std::vector<RectF>& hits) {
                if (generation != search_generation_)
                    return;
                if (page >= 0) {
                    hits_[page] = hits;
                } else if (current_hit_ < 0 && !hits_.empty()) {
                    next_hit();
                }
                Refresh(false);
                notify();
            });
    }
    search_generation_ = search_->search(query);
    Refresh(false);
    notify();
}

int DocumentCanvas::hit_count() const {
    int n = 0;
    for (const auto& [page, hits] : hits_)
        n += static_cast<int>(hits.size());
    return n;
}

std::vector<RectF> DocumentCanvas::hits_on_page(int page) const {
    auto it = hits_.find(page);
    return it == hits_.end() ? std::vector<RectF>{} : it->second;
}

void DocumentCanvas::next_hit() {
    const int total = hit_count();
    if (total == 0)
        return;
    current_hit_ = (current_hit_ + 1) % total;
    int index = current_hit_;
    for (const auto& [page, hits] : hits_) {
        if (index >= static_cast<int>(hits.size())) {
            index -= static_cast<int>(hits.size());
            continue;
        }
        const wxPoint at = page_point_to_client(page, hits[static_cast<std::size_t>(index)].x,
                                                hits[static_cast<std::size_t>(index)].y);
        const wxPoint origin = view_origin();
        Scroll(origin.x + at.x - GetClientSize().x / 2, origin.y + at.y - GetClientSize().y / 3);
        break;
    }
    Refresh(false);
    notify();
}

void DocumentCanvas::show_loupe_at(wxPoint p) {
    loupe_ = true;
    loupe_point_ = p;
    Refresh(false);
}

void DocumentCanvas::hide_loupe() {
    loupe_ = false;
    Refresh(false);
}

wxRect DocumentCanvas::page_rect_on_screen(int page) const {
    const Slot& s = slots_.at(static_cast<std::size_t>(page));
    const wxPoint origin = view_origin();
    return {page_x(page) - origin.x, s.y - origin.y, s.size.width, s.size.height};
}

wxPoint DocumentCanvas::page_point_to_client(int page, double x, double y) const {
    const RectF d = page_to_device({x, y, 0, 0}, pages_.at(static_cast<std::size_t>(page)),
                                   render::scale_of(scale_milli_), page_rotation(page));
    const wxRect r = page_rect_on_screen(page);
    return {r.x + static_cast<int>(std::lround(d.x)), r.y + static_cast<int>(std::lround(d.y))};
}

const wxBitmap* DocumentCanvas::tile_bitmap(render::RenderChannel& channel, const render::TileKey& key,
                                            render::Priority priority, std::string* error) {
    if (auto it = drawn_.find(key); it != drawn_.end()) {
        it->second.paint = paint_count_;
        return &it->second.bitmap;
    }
    const auto result = channel.request(key, priority);
    if (!result)
        return nullptr;
    if (!result->bitmap) {
        *error = result->error;
        return nullptr;
    }
    DrawnTile& tile = drawn_[key];
    tile.bitmap = to_wx_bitmap(*result->bitmap);
    tile.paint = paint_count_;
    return &tile.bitmap;
}

void DocumentCanvas::on_result(const render::TileKey& key, const render::RenderResult&) {
    if (key.document == document_)
        Refresh(false);
}

void DocumentCanvas::on_paint(wxPaintEvent&) {
    wxAutoBufferedPaintDC dc(this);
    dc.SetBackground(wxBrush(wxColour(96, 99, 104)));
    dc.Clear();
    ++paint_count_;
    missing_tiles_ = 0;
    if (slots_.empty()) {
        dc.SetTextForeground(*wxWHITE);
        dc.DrawText(wxString::FromUTF8("No document open · कोई दस्तावेज़ नहीं"), kMargin, kMargin);
        return;
    }
    channel_.next_generation();
    const wxRect view(view_origin(), GetClientSize());
    const int first = page_at_virtual_y(view.y), last = page_at_virtual_y(view.GetBottom());
    for (int p = first; p <= last; ++p)
        draw_page(dc, p, view);
    request_neighbours(first, last);
    if (loupe_)
        draw_loupe(dc, view);
    std::erase_if(drawn_, [this](const auto& d) { return d.second.paint + 2 < paint_count_; });
}

void DocumentCanvas::draw_page(wxDC& dc, int page, const wxRect& view) {
    const Slot& slot = slots_[static_cast<std::size_t>(page)];
    const wxPoint page_virtual(page_x(page), slot.y);
    const wxPoint at = page_virtual - view.GetTopLeft();
    dc.SetPen(*wxTRANSPARENT_PEN);
    dc.SetBrush(wxBrush(wxColour(60, 62, 66)));
    dc.DrawRectangle(at.x + 3, at.y + 3, slot.size.width, slot.size.height);
    dc.SetBrush(*wxWHITE_BRUSH);
    dc.DrawRectangle(at.x, at.y, slot.size.width, slot.size.height);
    const Rotation rotation = page_rotation(page);
    const render::TileGrid grid = service_.grid(document_, page, scale_milli_, rotation);
    std::string error;
    bool loading = false;
    for (int row = 0; row < grid.rows; ++row) {
        for (int column = 0; column < grid.columns; ++column) {
            const PixelRect t = grid.tile(column, row);
            if (!view.Intersects(wxRect(page_virtual.x + t.x, page_virtual.y + t.y, t.width, t.height)))
                continue;
            const render::TileKey key{document_, page, scale_milli_, rotation, column, row};
            if (const wxBitmap* bitmap = tile_bitmap(channel_, key, render::Priority::visible, &error)) {
                dc.DrawBitmap(*bitmap, at.x + t.x, at.y + t.y);
            } else if (error.empty()) {
                ++missing_tiles_;
                loading = true;
            }
        }
    }
    dc.SetTextForeground(wxColour(120, 0, 0));
    if (!error.empty()) {
        dc.DrawText(wxString::Format(wxString::FromUTF8("Page %d could not be shown:"), page + 1), at.x + 12,
                    at.y + 12);
        dc.DrawText(wxString::FromUTF8(error.substr(0, 120)), at.x + 12, at.y + 32);
    } else if (loading) {
        dc.SetTextForeground(wxColour(140, 140, 140));
        dc.DrawText(wxString::Format(wxString::FromUTF8("Page %d …"), page + 1), at.x + 12, at.y + 12);
    }
    draw_hits(dc, page, at);
}

void DocumentCanvas::draw_hits(wxDC& dc, int page, const wxPoint& at) {
    auto it = hits_.find(page);
    if (it == hits_.end())
        return;
    std::unique_ptr<wxGraphicsContext> gc(wxGraphicsContext::CreateFromUnknownDC(dc));
    for (const RectF& hit : it->second) {
        const RectF d = page_to_device(hit, pages_[static_cast<std::size_t>(page)],
                                       render::scale_of(scale_milli_), page_rotation(page));
        const wxRect r(at.x + static_cast<int>(d.x) - 1, at.y + static_cast<int>(d.y) - 1,
                       static_cast<int>(std::ceil(d.width)) + 2, static_cast<int>(std::ceil(d.height)) + 2);
        if (gc) {
            gc->SetPen(wxPen(wxColour(230, 140, 0), 1));
            gc->SetBrush(wxBrush(wxColour(255, 220, 0, 110)));
            gc->DrawRectangle(r.x, r.y, r.width, r.height);
        } else {
            dc.SetPen(wxPen(wxColour(230, 140, 0), 2));
            dc.SetBrush(*wxTRANSPARENT_BRUSH);
            dc.DrawRectangle(r);
        }
    }
}

void DocumentCanvas::draw_loupe(wxDC& dc, const wxRect& view) {
    const wxPoint virtual_point = view.GetTopLeft() + loupe_point_;
    const int page = page_at_virtual_y(virtual_point.y);
    if (page < 0)
        return;
    const Slot& slot = slots_[static_cast<std::size_t>(page)];
    const wxPoint in_page = virtual_point - wxPoint(page_x(page), slot.y);
    if (in_page.x < 0 || in_page.y < 0 || in_page.x >= slot.size.width || in_page.y >= slot.size.height)
        return;
    loupe_channel_.next_generation();
    const double scale = render::scale_of(scale_milli_);
    const int loupe_milli =
        render::quantize_scale(std::min(scale * kLoupeFactor, std::max(scale, kLoupeMaxScale)));
    const double factor = render::scale_of(loupe_milli) / scale;
    const wxRect box(loupe_point_.x - kLoupeSize.x / 2, loupe_point_.y - kLoupeSize.y / 2, kLoupeSize.x,
                     kLoupeSize.y);
    const wxPoint source(static_cast<int>(in_page.x * factor) - kLoupeSize.x / 2,
                         static_cast<int>(in_page.y * factor) - kLoupeSize.y / 2);
    const Rotation rotation = page_rotation(page);
    const render::TileGrid grid = service_.grid(document_, page, loupe_milli, rotation);
    dc.SetClippingRegion(box);
    dc.SetPen(*wxTRANSPARENT_PEN);
    dc.SetBrush(*wxWHITE_BRUSH);
    dc.DrawRectangle(box);
    std::string error;
    for (int row = 0; row < grid.rows; ++row) {
        for (int column = 0; column < grid.columns; ++column) {
            const PixelRect t = grid.tile(column, row);
            if (!wxRect(source, kLoupeSize).Intersects(wxRect(t.x, t.y, t.width, t.height)))
                continue;
            const render::TileKey key{document_, page, loupe_milli, rotation, column, row};
            if (const wxBitmap* bitmap = tile_bitmap(loupe_channel_, key, render::Priority::visible, &error))
                dc.DrawBitmap(*bitmap, box.x + t.x - source.x, box.y + t.y - source.y);
        }
    }
    dc.DestroyClippingRegion();
    dc.SetPen(wxPen(wxColour(20, 60, 160), 3));
    dc.SetBrush(*wxTRANSPARENT_BRUSH);
    dc.DrawRectangle(box);
}

void DocumentCanvas::request_neighbours(int first, int last) {
    for (int p : neighbour_pages(first, last, page_count())) {
        const Rotation r = page_rotation(p);
        const render::TileGrid g = service_.grid(document_, p, scale_milli_, r);
        if (g.columns * g.rows > kNeighbourTileLimit)
            continue;
        channel_.request_page(document_, p, scale_milli_, r, render::Priority::neighbour);
    }
}

bool DocumentCanvas::handle_key(int key, int modifiers) {
    const bool shift = (modifiers & wxMOD_SHIFT) != 0;
    const wxPoint origin = GetViewStart();
    switch (key) {
        case WXK_PAGEDOWN:
        case WXK_NUMPAD_PAGEDOWN:
            go_to_page(current_page() + 1);
            return true;
        case WXK_PAGEUP:
        case WXK_NUMPAD_PAGEUP:
            go_to_page(current_page() - 1);
            return true;
        case WXK_HOME:
            go_to_page(0);
            return true;
        case WXK_END:
            go_to_page(page_count() - 1);
            return true;
        case '+':
        case '=':
        case WXK_NUMPAD_ADD:
            zoom_in();
            return true;
        case '-':
        case WXK_NUMPAD_SUBTRACT:
            zoom_out();
            return true;
        case 'R':
            rotate_page(current_page(), shift ? Rotation::r270 : Rotation::r90);
            return true;
        case 'W':
            set_zoom_mode(ZoomMode::fit_width);
            return true;
        case 'F':
            set_zoom_mode(ZoomMode::fit_page);
            return true;
        case 'N':
        case WXK_F3:
            next_hit();
            return true;
        case WXK_DOWN:
            Scroll(origin.x, origin.y + 60);
            break;
        case WXK_UP:
            Scroll(origin.x, origin.y - 60);
            break;
        case WXK_RIGHT:
            Scroll(origin.x + 60, origin.y);
            break;
        case WXK_LEFT:
            Scroll(origin.x - 60, origin.y);
            break;
        default:
            return false;
    }
    Refresh(false);
    notify();
    return true;
}

void DocumentCanvas::on_key(wxKeyEvent& event) {
    if (!handle_key(event.GetKeyCode(), event.GetModifiers()))
        event.Skip();
}

void DocumentCanvas::on_mouse(wxMouseEvent& event) {
    const wxPoint pos = event.GetPosition();
    if (event.LeftDown()) {
        SetFocus();
        dragging_ = true;
        drag_start_ = pos;
        drag_origin_ = GetViewStart();
        if (!HasCapture())
            CaptureMouse();
    } else if (event.LeftUp()) {
        dragging_ = false;
        if (HasCapture())
            ReleaseMouse();
    } else if (event.RightDown()) {
        show_loupe_at(pos);
    } else if (event.RightUp()) {
        hide_loupe();
    } else if (event.Dragging() && dragging_) {
        Scroll(drag_origin_.x - (pos.x - drag_start_.x), drag_origin_.y - (pos.y - drag_start_.y));
        Refresh(false);
        notify();
    } else if (event.Moving() || event.Dragging()) {
        if (loupe_ || event.ShiftDown())
            show_loupe_at(pos);
        else if (loupe_)
            hide_loupe();
    }
    event.Skip();
}

void DocumentCanvas::on_wheel(wxMouseEvent& event) {
    const int notches = event.GetWheelRotation() / std::max(1, event.GetWheelDelta());
    if (event.ControlDown()) {
        for (int i = 0; i < std::abs(notches); ++i)
            notches > 0 ? zoom_in() : zoom_out();
        return;
    }
    const wxPoint origin = GetViewStart();
    if (event.GetWheelAxis() == wxMOUSE_WHEEL_HORIZONTAL)
        Scroll(origin.x + notches * 80, origin.y);
    else
        Scroll(origin.x, origin.y - notches * 80);
    Refresh(false);
    notify();
}

void DocumentCanvas::on_size(wxSizeEvent& event) {
    if (mode_ != ZoomMode::custom)
        relayout(true);
    else
        Refresh(false);
    event.Skip();
}

}  // namespace jaanch::viewer::wx
