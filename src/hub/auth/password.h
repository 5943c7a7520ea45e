// Password hashing for officer accounts: PBKDF2-HMAC-SHA256 with a 16-byte random salt.
//
// Stored form: `pbkdf2-sha256$ITERATIONS$SALT$HASH` (salt and 32-byte hash in base64). The iteration count is
// part of the stored hash, so raising the default never invalidates existing passwords. The default, 600,000
// iterations, is OWASP's Password Storage Cheat Sheet figure for PBKDF2-HMAC-SHA256 (2023); tests lower it
// through the data folder's `kdf_iterations` setting (see docs/api.md) so that the suite stays fast.
// Thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace jaanch::hub {

inline constexpr int kDefaultPbkdf2Iterations = 600'000;
inline constexpr int kMinimumPbkdf2Iterations = 1'000;

// Throws jaanch::Error when iterations < kMinimumPbkdf2Iterations or the password is empty.
std::string hash_password(std::string_view password, int iterations);

// True when `password` matches `stored`; false for a wrong password or a stored value of unknown form.
bool verify_password(std::string_view password, std::string_view stored);

}  // namespace jaanch::hub
