#include "fixtures.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <jpeglib.h>
#include <tiffio.h>
#include <webp/encode.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <random>
#include <stdexcept>

#include "viewer/engine/png_writer.h"

namespace jaanch::viewer::fixtures {

TempDir::TempDir() {
    std::random_device rd;
    path_ = fs::temp_directory_path() / ("jaanch-viewer-" + std::to_string(rd()) + std::to_string(rd()));
    fs::create_directories(path_);
}

TempDir::~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
}

namespace {

void check_cairo(cairo_status_t status, const std::string& what) {
    if (status != CAIRO_STATUS_SUCCESS)
        throw std::runtime_error("cairo failed to " + what + ": " + cairo_status_to_string(status));
}

void draw_text_page(cairo_t* cr, const TextPage& page, int number) {
    cairo_set_source_rgb(cr, 0.85, 0.1, 0.1);
    cairo_rectangle(cr, 50, 50, 100, 60);
    cairo_fill(cr);
    cairo_set_source_rgb(cr, 0.1, 0.2, 0.85);
    cairo_rectangle(cr, page.width - 40 - 50, page.height - 40 - 30, 50, 30);
    cairo_fill(cr);
    cairo_set_source_rgb(cr, 0, 0, 0);
    cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    const double size = std::min(18.0, page.width / 24);
    cairo_set_font_size(cr, size);
    double y = 150;
    for (const auto& line : page.lines) {
        if (y > page.height - 80)
            break;
        cairo_move_to(cr, 50, y);
        cairo_show_text(cr, line.c_str());
        y += size * 1.6;
    }
    cairo_move_to(cr, 50, page.height - 50);
    cairo_show_text(cr, ("Page " + std::to_string(number)).c_str());
    cairo_set_line_width(cr, 1.5);
    cairo_move_to(cr, 50, y + 10);
    cairo_line_to(cr, page.width - 50, y + 40);
    cairo_stroke(cr);
}

Bitmap from_cairo(cairo_surface_t* s) {
    cairo_surface_flush(s);
    const int w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
    const int stride = cairo_image_surface_get_stride(s);
    const unsigned char* data = cairo_image_surface_get_data(s);
    Bitmap out(w, h);
    for (int y = 0; y < h; ++y) {
        const unsigned char* p = data + static_cast<std::ptrdiff_t>(y) * stride;
        std::uint8_t* d = out.row(y);
        for (int x = 0; x < w; ++x, p += 4, d += 4) {
            d[0] = p[2];
            d[1] = p[1];
            d[2] = p[0];
            d[3] = 255;
        }
    }
    return out;
}

Bitmap scanned_sheet(int w, int h, int dpi, unsigned seed, int number) {
    cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    cairo_t* cr = cairo_create(s);
    cairo_set_source_rgb(cr, 0.96, 0.95, 0.92);
    cairo_paint(cr);
    const double k = dpi / 72.0;
    cairo_scale(cr, k, k);
    cairo_set_source_rgb(cr, 0.15, 0.15, 0.2);
    cairo_select_font_face(cr, "DejaVu Serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, 11);
    std::mt19937 rng(seed * 7919u + static_cast<unsigned>(number));
    const char* words[] = {"Government", "of",       "Rajasthan", "certificate", "income",
                           "caste",      "resident", "applicant", "district",    "tehsil",
                           "village",    "issued",   "verified",  "Jan",         "Aadhaar"};
    for (double y = 80; y < 842 - 60; y += 16) {
        std::string line;
        for (int i = 0; i < 9; ++i)
            line += std::string(words[rng() % 15]) + " ";
        cairo_move_to(cr, 60, y);
        cairo_show_text(cr, line.c_str());
    }
    cairo_set_source_rgb(cr, 0.2, 0.3, 0.7);  // a round seal
    cairo_set_line_width(cr, 3);
    cairo_arc(cr, 450, 720, 45, 0, 2 * M_PI);
    cairo_stroke(cr);
    cairo_destroy(cr);
    Bitmap b = from_cairo(s);
    cairo_surface_destroy(s);
    std::uniform_int_distribution<int> grain(-5, 5);
    for (auto& v : b.rgba)
        v = static_cast<std::uint8_t>(std::clamp(v + (v == 255 ? 0 : grain(rng)), 0, 255));
    return b;
}

void free_bytes(void* p) {
    std::free(p);
}

}  // namespace

void write_text_pdf(const fs::path& path, const std::vector<TextPage>& pages) {
    cairo_surface_t* surface =
        cairo_pdf_surface_create(path.c_str(), pages.front().width, pages.front().height);
    check_cairo(cairo_surface_status(surface), "create " + path.string());
    cairo_t* cr = cairo_create(surface);
    for (std::size_t i = 0; i < pages.size(); ++i) {
        cairo_pdf_surface_set_size(surface, pages[i].width, pages[i].height);
        draw_text_page(cr, pages[i], static_cast<int>(i + 1));
        cairo_show_page(cr);
    }
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    check_cairo(cairo_surface_status(surface), "write " + path.string());
    cairo_surface_destroy(surface);
}

void write_scanned_pdf(const fs::path& path, int pages, int dpi, unsigned seed) {
    const int w = static_cast<int>(std::lround(595 * dpi / 72.0)),
              h = static_cast<int>(std::lround(842 * dpi / 72.0));
    cairo_surface_t* surface = cairo_pdf_surface_create(path.c_str(), 595, 842);
    check_cairo(cairo_surface_status(surface), "create " + path.string());
    cairo_t* cr = cairo_create(surface);
    for (int n = 1; n <= pages; ++n) {
        const Bitmap sheet = scanned_sheet(w, h, dpi, seed, n);
        const auto jpeg = encode_jpeg(sheet, 70, 0, dpi);
        cairo_surface_t* image = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
        void* copy = std::malloc(jpeg.size());
        std::memcpy(copy, jpeg.data(), jpeg.size());
        // With JPEG mime data cairo embeds the JPEG itself (DCTDecode), as a scanner's PDF does.
        cairo_surface_set_mime_data(image, CAIRO_MIME_TYPE_JPEG, static_cast<unsigned char*>(copy),
                                    jpeg.size(), free_bytes, copy);
        cairo_save(cr);
        cairo_scale(cr, 72.0 / dpi, 72.0 / dpi);
        cairo_set_source_surface(cr, image, 0, 0);
        cairo_paint(cr);
        cairo_restore(cr);
        cairo_surface_destroy(image);
        cairo_show_page(cr);
    }
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    check_cairo(cairo_surface_status(surface), "write " + path.string());
    cairo_surface_destroy(surface);
}

Bitmap test_picture(int width, int height) {
    Bitmap b(width, height);
    for (int y = 0; y < height; ++y) {
        std::uint8_t* row = b.row(y);
        for (int x = 0; x < width; ++x) {
            std::uint8_t* p = row + static_cast<std::size_t>(x) * 4;
            p[0] = static_cast<std::uint8_t>(200 + 55 * x / std::max(1, width));
            p[1] = static_cast<std::uint8_t>(200 + 55 * y / std::max(1, height));
            p[2] = 220;
            const bool red = x >= width / 10 && x < width * 4 / 10 && y >= height / 10 && y < height * 3 / 10;
            const bool blue =
                x >= width * 7 / 10 && x < width * 9 / 10 && y >= height * 7 / 10 && y < height * 9 / 10;
            if (red)
                p[0] = 220, p[1] = 20, p[2] = 20;
            if (blue)
                p[0] = 20, p[1] = 40, p[2] = 220;
        }
    }
    return b;
}

std::vector<std::uint8_t> encode_jpeg(const Bitmap& image, int quality, int exif_orientation, int dpi) {
    jpeg_compress_struct cinfo;
    jpeg_error_mgr jerr;
    cinfo.err = jpeg_std_error(&jerr);
    jpeg_create_compress(&cinfo);
    unsigned char* out = nullptr;
    unsigned long size = 0;
    jpeg_mem_dest(&cinfo, &out, &size);
    cinfo.image_width = static_cast<JDIMENSION>(image.width);
    cinfo.image_height = static_cast<JDIMENSION>(image.height);
    cinfo.input_components = 4;
    cinfo.in_color_space = JCS_EXT_RGBA;
    jpeg_set_defaults(&cinfo);
    jpeg_set_quality(&cinfo, quality, TRUE);
    if (dpi > 0) {
        cinfo.density_unit = 1;
        cinfo.X_density = cinfo.Y_density = static_cast<UINT16>(dpi);
    }
    jpeg_start_compress(&cinfo, TRUE);
    if (exif_orientation > 0) {
        const unsigned char exif[] = {'E',
                                      'x',
                                      'i',
                                      'f',
                                      0,
                                      0,
                                      'I',
                                      'I',
                                      42,
                                      0,
                                      8,
                                      0,
                                      0,
                                      0,  // TIFF header
                                      1,
                                      0,  // one entry
                                      0x12,
                                      0x01,
                                      3,
                                      0,
                                      1,
                                      0,
                                      0,
                                      0,  // orientation
                                      static_cast<unsigned char>(exif_orientation),
                                      0,
                                      0,
                                      0,  // its value
                                      0,
                                      0,
                                      0,
                                      0};  // no next IFD
        jpeg_write_marker(&cinfo, JPEG_APP0 + 1, exif, sizeof exif);
    }
    while (cinfo.next_scanline < cinfo.image_height) {
        JSAMPROW row = const_cast<JSAMPROW>(image.row(static_cast<int>(cinfo.next_scanline)));
        jpeg_write_scanlines(&cinfo, &row, 1);
    }
    jpeg_finish_compress(&cinfo);
    jpeg_destroy_compress(&cinfo);
    std::vector<std::uint8_t> bytes(out, out + size);
    std::free(out);
    return bytes;
}

std::vector<std::uint8_t> encode_png(const Bitmap& image) {
    TempDir dir;
    write_png(image, (dir / "x.png").string());
    return read_bytes(dir / "x.png");
}

void write_tiff(const fs::path& path, const std::vector<Bitmap>& pages, int orientation) {
    TIFF* tif = TIFFOpen(path.c_str(), "w");
    if (tif == nullptr)
        throw std::runtime_error("cannot write " + path.string());
    for (const auto& page : pages) {
        TIFFSetField(tif, TIFFTAG_IMAGEWIDTH, static_cast<std::uint32_t>(page.width));
        TIFFSetField(tif, TIFFTAG_IMAGELENGTH, static_cast<std::uint32_t>(page.height));
        TIFFSetField(tif, TIFFTAG_SAMPLESPERPIXEL, 3);
        TIFFSetField(tif, TIFFTAG_BITSPERSAMPLE, 8);
        TIFFSetField(tif, TIFFTAG_PHOTOMETRIC, PHOTOMETRIC_RGB);
        TIFFSetField(tif, TIFFTAG_PLANARCONFIG, PLANARCONFIG_CONTIG);
        TIFFSetField(tif, TIFFTAG_COMPRESSION, COMPRESSION_LZW);
        TIFFSetField(tif, TIFFTAG_ORIENTATION, static_cast<std::uint16_t>(orientation));
        TIFFSetField(tif, TIFFTAG_ROWSPERSTRIP, 16);
        TIFFSetField(tif, TIFFTAG_XRESOLUTION, 200.0f);
        TIFFSetField(tif, TIFFTAG_YRESOLUTION, 200.0f);
        TIFFSetField(tif, TIFFTAG_RESOLUTIONUNIT, RESUNIT_INCH);
        std::vector<std::uint8_t> row(static_cast<std::size_t>(page.width) * 3);
        for (int y = 0; y < page.height; ++y) {
            for (int x = 0; x < page.width; ++x)
                std::memcpy(row.data() + x * 3, page.row(y) + static_cast<std::size_t>(x) * 4, 3);
            TIFFWriteScanline(tif, row.data(), static_cast<std::uint32_t>(y), 0);
        }
        TIFFWriteDirectory(tif);
    }
    TIFFClose(tif);
}

std::vector<std::uint8_t> encode_webp(const Bitmap& image) {
    std::uint8_t* out = nullptr;
    const std::size_t size =
        WebPEncodeRGBA(image.rgba.data(), image.width, image.height, image.width * 4, 90, &out);
    if (size == 0)
        throw std::runtime_error("WebP encoding failed");
    std::vector<std::uint8_t> bytes(out, out + size);
    WebPFree(out);
    return bytes;
}

void write_bytes(const fs::path& path, const std::vector<std::uint8_t>& bytes) {
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    if (!out)
        throw std::runtime_error("cannot write " + path.string());
}

std::vector<std::uint8_t> read_bytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

int run(const std::string& command) {
    const int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

void encrypt_pdf(const fs::path& in, const fs::path& out, const std::string& user_password) {
    const std::string cmd = "qpdf --encrypt '" + user_password + "' 'owner-" + user_password + "' 256 -- '" +
                            in.string() + "' '" + out.string() + "'";
    if (run(cmd) != 0)
        throw std::runtime_error("qpdf failed: " + cmd);
}

void rotate_pdf_pages(const fs::path& in, const fs::path& out, const std::string& spec) {
    const std::string cmd = "qpdf '" + in.string() + "' --rotate=" + spec + " -- '" + out.string() + "'";
    if (run(cmd) != 0)
        throw std::runtime_error("qpdf failed: " + cmd);
}

Bitmap pdftoppm_page(const fs::path& pdf, int page, int dpi, const fs::path& work_dir,
                     const std::string& password) {
    const fs::path prefix = work_dir / ("ref-" + std::to_string(page) + "-" + std::to_string(dpi));
    std::string cmd = "pdftoppm -r " + std::to_string(dpi) + " -f " + std::to_string(page) + " -l " +
                      std::to_string(page) + " -singlefile -png ";
    if (!password.empty())
        cmd += "-upw '" + password + "' ";
    cmd += "'" + pdf.string() + "' '" + prefix.string() + "'";
    if (run(cmd) != 0)
        throw std::runtime_error("pdftoppm failed: " + cmd);
    return read_png(prefix.string() + ".png");
}

PixelDiff compare(const Bitmap& a, const Bitmap& b, int threshold) {
    PixelDiff d;
    d.same_size = a.width == b.width && a.height == b.height;
    if (!d.same_size || a.rgba.empty())
        return d;
    std::uint64_t sum = 0, over = 0;
    for (std::size_t i = 0; i < a.rgba.size(); i += 4) {
        int worst = 0;
        for (std::size_t c = 0; c < 3; ++c) {
            const int diff = std::abs(int(a.rgba[i + c]) - int(b.rgba[i + c]));
            sum += static_cast<std::uint64_t>(diff);
            worst = std::max(worst, diff);
        }
        if (worst > threshold)
            ++over;
    }
    const double pixels = static_cast<double>(a.rgba.size() / 4);
    d.mean_abs = static_cast<double>(sum) / (pixels * 3);
    d.share_over = static_cast<double>(over) / pixels;
    return d;
}

Rgb average(const Bitmap& b, const PixelRect& area) {
    const PixelRect a = intersect(area, {0, 0, b.width, b.height});
    Rgb out;
    if (a.empty())
        return out;
    for (int y = a.y; y < a.y + a.height; ++y) {
        const std::uint8_t* p = b.row(y) + static_cast<std::size_t>(a.x) * 4;
        for (int x = 0; x < a.width; ++x, p += 4) {
            out.r += p[0];
            out.g += p[1];
            out.b += p[2];
        }
    }
    const double n = static_cast<double>(a.width) * a.height;
    out.r /= n;
    out.g /= n;
    out.b /= n;
    return out;
}

std::uint64_t checksum(const Bitmap& b) {
    std::uint64_t h = 1469598103934665603ull;
    for (std::uint8_t v : b.rgba)
        h = (h ^ v) * 1099511628211ull;
    return h ^ (static_cast<std::uint64_t>(b.width) << 32 | static_cast<std::uint32_t>(b.height));
}

std::vector<std::string> first_page_set() {
    return {"scan-a.pdf", "scan-b.pdf", "scan-c.pdf", "text-a.pdf", "text-b.pdf", "text-c.pdf"};
}

void write_first_page_set(const fs::path& dir) {
    write_scanned_pdf(dir / "scan-a.pdf", 3, 200, 11);
    write_scanned_pdf(dir / "scan-b.pdf", 3, 300, 12);
    write_scanned_pdf(dir / "scan-c.pdf", 3, 150, 13);
    std::vector<TextPage> pages(12);
    for (auto& p : pages)
        for (int i = 0; i < 30; ++i)
            p.lines.push_back("Line " + std::to_string(i) +
                              " of the certificate text, with numbers 1234567890");
    write_text_pdf(dir / "text-a.pdf", pages);
    write_text_pdf(dir / "text-b.pdf", std::vector<TextPage>(40));
    write_text_pdf(dir / "text-c.pdf", {TextPage{842, 595, {"Landscape certificate"}}});
}

}  // namespace jaanch::viewer::fixtures
