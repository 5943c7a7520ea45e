// Reading a PNG file as 8-bit grayscale for the QR reader, until the viewer engine (viewer issue) decodes
// images and renders PDF pages for the CLI. Errors: jaanch::Error naming the file.
#pragma once

#include <filesystem>

#include "checks/qr_decode.h"

namespace jaanch::cli {

checks::GrayImage read_png_gray(const std::filesystem::path& file);

}  // namespace jaanch::cli
