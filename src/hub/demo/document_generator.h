// Demo documents made by code, so that no binary sample needs committing: text PDFs (pango shapes Devanagari
// correctly), scanned-style PDFs (pages as noisy, slightly tilted JPEG images, as a scanner or phone
// produces), password-protected PDFs (AES-256 via qpdf, like e-Aadhaar and the Jan Aadhaar e-card), and
// JPEG/PNG photos.
//
// Reusable beyond the hub: the sync and workstation tests link jaanch_hub_demo and call these directly.
// Output is deterministic for a given seed. Thread-safe (no shared state); throws jaanch::Error when cairo,
// libjpeg or qpdf fail.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace jaanch::hub::demo {

struct DocumentPage {
    std::string title;               // large heading, may mix Devanagari and Latin
    std::vector<std::string> lines;  // body lines
};

// A vector PDF (A4), one page per entry, text shaped with pango (Noto fonts).
std::string text_pdf(const std::vector<DocumentPage>& pages);

// A PDF whose pages are JPEG images of the text, grey paper, noise and a small tilt, as scans look.
std::string scanned_pdf(const std::vector<DocumentPage>& pages, std::uint32_t seed);

// `pdf` encrypted with AES-256 (PDF 2.0 security handler R6); opening needs `user_password`.
std::string protect_pdf(const std::string& pdf, const std::string& user_password);

// A synthetic passport-style photograph (a face-like figure on a coloured background) of width × height
// pixels.
std::string photo_jpeg(std::uint32_t seed, int width = 413, int height = 531);
std::string photo_png(std::uint32_t seed, int width = 413, int height = 531);

}  // namespace jaanch::hub::demo
