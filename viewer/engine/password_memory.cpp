#include "viewer/engine/password_memory.h"

namespace jaanch::viewer {

std::optional<std::string> InMemoryPasswordMemory::recall(const std::string& key) {
    std::lock_guard lock(mutex_);
    auto it = passwords_.find(key);
    if (it == passwords_.end())
        return std::nullopt;
    return it->second;
}

void InMemoryPasswordMemory::remember(const std::string& key, const std::string& password) {
    std::lock_guard lock(mutex_);
    passwords_[key] = password;
}

}  // namespace jaanch::viewer
