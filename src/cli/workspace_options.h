// What every workspace command shares: finding the officer's workspace (--workspace DIR, else the one the
// last `login` used), loading the catalogue (--forms DIR), and opening a signer from the signing options.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "catalogue/catalogue.h"
#include "command.h"
#include "crypto/secure_buffer.h"
#include "crypto/signer.h"

namespace jaanch::cli {

// The options each workspace command accepts in addition to its own.
std::vector<std::string> with_workspace_options(std::vector<std::string> options);

// --workspace DIR, else the folder remembered by the last login ($XDG_DATA_HOME/jaanch/current-workspace).
std::filesystem::path workspace_dir(const Args& args);
void remember_workspace(const std::filesystem::path& dir);

catalogue::Catalogue load_forms(const Args& args, Io io);

// The signing options of `jaanch-cli sign` (docs/signatures.md): --p12 FILE --password-file F, or
// --pkcs11-module SO [--token LABEL] [--token-serial S] [--key-label L] [--key-id HEX] --pin-file F.
std::vector<std::string> signer_options();
std::unique_ptr<crypto::Signer> open_signer_from(const Args& args);

// A secret (password, PIN) from a file, or the first line of standard input when the file is "-".
std::string read_secret_text(const std::string& file);
// A secret from a file (or "-": one line of standard input), kept in wiped memory.
crypto::SecretString read_secret(const std::string& file);

}  // namespace jaanch::cli
