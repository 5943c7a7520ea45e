// Finding QR codes in a grayscale image with zxing-cpp. The caller turns files into pixels: the CLI reads
// PNG, the workstation renders PDF pages with the viewer engine (at 300 DPI or more: zxing wants about 3
// pixels per module, and an Aadhaar Secure QR has well over 100 modules a side).
//
// Pure function; thread-safe (zxing-cpp's reader keeps no shared state).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace jaanch::checks {

struct GrayImage {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> pixels;  // row-major, one byte per pixel, 0 = black
};

// The resolution to render a PDF page at before looking for its QR: zxing wants about 3 pixels per module.
constexpr double kQrRenderDpi = 300;

// Luminance of RGBA pixels (4 bytes each, row-major, as the viewer engine renders them onto opaque white).
GrayImage gray_from_rgba(int width, int height, const std::vector<std::uint8_t>& rgba);

// The contents of every QR code found, as raw bytes (a Secure QR's decimal digits, or XML), tried in every
// rotation. Empty when none is found.
std::vector<std::string> find_qr_codes(const GrayImage& image);

}  // namespace jaanch::checks
