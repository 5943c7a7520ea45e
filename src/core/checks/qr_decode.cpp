// zxing-cpp lives only in this translation unit: its Error.h defines macros that clash with other headers.
#define ZX_USE_UTF8 1
#include "checks/qr_decode.h"

#include <ZXing/ReadBarcode.h>

#include "util/error.h"

namespace jaanch::checks {

GrayImage gray_from_rgba(int width, int height, const std::vector<std::uint8_t>& rgba) {
    GrayImage g{width, height, {}};
    g.pixels.resize(static_cast<std::size_t>(width) * static_cast<std::size_t>(height));
    if (rgba.size() < g.pixels.size() * 4)
        throw Error("The page's pixels are fewer than its size says (" + std::to_string(rgba.size()) +
                    " bytes for " + std::to_string(width) + " x " + std::to_string(height) +
                    "); the QR cannot be looked for.");
    for (std::size_t i = 0; i < g.pixels.size(); ++i) {
        const std::uint8_t* p = rgba.data() + i * 4;
        g.pixels[i] = static_cast<std::uint8_t>((299 * p[0] + 587 * p[1] + 114 * p[2]) / 1000);
    }
    return g;
}

std::vector<std::string> find_qr_codes(const GrayImage& image) {
    if (image.width <= 0 || image.height <= 0 ||
        image.pixels.size() != static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height))
        throw Error("The image handed to the QR reader has inconsistent dimensions (" +
                    std::to_string(image.width) + "×" + std::to_string(image.height) + ", " +
                    std::to_string(image.pixels.size()) + " bytes); this is a bug in the caller.");
    const ZXing::ImageView view(image.pixels.data(), image.width, image.height, ZXing::ImageFormat::Lum);
    ZXing::DecodeHints hints;
    hints.setFormats(ZXing::BarcodeFormat::QRCode)
        .setTryHarder(true)
        .setTryRotate(true)
        .setTryDownscale(true);
    std::vector<std::string> out;
    for (const auto& result : ZXing::ReadBarcodes(view, hints)) {
        if (!result.isValid())
            continue;
        const auto& bytes = result.bytes();
        out.emplace_back(bytes.begin(), bytes.end());
    }
    return out;
}

}  // namespace jaanch::checks
