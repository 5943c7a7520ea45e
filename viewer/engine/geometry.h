// Plain geometry and pixel types shared by the viewer's engines, render service and widgets.
//
// Coordinates: page space is in PDF points (1/72 inch) of the *upright* page (after the page's own /Rotate or
// EXIF orientation), origin at the top-left, y down. Device space is pixels of a page rendered at `scale`
// pixels per point and then turned clockwise by a user Rotation. All types are values; all functions pure.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace jaanch::viewer {

// A clockwise quarter turn applied on top of the page's own orientation.
enum class Rotation : int { r0 = 0, r90 = 90, r180 = 180, r270 = 270 };

Rotation rotation_from_degrees(
    int degrees);  // any multiple of 90, negative allowed; throws jaanch::Error otherwise
int degrees(Rotation r);
Rotation operator+(Rotation a, Rotation b);
bool swaps_axes(Rotation r);  // true for 90 and 270

struct SizeF {
    double width = 0;
    double height = 0;
    bool operator==(const SizeF&) const = default;
};

struct RectF {
    double x = 0;
    double y = 0;
    double width = 0;
    double height = 0;
    bool operator==(const RectF&) const = default;
    double right() const { return x + width; }
    double bottom() const { return y + height; }
};

struct PixelSize {
    int width = 0;
    int height = 0;
    bool operator==(const PixelSize&) const = default;
};

struct PixelRect {
    int x = 0;
    int y = 0;
    int width = 0;
    int height = 0;
    bool operator==(const PixelRect&) const = default;
    bool empty() const { return width <= 0 || height <= 0; }
};

PixelRect intersect(const PixelRect& a, const PixelRect& b);

// Pixel size of a page of `points` rendered at `scale` pixels per point and turned by `rotation`. Rounds up,
// as Poppler does, so a device bitmap always covers the whole page.
PixelSize device_size(SizeF points, double scale, Rotation rotation);

// Maps a rectangle in page points to device pixels (and back) for a page of size `points` at scale/rotation.
RectF page_to_device(const RectF& r, SizeF points, double scale, Rotation rotation);
RectF device_to_page(const RectF& r, SizeF points, double scale, Rotation rotation);

// Straight (not premultiplied) 8-bit RGBA, rows top to bottom, no padding: stride is width * 4.
struct Bitmap {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> rgba;

    Bitmap() = default;
    Bitmap(int w, int h);  // opaque white
    std::size_t bytes() const { return rgba.size(); }
    std::uint8_t* row(int y) {
        return rgba.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(width) * 4;
    }
    const std::uint8_t* row(int y) const {
        return rgba.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(width) * 4;
    }
};

// A copy of `src` turned clockwise by `r`.
Bitmap rotate(const Bitmap& src, Rotation r);
// A copy of the part `area` of `src` (clipped to src).
Bitmap crop(const Bitmap& src, const PixelRect& area);

}  // namespace jaanch::viewer
