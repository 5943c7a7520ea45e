#include "store/vault_key.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "store/sqlite_database.h"

namespace jaanch::store {
namespace {

constexpr std::size_t kKeySize = 32;

std::filesystem::path default_key_dir() {
    if (const char* dir = std::getenv("JAANCH_KEY_DIR"); dir != nullptr && *dir != '\0')
        return dir;
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg != nullptr && *xdg != '\0')
        return std::filesystem::path(xdg) / "jaanch" / "keys";
    if (const char* home = std::getenv("HOME"); home != nullptr && *home != '\0')
        return std::filesystem::path(home) / ".config" / "jaanch" / "keys";
    throw StoreError(
        "Cannot find a place for the workspace's Aadhaar key: none of JAANCH_KEY_DIR, XDG_CONFIG_HOME "
        "and HOME is set. Set JAANCH_KEY_DIR to a private folder outside the workspace.");
}

std::string errno_text() {
    return std::strerror(errno);
}

}  // namespace

std::filesystem::path vault_key_path(const std::string& workspace_id, const std::filesystem::path& key_dir) {
    return (key_dir.empty() ? default_key_dir() : key_dir) / (workspace_id + ".key");
}

std::optional<crypto::Bytes> read_vault_key(const std::filesystem::path& file) {
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT)
            return std::nullopt;
        throw StoreError("Cannot read the Aadhaar key " + file.string() + ": " + errno_text() +
                         ". Check the file's owner and permissions.");
    }
    struct stat st {};
    crypto::Bytes key(kKeySize + 1);
    const bool stat_ok = ::fstat(fd, &st) == 0;
    const ssize_t n = ::read(fd, key.data(), key.size());
    ::close(fd);
    if (!stat_ok || (st.st_mode & 077) != 0)
        throw StoreError("The Aadhaar key " + file.string() +
                         " can be read by other users, so it is not used. Run `chmod 600` on it (and check "
                         "nobody copied it), then open the workspace again.");
    if (n != static_cast<ssize_t>(kKeySize))
        throw StoreError("The Aadhaar key " + file.string() +
                         " is not 32 bytes long; it is damaged. Restore it "
                         "from the backup: without it the workspace's Aadhaar numbers cannot be read.");
    key.resize(kKeySize);
    return key;
}

crypto::Bytes load_or_create_vault_key(const std::filesystem::path& file) {
    if (auto key = read_vault_key(file))
        return *key;
    std::error_code ec;
    std::filesystem::create_directories(file.parent_path(), ec);
    if (ec)
        throw StoreError("Cannot create the key folder " + file.parent_path().string() + ": " + ec.message() +
                         ".");
    ::chmod(file.parent_path().c_str(), 0700);
    const crypto::Bytes key = crypto::AadhaarVault::random_key();
    const std::filesystem::path temp = file.string() + ".tmp." + std::to_string(::getpid()) + "." +
                                       std::to_string(reinterpret_cast<std::uintptr_t>(&key));
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        throw StoreError("Cannot create the Aadhaar key " + file.string() + ": " + errno_text() + ".");
    const bool written =
        ::write(fd, key.data(), key.size()) == static_cast<ssize_t>(key.size()) && ::fsync(fd) == 0;
    ::close(fd);
    if (!written) {
        ::unlink(temp.c_str());
        throw StoreError("Cannot write the Aadhaar key " + file.string() + ": " + errno_text() + ".");
    }
    // link() never replaces: if another thread or process made the key first, theirs wins and is read back.
    const bool linked = ::link(temp.c_str(), file.c_str()) == 0;
    const int link_errno = errno;
    ::unlink(temp.c_str());
    if (!linked && link_errno != EEXIST)
        throw StoreError("Cannot store the Aadhaar key " + file.string() + ": " + std::strerror(link_errno) +
                         ".");
    if (const int dir = ::open(file.parent_path().c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
    if (auto stored = read_vault_key(file))
        return *stored;
    throw StoreError("The Aadhaar key " + file.string() + " vanished just after it was made. Try again.");
}

}  // namespace jaanch::store
