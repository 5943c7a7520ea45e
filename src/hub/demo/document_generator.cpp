#include "hub/demo/document_generator.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <jpeglib.h>
#include <pango/pangocairo.h>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFWriter.hh>

#include <cmath>
#include <cstdio>
#include <memory>
#include <random>

#include "util/error.h"

namespace jaanch::hub::demo {
namespace {

constexpr double kA4Width = 595.0;
constexpr double kA4Height = 842.0;

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

void check(cairo_status_t status, const char* what) {
    if (status != CAIRO_STATUS_SUCCESS)
        throw Error(std::string("cairo failed while ") + what + ": " + cairo_status_to_string(status) + ".");
}

// Draws one page of text at scale 1 = 1 pt; the caller's transform maps it to the surface.
void draw_page(cairo_t* cr, const DocumentPage& page) {
    PangoLayout* layout = pango_cairo_create_layout(cr);
    PangoFontDescription* heading = pango_font_description_from_string("Noto Sans Bold 17");
    PangoFontDescription* body = pango_font_description_from_string("Noto Sans 11");
    cairo_set_source_rgb(cr, 0.05, 0.05, 0.1);
    pango_layout_set_width(layout, static_cast<int>((kA4Width - 120) * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_font_description(layout, heading);
    pango_layout_set_text(layout, page.title.c_str(), -1);
    cairo_move_to(cr, 60, 60);
    pango_cairo_show_layout(cr, layout);
    int w = 0;
    int h = 0;
    pango_layout_get_pixel_size(layout, &w, &h);
    double y = 60 + h + 12;
    cairo_set_line_width(cr, 0.8);
    cairo_move_to(cr, 60, y);
    cairo_line_to(cr, kA4Width - 60, y);
    cairo_stroke(cr);
    y += 16;
    pango_layout_set_font_description(layout, body);
    for (const auto& line : page.lines) {
        pango_layout_set_text(layout, line.c_str(), -1);
        cairo_move_to(cr, 60, y);
        pango_cairo_show_layout(cr, layout);
        pango_layout_get_pixel_size(layout, &w, &h);
        y += h + 7;
        if (y > kA4Height - 60)
            break;
    }
    pango_font_description_free(heading);
    pango_font_description_free(body);
    g_object_unref(layout);
}

std::string encode_jpeg(cairo_surface_t* surface, int quality) {
    cairo_surface_flush(surface);
    const int width = cairo_image_surface_get_width(surface);
    const int height = cairo_image_surface_get_height(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    const unsigned char* data = cairo_image_surface_get_data(surface);
    jpeg_compress_struct cinfo{};
    jpeg_error_mgr jerr{};
    cinfo.err = jpeg_std_error(&jerr);
    jpeg_create_compress(&cinfo);
    unsigned char* out = nullptr;
    unsigned long out_size = 0;
    jpeg_mem_dest(&cinfo, &out, &out_size);
    cinfo.image_width = static_cast<JDIMENSION>(width);
    cinfo.image_height = static_cast<JDIMENSION>(height);
    cinfo.input_components = 3;
    cinfo.in_color_space = JCS_RGB;
    jpeg_set_defaults(&cinfo);
    jpeg_set_quality(&cinfo, quality, TRUE);
    jpeg_start_compress(&cinfo, TRUE);
    std::vector<unsigned char> row(static_cast<std::size_t>(width) * 3);
    while (cinfo.next_scanline < cinfo.image_height) {
        const auto* pixel = reinterpret_cast<const std::uint32_t*>(data + cinfo.next_scanline * stride);
        for (int x = 0; x < width; ++x) {
            row[static_cast<std::size_t>(x) * 3] = static_cast<unsigned char>((pixel[x] >> 16) & 0xff);
            row[static_cast<std::size_t>(x) * 3 + 1] = static_cast<unsigned char>((pixel[x] >> 8) & 0xff);
            row[static_cast<std::size_t>(x) * 3 + 2] = static_cast<unsigned char>(pixel[x] & 0xff);
        }
        JSAMPROW rows[1] = {row.data()};
        jpeg_write_scanlines(&cinfo, rows, 1);
    }
    jpeg_finish_compress(&cinfo);
    jpeg_destroy_compress(&cinfo);
    std::string bytes(reinterpret_cast<char*>(out), out_size);
    std::free(out);
    return bytes;
}

void add_noise(cairo_surface_t* surface, std::mt19937& rng, int amount) {
    cairo_surface_flush(surface);
    const int width = cairo_image_surface_get_width(surface);
    const int height = cairo_image_surface_get_height(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    unsigned char* data = cairo_image_surface_get_data(surface);
    std::uniform_int_distribution<int> noise(-amount, amount);
    for (int y = 0; y < height; ++y) {
        auto* pixel = reinterpret_cast<std::uint32_t*>(data + y * stride);
        for (int x = 0; x < width; ++x) {
            const int n = noise(rng);
            std::uint32_t out = 0xff000000u;
            for (int shift : {16, 8, 0}) {
                const int c = std::clamp(static_cast<int>((pixel[x] >> shift) & 0xff) + n, 0, 255);
                out |= static_cast<std::uint32_t>(c) << shift;
            }
            pixel[x] = out;
        }
    }
    cairo_surface_mark_dirty(surface);
}

struct SurfaceDeleter {
    void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct ContextDeleter {
    void operator()(cairo_t* c) const { cairo_destroy(c); }
};
using Surface = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;
using Context = std::unique_ptr<cairo_t, ContextDeleter>;

void free_jpeg(void* data) {
    delete static_cast<std::string*>(data);
}

}  // namespace

std::string text_pdf(const std::vector<DocumentPage>& pages) {
    std::string out;
    {
        Surface surface(cairo_pdf_surface_create_for_stream(append, &out, kA4Width, kA4Height));
        cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR,
                                       "Jaanch demo-seed (TEST DATA)");
        Context cr(cairo_create(surface.get()));
        for (const auto& page : pages) {
            draw_page(cr.get(), page);
            cairo_show_page(cr.get());
        }
        check(cairo_status(cr.get()), "drawing a PDF");
        cairo_surface_finish(surface.get());
        check(cairo_surface_status(surface.get()), "writing a PDF");
    }
    return out;
}

std::string scanned_pdf(const std::vector<DocumentPage>& pages, std::uint32_t seed) {
    std::mt19937 rng(seed);
    constexpr double kScale = 100.0 / 72.0;  // 100 DPI: a phone scan
    const int width = static_cast<int>(kA4Width * kScale);
    const int height = static_cast<int>(kA4Height * kScale);
    std::string out;
    {
        Surface pdf(cairo_pdf_surface_create_for_stream(append, &out, kA4Width, kA4Height));
        Context pdf_cr(cairo_create(pdf.get()));
        std::uniform_real_distribution<double> tilt(-0.02, 0.02);
        for (const auto& page : pages) {
            Surface image(cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height));
            {
                Context cr(cairo_create(image.get()));
                cairo_set_source_rgb(cr.get(), 0.93, 0.92, 0.88);  // grey-yellow paper
                cairo_paint(cr.get());
                cairo_translate(cr.get(), width / 2.0, height / 2.0);
                cairo_rotate(cr.get(), tilt(rng));
                cairo_translate(cr.get(), -width / 2.0, -height / 2.0);
                cairo_scale(cr.get(), kScale, kScale);
                draw_page(cr.get(), page);
            }
            add_noise(image.get(), rng, 12);
            auto* jpeg = new std::string(encode_jpeg(image.get(), 70));
            Surface scan(cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height));
            check(cairo_surface_set_mime_data(scan.get(), CAIRO_MIME_TYPE_JPEG,
                                              reinterpret_cast<const unsigned char*>(jpeg->data()),
                                              jpeg->size(), free_jpeg, jpeg),
                  "attaching a JPEG page");
            cairo_save(pdf_cr.get());
            cairo_scale(pdf_cr.get(), 1.0 / kScale, 1.0 / kScale);
            cairo_set_source_surface(pdf_cr.get(), scan.get(), 0, 0);
            cairo_paint(pdf_cr.get());
            cairo_restore(pdf_cr.get());
            cairo_show_page(pdf_cr.get());
        }
        check(cairo_status(pdf_cr.get()), "drawing a scanned PDF");
        cairo_surface_finish(pdf.get());
        check(cairo_surface_status(pdf.get()), "writing a scanned PDF");
    }
    return out;
}

std::string protect_pdf(const std::string& pdf, const std::string& user_password) {
    try {
        QPDF in;
        in.processMemoryFile("demo.pdf", pdf.data(), pdf.size());
        QPDFWriter writer(in);
        writer.setOutputMemory();
        writer.setStaticID(true);  // deterministic output for a given input
        writer.setR6EncryptionParameters(user_password.c_str(), (user_password + "-owner").c_str(), true,
                                         true, true, true, true, false, qpdf_r3p_full, true);
        writer.write();
        auto buffer = writer.getBufferSharedPointer();
        return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
    } catch (const std::exception& e) {
        throw Error(std::string("qpdf could not encrypt a demo PDF: ") + e.what() + ".");
    }
}

namespace {

Surface draw_photo(std::uint32_t seed, int width, int height) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    Surface surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height));
    Context cr(cairo_create(surface.get()));
    cairo_pattern_t* background = cairo_pattern_create_linear(0, 0, 0, height);
    cairo_pattern_add_color_stop_rgb(background, 0, 0.75 + 0.2 * u(rng), 0.85, 0.95);
    cairo_pattern_add_color_stop_rgb(background, 1, 0.55, 0.65 + 0.2 * u(rng), 0.8);
    cairo_set_source(cr.get(), background);
    cairo_paint(cr.get());
    cairo_pattern_destroy(background);
    const double skin = 0.45 + 0.3 * u(rng);
    // Shoulders, neck, face, hair: enough for a viewer to show something photo-like.
    cairo_set_source_rgb(cr.get(), 0.2 + 0.5 * u(rng), 0.2 + 0.3 * u(rng), 0.3 + 0.4 * u(rng));
    cairo_arc(cr.get(), width / 2.0, height * 1.05, width * 0.48, M_PI, 2 * M_PI);
    cairo_fill(cr.get());
    cairo_set_source_rgb(cr.get(), skin, skin * 0.78, skin * 0.6);
    cairo_rectangle(cr.get(), width * 0.42, height * 0.52, width * 0.16, height * 0.14);
    cairo_fill(cr.get());
    cairo_save(cr.get());
    cairo_translate(cr.get(), width / 2.0, height * 0.4);
    cairo_scale(cr.get(), width * 0.22, height * 0.2);
    cairo_arc(cr.get(), 0, 0, 1, 0, 2 * M_PI);
    cairo_restore(cr.get());
    cairo_fill(cr.get());
    cairo_set_source_rgb(cr.get(), 0.08, 0.06, 0.05);
    cairo_save(cr.get());
    cairo_translate(cr.get(), width / 2.0, height * 0.3);
    cairo_scale(cr.get(), width * 0.23, height * 0.12);
    cairo_arc(cr.get(), 0, 0, 1, M_PI, 2 * M_PI);
    cairo_restore(cr.get());
    cairo_fill(cr.get());
    for (double side : {-1.0, 1.0}) {
        cairo_arc(cr.get(), width / 2.0 + side * width * 0.08, height * 0.39, width * 0.018, 0, 2 * M_PI);
        cairo_fill(cr.get());
    }
    cr.reset();
    std::mt19937 noise_rng(seed ^ 0x5a5a5a5au);
    add_noise(surface.get(), noise_rng, 6);
    return surface;
}

}  // namespace

std::string photo_jpeg(std::uint32_t seed, int width, int height) {
    Surface surface = draw_photo(seed, width, height);
    return encode_jpeg(surface.get(), 85);
}

std::string photo_png(std::uint32_t seed, int width, int height) {
    Surface surface = draw_photo(seed, width, height);
    std::string out;
    check(cairo_surface_write_to_png_stream(surface.get(), append, &out), "writing a PNG");
    return out;
}

}  // namespace jaanch::hub::demo
