// The content-addressed document folder: every downloaded document is a file named by its SHA-256.
//
// Layout: ROOT/ab/abcdef… for complete documents, ROOT/partial/abcdef….part for downloads in progress
// (resumed with HTTP Range). A document counts as complete only after its bytes hash to its name; it is
// fsynced and renamed into place, so a crash never leaves a wrong file under a right name. Thread-safety:
// distinct documents may be written from different threads; one document by one thread.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace jaanch::store {

class DocumentFolder {
  public:
    explicit DocumentFolder(std::filesystem::path root);  // creates the folders; throws StoreError

    std::filesystem::path path_of(const std::string& sha256) const;
    std::filesystem::path partial_path(const std::string& sha256) const;
    bool has(const std::string& sha256) const;
    std::uint64_t partial_size(const std::string& sha256) const;  // 0 when there is no partial file

    // Verifies the partial file. On a match it is fsynced and renamed into place: true. On a mismatch it is
    // deleted (the next fetch starts over): false.
    bool complete_partial(const std::string& sha256);

    // Stores bytes that must hash to sha256 (throws StoreError if not) durably: temp file, fsync, rename.
    // A full disk throws DiskFullError and leaves nothing behind.
    void put(std::string_view bytes, const std::string& sha256);

    std::string read(const std::string& sha256) const;  // throws StoreError when missing
    void remove(const std::string& sha256);

  private:
    std::filesystem::path root_;
};

// Writes a file so that after return it is on disk under its final name, or absent: write to a temp file
// beside it, fsync, rename, fsync the folder. Throws DiskFullError on ENOSPC, StoreError otherwise.
void write_file_durably(const std::filesystem::path& path, std::string_view bytes);

}  // namespace jaanch::store
