// Content-addressed document files: DIR/ab/cdef… named by the SHA-256 of their bytes.
//
// put() writes to a temporary file in DIR/tmp, fsyncs it, renames it into place and fsyncs the folder, so a
// document is durable before any transaction that refers to it commits; an interrupted put leaves only a temp
// file, removed at the next start. Files are never modified after they are placed. Thread-safe: concurrent
// puts of the same bytes both succeed (rename is atomic and the content is identical).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace jaanch::hub {

class DocumentStore {
  public:
    // Creates DIR (and DIR/tmp) when missing; clears leftovers of interrupted puts.
    explicit DocumentStore(std::filesystem::path dir);

    // Stores `bytes`; returns their SHA-256 (hex). Throws jaanch::Error when the disk refuses.
    std::string put(std::string_view bytes);

    bool contains(const std::string& sha256) const;
    std::optional<std::uint64_t> size(const std::string& sha256) const;
    // The path of a stored document; callers must have checked the name with model::is_sha256_hex.
    std::filesystem::path path_of(const std::string& sha256) const;
    // Reads [offset, offset + length) of a document. Throws jaanch::Error when it is missing or unreadable.
    std::string read(const std::string& sha256, std::uint64_t offset, std::uint64_t length) const;

  private:
    std::filesystem::path dir_;
};

}  // namespace jaanch::hub
