#include "viewer/wx/thumbnail_strip.h"

#include <wx/dcbuffer.h>

#include "viewer/wx/bitmap_convert.h"

namespace jaanch::viewer::wx {
namespace {
constexpr int kPad = 10;
constexpr int kLabel = 18;
}  // namespace

ThumbnailStrip::ThumbnailStrip(wxWindow* parent, render::RenderService& service, DocumentCanvas& canvas)
    : wxScrolledCanvas(parent, wxID_ANY, wxDefaultPosition, wxSize(kThumbWidth + 2 * kPad + 16, -1),
                       wxVSCROLL),
      service_(service),
      canvas_(canvas),
      channel_(service, [this](const render::TileKey& key, const render::RenderResult&) {
          if (key.document == document_)
              Refresh(false);
      }) {
    SetBackgroundStyle(wxBG_STYLE_PAINT);
    SetScrollRate(0, 8);
    Bind(wxEVT_PAINT, &ThumbnailStrip::on_paint, this);
    Bind(wxEVT_LEFT_DOWN, &ThumbnailStrip::on_click, this);
}

void ThumbnailStrip::sync() {
    std::vector<Rotation> rotations;
    for (int p = 0; p < canvas_.page_count(); ++p)
        rotations.push_back(canvas_.page_rotation(p));
    if (canvas_.document() != document_ || rotations != rotations_) {
        document_ = canvas_.document();
        rotations_ = std::move(rotations);
        relayout();
    }
    const int current = canvas_.current_page();
    if (current != current_ && current >= 0 && current < static_cast<int>(slots_.size())) {
        current_ = current;
        // Keep the current page's thumbnail in view.
        int first = 0, last = 0;
        GetViewStart(&first, &last);
        const int top = first * 8, height = GetClientSize().y;
        const Slot& s = slots_[static_cast<std::size_t>(current)];
        if (s.y < top || s.y + s.size.height + kLabel > top + height)
            Scroll(0, std::max(0, s.y - kPad) / 8);
    }
    Refresh(false);
}

std::vector<ThumbnailStrip::Slot> ThumbnailStrip::lay_out(render::DocumentId id,
                                                          const std::vector<Rotation>& rotations) const {
    std::vector<Slot> slots;
    int y = kPad;
    for (int p = 0; p < static_cast<int>(rotations.size()); ++p) {
        Slot s;
        s.y = y;
        s.key = thumbnail_key(id, p, rotations[static_cast<std::size_t>(p)]);
        s.size = device_size(service_.page_size(id, p), render::scale_of(s.key.scale_milli), s.key.rotation);
        y += s.size.height + kLabel + kPad;
        slots.push_back(s);
    }
    return slots;
}

void ThumbnailStrip::relayout() {
    bitmaps_.clear();
    slots_ = lay_out(document_, rotations_);
    SetVirtualSize(kThumbWidth + 2 * kPad,
                   slots_.empty() ? kPad : slots_.back().y + slots_.back().size.height + kLabel + kPad);
    Refresh(false);
}

render::TileKey ThumbnailStrip::thumbnail_key(render::DocumentId id, int page, Rotation rotation) const {
    const int milli =
        render::quantize_scale(render::fit_width_scale(service_.page_size(id, page), rotation, kThumbWidth));
    return {id, page, milli, rotation, 0, 0};
}

std::vector<render::TileKey> ThumbnailStrip::first_view_tiles(render::DocumentId id) const {
    std::vector<render::TileKey> keys;
    const int bottom = GetClientSize().y - 1;
    for (const Slot& s :
         lay_out(id, std::vector<Rotation>(static_cast<std::size_t>(service_.page_count(id)))))
        if (s.y <= bottom)
            keys.push_back(s.key);
    return keys;
}

void ThumbnailStrip::on_paint(wxPaintEvent&) {
    wxAutoBufferedPaintDC dc(this);
    dc.SetBackground(wxBrush(wxColour(70, 72, 76)));
    dc.Clear();
    const wxPoint origin = CalcUnscrolledPosition(wxPoint(0, 0));
    const wxRect view(origin, GetClientSize());
    channel_.next_generation();
    dc.SetTextForeground(wxColour(230, 230, 230));
    for (std::size_t i = 0; i < slots_.size(); ++i) {
        const Slot& s = slots_[i];
        const wxRect r(kPad + (kThumbWidth - s.size.width) / 2, s.y, s.size.width, s.size.height);
        if (!view.Intersects(wxRect(r.x, r.y, r.width, r.height + kLabel)))
            continue;
        const wxPoint at = r.GetTopLeft() - origin;
        if (static_cast<int>(i) == current_) {
            dc.SetPen(*wxTRANSPARENT_PEN);
            dc.SetBrush(wxBrush(wxColour(255, 170, 0)));
            dc.DrawRectangle(at.x - 4, at.y - 4, r.width + 8, r.height + 8);
        }
        dc.SetBrush(*wxWHITE_BRUSH);
        dc.DrawRectangle(at.x, at.y, r.width, r.height);
        auto it = bitmaps_.find(s.key);
        if (it == bitmaps_.end()) {
            if (auto result = channel_.request(s.key, render::Priority::thumbnail); result && result->bitmap)
                it = bitmaps_.emplace(s.key, to_wx_bitmap(*result->bitmap)).first;
        }
        if (it != bitmaps_.end())
            dc.DrawBitmap(it->second, at.x, at.y);
        const wxString label = wxString::Format("%zu", i + 1);
        dc.DrawText(label, kPad + (kThumbWidth - dc.GetTextExtent(label).x) / 2, at.y + r.height + 2);
    }
}

void ThumbnailStrip::on_click(wxMouseEvent& event) {
    const wxPoint p = CalcUnscrolledPosition(event.GetPosition());
    for (std::size_t i = 0; i < slots_.size(); ++i) {
        if (p.y >= slots_[i].y && p.y < slots_[i].y + slots_[i].size.height + kLabel) {
            canvas_.go_to_page(static_cast<int>(i));
            canvas_.SetFocus();
            return;
        }
    }
}

}  // namespace jaanch::viewer::wx
