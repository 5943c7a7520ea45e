// An LRU cache of rendered tiles bounded in bytes. Bitmaps are shared and immutable: a tile evicted while a
// widget still draws it stays alive until the widget lets go. Thread-safe (one internal mutex, held only for
// map operations, never while rendering or calling out).
#pragma once

#include <cstddef>
#include <list>
#include <map>
#include <memory>
#include <mutex>

#include "viewer/render/tiles.h"

namespace jaanch::viewer::render {

class PixelCache {
  public:
    explicit PixelCache(std::size_t max_bytes) : max_bytes_(max_bytes) {}

    std::shared_ptr<const Bitmap> find(const TileKey& key);  // marks it most recently used
    void put(const TileKey& key, std::shared_ptr<const Bitmap> bitmap);
    void erase_document(DocumentId document);
    std::size_t bytes() const;
    std::size_t size() const;
    std::size_t max_bytes() const { return max_bytes_; }

  private:
    using Lru = std::list<std::pair<TileKey, std::shared_ptr<const Bitmap>>>;
    const std::size_t max_bytes_;
    mutable std::mutex mutex_;
    Lru lru_;  // most recently used first
    std::map<TileKey, Lru::iterator> index_;
    std::size_t bytes_ = 0;
};

}  // namespace jaanch::viewer::render
