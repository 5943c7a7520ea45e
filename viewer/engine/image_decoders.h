// Decoders for the image formats citizens upload (JPEG, PNG, TIFF, WebP), on libjpeg, libpng, libtiff and
// libwebp. Internal to viewer/engine (ImageEngine uses them). Thread-safe: no shared state between calls.
// Errors: DocumentError for a damaged or unsupported file, LimitError for too many pixels or pages.
#pragma once

#include <string_view>

#include "viewer/engine/document_engine.h"

namespace jaanch::viewer {

// What a page of an image file is, read from its headers without decoding pixels.
struct ImageInfo {
    PixelSize stored;     // as stored, before orientation
    int orientation = 1;  // EXIF/TIFF orientation 1..8
    double dpi = 0;       // 0 when the file does not say
    PixelSize upright() const;
};

bool webp_supported();
int image_page_count(std::string_view format, const Bytes& bytes, const EngineLimits& limits);
ImageInfo probe_image(std::string_view format, const Bytes& bytes, int page, const EngineLimits& limits);
// Decoded pixels, turned upright according to the orientation, transparency composited onto white.
Bitmap decode_image(std::string_view format, const Bytes& bytes, int page, const EngineLimits& limits);

// The orientation tag (1..8) of an Exif block (starting with "Exif\0\0" or directly with the TIFF header);
// 1 when absent or unreadable. Exposed for tests.
int exif_orientation(const std::uint8_t* data, std::size_t size);
// `src` as displayed for an EXIF orientation (2..8 mirror and/or turn it).
Bitmap apply_orientation(Bitmap src, int orientation);

}  // namespace jaanch::viewer
