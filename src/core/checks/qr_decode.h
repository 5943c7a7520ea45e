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

// The contents of every QR code found, as raw bytes (a Secure QR's decimal digits, or XML), tried in every
// rotation. Empty when none is found.
std::vector<std::string> find_qr_codes(const GrayImage& image);

}  // namespace jaanch::checks
