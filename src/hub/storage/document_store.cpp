#include "hub/storage/document_store.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fstream>

#include "hub/util/crypto_util.h"
#include "model/document_ref.h"
#include "util/error.h"

namespace jaanch::hub {
namespace {

[[noreturn]] void fail(const std::string& what, const std::filesystem::path& path) {
    throw Error("The hub could not " + what + " " + path.string() + ": " + std::strerror(errno) +
                ". Check free space and the data folder's permissions.");
}

void fsync_path(const std::filesystem::path& path, int flags) {
    const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
    if (fd < 0)
        fail("open", path);
    if (::fsync(fd) != 0) {
        ::close(fd);
        fail("flush to disk", path);
    }
    ::close(fd);
}

std::atomic<std::uint64_t> temp_counter{0};

}  // namespace

DocumentStore::DocumentStore(std::filesystem::path dir) : dir_(std::move(dir)) {
    std::filesystem::create_directories(dir_ / "tmp");
    for (const auto& entry : std::filesystem::directory_iterator(dir_ / "tmp"))
        std::filesystem::remove(entry.path());
}

std::filesystem::path DocumentStore::path_of(const std::string& sha256) const {
    return dir_ / sha256.substr(0, 2) / sha256.substr(2);
}

std::string DocumentStore::put(std::string_view bytes) {
    const std::string sha = sha256_hex(bytes);
    const auto target = path_of(sha);
    if (std::filesystem::exists(target))
        return sha;
    const auto temp =
        dir_ / "tmp" / (sha + "." + std::to_string(::getpid()) + "." + std::to_string(temp_counter++));
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0640);
    if (fd < 0)
        fail("create", temp);
    std::size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            ::close(fd);
            fail("write", temp);
        }
        written += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0) {
        ::close(fd);
        fail("flush to disk", temp);
    }
    ::close(fd);
    std::filesystem::create_directories(target.parent_path());
    if (::rename(temp.c_str(), target.c_str()) != 0)
        fail("move into place", target);
    fsync_path(target.parent_path(), O_RDONLY | O_DIRECTORY);
    return sha;
}

bool DocumentStore::contains(const std::string& sha256) const {
    return model::is_sha256_hex(sha256) && std::filesystem::exists(path_of(sha256));
}

std::optional<std::uint64_t> DocumentStore::size(const std::string& sha256) const {
    if (!contains(sha256))
        return std::nullopt;
    return std::filesystem::file_size(path_of(sha256));
}

std::string DocumentStore::read(const std::string& sha256, std::uint64_t offset, std::uint64_t length) const {
    const auto path = path_of(sha256);
    std::ifstream in(path, std::ios::binary);
    if (!in)
        fail("open", path);
    in.seekg(static_cast<std::streamoff>(offset));
    std::string out(length, '\0');
    in.read(out.data(), static_cast<std::streamsize>(length));
    out.resize(static_cast<std::size_t>(in.gcount()));
    return out;
}

}  // namespace jaanch::hub
