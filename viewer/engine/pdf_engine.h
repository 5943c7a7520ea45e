// PdfEngine: DocumentEngine on poppler-cpp. One poppler::document per instance, opened on shared bytes.
//
// Start-up: call pdf_warm_up() on one thread before any thread renders (the render service does this in its
// constructor). Poppler 22.12 creates its sRGB/XYZ colour profiles lazily without a lock, which corrupts the
// heap when several threads render their first page at once; one page rendered first avoids that race.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "viewer/engine/document_engine.h"

namespace poppler {
class document;
class page;
class page_renderer;
}  // namespace poppler

namespace jaanch::viewer {

// Renders one small built-in page once per process (thread-safe, idempotent) and routes Poppler's own
// diagnostics away from stderr (set JAANCH_POPPLER_DEBUG=1 to see them).
void pdf_warm_up();

class PdfEngine : public DocumentEngine {
  public:
    // Parses the PDF. An encrypted PDF whose user password is not empty opens *locked*: locked() is true and
    // only unlock() may be called. Throws DocumentError for bytes that are not a readable PDF, LimitError for
    // too many pages (checked once unlocked).
    static std::unique_ptr<PdfEngine> open(SharedBytes bytes, const EngineLimits& limits = {});
    ~PdfEngine() override;

    bool locked() const;
    // Tries `password` as the user and the owner password; true when the document is now open.
    bool unlock(const std::string& password);
    // The password that opened the document ("" when none was needed).
    const std::string& password() const { return password_; }

    std::string_view format() const override { return "pdf"; }
    int page_count() const override;
    SizeF page_size(int page) override;
    Bitmap render(const RenderRequest& request) override;
    std::vector<TextBox> text_boxes(int page) override;
    std::unique_ptr<DocumentEngine> clone() const override;

  private:
    PdfEngine(SharedBytes bytes, const EngineLimits& limits);
    void load(const std::string& password);
    void check_unlocked() const;
    poppler::page& page_at(int page);

    SharedBytes bytes_;
    EngineLimits limits_;
    std::string password_;
    std::unique_ptr<poppler::document> doc_;
    std::unique_ptr<poppler::page_renderer> renderer_;
    std::vector<std::unique_ptr<poppler::page>> pages_;  // created on first use
};

}  // namespace jaanch::viewer
