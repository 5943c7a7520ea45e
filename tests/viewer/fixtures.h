// Test documents made by code at run time (no binary fixtures in the repository): text PDFs and "scanned"
// PDFs drawn with cairo, images encoded with libjpeg/libpng/libtiff/libwebp, encryption and page rotation by
// the qpdf command. Shared by viewer_tests, the viewer GUI test and the viewer benchmarks.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "viewer/engine/geometry.h"

namespace jaanch::viewer::fixtures {

namespace fs = std::filesystem;

// A fresh folder under the system temp dir, removed when the object dies.
class TempDir {
  public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const fs::path& path() const { return path_; }
    fs::path operator/(const std::string& name) const { return path_ / name; }

  private:
    fs::path path_;
};

// One page of a text PDF: its size in points and the words drawn on it. Every page also carries a red block
// at (50, 50, 100, 60) and a blue block 40 pt from the bottom-right corner (for pixel checks), and its
// number.
struct TextPage {
    double width = 595;
    double height = 842;
    std::vector<std::string> lines = {"Jaanch viewer test", "Applicant: SURESH KUMAR"};
};

void write_text_pdf(const fs::path& path, const std::vector<TextPage>& pages);

// A PDF whose pages are each one JPEG image (as scanners make them) of an A4 sheet at `dpi` with some
// typewritten lines and paper grain. `seed` varies the content.
void write_scanned_pdf(const fs::path& path, int pages, int dpi, unsigned seed = 1);
// The benchmarks' first-page documents (viewer and sandbox): three scanned PDFs at 150–300 DPI and three text
// PDFs of 1–40 pages, written into `dir`; first_page_set() names them.
void write_first_page_set(const fs::path& dir);
std::vector<std::string> first_page_set();

// A test picture: gradient, a red block in the top-left quarter and a blue one bottom-right.
Bitmap test_picture(int width, int height);

std::vector<std::uint8_t> encode_jpeg(const Bitmap& image, int quality, int exif_orientation = 0,
                                      int dpi = 0);
std::vector<std::uint8_t> encode_png(const Bitmap& image);
void write_tiff(const fs::path& path, const std::vector<Bitmap>& pages, int orientation = 1);
std::vector<std::uint8_t> encode_webp(const Bitmap& image);
void write_bytes(const fs::path& path, const std::vector<std::uint8_t>& bytes);
std::vector<std::uint8_t> read_bytes(const fs::path& path);

// Runs a shell command; returns its exit status. Output goes to the test log.
int run(const std::string& command);
// qpdf --encrypt USER OWNER 256 (AES-256) and qpdf --rotate; throw on failure.
void encrypt_pdf(const fs::path& in, const fs::path& out, const std::string& user_password);
void rotate_pdf_pages(const fs::path& in, const fs::path& out, const std::string& spec);  // e.g. "+90:2"
// pdftoppm -r DPI -f P -l P -png FILE → the rendered page.
Bitmap pdftoppm_page(const fs::path& pdf, int page_1based, int dpi, const fs::path& work_dir,
                     const std::string& password = "");

struct PixelDiff {
    double mean_abs = 0;    // mean absolute difference per channel (0–255)
    double share_over = 0;  // share of pixels with any channel differing by more than `threshold`
    bool same_size = false;
};
PixelDiff compare(const Bitmap& a, const Bitmap& b, int threshold = 48);

// Average RGB of a rectangle of a bitmap.
struct Rgb {
    double r = 0, g = 0, b = 0;
};
Rgb average(const Bitmap& b, const PixelRect& area);

// FNV-1a over the pixels: a checksum for stability tests.
std::uint64_t checksum(const Bitmap& b);

}  // namespace jaanch::viewer::fixtures
