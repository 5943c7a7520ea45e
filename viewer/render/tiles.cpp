#include "viewer/render/tiles.h"

#include <algorithm>
#include <cmath>

namespace jaanch::viewer::render {

int quantize_scale(double scale) {
    return std::max(1, static_cast<int>(std::lround(scale * 1000.0)));
}

double scale_of(int scale_milli) {
    return scale_milli / 1000.0;
}

PixelRect TileGrid::tile(int column, int row) const {
    return intersect({column * tile_size, row * tile_size, tile_size, tile_size},
                     {0, 0, page.width, page.height});
}

TileGrid tile_grid(SizeF points, int scale_milli, Rotation rotation, const TileOptions& o) {
    TileGrid g;
    g.page = device_size(points, scale_of(scale_milli), rotation);
    const auto pixels = static_cast<std::uint64_t>(g.page.width) * static_cast<std::uint64_t>(g.page.height);
    if (pixels <= o.whole_page_max_pixels) {
        g.tile_size = std::max(g.page.width, g.page.height);
        return g;
    }
    g.tile_size = o.tile_size;
    g.columns = (g.page.width + o.tile_size - 1) / o.tile_size;
    g.rows = (g.page.height + o.tile_size - 1) / o.tile_size;
    return g;
}

double fit_width_scale(SizeF p, Rotation rotation, int box_width) {
    const double w = swaps_axes(rotation) ? p.height : p.width;
    return std::max(1, box_width) / w;
}

double fit_page_scale(SizeF p, Rotation rotation, PixelSize box) {
    const double w = swaps_axes(rotation) ? p.height : p.width;
    const double h = swaps_axes(rotation) ? p.width : p.height;
    return std::min(std::max(1, box.width) / w, std::max(1, box.height) / h);
}

}  // namespace jaanch::viewer::render
