#include "util/sha256.h"

#include <openssl/evp.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "util/error.h"

namespace jaanch {

struct Sha256::State {
    EVP_MD_CTX* ctx = nullptr;
};

Sha256::Sha256() : state_(new State) {
    state_->ctx = EVP_MD_CTX_new();
    if (state_->ctx == nullptr || EVP_DigestInit_ex(state_->ctx, EVP_sha256(), nullptr) != 1) {
        EVP_MD_CTX_free(state_->ctx);
        delete state_;
        throw Error("OpenSSL could not start a SHA-256 hash (out of memory?)");
    }
}

Sha256::~Sha256() {
    EVP_MD_CTX_free(state_->ctx);
    delete state_;
}

void Sha256::update(const void* data, std::size_t size) {
    EVP_DigestUpdate(state_->ctx, data, size);
}

std::string Sha256::hex_digest() {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex(state_->ctx, digest, &length);
    static const char* hex = "0123456789abcdef";
    std::string out;
    out.reserve(length * 2);
    for (unsigned int i = 0; i < length; ++i) {
        out += hex[digest[i] >> 4];
        out += hex[digest[i] & 0x0f];
    }
    return out;
}

std::string sha256_hex(std::string_view bytes) {
    Sha256 h;
    h.update(bytes.data(), bytes.size());
    return h.hex_digest();
}

std::string sha256_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error("cannot read " + path.string() + ": " + std::strerror(errno));
    Sha256 h;
    char buffer[1 << 16];
    while (in) {
        in.read(buffer, sizeof buffer);
        h.update(buffer, static_cast<std::size_t>(in.gcount()));
    }
    if (in.bad())
        throw Error("error while reading " + path.string());
    return h.hex_digest();
}

}  // namespace jaanch
