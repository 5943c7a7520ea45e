#include "hub/auth/password.h"

#include <openssl/evp.h>

#include <charconv>

#include "hub/util/crypto_util.h"
#include "util/error.h"

namespace jaanch::hub {
namespace {

constexpr std::string_view kScheme = "pbkdf2-sha256";

std::string derive(std::string_view password, std::string_view salt, int iterations) {
    std::string out(32, '\0');
    if (PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()),
                          reinterpret_cast<const unsigned char*>(salt.data()), static_cast<int>(salt.size()),
                          iterations, EVP_sha256(), static_cast<int>(out.size()),
                          reinterpret_cast<unsigned char*>(out.data())) != 1)
        throw Error("OpenSSL could not derive a PBKDF2 key.");
    return out;
}

}  // namespace

std::string hash_password(std::string_view password, int iterations) {
    if (iterations < kMinimumPbkdf2Iterations)
        throw Error("A PBKDF2 cost of " + std::to_string(iterations) +
                    " iterations is too low; use at least " + std::to_string(kMinimumPbkdf2Iterations) + ".");
    if (password.empty())
        throw Error("A password must not be empty.");
    const std::string salt = random_bytes(16);
    return std::string(kScheme) + "$" + std::to_string(iterations) + "$" + base64_encode(salt) + "$" +
           base64_encode(derive(password, salt, iterations));
}

bool verify_password(std::string_view password, std::string_view stored) {
    std::string_view parts[4];
    std::size_t start = 0;
    for (int i = 0; i < 4; ++i) {
        const std::size_t end = i == 3 ? stored.size() : stored.find('$', start);
        if (end == std::string_view::npos)
            return false;
        parts[i] = stored.substr(start, end - start);
        start = end + 1;
    }
    if (parts[0] != kScheme)
        return false;
    int iterations = 0;
    auto [ptr, ec] = std::from_chars(parts[1].data(), parts[1].data() + parts[1].size(), iterations);
    if (ec != std::errc() || ptr != parts[1].data() + parts[1].size() ||
        iterations < kMinimumPbkdf2Iterations)
        return false;
    auto salt = base64_decode(parts[2]);
    auto expected = base64_decode(parts[3]);
    if (!salt || !expected || expected->size() != 32)
        return false;
    return constant_time_equal(derive(password, *salt, iterations), *expected);
}

}  // namespace jaanch::hub
