// Small cryptographic helpers the hub needs in several places: digests, random tokens, encodings.
// All functions are pure or use OpenSSL's thread-safe RNG; they throw jaanch::Error only when OpenSSL fails.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace jaanch::hub {

std::string sha256_raw(std::string_view data);  // 32 bytes
std::string sha256_hex(std::string_view data);  // 64 lowercase hex digits
std::string to_hex(std::string_view bytes);
std::string random_bytes(std::size_t n);
// A fresh opaque token: 32 random bytes as 43 base64url characters (no padding).
std::string random_token();

std::string base64_encode(std::string_view bytes);
// Standard base64 with padding; nullopt for any character or length that is not valid base64.
std::optional<std::string> base64_decode(std::string_view text);
std::string base64url_encode(std::string_view bytes);

// RFC 4648 base32 (TOTP secrets); lower case, spaces and missing padding are accepted on input.
std::string base32_encode(std::string_view bytes);
std::optional<std::string> base32_decode(std::string_view text);

// Comparison whose time does not depend on where the inputs differ.
bool constant_time_equal(std::string_view a, std::string_view b);

}  // namespace jaanch::hub
