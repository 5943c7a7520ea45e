#include "viewer/engine/png_writer.h"

#include <png.h>

#include <cstring>

#include "util/error.h"

namespace jaanch::viewer {

void write_png(const Bitmap& bitmap, const std::string& path) {
    png_image image;
    std::memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    image.width = static_cast<png_uint_32>(bitmap.width);
    image.height = static_cast<png_uint_32>(bitmap.height);
    image.format = PNG_FORMAT_RGBA;
    if (!png_image_write_to_file(&image, path.c_str(), 0, bitmap.rgba.data(), 0, nullptr))
        throw Error("Could not write the PNG file " + path + " (" + image.message + ").");
}

Bitmap read_png(const std::string& path) {
    png_image image;
    std::memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_file(&image, path.c_str()))
        throw Error("Could not read the PNG file " + path + " (" + image.message + ").");
    image.format = PNG_FORMAT_RGBA;
    Bitmap out(static_cast<int>(image.width), static_cast<int>(image.height));
    if (!png_image_finish_read(&image, nullptr, out.rgba.data(), 0, nullptr))
        throw Error("Could not decode the PNG file " + path + " (" + image.message + ").");
    return out;
}

}  // namespace jaanch::viewer
