// DocumentEngine: pixels and text out of one document (a PDF, or an image as a one- or multi-page document).
//
// The interface is deliberately narrow (bytes in; sizes, RGBA pixels, text boxes out) so that an engine can
// run in a separate sandboxed process (viewer/sandbox) behind the same interface. Engines never know
// about widgets, threads, caches or prefetching: the render service (viewer/render) owns all of that.
//
// Threads: one engine instance is used by one thread at a time. clone() is thread-safe (it reads only
// immutable shared state) and gives an independent instance on the same bytes for another thread. Errors:
// every failure is a jaanch::Error subclass below; a broken or hostile file is an error, never a crash.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/error.h"
#include "viewer/engine/geometry.h"

namespace jaanch::viewer {

// The file cannot be read as a document (truncated, corrupt, unsupported format …).
class DocumentError : public Error {
  public:
    using Error::Error;
};

// The PDF is encrypted and no password that opens it was given (or the one given was wrong).
class PasswordError : public DocumentError {
  public:
    using DocumentError::DocumentError;
};

// The file exceeds one of the EngineLimits (too large, too many pixels or pages).
class LimitError : public DocumentError {
  public:
    using DocumentError::DocumentError;
};

// Bounds against hostile or absurd files. Checked at open (file size, page count, decoded image pixels) and
// at render (pixels of one output bitmap). Each breach is a LimitError naming the limit.
struct EngineLimits {
    std::uint64_t max_file_bytes = 200ull << 20;   // 200 MiB
    std::uint64_t max_image_pixels = 120'000'000;  // one decoded image page (a 12000 x 10000 scan)
    std::uint64_t max_render_pixels = 64'000'000;  // one output bitmap (256 MB of RGBA); tile above this
    int max_pages = 5000;
};

// The document's bytes, shared read-only by every engine instance (and thread) working on it.
using Bytes = std::vector<std::uint8_t>;
using SharedBytes = std::shared_ptr<const Bytes>;

// What to render: a page at `scale` device pixels per point, turned clockwise by `rotation` on top of the
// page's own orientation; `region` is a rectangle of the resulting device bitmap (whole page when empty).
struct RenderRequest {
    int page = 0;  // 0-based
    double scale = 1.0;
    Rotation rotation = Rotation::r0;
    std::optional<PixelRect> region;
};

// A run of text (roughly a word) and its box in page points (upright page, origin top-left).
struct TextBox {
    std::string text;  // UTF-8
    RectF box;
    bool space_after = false;
};

class DocumentEngine {
  public:
    virtual ~DocumentEngine() = default;

    // "pdf", "jpeg", "png", "tiff", "webp".
    virtual std::string_view format() const = 0;
    virtual int page_count() const = 0;
    // Size of the upright page in points. Throws DocumentError for a page out of range.
    virtual SizeF page_size(int page) = 0;
    // Throws DocumentError (page out of range, broken page) or LimitError (bitmap too large).
    virtual Bitmap render(const RenderRequest& request) = 0;
    // Text runs of a page in reading order; empty for images (no OCR here).
    virtual std::vector<TextBox> text_boxes(int page) = 0;
    // Boxes (page points) of every case-insensitive occurrence of `query` on the page; a hit spanning
    // several text runs gives one box per run.
    virtual std::vector<RectF> search(int page, std::string_view query);
    // An independent instance on the same bytes (and password) for another thread. Thread-safe.
    virtual std::unique_ptr<DocumentEngine> clone() const = 0;
    // Says that from now on this instance is only cloned (RenderService::add_document calls it): an engine
    // may hand what it holds idle to its clones (the sandboxed engine's helper, which already has the
    // document open). Does nothing by default.
    virtual void become_prototype() {}

  protected:
    void check_page(int page) const;
};

// Which format the bytes look like, from their first bytes; empty when unknown.
std::string_view sniff_format(const Bytes& bytes);

// Reads a whole file, refusing one larger than limits.max_file_bytes. Throws DocumentError / LimitError.
SharedBytes read_file_bytes(const std::string& path, const EngineLimits& limits);

}  // namespace jaanch::viewer
