#include "hub/hub_data.h"

#include <openssl/crypto.h>

#include <openssl/pem.h>
#include <openssl/x509.h>

#include <fstream>
#include <sstream>

#include "hub/auth/password.h"

namespace jaanch::hub {

namespace {

json::Json read_settings(const DataPaths& paths) {
    if (!std::filesystem::exists(paths.settings()))
        return json::Json::object();
    std::ifstream in(paths.settings());
    std::ostringstream text;
    text << in.rdbuf();
    auto j = json::parse_text(text.str(), paths.settings().string());
    if (!j.is_object())
        throw Error(paths.settings().string() + " is not a JSON object; restore it from a backup.");
    return j;
}

}  // namespace

std::filesystem::path DataPaths::default_vault_key() const {
    auto folder = std::filesystem::absolute(root).lexically_normal();
    if (folder.filename().empty())
        folder = folder.parent_path();
    return folder.parent_path() / (folder.filename().string() + ".vault-key");
}

std::filesystem::path vault_key_file(const DataPaths& paths, const std::filesystem::path& given) {
    if (!given.empty())
        return given;
    const auto settings = read_settings(paths);
    if (auto it = settings.find("aadhaar_key_file"); it != settings.end() && it->is_string())
        return it->get<std::string>();
    throw VaultKeyError("The data folder " + paths.root.string() +
                        " names no Aadhaar key (it was made by an older jaanch-hub, which kept Aadhaar "
                        "numbers in plain text). Make one outside the folder with `jaanch-hub vault-key "
                        "create FILE --data " +
                        paths.root.string() +
                        "`; the next start seals the numbers already stored. Or give --vault-key FILE.");
}

void record_vault_key(const DataPaths& paths, const std::filesystem::path& file) {
    auto settings = read_settings(paths);
    settings["aadhaar_key_file"] = std::filesystem::absolute(file).lexically_normal().string();
    const auto temp = paths.settings().string() + ".tmp";
    {
        std::ofstream out(temp, std::ios::trunc);
        out << settings.dump(2) << "\n";
        out.flush();
        if (!out)
            throw Error("Cannot write " + temp + "; check the data folder's permissions and free space.");
    }
    std::filesystem::rename(temp, paths.settings());
}

namespace {

// The key file's bytes, wiped once the vault has derived its own keys from them.
struct WipedKey {
    crypto::Bytes bytes;
    ~WipedKey() { OPENSSL_cleanse(bytes.data(), bytes.size()); }
};

}  // namespace

void init_data(const DataPaths& paths, int kdf_iterations, const std::filesystem::path& vault_key) {
    if (std::filesystem::exists(paths.database()))
        throw Error("The folder " + paths.root.string() +
                    " already holds a hub database; choose another folder or "
                    "keep using this one.");
    if (kdf_iterations < kMinimumPbkdf2Iterations)
        throw Error("--kdf-iterations must be at least " + std::to_string(kMinimumPbkdf2Iterations) + ".");
    const auto key_file = vault_key.empty() ? paths.default_vault_key() : vault_key;
    std::filesystem::create_directories(paths.root);
    if (!std::filesystem::exists(key_file))
        create_vault_key_file(key_file, paths.root);
    const WipedKey key{read_vault_key_file(key_file, paths.root)};
    std::filesystem::create_directories(paths.trust());
    std::filesystem::create_directories(paths.crl());
    record_vault_key(paths, key_file);
    DocumentStore documents(paths.documents());
    SqliteStorage storage(paths.database(), true, key.bytes);
    auto txn = storage.begin();
    txn->put_setting("kdf_iterations", std::to_string(kdf_iterations));
    txn->append_audit("admin", "init", paths.root.string(),
                      {{"schema_version", SqliteStorage::schema_version()},
                       {"kdf_iterations", kdf_iterations},
                       {"aadhaar_key_file", std::filesystem::absolute(key_file).lexically_normal().string()}},
                      now_utc());
    txn->commit();
}

std::unique_ptr<SqliteStorage> open_storage(const DataPaths& paths, const std::filesystem::path& vault_key) {
    if (!std::filesystem::exists(paths.database()))
        throw StorageError("There is no hub database at " + paths.database().string() +
                           "; create the data folder first with `jaanch-hub init --data DIR`.");
    const WipedKey key{read_vault_key_file(vault_key_file(paths, vault_key), paths.root)};
    return std::make_unique<SqliteStorage>(paths.database(), false, key.bytes);
}

std::vector<std::filesystem::path> crl_files(const DataPaths& paths) {
    std::vector<std::filesystem::path> out;
    if (!std::filesystem::is_directory(paths.crl()))
        return out;
    for (const auto& entry : std::filesystem::directory_iterator(paths.crl())) {
        if (entry.is_regular_file())
            out.push_back(entry.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::string read_certificate_der(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw Error("The certificate file " + file.string() + " cannot be read.");
    std::ostringstream buffer;
    buffer << in.rdbuf();
    const std::string bytes = buffer.str();
    BIO* bio = BIO_new_mem_buf(bytes.data(), static_cast<int>(bytes.size()));
    X509* cert = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
    if (cert == nullptr) {
        const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
        cert = d2i_X509(nullptr, &p, static_cast<long>(bytes.size()));
    }
    if (cert == nullptr)
        throw Error("The file " + file.string() + " holds no X.509 certificate (PEM or DER).");
    unsigned char* der = nullptr;
    const int size = i2d_X509(cert, &der);
    X509_free(cert);
    if (size <= 0)
        throw Error("The certificate in " + file.string() + " could not be encoded as DER.");
    std::string out(reinterpret_cast<char*>(der), static_cast<std::size_t>(size));
    OPENSSL_free(der);
    return out;
}

}  // namespace jaanch::hub
