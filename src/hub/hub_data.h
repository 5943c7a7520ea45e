// The layout of a hub data folder and the objects a running hub opens from it.
//
//   DATA/hub.sqlite      the database (WAL: also hub.sqlite-wal, hub.sqlite-shm)
//   DATA/documents/      content-addressed document files (storage/document_store.h)
//   DATA/trust/          trust anchors for decision signatures (CA certificates, PEM or DER)
//   DATA/crl/            CRLs, one per CA (signature/crl_store.h): a signer whose CA has none is refused
//   DATA/demo/           demo-seed's test PKI and officers' PKCS#12 files
//   DATA/demo-officers.json   demo-seed's list of officers and their passwords (demo data only)
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "hub/storage/document_store.h"
#include "hub/storage/sqlite_storage.h"

namespace jaanch::hub {

struct DataPaths {
    std::filesystem::path root;
    std::filesystem::path database() const { return root / "hub.sqlite"; }
    std::filesystem::path documents() const { return root / "documents"; }
    std::filesystem::path trust() const { return root / "trust"; }
    std::filesystem::path crl() const { return root / "crl"; }
    std::filesystem::path demo() const { return root / "demo"; }
};

// Creates the folder layout and the database; fails (jaanch::Error) when DATA already holds a hub database.
void init_data(const DataPaths& paths, int kdf_iterations);

// Opens an existing data folder's database; throws StorageError naming `jaanch-hub init` when there is none.
std::unique_ptr<SqliteStorage> open_storage(const DataPaths& paths);

std::vector<std::filesystem::path> crl_files(const DataPaths& paths);

// The DER bytes of a certificate file in PEM or DER form; throws jaanch::Error when it holds no certificate.
std::string read_certificate_der(const std::filesystem::path& file);

}  // namespace jaanch::hub
