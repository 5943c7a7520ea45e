#include "viewer/engine/geometry.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "util/error.h"

namespace jaanch::viewer {

Rotation rotation_from_degrees(int deg) {
    if (deg % 90 != 0)
        throw Error("A rotation of " + std::to_string(deg) +
                    " degrees was asked for; only quarter turns are possible.");
    return static_cast<Rotation>(((deg % 360) + 360) % 360);
}

int degrees(Rotation r) {
    return static_cast<int>(r);
}

Rotation operator+(Rotation a, Rotation b) {
    return rotation_from_degrees(degrees(a) + degrees(b));
}

bool swaps_axes(Rotation r) {
    return r == Rotation::r90 || r == Rotation::r270;
}

PixelRect intersect(const PixelRect& a, const PixelRect& b) {
    const int x0 = std::max(a.x, b.x), y0 = std::max(a.y, b.y);
    const int x1 = std::min(a.x + a.width, b.x + b.width), y1 = std::min(a.y + a.height, b.y + b.height);
    if (x1 <= x0 || y1 <= y0)
        return {};
    return {x0, y0, x1 - x0, y1 - y0};
}

PixelSize device_size(SizeF points, double scale, Rotation rotation) {
    // The small epsilon keeps 595.0 * (150/72) from becoming 1240.0000001 and so 1241 pixels.
    const int w = static_cast<int>(std::ceil(points.width * scale - 1e-6));
    const int h = static_cast<int>(std::ceil(points.height * scale - 1e-6));
    if (swaps_axes(rotation))
        return {std::max(h, 1), std::max(w, 1)};
    return {std::max(w, 1), std::max(h, 1)};
}

RectF page_to_device(const RectF& r, SizeF points, double scale, Rotation rotation) {
    const double W = points.width * scale, H = points.height * scale;
    const RectF s{r.x * scale, r.y * scale, r.width * scale, r.height * scale};
    switch (rotation) {
        case Rotation::r0:
            return s;
        case Rotation::r90:
            return {H - s.bottom(), s.x, s.height, s.width};
        case Rotation::r180:
            return {W - s.right(), H - s.bottom(), s.width, s.height};
        case Rotation::r270:
            return {s.y, W - s.right(), s.height, s.width};
    }
    return s;
}

RectF device_to_page(const RectF& r, SizeF points, double scale, Rotation rotation) {
    const double W = points.width * scale, H = points.height * scale;
    RectF s = r;
    switch (rotation) {
        case Rotation::r0:
            break;
        case Rotation::r90:
            s = {r.y, H - r.right(), r.height, r.width};
            break;
        case Rotation::r180:
            s = {W - r.right(), H - r.bottom(), r.width, r.height};
            break;
        case Rotation::r270:
            s = {W - r.bottom(), r.x, r.height, r.width};
            break;
    }
    return {s.x / scale, s.y / scale, s.width / scale, s.height / scale};
}

Bitmap::Bitmap(int w, int h)
    : width(w), height(h), rgba(static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4, 0xFF) {}

Bitmap rotate(const Bitmap& src, Rotation r) {
    if (r == Rotation::r0)
        return src;
    const bool swap = swaps_axes(r);
    Bitmap out(swap ? src.height : src.width, swap ? src.width : src.height);
    const std::uint8_t* in = src.rgba.data();
    std::uint8_t* dst = out.rgba.data();
    const int W = src.width, H = src.height, OW = out.width;
    for (int y = 0; y < H; ++y) {
        for (int x = 0; x < W; ++x) {
            int ox = x, oy = y;
            switch (r) {
                case Rotation::r90:
                    ox = H - 1 - y;
                    oy = x;
                    break;
                case Rotation::r180:
                    ox = W - 1 - x;
                    oy = H - 1 - y;
                    break;
                case Rotation::r270:
                    ox = y;
                    oy = W - 1 - x;
                    break;
                case Rotation::r0:
                    break;
            }
            std::memcpy(dst + (static_cast<std::size_t>(oy) * static_cast<std::size_t>(OW) +
                               static_cast<std::size_t>(ox)) *
                                  4,
                        in + (static_cast<std::size_t>(y) * static_cast<std::size_t>(W) +
                              static_cast<std::size_t>(x)) *
                                 4,
                        4);
        }
    }
    return out;
}

Bitmap crop(const Bitmap& src, const PixelRect& area) {
    const PixelRect a = intersect(area, {0, 0, src.width, src.height});
    Bitmap out(a.width, a.height);
    for (int y = 0; y < a.height; ++y)
        std::memcpy(out.row(y), src.row(a.y + y) + static_cast<std::size_t>(a.x) * 4,
                    static_cast<std::size_t>(a.width) * 4);
    return out;
}

}  // namespace jaanch::viewer
