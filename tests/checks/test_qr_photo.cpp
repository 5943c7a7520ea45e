// The Secure QR's JPEG 2000 photo decoded to RGBA: a codestream made here with libopenjp2's encoder
// (lossless, so every pixel must come back exactly), gray and colour; broken data is a QrError with a
// sentence.
#include <boost/test/unit_test.hpp>

#include "checks/qr_photo.h"
#include "qr_fixtures.h"

using namespace jaanch;

namespace {

// A lossless J2K codestream of a w x h image with `comps` components, pixel (x, y, c) = pattern.
checks::Bytes encode(int w, int h, int comps) {
    return test::encode_j2k(w, h, comps, 0,
                            [w](int x, int y, int c) { return ((y * w + x) * 7 + c * 50) % 256; });
}

}  // namespace

BOOST_AUTO_TEST_SUITE(qr_photo)

BOOST_AUTO_TEST_CASE(colour_and_gray_codestreams_decode_exactly) {
    for (int comps : {3, 1}) {
        const auto j2k = encode(60, 80, comps);
        BOOST_REQUIRE(j2k.size() > 4u);
        BOOST_TEST(j2k[0] == 0xFF);
        BOOST_TEST(j2k[1] == 0x4F);
        const auto image = checks::decode_qr_photo(j2k);
        BOOST_TEST(image.width == 60);
        BOOST_TEST(image.height == 80);
        BOOST_REQUIRE(image.rgba.size() == 60u * 80u * 4u);
        int wrong = 0;
        for (int i = 0; i < 60 * 80; ++i)
            for (int c = 0; c < 3; ++c) {
                const int want = (i * 7 + (comps == 3 ? c : 0) * 50) % 256;
                wrong += image.rgba[static_cast<std::size_t>(i) * 4 + static_cast<std::size_t>(c)] != want;
            }
        BOOST_TEST(wrong == 0, comps << " component(s)");
        BOOST_TEST(image.rgba[3] == 255);
    }
}

BOOST_AUTO_TEST_CASE(broken_photos_are_refused_with_a_sentence) {
    auto j2k = encode(32, 32, 3);
    j2k.resize(j2k.size() / 3);  // truncated
    const checks::Bytes fake{0xFF, 0x4F, 0xFF, 0x51, 1, 2, 3, 0xFF, 0xD9};
    for (const auto& bytes : {j2k, fake, checks::Bytes{1, 2}}) {
        BOOST_CHECK_EXCEPTION(checks::decode_qr_photo(bytes), checks::QrError, [](const checks::QrError& e) {
            return std::string(e.what()).find("photo in the Aadhaar QR cannot be shown") != std::string::npos;
        });
    }
}

BOOST_AUTO_TEST_SUITE_END()
