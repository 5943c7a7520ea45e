// Noticing a DSC token being inserted or pulled out: a background thread looks at the PKCS#11 module's slots
// every ~2 s and reports the tokens present whenever that set changes.
//
// How it looks: C_GetSlotList(tokenPresent = TRUE) and C_GetTokenInfo through the module's own function list
// (not libp11, whose slot list is fixed when a module is loaded). When no signer in the process holds the
// module, each look initialises the module, lists and finalises it again, so modules that read their tokens
// only at C_Initialize (SoftHSM2) are seen afresh too. While a signer holds the module the look only lists,
// so a hot-plugging vendor module reports changes and the signer's session is never disturbed.
//
// Threads: the looks run as one task on an async::Worker (util/worker.h) that rests between them; every call
// into the module holds crypto::token_mutex(). Reports go to the UI thread through the worker's lifetime (a
// dispatch poster must be installed); the listener runs there, never after the watcher was destroyed.
// Construct and destroy on the UI thread; the destructor cuts the rest short and waits for a look under way.
// Errors: a module that cannot be loaded is reported in TokenPresence::problem (and retried), never thrown.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "crypto/pkcs11_signer.h"
#include "util/worker.h"

namespace jaanch::crypto {

struct TokenPresence {
    std::vector<TokenInfo> tokens;  // initialised tokens present, in slot order
    std::string problem;            // why the module could not be asked (empty when it answered)
    bool operator==(const TokenPresence& other) const;
};

// One look at the module now (any thread; takes token_mutex()).
TokenPresence scan_tokens(const std::filesystem::path& module);

// The subject of the first certificate on the token with `label` (public objects, no PIN), "" when it has
// none. Throws SigningError(module_not_found, token_not_found).
std::string token_certificate_subject(const std::filesystem::path& module, const std::string& label);

// "Token: LABEL ✓" / "No token — insert your DSC" wording lives in the app; this is the data.
class TokenWatcher {
  public:
    using Listener = std::function<void(const TokenPresence&)>;

    // The first report comes after the first look; later ones only when the tokens present change.
    TokenWatcher(std::filesystem::path module, Listener listener,
                 std::chrono::milliseconds period = std::chrono::milliseconds(2000));
    ~TokenWatcher();
    TokenWatcher(const TokenWatcher&) = delete;
    TokenWatcher& operator=(const TokenWatcher&) = delete;

    const std::filesystem::path& module() const { return module_; }

  private:
    void watch(std::chrono::milliseconds period);

    std::filesystem::path module_;
    Listener listener_;     // UI thread only
    async::Worker worker_;  // last: stopped and joined before the members its task uses
};

}  // namespace jaanch::crypto
