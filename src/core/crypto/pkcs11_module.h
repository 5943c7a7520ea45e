// A loaded PKCS#11 module and its slot list, shared by everything in the process that uses the same module
// file. Internal to src/core/crypto (pkcs11_signer, test_pki token creation).
//
// Why shared: a module is initialised once per process (C_Initialize), and listing the slots a second time in
// libp11 closes the sessions of the first listing; so one module path = one libp11 context = one slot list.
// The slot list is taken when the module is loaded: a token inserted later is seen after every user of the
// module has let go of it (the next open reloads it).
//
// Threads: callers hold token_mutex() for every call into the module, including acquire and release.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include <libp11.h>

namespace jaanch::crypto::p11 {

class Module {
  public:
    ~Module();
    Module(const Module&) = delete;
    Module& operator=(const Module&) = delete;

    PKCS11_CTX* ctx() const { return ctx_; }
    PKCS11_SLOT* slots() const { return slots_; }
    unsigned slot_count() const { return slot_count_; }
    const std::filesystem::path& path() const { return path_; }

  private:
    friend std::shared_ptr<Module> acquire(const std::filesystem::path&);
    Module() = default;
    std::filesystem::path path_;
    PKCS11_CTX* ctx_ = nullptr;
    PKCS11_SLOT* slots_ = nullptr;
    unsigned slot_count_ = 0;
};

// Loads (or shares) the module. Throws SigningError(module_not_found, token_error). Hold token_mutex().
std::shared_ptr<Module> acquire(const std::filesystem::path& module);

// Whether a signer (or a listing) in this process holds the module now. Hold token_mutex().
bool is_loaded(const std::filesystem::path& module);

// The CKR_ code libp11 left on OpenSSL's error queue (0 when none); the queue is emptied.
unsigned long take_ckr(std::string* detail = nullptr);

// "CKR_PIN_INCORRECT (0xa0)" for messages.
std::string ckr_name(unsigned long rv);

// Codes meaning the token or its session went away.
bool is_removal(unsigned long rv);

}  // namespace jaanch::crypto::p11
