// The photo inside an Aadhaar Secure QR, decoded to pixels so the workstation can show it beside the
// applicant's uploaded photo. UIDAI stores it as a small JPEG 2000 codestream (FF 4F FF 51 …); a JP2 file is
// accepted too. Decoded with libopenjp2; 8-bit RGBA out, gray and subsampled or sYCC components converted.
//
// Pure function; thread-safe (one decoder per call). Errors: QrError, with a sentence for the officer.
#pragma once

#include <cstdint>
#include <vector>

#include "checks/secure_qr.h"

namespace jaanch::checks {

struct RgbaImage {
    int width = 0;
    int height = 0;
    std::vector<std::uint8_t> rgba;  // row-major, 4 bytes a pixel, opaque
};

// Throws QrError for bytes that are not a decodable JPEG 2000 image, or an image over 4096 pixels a side.
RgbaImage decode_qr_photo(const Bytes& jpeg2000);

}  // namespace jaanch::checks
