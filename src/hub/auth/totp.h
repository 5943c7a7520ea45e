// Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP): HMAC-SHA1, 30-second steps, 6 digits, the form
// every authenticator app reads from an `otpauth://totp/...` URI. Pure; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace jaanch::hub {

inline constexpr std::int64_t kTotpStepSeconds = 30;

// The HOTP value of `key` (raw bytes) at `counter`, with `digits` digits (RFC 4226 §5.3).
std::string hotp(std::string_view key, std::uint64_t counter, int digits = 6);

// The TOTP code at Unix time `unix_seconds`.
std::string totp_at(std::string_view key, std::int64_t unix_seconds, int digits = 6);

// Checks `code` against the steps around `unix_seconds` (±1 step for clock drift). Returns the matching step,
// so the caller can refuse a step that was already used (replay); nullopt when no step matches.
std::optional<std::int64_t> totp_match(std::string_view key, std::string_view code,
                                       std::int64_t unix_seconds);

// A fresh secret (20 random bytes, as base32) for `officer add --totp`.
std::string new_totp_secret();

}  // namespace jaanch::hub
