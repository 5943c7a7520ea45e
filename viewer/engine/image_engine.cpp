#include "viewer/engine/image_engine.h"

#include <list>
#include <mutex>

#include "viewer/engine/image_decoders.h"
#include "viewer/engine/resample.h"

namespace jaanch::viewer {

struct ImageEngine::Shared {
    SharedBytes bytes;
    std::string format;
    EngineLimits limits;
    std::vector<ImageInfo> pages;

    std::mutex mutex;                                                  // guards `decoded` only
    std::list<std::pair<int, std::shared_ptr<const Bitmap>>> decoded;  // most recent first

    std::shared_ptr<const Bitmap> pixels(int page) {
        {
            std::lock_guard lock(mutex);
            for (auto it = decoded.begin(); it != decoded.end(); ++it) {
                if (it->first != page)
                    continue;
                decoded.splice(decoded.begin(), decoded, it);
                return it->second;
            }
        }
        // Decoded outside the lock: two threads may decode the same page once, but never wait on each other.
        auto bitmap = std::make_shared<const Bitmap>(decode_image(format, *bytes, page, limits));
        std::lock_guard lock(mutex);
        decoded.emplace_front(page, bitmap);
        while (decoded.size() > 2)
            decoded.pop_back();
        return bitmap;
    }
};

namespace {

double effective_dpi(double dpi) {
    return dpi >= 100 && dpi <= 1200 ? dpi : 150.0;
}

}  // namespace

std::unique_ptr<ImageEngine> ImageEngine::open(SharedBytes bytes, std::string_view format,
                                               const EngineLimits& limits) {
    if (!bytes || bytes->empty())
        throw DocumentError("The image file is empty (0 bytes); ask for the file again.");
    if (bytes->size() > limits.max_file_bytes)
        throw LimitError("The image file is " + std::to_string(bytes->size() >> 20) +
                         " MiB, more than the viewer's limit of " +
                         std::to_string(limits.max_file_bytes >> 20) + " MiB.");
    auto shared = std::make_shared<Shared>();
    shared->bytes = std::move(bytes);
    shared->format = std::string(format);
    shared->limits = limits;
    const int n = image_page_count(format, *shared->bytes, limits);
    for (int i = 0; i < n; ++i)
        shared->pages.push_back(probe_image(format, *shared->bytes, i, limits));
    return std::unique_ptr<ImageEngine>(new ImageEngine(std::move(shared)));
}

std::string_view ImageEngine::format() const {
    return shared_->format;
}

int ImageEngine::page_count() const {
    return static_cast<int>(shared_->pages.size());
}

SizeF ImageEngine::page_size(int page) {
    check_page(page);
    const ImageInfo& info = shared_->pages[static_cast<std::size_t>(page)];
    const PixelSize px = info.upright();
    const double k = 72.0 / effective_dpi(info.dpi);
    return {px.width * k, px.height * k};
}

Bitmap ImageEngine::render(const RenderRequest& req) {
    check_page(req.page);
    if (!(req.scale > 0) || req.scale > 100)
        throw DocumentError("A render scale of " + std::to_string(req.scale) +
                            " is outside what the viewer allows.");
    const PixelSize full = device_size(page_size(req.page), req.scale, req.rotation);
    const PixelRect area = req.region ? intersect(*req.region, {0, 0, full.width, full.height})
                                      : PixelRect{0, 0, full.width, full.height};
    if (area.empty())
        throw DocumentError("The region asked for lies outside page " + std::to_string(req.page + 1) + ".");
    if (static_cast<std::uint64_t>(area.width) * static_cast<std::uint64_t>(area.height) >
        shared_->limits.max_render_pixels)
        throw LimitError("Rendering this image at this zoom would need " + std::to_string(area.width) +
                         " x " + std::to_string(area.height) +
                         " pixels at once, more than the viewer's limit; render it in tiles.");
    const std::shared_ptr<const Bitmap> pixels = shared_->pixels(req.page);
    const PixelSize unrotated = device_size(page_size(req.page), req.scale, Rotation::r0);
    const Bitmap part = resample_region(*pixels, unrotated, unrotate_region(area, unrotated, req.rotation));
    return rotate(part, req.rotation);
}

std::vector<TextBox> ImageEngine::text_boxes(int page) {
    check_page(page);
    return {};
}

std::unique_ptr<DocumentEngine> ImageEngine::clone() const {
    return std::unique_ptr<ImageEngine>(new ImageEngine(shared_));
}

}  // namespace jaanch::viewer
