// ImageEngine: a JPEG, PNG, TIFF (each directory a page) or WebP upload as a document.
//
// Page size: pixels at the DPI the file states when it is plausible for a scan (100–1200), else at 150 DPI
// (phone photos claim 72 DPI, which would make a photo a metre wide). EXIF/TIFF orientation is honoured.
// Decoded pages are shared between clones (immutable, reference-counted) and kept for the two most recently
// used pages, so several render threads do not each decode a 12-megapixel photo.
#pragma once

#include <memory>
#include <string>

#include "viewer/engine/document_engine.h"

namespace jaanch::viewer {

class ImageEngine : public DocumentEngine {
  public:
    // Reads the headers of every page (not the pixels). Throws DocumentError / LimitError.
    static std::unique_ptr<ImageEngine> open(SharedBytes bytes, std::string_view format,
                                             const EngineLimits& limits = {});

    std::string_view format() const override;
    int page_count() const override;
    SizeF page_size(int page) override;
    Bitmap render(const RenderRequest& request) override;
    std::vector<TextBox> text_boxes(int page) override;
    std::unique_ptr<DocumentEngine> clone() const override;

    struct Shared;  // bytes, page headers and decoded pages, shared by clones

  private:
    explicit ImageEngine(std::shared_ptr<Shared> shared) : shared_(std::move(shared)) {}
    std::shared_ptr<Shared> shared_;
};

}  // namespace jaanch::viewer
