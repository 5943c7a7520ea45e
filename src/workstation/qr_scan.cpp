#include "workstation/qr_scan.h"

#include <algorithm>

#include "checks/qr_decode.h"

namespace jaanch::workstation {
namespace {

viewer::OpenedDocument open_for_scan(const std::filesystem::path& file, const QrScanOptions& options) {
    viewer::OpenOptions open;
    open.label = file.filename().string();
    open.passwords = options.passwords;
    open.conventions = options.conventions;  // no prompt: a scan may run where nobody can be asked
    return viewer::sandbox::open_document_file(file.string(), open, options.isolation, options.sandbox);
}

std::vector<std::string> codes_on_page(viewer::DocumentEngine& engine, int page) {
    viewer::RenderRequest request;
    request.page = page;
    // Images keep their own pixels: scaling a scan could only blur its modules.
    request.scale = engine.format() == "pdf" ? checks::kQrRenderDpi / 72.0 : 1.0;
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
