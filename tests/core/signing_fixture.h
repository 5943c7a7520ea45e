// One test PKI (with its SoftHSM2 token) per test run, made on first use in a fresh temp folder and removed
// at exit. Making it takes a few seconds (RSA keys), so the signing tests share it.
#pragma once

#include <unistd.h>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "crypto/secure_buffer.h"
#include "crypto/test_pki.h"

namespace jaanch::test {

class TempDir {
  public:
    explicit TempDir(const std::string& prefix) {
        std::string templ = (std::filesystem::temp_directory_path() / (prefix + "-XXXXXX")).string();
        if (mkdtemp(templ.data()) == nullptr)
            throw std::runtime_error("mkdtemp failed");
        path_ = templ;
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }

  private:
    std::filesystem::path path_;
};

struct SharedPki {
    TempDir dir{"jaanch-test-pki"};
    crypto::TestPki pki = crypto::generate_test_pki({dir.path() / "pki"});
};

inline const crypto::TestPki& shared_pki() {
    static SharedPki shared;
    return shared.pki;
}

inline std::string read_bytes(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

inline crypto::SecretString pki_password() {
    return crypto::read_secret_file(shared_pki().password_file);
}

}  // namespace jaanch::test
