// Remembering, per document, the password that opened it, so an officer types it at most once.
//
// The workstation keeps them in the officer's workspace, keyed by the document's SHA-256
// (workstation/document_memory.h); InMemoryPasswordMemory keeps them for the life of the process.
// Implementations must be thread-safe: documents may be opened from prefetch threads.
#pragma once

#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace jaanch::viewer {

class PasswordMemory {
  public:
    virtual ~PasswordMemory() = default;
    virtual std::optional<std::string> recall(const std::string& document_key) = 0;
    virtual void remember(const std::string& document_key, const std::string& password) = 0;
};

class InMemoryPasswordMemory : public PasswordMemory {
  public:
    std::optional<std::string> recall(const std::string& document_key) override;
    void remember(const std::string& document_key, const std::string& password) override;

  private:
    std::mutex mutex_;
    std::map<std::string, std::string> passwords_;
};

}  // namespace jaanch::viewer
