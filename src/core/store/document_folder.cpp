#include "store/document_folder.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "model/document_ref.h"
#include "store/sqlite_database.h"
#include "util/sha256.h"

namespace jaanch::store {
namespace {

[[noreturn]] void fail_io(const std::string& doing, const std::filesystem::path& path, int err) {
    if (err == ENOSPC || err == EDQUOT)
        throw DiskFullError("The disk is full while " + doing + " " + path.string() +
                            ". Nothing was lost: free some space and try again.");
    throw StoreError("Cannot " + doing + " " + path.string() + ": " + std::strerror(err));
}

void fsync_path(const std::filesystem::path& path, int flags) {
    const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
    if (fd < 0)
        fail_io("open", path, errno);
    const int rc = ::fsync(fd);
    const int err = errno;
    ::close(fd);
    if (rc != 0)
        fail_io("flush to disk", path, err);
}

void check_name(const std::string& sha256) {
    // The name becomes a path: only a real SHA-256 may, so no input can climb out of the folder.
    if (!model::is_sha256_hex(sha256))
        throw StoreError("Not a SHA-256 document name: \"" + sha256 + "\"");
}

}  // namespace

void write_file_durably(const std::filesystem::path& path, std::string_view bytes) {
    const auto temp = path.parent_path() / (path.filename().string() + ".tmp" + std::to_string(::getpid()));
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        fail_io("create", temp, errno);
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            const int err = errno;
            ::close(fd);
            ::unlink(temp.c_str());
            fail_io("write", temp, err);
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0) {
        const int err = errno;
        ::close(fd);
        ::unlink(temp.c_str());
        fail_io("flush to disk", temp, err);
    }
    ::close(fd);
    if (::rename(temp.c_str(), path.c_str()) != 0) {
        const int err = errno;
        ::unlink(temp.c_str());
        fail_io("rename into", path, err);
    }
    fsync_path(path.parent_path(), O_RDONLY | O_DIRECTORY);
}

DocumentFolder::DocumentFolder(std::filesystem::path root) : root_(std::move(root)) {
    std::error_code ec;
    std::filesystem::create_directories(root_ / "partial", ec);
    if (ec)
        throw StoreError("Cannot create the document folder " + root_.string() + ": " + ec.message());
}

std::filesystem::path DocumentFolder::path_of(const std::string& sha256) const {
    check_name(sha256);
    return root_ / sha256.substr(0, 2) / sha256;
}

std::filesystem::path DocumentFolder::partial_path(const std::string& sha256) const {
    check_name(sha256);
    return root_ / "partial" / (sha256 + ".part");
}

bool DocumentFolder::has(const std::string& sha256) const {
    std::error_code ec;
    return std::filesystem::is_regular_file(path_of(sha256), ec);
}

std::uint64_t DocumentFolder::partial_size(const std::string& sha256) const {
    std::error_code ec;
    const auto size = std::filesystem::file_size(partial_path(sha256), ec);
    return ec ? 0 : size;
}

bool DocumentFolder::complete_partial(const std::string& sha256) {
    const auto partial = partial_path(sha256);
    if (sha256_file(partial) != sha256) {
        std::error_code ec;
        std::filesystem::remove(partial, ec);
        return false;
    }
    fsync_path(partial, O_RDONLY);
    const auto target = path_of(sha256);
    std::error_code ec;
    std::filesystem::create_directories(target.parent_path(), ec);
    if (::rename(partial.c_str(), target.c_str()) != 0)
        fail_io("rename into", target, errno);
    fsync_path(target.parent_path(), O_RDONLY | O_DIRECTORY);
    return true;
}

void DocumentFolder::put(std::string_view bytes, const std::string& sha256) {
    const std::string actual = sha256_hex(bytes);
    if (actual != sha256)
        throw StoreError("Document bytes do not match their name: expected SHA-256 " + sha256 + ", got " +
                         actual);
    const auto target = path_of(sha256);
    std::error_code ec;
    std::filesystem::create_directories(target.parent_path(), ec);
    write_file_durably(target, bytes);
}

std::string DocumentFolder::read(const std::string& sha256) const {
    std::ifstream in(path_of(sha256), std::ios::binary);
    if (!in)
        throw StoreError("Document " + sha256 + " is not in the workspace yet; sync to download it.");
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

void DocumentFolder::remove(const std::string& sha256) {
    std::error_code ec;
    std::filesystem::remove(path_of(sha256), ec);
}

}  // namespace jaanch::store
