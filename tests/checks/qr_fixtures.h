// Test-only makers of Aadhaar QR codes: RSA keys and self-signed "Test UIDAI" certificates with chosen
// validity, signed Secure QR payloads (V1 and V2), and QR images with the distortions scanners meet.
#pragma once

#include <openssl/evp.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "checks/qr_decode.h"
#include "checks/secure_qr.h"

namespace jaanch::test {

struct KeyFree {
    void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};
using Key = std::unique_ptr<EVP_PKEY, KeyFree>;

Key make_rsa_key();
Key read_private_key_pem(const std::string& path);
// A self-signed certificate for `key`, valid between two "YYYYMMDDHHMMSSZ" times, as PEM.
std::string self_signed_pem(EVP_PKEY* key, const std::string& common_name, const std::string& not_before,
                            const std::string& not_after);

struct QrContent {
    bool v2 = true;
    std::string reference_id =
        "0124"
        "20240612150638794";
    std::string name = "Sunita Kumari", date_of_birth = "12-03-1994", gender = "F";
    std::string care_of = "D/O Ramesh Oraon", district = "Ranchi", landmark = "Near Hanuman Mandir",
                house = "12", location = "Kanke Road", pincode = "834008", post_office = "Kanke",
                state = "Jharkhand", street = "Main Road", sub_district = "Kanke", vtc = "Kanke";
    std::string mobile_last4 = "3210";
    checks::Bytes photo;  // a JPEG 2000 codestream stand-in full of 255s; filled by default
    std::optional<std::string> email = "sunita@example.in", mobile = "9876543210";
    QrContent();
};

// The bytes before the signature.
checks::Bytes qr_payload(const QrContent& content);
// The decimal number a Secure QR holds: payload + RSA-SHA256 signature by `key`, gzipped. `tamper` alters the
// payload after signing (replaces the first "Sunita" by "Sanita").
std::string secure_qr_number(const QrContent& content, EVP_PKEY* key, bool tamper = false);

// A QR image: `module` pixels per module, 4-module quiet zone.
checks::GrayImage qr_image(const std::string& text, int module);
checks::GrayImage rotate90(const checks::GrayImage& image);
checks::GrayImage box_blur(const checks::GrayImage& image, int radius);
checks::GrayImage downscale(const checks::GrayImage& image, int factor);

// A JPEG 2000 codestream (J2K) of a w × h image with `components` (1 gray, 3 sRGB) whose sample (x, y, c) is
// pixel(x, y, c); `rate` 0 is lossless, N keeps about 1/N of the raw size (UIDAI's photos are lossy). Throws
// std::runtime_error when libopenjp2 refuses.
checks::Bytes encode_j2k(int w, int h, int components, float rate,
                         const std::function<int(int, int, int)>& pixel);

// A small lossy colour photo as UIDAI's are (a face-coloured oval on blue, w × h pixels, a twelfth of the raw
// size): it fits one QR symbol with the rest of a Secure QR.
checks::Bytes face_photo_j2k(int w, int h);

}  // namespace jaanch::test
