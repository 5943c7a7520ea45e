#include "hub/auth/totp.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "hub/util/crypto_util.h"
#include "util/error.h"

namespace jaanch::hub {

std::string hotp(std::string_view key, std::uint64_t counter, int digits) {
    unsigned char message[8];
    for (int i = 7; i >= 0; --i) {
        message[i] = static_cast<unsigned char>(counter & 0xff);
        counter >>= 8;
    }
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int mac_size = 0;
    if (HMAC(EVP_sha1(), key.data(), static_cast<int>(key.size()), message, sizeof message, mac, &mac_size) ==
        nullptr)
        throw Error("OpenSSL could not compute an HMAC-SHA1 for a one-time password.");
    const unsigned offset = mac[mac_size - 1] & 0x0f;
    const std::uint32_t binary = (static_cast<std::uint32_t>(mac[offset] & 0x7f) << 24) |
                                 (static_cast<std::uint32_t>(mac[offset + 1]) << 16) |
                                 (static_cast<std::uint32_t>(mac[offset + 2]) << 8) | mac[offset + 3];
    std::uint32_t modulus = 1;
    for (int i = 0; i < digits; ++i)
        modulus *= 10;
    std::string out = std::to_string(binary % modulus);
    return std::string(static_cast<std::size_t>(digits) - out.size(), '0') + out;
}

std::string totp_at(std::string_view key, std::int64_t unix_seconds, int digits) {
    return hotp(key, static_cast<std::uint64_t>(unix_seconds / kTotpStepSeconds), digits);
}

std::optional<std::int64_t> totp_match(std::string_view key, std::string_view code,
                                       std::int64_t unix_seconds) {
    if (code.size() != 6)
        return std::nullopt;
    const std::int64_t step = unix_seconds / kTotpStepSeconds;
    for (std::int64_t candidate : {step, step - 1, step + 1}) {
        if (candidate >= 0 && constant_time_equal(hotp(key, static_cast<std::uint64_t>(candidate)), code))
            return candidate;
    }
    return std::nullopt;
}

std::string new_totp_secret() {
    return base32_encode(random_bytes(20));
}

}  // namespace jaanch::hub
