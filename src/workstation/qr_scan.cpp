#include "workstation/qr_scan.h"

#include <algorithm>
#include <cmath>

#include "checks/qr_decode.h"

namespace jaanch::workstation {
namespace {

// An A4 page at 300 DPI is 8.7 million pixels; a huge photo or a poster-sized page is looked at less sharply
// rather than costing gigabytes.
constexpr double kMaxScanPixels = 24e6;

viewer::OpenedDocument open_for_scan(const std::filesystem::path& file, const QrScanOptions& options) {
    viewer::OpenOptions open;
    open.label = file.filename().string();
    open.passwords = options.passwords;
    open.conventions = options.conventions;  // no prompt: a scan may run where nobody can be asked
    return viewer::sandbox::open_document_file(file.string(), open, options.isolation, options.sandbox);
}

// Pages are seen as at kQrRenderDpi, images too: an image's page size is its pixels at the resolution it
// states (150 DPI when it states none plausible), so rendering it at one pixel per point would shrink a phone
// photo or a 150-DPI scan to half and lose a small QR's modules.
double scan_scale(viewer::DocumentEngine& engine, int page) {
    const double wanted = checks::kQrRenderDpi / 72.0;
    const viewer::SizeF size = engine.page_size(page);
    const double points = size.width * size.height;
    if (!(points > 0))
        return wanted;
    return std::min(wanted, std::sqrt(kMaxScanPixels / points));
}

std::vector<std::string> codes_on_page(viewer::DocumentEngine& engine, int page) {
    viewer::RenderRequest request;
    request.page = page;
    request.scale = scan_scale(engine, page);
    const viewer::Bitmap pixels = engine.render(request);
    return checks::find_qr_codes(checks::gray_from_rgba(pixels.width, pixels.height, pixels.rgba));
}

}  // namespace

viewer::sandbox::Protection scan_qr_codes(const std::filesystem::path& file, const QrScanOptions& options,
                                          const std::function<bool(std::string text)>& on_code) {
    const auto doc = open_for_scan(file, options);
    const auto protection = viewer::sandbox::protection_of(*doc.engine);
    const int pages = std::min(doc.engine->page_count(), options.max_pages);
    for (int page = 0; page < pages; ++page) {
        for (auto& text : codes_on_page(*doc.engine, page)) {
            if (!on_code(std::move(text)))
                return protection;
        }
    }
    return protection;
}

QrTexts qr_texts_in(const std::filesystem::path& file, const QrScanOptions& options) {
    QrTexts out;
    out.protection = scan_qr_codes(file, options, [&out](std::string text) {
        out.texts.push_back(std::move(text));
        return true;
    });
    return out;
}

}  // namespace jaanch::workstation
