#include "png_gray.h"

#include <png.h>

#include "util/error.h"

namespace jaanch::cli {

checks::GrayImage read_png_gray(const std::filesystem::path& file) {
    png_image image{};
    image.version = PNG_IMAGE_VERSION;
    if (png_image_begin_read_from_file(&image, file.c_str()) == 0)
        throw Error("Cannot read " + file.string() + " as a PNG image (" + image.message + ").");
    image.format = PNG_FORMAT_GRAY;
    checks::GrayImage out{static_cast<int>(image.width), static_cast<int>(image.height), {}};
    out.pixels.resize(PNG_IMAGE_SIZE(image));
    if (png_image_finish_read(&image, nullptr, out.pixels.data(), 0, nullptr) == 0) {
        const std::string message = image.message;
        png_image_free(&image);
        throw Error("The PNG image " + file.string() + " is damaged (" + message + ").");
    }
    return out;
}

}  // namespace jaanch::cli
