// Scaling of decoded images for ImageEngine: area averaging when shrinking (thumbnails of 12 MP photos stay
// legible), bilinear when enlarging (the loupe). Pure functions, thread-safe.
#pragma once

#include "viewer/engine/geometry.h"

namespace jaanch::viewer {

// The part `region` of `src` scaled to out_size (region is in output pixels and clipped to out_size).
Bitmap resample_region(const Bitmap& src, PixelSize out_size, const PixelRect& region);

// The rectangle of the unrotated bitmap (size `unrotated`) that becomes `region` once turned by `rotation`.
PixelRect unrotate_region(const PixelRect& region, PixelSize unrotated, Rotation rotation);

}  // namespace jaanch::viewer
