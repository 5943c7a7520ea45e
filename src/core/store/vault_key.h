// Where a workspace's Aadhaar vault key lives: never beside the data it protects.
//
// One random 32-byte key per workspace, in a file of its own outside the workspace folder:
//   $JAANCH_KEY_DIR/<workspace-id>.key                       when JAANCH_KEY_DIR is set (tests, managed
//   machines) $XDG_CONFIG_HOME/jaanch/keys/<workspace-id>.key          otherwise (~/.config when
//   XDG_CONFIG_HOME is unset)
// The folder is made 0700 and the file 0600; a key file anyone else can read is refused. The workspace id is
// a random name kept in the workspace database, so copying the workspace folder elsewhere carries no key with
// it. (A PKCS#11 token or the desktop keyring would be stronger; the key file keeps the workstation usable on
// machines without either, and the location is one function to change.)
//
// Thread-safety: creating a key is atomic (write a temp file, link it into place; the loser of a race reads
// the winner's key), so two Workspaces on different threads may ask at once. Errors: StoreError.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "crypto/aadhaar_vault.h"

namespace jaanch::store {

// The key file of workspace `workspace_id` under `key_dir`, or under the default folder above when empty.
std::filesystem::path vault_key_path(const std::string& workspace_id,
                                     const std::filesystem::path& key_dir = {});

// Reads the key; nullopt when the file does not exist. Throws StoreError for a file of the wrong size or one
// readable by group or others.
std::optional<crypto::Bytes> read_vault_key(const std::filesystem::path& file);

// Reads the key, or makes a new random one (0600) when there is none.
crypto::Bytes load_or_create_vault_key(const std::filesystem::path& file);

}  // namespace jaanch::store
