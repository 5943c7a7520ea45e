#include "hub/storage/vault_key_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <openssl/crypto.h>

namespace jaanch::hub {
namespace {

constexpr std::size_t kKeySize = 32;

std::string mode_text(mode_t mode) {
    char text[8];
    std::snprintf(text, sizeof text, "%04o", static_cast<unsigned>(mode & 07777));
    return text;
}

void refuse_inside(const std::filesystem::path& file, const std::filesystem::path& data_root) {
    if (!data_root.empty() && is_inside(file, data_root))
        throw VaultKeyError("The Aadhaar key " + file.string() + " lies inside the data folder " +
                            data_root.string() +
                            ", so a copy or backup of the folder would carry the key with the numbers it "
                            "protects. Keep it elsewhere (another disk, /etc/jaanch-hub/) and give its path "
                            "with --vault-key.");
}

}  // namespace

bool is_inside(const std::filesystem::path& file, const std::filesystem::path& root) {
    const auto f = std::filesystem::weakly_canonical(std::filesystem::absolute(file));
    const auto r = std::filesystem::weakly_canonical(std::filesystem::absolute(root));
    auto fi = f.begin();
    for (auto ri = r.begin(); ri != r.end(); ++ri, ++fi) {
        if (ri->empty())
            continue;  // the trailing "" of a path ending in a separator
        if (fi == f.end() || *fi != *ri)
            return false;
    }
    return true;
}

crypto::Bytes read_vault_key_file(const std::filesystem::path& file, const std::filesystem::path& data_root) {
    refuse_inside(file, data_root);
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) {
        if (errno == ENOENT)
            throw VaultKeyError(
                "The hub's Aadhaar key " + file.string() +
                " does not exist. Without it the sealed Aadhaar numbers cannot be read: restore the file "
                "from your key backup. A data folder that never had a key (made by an older jaanch-hub) "
                "gets one with `jaanch-hub vault-key create FILE --data DIR`, FILE outside DIR.");
        throw VaultKeyError("Cannot read the hub's Aadhaar key " + file.string() + ": " +
                            std::strerror(errno) +
                            ". It must be a regular file (not a link) readable by the hub's user.");
    }
    struct stat st {};
    crypto::Bytes key(kKeySize + 1);
    const bool stat_ok = ::fstat(fd, &st) == 0;
    const ssize_t n = stat_ok && S_ISREG(st.st_mode) ? ::read(fd, key.data(), key.size()) : -1;
    ::close(fd);
    if (!stat_ok || !S_ISREG(st.st_mode))
        throw VaultKeyError("The hub's Aadhaar key " + file.string() + " is not a regular file.");
    if ((st.st_mode & 077) != 0) {
        OPENSSL_cleanse(key.data(), key.size());
        throw VaultKeyError("The hub's Aadhaar key " + file.string() + " has mode " + mode_text(st.st_mode) +
                            ": group or other users may read or change it, so the hub will not use it "
                            "(whoever reads it can read every sealed Aadhaar number). Run `chmod 600 " +
                            file.string() + "`, check that nobody copied it, then start the hub again.");
    }
    if (n != static_cast<ssize_t>(kKeySize)) {
        OPENSSL_cleanse(key.data(), key.size());
        throw VaultKeyError("The hub's Aadhaar key " + file.string() +
                            " is not 32 bytes long; it is damaged or not a key. Restore it from your key "
                            "backup: without it the sealed Aadhaar numbers cannot be read.");
    }
    key.resize(kKeySize);
    return key;
}

void create_vault_key_file(const std::filesystem::path& file, const std::filesystem::path& data_root) {
    refuse_inside(file, data_root);
    const auto folder = std::filesystem::absolute(file).parent_path();
    if (!std::filesystem::exists(folder)) {
        std::error_code ec;
        std::filesystem::create_directories(folder, ec);
        if (ec)
            throw VaultKeyError("Cannot create the folder " + folder.string() +
                                " for the Aadhaar key: " + ec.message() + ".");
        ::chmod(folder.c_str(), 0700);
    }
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) {
        if (errno == EEXIST)
            throw VaultKeyError("The Aadhaar key " + file.string() +
                                " already exists; a key is never overwritten (the numbers sealed under it "
                                "would be lost). Use it as it is, or choose another file.");
        throw VaultKeyError("Cannot create the Aadhaar key " + file.string() + ": " + std::strerror(errno) +
                            ".");
    }
    crypto::Bytes key = crypto::AadhaarVault::random_key();
    const bool written = ::fchmod(fd, 0600) == 0 &&
                         ::write(fd, key.data(), key.size()) == static_cast<ssize_t>(key.size()) &&
                         ::fsync(fd) == 0;
    const int write_errno = errno;
    ::close(fd);
    OPENSSL_cleanse(key.data(), key.size());
    if (!written) {
        ::unlink(file.c_str());
        throw VaultKeyError("Cannot write the Aadhaar key " + file.string() + ": " +
                            std::strerror(write_errno) + ".");
    }
    if (const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
}

}  // namespace jaanch::hub
