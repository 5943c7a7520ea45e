// SHA-256 through OpenSSL, as lowercase hex: the content address of documents and the link of hash chains.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace jaanch {

std::string sha256_hex(std::string_view bytes);

// Incremental hashing for streams and files.
class Sha256 {
  public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;

    void update(const void* data, std::size_t size);
    std::string hex_digest();  // finishes the hash; the object is spent afterwards

  private:
    struct State;
    State* state_;
};

// Hash of a file's contents. Throws jaanch::Error naming the file when it cannot be read.
std::string sha256_file(const std::filesystem::path& path);

}  // namespace jaanch
