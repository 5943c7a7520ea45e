// The QR codes in a citizen's document file, found without parsing the file in this process: the file goes
// to the sandboxed jaanch-render helper (viewer/sandbox, docs/sandbox.md), which renders each page at
// checks::kQrRenderDpi — a PDF's pages, and an image at the resolution it states (150 DPI when none), with
// at most 24 million pixels a page — and zxing-cpp looks for codes in the pixels it sends back. The format
// is sniffed from the bytes, never taken from the file name. An encrypted PDF (e-Aadhaar)
// opens with the given passwords, then the password conventions; nobody is asked.
//
// Threads: blocking, any thread; nothing is shared between calls. Errors: jaanch::Error when the file cannot
// be read; viewer::DocumentError (PasswordError, LimitError, sandbox::SandboxFailure) when the document
// cannot be opened or a page rendered; exceptions from `on_code` pass through.
#pragma once

#include <filesystem>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "viewer/engine/password_conventions.h"
#include "viewer/sandbox/isolated_open.h"

namespace jaanch::workstation {

struct QrScanOptions {
    // in_process only for comparison and debugging (jaanch-cli --no-sandbox).
    viewer::sandbox::EngineIsolation isolation = viewer::sandbox::EngineIsolation::sandboxed;
    viewer::sandbox::SandboxOptions sandbox;
    std::vector<std::string> passwords;    // tried first (jaanch-cli --password)
    viewer::ConventionInputs conventions;  // e-Aadhaar: the applicant's name and year of birth
    int max_pages = std::numeric_limits<int>::max();
};

// Calls `on_code` with the text of each QR code, page by page, until it returns false or the pages (up to
// options.max_pages) end. Returns the protection the document was parsed under.
viewer::sandbox::Protection scan_qr_codes(const std::filesystem::path& file, const QrScanOptions& options,
                                          const std::function<bool(std::string text)>& on_code);

struct QrTexts {
    std::vector<std::string> texts;  // every code of every page scanned, in page order
    viewer::sandbox::Protection protection = viewer::sandbox::Protection::none;
};
QrTexts qr_texts_in(const std::filesystem::path& file, const QrScanOptions& options);

}  // namespace jaanch::workstation
