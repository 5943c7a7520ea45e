#include "hub/hub_data.h"

#include <openssl/pem.h>
#include <openssl/x509.h>

#include <fstream>
#include <sstream>

#include "hub/auth/password.h"

namespace jaanch::hub {

void init_data(const DataPaths& paths, int kdf_iterations) {
    if (std::filesystem::exists(paths.database()))
        throw Error("The folder " + paths.root.string() +
                    " already holds a hub database; choose another folder or "
                    "keep using this one.");
    if (kdf_iterations < kMinimumPbkdf2Iterations)
        throw Error("--kdf-iterations must be at least " + std::to_string(kMinimumPbkdf2Iterations) + ".");
    std::filesystem::create_directories(paths.root);
    std::filesystem::create_directories(paths.trust());
    std::filesystem::create_directories(paths.crl());
    DocumentStore documents(paths.documents());
    SqliteStorage storage(paths.database(), true);
    auto txn = storage.begin();
    txn->put_setting("kdf_iterations", std::to_string(kdf_iterations));
    txn->append_audit(
        "admin", "init", paths.root.string(),
        {{"schema_version", SqliteStorage::schema_version()}, {"kdf_iterations", kdf_iterations}}, now_utc());
    txn->commit();
}

std::unique_ptr<SqliteStorage> open_storage(const DataPaths& paths) {
    return std::make_unique<SqliteStorage>(paths.database(), false);
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
