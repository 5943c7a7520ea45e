// The layout of a hub data folder and the objects a running hub opens from it.
//
//   DATA/hub.sqlite      the database (WAL: also hub.sqlite-wal, hub.sqlite-shm)
//   DATA/documents/      content-addressed document files (storage/document_store.h)
//   DATA/trust/          trust anchors for decision signatures (CA certificates, PEM or DER)
//   DATA/crl/            CRLs, one per CA (signature/crl_store.h): a signer whose CA has none is refused
//   DATA/demo/           demo-seed's test PKI and officers' PKCS#12 files
//   DATA/demo-officers.json   demo-seed's list of officers and their passwords (demo data only)
//   DATA/settings.json   the folder's settings: {"aadhaar_key_file": PATH}, the Aadhaar vault key's file
//
// The vault key itself is never inside DATA (storage/vault_key_file.h). `init` and `demo-seed` make one when
// none is given: DATA's sibling `DATA.vault-key` (e.g. /srv/hub/data → /srv/hub/data.vault-key), so copying
// the data folder carries no key; production hubs give --vault-key on another volume.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "hub/storage/document_store.h"
#include "hub/storage/sqlite_storage.h"
#include "hub/storage/vault_key_file.h"

namespace jaanch::hub {

struct DataPaths {
    std::filesystem::path root;
    std::filesystem::path database() const { return root / "hub.sqlite"; }
    std::filesystem::path documents() const { return root / "documents"; }
    std::filesystem::path trust() const { return root / "trust"; }
    std::filesystem::path crl() const { return root / "crl"; }
    std::filesystem::path demo() const { return root / "demo"; }
    std::filesystem::path settings() const { return root / "settings.json"; }
    std::filesystem::path default_vault_key() const;  // DATA.vault-key, beside the folder
};

// Creates the folder layout and the database; fails (jaanch::Error) when DATA already holds a hub database.
// The vault key is `vault_key` (made when missing), or default_vault_key() when empty; its path is recorded.
void init_data(const DataPaths& paths, int kdf_iterations, const std::filesystem::path& vault_key = {});

// The vault key file of the folder: `given` (a --vault-key option) when not empty, else the one recorded in
// DATA/settings.json. Throws VaultKeyError saying how to make one when neither names a file.
std::filesystem::path vault_key_file(const DataPaths& paths, const std::filesystem::path& given = {});

// Records `file` (absolute) as the folder's vault key in DATA/settings.json.
void record_vault_key(const DataPaths& paths, const std::filesystem::path& file);

// Opens an existing data folder's database with its vault key (vault_key_file), sealing what an older hub
// left plain; throws StorageError naming `jaanch-hub init` when there is none, VaultKeyError for a key that
// is missing or may be read by others.
std::unique_ptr<SqliteStorage> open_storage(const DataPaths& paths,
                                            const std::filesystem::path& vault_key = {});

std::vector<std::filesystem::path> crl_files(const DataPaths& paths);

// The DER bytes of a certificate file in PEM or DER form; throws jaanch::Error when it holds no certificate.
std::string read_certificate_der(const std::filesystem::path& file);

}  // namespace jaanch::hub
