#include "crypto/secure_buffer.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

#include <openssl/crypto.h>

#include "crypto/crypto_error.h"

namespace jaanch::crypto {

SecretString::SecretString(std::string_view text) : data_(new char[text.size() + 1]), size_(text.size()) {
    std::memcpy(data_, text.data(), text.size());
    data_[size_] = '\0';
}

SecretString::~SecretString() {
    clear();
}

SecretString::SecretString(SecretString&& other) noexcept : data_(other.data_), size_(other.size_) {
    other.data_ = nullptr;
    other.size_ = 0;
}

SecretString& SecretString::operator=(SecretString&& other) noexcept {
    if (this != &other) {
        clear();
        data_ = other.data_;
        size_ = other.size_;
        other.data_ = nullptr;
        other.size_ = 0;
    }
    return *this;
}

void SecretString::clear() {
    if (data_ != nullptr) {
        OPENSSL_cleanse(data_, size_ + 1);
        delete[] data_;
    }
    data_ = nullptr;
    size_ = 0;
}

SecretString read_secret_file(const std::filesystem::path& path) {
    struct FileCloser {
        void operator()(std::FILE* f) const { std::fclose(f); }
    };
    std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
    if (!file) {
        throw SigningError(SigningFailure::file_unreadable, "Cannot read the secret file " + path.string() +
                                                                ": " + std::strerror(errno) +
                                                                ". Check the path and its permissions.");
    }
    // A PIN or password longer than this is not a PIN file; reading a fixed buffer keeps every copy wipeable.
    constexpr std::size_t kMax = 1024;
    char buffer[kMax];
    const std::size_t n = std::fread(buffer, 1, kMax, file.get());
    std::size_t end = 0;
    while (end < n && buffer[end] != '\n' && buffer[end] != '\r')
        ++end;
    SecretString secret(std::string_view(buffer, end));
    OPENSSL_cleanse(buffer, kMax);
    if (n == kMax && end == n) {
        throw SigningError(SigningFailure::file_unreadable,
                           "The secret file " + path.string() + " has no line ending within " +
                               std::to_string(kMax) +
                               " bytes; it should hold the PIN or password on one line.");
    }
    return secret;
}

}  // namespace jaanch::crypto
