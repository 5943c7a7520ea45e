#include "viewer/render/pixel_cache.h"

namespace jaanch::viewer::render {

std::shared_ptr<const Bitmap> PixelCache::find(const TileKey& key) {
    std::lock_guard lock(mutex_);
    auto it = index_.find(key);
    if (it == index_.end())
        return nullptr;
    lru_.splice(lru_.begin(), lru_, it->second);
    return it->second->second;
}

void PixelCache::put(const TileKey& key, std::shared_ptr<const Bitmap> bitmap) {
    const std::size_t size = bitmap->bytes();
    std::lock_guard lock(mutex_);
    if (size > max_bytes_)
        return;  // larger than the whole cache: hand it out, keep nothing
    if (auto it = index_.find(key); it != index_.end()) {
        bytes_ -= it->second->second->bytes();
        lru_.erase(it->second);
        index_.erase(it);
    }
    lru_.emplace_front(key, std::move(bitmap));
    index_[key] = lru_.begin();
    bytes_ += size;
    while (bytes_ > max_bytes_) {
        auto& [old_key, old] = lru_.back();
        bytes_ -= old->bytes();
        index_.erase(old_key);
        lru_.pop_back();
    }
}

void PixelCache::erase_document(DocumentId document) {
    std::lock_guard lock(mutex_);
    for (auto it = lru_.begin(); it != lru_.end();) {
        if (it->first.document != document) {
            ++it;
            continue;
        }
        bytes_ -= it->second->bytes();
        index_.erase(it->first);
        it = lru_.erase(it);
    }
}

std::size_t PixelCache::bytes() const {
    std::lock_guard lock(mutex_);
    return bytes_;
}

std::size_t PixelCache::size() const {
    std::lock_guard lock(mutex_);
    return index_.size();
}

}  // namespace jaanch::viewer::render
