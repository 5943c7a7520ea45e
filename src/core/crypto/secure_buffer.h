// A secret (PIN, password) that is wiped with OPENSSL_cleanse when it dies, and never copied.
//
// The bytes live in one heap block allocated once, so no reallocation leaves a stale copy behind; moving
// transfers the block. c_str() is NUL-terminated for C APIs (PKCS11_login, PKCS12_parse). Not thread-safe;
// one owner at a time.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string_view>

namespace jaanch::crypto {

class SecretString {
  public:
    SecretString() = default;
    explicit SecretString(std::string_view text);
    ~SecretString();
    SecretString(SecretString&& other) noexcept;
    SecretString& operator=(SecretString&& other) noexcept;
    SecretString(const SecretString&) = delete;
    SecretString& operator=(const SecretString&) = delete;

    const char* c_str() const { return data_ ? data_ : ""; }
    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    std::string_view view() const { return {c_str(), size_}; }

    // Wipes and empties now.
    void clear();

  private:
    char* data_ = nullptr;
    std::size_t size_ = 0;
};

// Reads a PIN or password file: the first line, without its line ending. Throws SigningError(file_unreadable)
// when the file cannot be read. The file's bytes pass through a buffer that is wiped too.
SecretString read_secret_file(const std::filesystem::path& path);

}  // namespace jaanch::crypto
