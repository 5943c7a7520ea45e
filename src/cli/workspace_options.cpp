#include "workspace_options.h"

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <iterator>

#include <openssl/crypto.h>

#include "crypto/pkcs11_signer.h"
#include "crypto/pkcs12_signer.h"
#include "util/error.h"

namespace jaanch::cli {
namespace {

std::filesystem::path pointer_file() {
    const char* xdg = std::getenv("XDG_DATA_HOME");
    const char* home = std::getenv("HOME");
    std::filesystem::path base = xdg != nullptr && *xdg != '\0' ? std::filesystem::path(xdg)
                                 : home != nullptr ? std::filesystem::path(home) / ".local" / "share"
                                                   : std::filesystem::path(".");
    return base / "jaanch" / "current-workspace";
}

}  // namespace

std::vector<std::string> with_workspace_options(std::vector<std::string> options) {
    options.push_back("workspace");
    options.push_back("forms");
    return options;
}

std::filesystem::path workspace_dir(const Args& args) {
    if (auto dir = args.get("workspace"))
        return *dir;
    std::ifstream in(pointer_file());
    std::string line;
    if (!in || !std::getline(in, line) || line.empty())
        throw Error(
            "No workspace is chosen: give --workspace DIR, or log in first with `jaanch-cli login --hub URL "
            "--user NAME`.");
    return line;
}

void remember_workspace(const std::filesystem::path& dir) {
    const auto file = pointer_file();
    std::error_code ec;
    std::filesystem::create_directories(file.parent_path(), ec);
    std::ofstream out(file, std::ios::trunc);
    out << std::filesystem::absolute(dir).string() << "\n";
}

catalogue::Catalogue load_forms(const Args& args, Io io) {
    const std::filesystem::path dir = args.get("forms").value_or(catalogue::default_catalogue_dir().string());
    auto loaded = catalogue::load_catalogue(dir);
    if (!loaded.ok())
        io.err << "warning: " << loaded.problems.size() << " problem(s) in the catalogue " << dir.string()
               << "; run `jaanch-cli forms check` to see them.\n";
    return std::move(loaded.catalogue);
}

std::vector<std::string> signer_options() {
    return {"p12",          "password-file", "pkcs11-module", "token",
            "token-serial", "key-label",     "key-id",        "pin-file"};
}

std::string read_secret_text(const std::string& file) {
    std::string text;
    if (file == "-") {
        std::getline(std::cin, text);
    } else {
        std::ifstream in(file, std::ios::binary);
        if (!in)
            throw Error("Cannot read the secret file " + file + ". Check the path and its permissions.");
        text.assign(std::istreambuf_iterator<char>(in), {});
    }
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r'))
        text.pop_back();
    return text;
}

crypto::SecretString read_secret(const std::string& file) {
    if (file != "-")
        return crypto::read_secret_file(file);
    std::string line;
    std::getline(std::cin, line);
    crypto::SecretString secret(line);
    OPENSSL_cleanse(line.data(), line.size());
    return secret;
}

std::unique_ptr<crypto::Signer> open_signer_from(const Args& args) {
    const bool p12 = args.has("p12"), token = args.has("pkcs11-module");
    if (p12 == token)
        throw UsageError("give either --p12 FILE or --pkcs11-module SO (exactly one key source)");
    if (p12) {
        const crypto::SecretString password = read_secret(args.require("password-file"));
        return std::make_unique<crypto::Pkcs12Signer>(args.require("p12"), password);
    }
    crypto::Pkcs11Config config;
    config.module = args.require("pkcs11-module");
    config.token_label = args.get("token").value_or("");
    config.token_serial = args.get("token-serial").value_or("");
    config.key_label = args.get("key-label").value_or("");
    config.key_id = args.get("key-id").value_or("");
    // Read when the token asks (the signer may ask after this returns, so the path is held by value); a wrong
    // PIN is reported, never retried.
    return std::make_unique<crypto::Pkcs11Signer>(
        config,
        [pin_file = args.require("pin-file")](const crypto::PinRequest&) { return read_secret(pin_file); });
}

}  // namespace jaanch::cli
