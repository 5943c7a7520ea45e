// What the render service renders and caches: tiles of a page at a quantised scale and a rotation.
// Small pages are one tile (a scanned page decodes its JPEG once, not once per tile); pages that would need
// more than `whole_page_max_pixels` are cut into square tiles, so no full-page buffer of hundreds of MB
// exists. Value types and pure functions; thread-safe.
#pragma once

#include <compare>
#include <cstdint>

#include "viewer/engine/geometry.h"

namespace jaanch::viewer::render {

using DocumentId = std::uint64_t;

// Scales are kept as thousandths of a device pixel per point, so a cache key never differs by float noise.
int quantize_scale(double scale);
double scale_of(int scale_milli);

struct TileKey {
    DocumentId document = 0;
    int page = 0;
    int scale_milli = 1000;
    Rotation rotation = Rotation::r0;
    int column = 0;
    int row = 0;
    auto operator<=>(const TileKey&) const = default;
    bool operator==(const TileKey&) const = default;
};

struct TileGrid {
    PixelSize page;     // device size of the whole page
    int tile_size = 0;  // side of a tile; equal to max(page) when the page is one tile
    int columns = 1;
    int rows = 1;
    PixelRect tile(int column, int row) const;  // clipped to the page
};

struct TileOptions {
    int tile_size = 1024;
    std::uint64_t whole_page_max_pixels = 6'000'000;  // A4 at ~250 DPI is still one tile
};

TileGrid tile_grid(SizeF page_points, int scale_milli, Rotation rotation, const TileOptions& options);

// The scale at which a page fits `box_pixels` wide (fit width) or within a box (fit page).
double fit_width_scale(SizeF page_points, Rotation rotation, int box_width);
double fit_page_scale(SizeF page_points, Rotation rotation, PixelSize box);

}  // namespace jaanch::viewer::render
