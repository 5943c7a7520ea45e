#include "viewer/engine/pdf_engine.h"

#include <poppler-document.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>

namespace jaanch::viewer {
namespace {

void poppler_diagnostic(const std::string& message, void*) {
    // Poppler reports recoverable oddities of real-world PDFs here (and keeps going); failures that matter
    // reach us as a null document or an invalid image and become DocumentErrors.
    static const bool verbose = std::getenv("JAANCH_POPPLER_DEBUG") != nullptr;
    if (verbose)
        std::fprintf(stderr, "poppler: %s\n", message.c_str());
}

// A valid one-page PDF with a coloured fill, written at run time so its xref offsets are right.
std::string warm_up_pdf() {
    const std::vector<std::string> objects = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 36 36] /Contents 4 0 R /Resources << >> >>",
        "<< /Length 44 >>\nstream\n0.8 0.1 0.1 rg 4 4 20 20 re f 0 0 1 RG 1 w S\nendstream",
    };
    std::string pdf = "%PDF-1.4\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(pdf.size());
        pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const std::size_t xref = pdf.size();
    pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (auto off : offsets) {
        char line[32];
        std::snprintf(line, sizeof line, "%010zu 00000 n \n", off);
        pdf += line;
    }
    pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
           std::to_string(xref) + "\n%%EOF\n";
    return pdf;
}

std::string page_label(int page) {
    return "page " + std::to_string(page + 1);
}

void route_poppler_diagnostics() {
    static std::once_flag once;
    std::call_once(once, [] { poppler::set_debug_error_function(poppler_diagnostic, nullptr); });
}

}  // namespace

void pdf_warm_up() {
    static std::once_flag once;
    std::call_once(once, [] {
        route_poppler_diagnostics();
        const std::string pdf = warm_up_pdf();
        auto bytes = std::make_shared<Bytes>(pdf.begin(), pdf.end());
        auto engine = PdfEngine::open(bytes);
        RenderRequest request;
        engine->render(request);
    });
}

PdfEngine::PdfEngine(SharedBytes bytes, const EngineLimits& limits)
    : bytes_(std::move(bytes)), limits_(limits) {}

PdfEngine::~PdfEngine() = default;

std::unique_ptr<PdfEngine> PdfEngine::open(SharedBytes bytes, const EngineLimits& limits) {
    route_poppler_diagnostics();
    if (!bytes || bytes->empty())
        throw DocumentError("The PDF is empty (0 bytes); ask for the file again.");
    if (bytes->size() > limits.max_file_bytes)
        throw LimitError("The PDF is " + std::to_string(bytes->size() >> 20) +
                         " MiB, more than the viewer's limit of " +
                         std::to_string(limits.max_file_bytes >> 20) + " MiB.");
    if (bytes->size() > static_cast<std::size_t>(INT32_MAX))
        throw LimitError("The PDF is larger than 2 GiB, which Poppler cannot read.");
    std::unique_ptr<PdfEngine> engine(new PdfEngine(std::move(bytes), limits));
    engine->load("");
    return engine;
}

void PdfEngine::load(const std::string& password) {
    // load_from_raw_data does not copy: bytes_ is declared before doc_, so it outlives it.
    doc_.reset(poppler::document::load_from_raw_data(reinterpret_cast<const char*>(bytes_->data()),
                                                     static_cast<int>(bytes_->size()), password, password));
    if (!doc_)
        throw DocumentError(
            "The file is not a readable PDF (it may be truncated or damaged); ask the applicant to "
            "upload it again.");
    if (doc_->is_locked())
        return;
    password_ = password;
    renderer_ = std::make_unique<poppler::page_renderer>();
    renderer_->set_image_format(poppler::image::format_argb32);
    // As pdftoppm does by default: anti-aliased text and vectors, no font hinting.
    renderer_->set_render_hints(poppler::page_renderer::antialiasing |
                                poppler::page_renderer::text_antialiasing);
    const int n = doc_->pages();
    if (n <= 0)
        throw DocumentError("The PDF has no pages.");
    if (n > limits_.max_pages)
        throw LimitError("The PDF has " + std::to_string(n) + " pages, more than the viewer's limit of " +
                         std::to_string(limits_.max_pages) + ".");
    pages_.resize(static_cast<std::size_t>(n));
}

bool PdfEngine::locked() const {
    return doc_->is_locked();
}

bool PdfEngine::unlock(const std::string& password) {
    if (!doc_->is_locked())
        return true;
    if (doc_->unlock(password, password))
        return false;  // poppler-cpp: unlock() returns is_locked()
    // Reload with the password so every later clone() opens the same way.
    load(password);
    return !doc_->is_locked();
}

void PdfEngine::check_unlocked() const {
    if (doc_->is_locked())
        throw PasswordError("The PDF is protected by a password and has not been opened with one yet.");
}

int PdfEngine::page_count() const {
    check_unlocked();
    return static_cast<int>(pages_.size());
}

poppler::page& PdfEngine::page_at(int page) {
    check_page(page);
    auto& slot = pages_[static_cast<std::size_t>(page)];
    if (!slot)
        slot.reset(doc_->create_page(page));
    if (!slot)
        throw DocumentError("The PDF's " + page_label(page) + " is damaged and cannot be read.");
    return *slot;
}

SizeF PdfEngine::page_size(int page) {
    poppler::page& p = page_at(page);
    const poppler::rectf r = p.page_rect(poppler::crop_box);
    const double w = std::abs(r.width()), h = std::abs(r.height());
    if (!(w > 0) || !(h > 0))
        throw DocumentError("The PDF's " + page_label(page) + " has no size.");
    const auto o = p.orientation();
    if (o == poppler::page::landscape || o == poppler::page::seascape)
        return {h, w};
    return {w, h};
}

Bitmap PdfEngine::render(const RenderRequest& req) {
    if (!(req.scale > 0) || req.scale > 100)
        throw DocumentError("A render scale of " + std::to_string(req.scale) +
                            " is outside what the viewer allows.");
    poppler::page& p = page_at(req.page);
    const PixelSize full = device_size(page_size(req.page), req.scale, req.rotation);
    const PixelRect area = req.region ? intersect(*req.region, {0, 0, full.width, full.height})
                                      : PixelRect{0, 0, full.width, full.height};
    if (area.empty())
        throw DocumentError("The region asked for lies outside " + page_label(req.page) + ".");
    if (static_cast<std::uint64_t>(area.width) * static_cast<std::uint64_t>(area.height) >
        limits_.max_render_pixels)
        throw LimitError("Rendering " + page_label(req.page) + " at this zoom would need " +
                         std::to_string(area.width) + " x " + std::to_string(area.height) +
                         " pixels at once, more than the viewer's limit; render it in tiles.");
    const double dpi = req.scale * 72.0;
    const auto rot = static_cast<poppler::rotation_enum>(degrees(req.rotation) / 90);
    // Always an explicit slice: Poppler's own whole-page size truncates where pdftoppm (and device_size)
    // round up, and tiles must add up to exactly the whole page.
    const poppler::image img =
        renderer_->render_page(&p, dpi, dpi, area.x, area.y, area.width, area.height, rot);
    if (!img.is_valid() || img.width() <= 0 || img.height() <= 0)
        throw DocumentError("Poppler could not render the PDF's " + page_label(req.page) +
                            "; the page may be damaged.");
    Bitmap out(img.width(), img.height());
    const char* src = img.const_data();
    const int stride = img.bytes_per_row();
    for (int y = 0; y < out.height; ++y) {
        // ARGB32 in native (little-endian) order is B, G, R, A in memory.
        const auto* s = reinterpret_cast<const std::uint8_t*>(src + static_cast<std::ptrdiff_t>(y) * stride);
        std::uint8_t* d = out.row(y);
        for (int x = 0; x < out.width; ++x, s += 4, d += 4) {
            d[0] = s[2];
            d[1] = s[1];
            d[2] = s[0];
            d[3] = s[3];
        }
    }
    return out;
}

std::vector<TextBox> PdfEngine::text_boxes(int page) {
    poppler::page& p = page_at(page);
    std::vector<TextBox> out;
    for (const auto& box : p.text_list()) {
        const poppler::rectf r = box.bbox();
        const poppler::byte_array utf8 = box.text().to_utf8();
        out.push_back({std::string(utf8.begin(), utf8.end()),
                       {r.x(), r.y(), r.width(), r.height()},
                       box.has_space_after()});
    }
    return out;
}

std::unique_ptr<DocumentEngine> PdfEngine::clone() const {
    check_unlocked();
    std::unique_ptr<PdfEngine> copy(new PdfEngine(bytes_, limits_));
    copy->load(password_);
    if (copy->locked())
        throw PasswordError("The PDF could not be reopened with the password that opened it.");
    return copy;
}

}  // namespace jaanch::viewer
