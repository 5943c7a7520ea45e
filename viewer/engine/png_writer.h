// Writing a Bitmap as a PNG file (jaanch-cli render, tests, screenshots) and reading one back (tests compare
// with pdftoppm's output). libpng; thread-safe. Throws jaanch::Error naming the file on failure.
#pragma once

#include <string>

#include "viewer/engine/geometry.h"

namespace jaanch::viewer {

void write_png(const Bitmap& bitmap, const std::string& path);
Bitmap read_png(const std::string& path);  // any PNG, converted to RGBA

}  // namespace jaanch::viewer
