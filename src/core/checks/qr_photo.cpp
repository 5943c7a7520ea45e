#include "checks/qr_photo.h"

#include <openjpeg.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <string>

namespace jaanch::checks {
namespace {

constexpr int kMaxSide = 4096;

struct Source {
    const Bytes* bytes;
    std::size_t at = 0;
};

OPJ_SIZE_T read_fn(void* buffer, OPJ_SIZE_T size, void* user) {
    auto* s = static_cast<Source*>(user);
    const std::size_t left = s->bytes->size() - s->at;
    if (left == 0)
        return static_cast<OPJ_SIZE_T>(-1);
    const std::size_t n = std::min<std::size_t>(size, left);
    std::memcpy(buffer, s->bytes->data() + s->at, n);
    s->at += n;
    return n;
}

OPJ_OFF_T skip_fn(OPJ_OFF_T n, void* user) {
    auto* s = static_cast<Source*>(user);
    const auto left = static_cast<OPJ_OFF_T>(s->bytes->size() - s->at);
    const OPJ_OFF_T step = std::clamp<OPJ_OFF_T>(n, -static_cast<OPJ_OFF_T>(s->at), left);
    s->at = static_cast<std::size_t>(static_cast<OPJ_OFF_T>(s->at) + step);
    return step;
}

OPJ_BOOL seek_fn(OPJ_OFF_T to, void* user) {
    auto* s = static_cast<Source*>(user);
    if (to < 0 || static_cast<std::size_t>(to) > s->bytes->size())
        return OPJ_FALSE;
    s->at = static_cast<std::size_t>(to);
    return OPJ_TRUE;
}

void keep_message(const char* message, void* user) {
    auto* last = static_cast<std::string*>(user);
    *last = message;
    while (!last->empty() && (last->back() == '\n' || last->back() == ' '))
        last->pop_back();
}
void ignore_message(const char*, void*) {}

struct CodecFree {
    void operator()(opj_codec_t* c) const { opj_destroy_codec(c); }
};
struct StreamFree {
    void operator()(opj_stream_t* s) const { opj_stream_destroy(s); }
};
struct ImageFree {
    void operator()(opj_image_t* i) const { opj_image_destroy(i); }
};

[[noreturn]] void fail(const std::string& why) {
    throw QrError("The photo in the Aadhaar QR cannot be shown: " + why +
                  ". Compare the applicant's photo with the Aadhaar letter itself.");
}

// One component's sample at output pixel (x, y), as 0…255.
int sample(const opj_image_comp_t& c, int x, int y) {
    const int dx = static_cast<int>(std::max<OPJ_UINT32>(c.dx, 1)),
              dy = static_cast<int>(std::max<OPJ_UINT32>(c.dy, 1));
    const int cx = std::min(x / dx, static_cast<int>(c.w) - 1),
              cy = std::min(y / dy, static_cast<int>(c.h) - 1);
    int v = c.data[static_cast<std::size_t>(cy) * c.w + static_cast<std::size_t>(cx)];
    if (c.sgnd)
        v += 1 << (c.prec - 1);
    if (c.prec > 8)
        v >>= (c.prec - 8);
    if (c.prec < 8)
        v <<= (8 - c.prec);
    return std::clamp(v, 0, 255);
}

}  // namespace

RgbaImage decode_qr_photo(const Bytes& jpeg2000) {
    if (jpeg2000.size() < 4)
        fail("it is empty");
    const bool codestream = jpeg2000[0] == 0xFF && jpeg2000[1] == 0x4F;
    std::unique_ptr<opj_codec_t, CodecFree> codec(
        opj_create_decompress(codestream ? OPJ_CODEC_J2K : OPJ_CODEC_JP2));
    std::string last_error = "not a JPEG 2000 image";
    opj_set_error_handler(codec.get(), keep_message, &last_error);
    opj_set_warning_handler(codec.get(), ignore_message, nullptr);
    opj_set_info_handler(codec.get(), ignore_message, nullptr);
    opj_dparameters_t parameters;
    opj_set_default_decoder_parameters(&parameters);
    if (!opj_setup_decoder(codec.get(), &parameters))
        fail("the JPEG 2000 decoder could not start");

    Source source{&jpeg2000};
    std::unique_ptr<opj_stream_t, StreamFree> stream(opj_stream_create(4096, OPJ_TRUE));
    opj_stream_set_user_data(stream.get(), &source, nullptr);
    opj_stream_set_user_data_length(stream.get(), jpeg2000.size());
    opj_stream_set_read_function(stream.get(), read_fn);
    opj_stream_set_skip_function(stream.get(), skip_fn);
    opj_stream_set_seek_function(stream.get(), seek_fn);

    opj_image_t* raw = nullptr;
    if (!opj_read_header(stream.get(), codec.get(), &raw))
        fail(last_error);
    std::unique_ptr<opj_image_t, ImageFree> image(raw);
    const int width = static_cast<int>(image->x1 - image->x0),
              height = static_cast<int>(image->y1 - image->y0);
    if (width <= 0 || height <= 0 || width > kMaxSide || height > kMaxSide)
        fail("its size (" + std::to_string(width) + " x " + std::to_string(height) + ") is not a photo's");
    if (!opj_decode(codec.get(), stream.get(), image.get()) || !opj_end_decompress(codec.get(), stream.get()))
        fail(last_error);
    if (image->numcomps < 1 || image->comps[0].data == nullptr)
        fail("it has no picture data");
    for (OPJ_UINT32 i = 0; i < std::min<OPJ_UINT32>(image->numcomps, 3); ++i)
        if (image->comps[i].data == nullptr || image->comps[i].prec < 1 || image->comps[i].prec > 16)
            fail("a colour channel is missing or of an unsupported depth");

    RgbaImage out{width, height, std::vector<std::uint8_t>(static_cast<std::size_t>(width) * height * 4)};
    const bool colour = image->numcomps >= 3;
    const bool ycc = colour && image->color_space == OPJ_CLRSPC_SYCC;
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            int r = sample(image->comps[0], x, y), g = r, b = r;
            if (colour) {
                g = sample(image->comps[1], x, y);
                b = sample(image->comps[2], x, y);
            }
            if (ycc) {  // full-range YCbCr (sYCC) to RGB
                const double luma = r, cb = g - 128.0, cr = b - 128.0;
                r = std::clamp(static_cast<int>(luma + 1.402 * cr + 0.5), 0, 255);
                g = std::clamp(static_cast<int>(luma - 0.344136 * cb - 0.714136 * cr + 0.5), 0, 255);
                b = std::clamp(static_cast<int>(luma + 1.772 * cb + 0.5), 0, 255);
            }
            std::uint8_t* p = out.rgba.data() + (static_cast<std::size_t>(y) * width + x) * 4;
            p[0] = static_cast<std::uint8_t>(r);
            p[1] = static_cast<std::uint8_t>(g);
            p[2] = static_cast<std::uint8_t>(b);
            p[3] = 255;
        }
    }
    return out;
}

}  // namespace jaanch::checks
