// The hub's Aadhaar vault key: 32 random bytes in a file of its own, outside the data folder
// (docs/checks.md#the-hubs-vault). Which file is the data folder's setting (hub_data.h); this is how it is
// made and read.
//
// A key file is refused when it is missing, is not a regular file, is not 32 bytes, lies inside the data
// folder, or may be read or written by group or others: anyone who can read it can read every sealed number,
// and anyone who can write it can make the hub seal under a key they know.
//
// Errors: VaultKeyError with the file, what is wrong and what to do. Thread-safe (no shared state).
#pragma once

#include <filesystem>

#include "crypto/aadhaar_vault.h"
#include "util/error.h"

namespace jaanch::hub {

class VaultKeyError : public Error {
  public:
    using Error::Error;
};

// Reads and checks the key of the data folder `data_root`.
crypto::Bytes read_vault_key_file(const std::filesystem::path& file, const std::filesystem::path& data_root);

// Makes a new random key at `file` (mode 0600; its folder is created 0700 when missing). Refuses an existing
// file (a key is never overwritten: the numbers sealed under it would be lost) and a file inside
// `data_root`.
void create_vault_key_file(const std::filesystem::path& file, const std::filesystem::path& data_root);

// Whether `file` lies inside the folder `root` (both resolved as far as they exist).
bool is_inside(const std::filesystem::path& file, const std::filesystem::path& root);

}  // namespace jaanch::hub
