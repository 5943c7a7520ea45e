// The Secure QR's JPEG 2000 photo decoded to RGBA: a codestream made here with libopenjp2's encoder (lossless,
// so every pixel must come back exactly), gray and colour; broken data is a QrError with a sentence.
#include <boost/test/unit_test.hpp>

#include <openjpeg.h>

#include <cstring>

#include "checks/qr_photo.h"

using namespace jaanch;

namespace {

struct Sink {
    checks::Bytes bytes;
    std::size_t at = 0;
};

OPJ_SIZE_T write_fn(void* buffer, OPJ_SIZE_T size, void* user) {
    auto* s = static_cast<Sink*>(user);
    if (s->bytes.size() < s->at + size) s->bytes.resize(s->at + size);
    std::memcpy(s->bytes.data() + s->at, buffer, size);
    s->at += size;
    return size;
}
OPJ_OFF_T skip_fn(OPJ_OFF_T n, void* user) {
    auto* s = static_cast<Sink*>(user);
    s->at = static_cast<std::size_t>(static_cast<OPJ_OFF_T>(s->at) + n);
    if (s->bytes.size() < s->at) s->bytes.resize(s->at);
    return n;
}
OPJ_BOOL seek_fn(OPJ_OFF_T to, void* user) {
    static_cast<Sink*>(user)->at = static_cast<std::size_t>(to);
    return OPJ_TRUE;
}

// A lossless J2K codestream of a w x h image with `comps` components, pixel (x, y, c) = pattern.
checks::Bytes encode(int w, int h, int comps) {
    std::vector<opj_image_cmptparm_t> params(static_cast<std::size_t>(comps));
    for (auto& p : params) {
        std::memset(&p, 0, sizeof p);
        p.dx = p.dy = 1;
        p.w = static_cast<OPJ_UINT32>(w);
        p.h = static_cast<OPJ_UINT32>(h);
        p.prec = 8;
    }
    opj_image_t* image = opj_image_create(static_cast<OPJ_UINT32>(comps), params.data(),
                                          comps == 3 ? OPJ_CLRSPC_SRGB : OPJ_CLRSPC_GRAY);
    image->x1 = static_cast<OPJ_UINT32>(w);
    image->y1 = static_cast<OPJ_UINT32>(h);
    for (int c = 0; c < comps; ++c)
        for (int i = 0; i < w * h; ++i) image->comps[c].data[i] = (i * 7 + c * 50) % 256;
    opj_cparameters_t cp;
    opj_set_default_encoder_parameters(&cp);
    cp.tcp_numlayers = 1;
    cp.tcp_rates[0] = 0;  // lossless
    cp.cp_disto_alloc = 1;
    cp.numresolution = 3;
    opj_codec_t* codec = opj_create_compress(OPJ_CODEC_J2K);
    BOOST_REQUIRE(opj_setup_encoder(codec, &cp, image));
    Sink sink;
    opj_stream_t* stream = opj_stream_create(4096, OPJ_FALSE);
    opj_stream_set_user_data(stream, &sink, nullptr);
    opj_stream_set_write_function(stream, write_fn);
    opj_stream_set_skip_function(stream, skip_fn);
    opj_stream_set_seek_function(stream, seek_fn);
    BOOST_REQUIRE(opj_start_compress(codec, image, stream));
    BOOST_REQUIRE(opj_encode(codec, stream));
    BOOST_REQUIRE(opj_end_compress(codec, stream));
    opj_stream_destroy(stream);
    opj_destroy_codec(codec);
    opj_image_destroy(image);
    return sink.bytes;
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
