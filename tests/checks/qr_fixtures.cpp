#define ZX_USE_UTF8 1
#include "qr_fixtures.h"

#include <openjpeg.h>
#include <openssl/bn.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <zlib.h>

#include <ZXing/BitMatrix.h>
#include <ZXing/MultiFormatWriter.h>

#include <cstdio>
#include <cstring>
#include <stdexcept>

namespace jaanch::test {

QrContent::QrContent() {
    photo = {0xFF, 0x4F, 0xFF, 0x51};
    for (int i = 0; i < 500; ++i)
        photo.push_back(static_cast<std::uint8_t>((i * 37 + 11) % 256));
    photo.push_back(0xFF);
    photo.push_back(0xD9);
}

Key make_rsa_key() {
    return Key(EVP_RSA_gen(2048));
}

Key read_private_key_pem(const std::string& path) {
    FILE* f = std::fopen(path.c_str(), "r");
    if (!f)
        throw std::runtime_error("cannot open " + path);
    Key key(PEM_read_PrivateKey(f, nullptr, nullptr, nullptr));
    std::fclose(f);
    if (!key)
        throw std::runtime_error("not a private key: " + path);
    return key;
}

std::string self_signed_pem(EVP_PKEY* key, const std::string& common_name, const std::string& not_before,
                            const std::string& not_after) {
    X509* cert = X509_new();
    X509_set_version(cert, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(cert), 1);
    ASN1_TIME_set_string(X509_getm_notBefore(cert), not_before.c_str());
    ASN1_TIME_set_string(X509_getm_notAfter(cert), not_after.c_str());
    X509_set_pubkey(cert, key);
    X509_NAME* name = X509_get_subject_name(cert);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC,
                               reinterpret_cast<const unsigned char*>(common_name.c_str()), -1, -1, 0);
    X509_set_issuer_name(cert, name);
    X509_sign(cert, key, EVP_sha256());
    BIO* bio = BIO_new(BIO_s_mem());
    PEM_write_bio_X509(bio, cert);
    char* data = nullptr;
    const long length = BIO_get_mem_data(bio, &data);
    std::string pem(data, static_cast<std::size_t>(length));
    BIO_free(bio);
    X509_free(cert);
    return pem;
}

checks::Bytes qr_payload(const QrContent& c) {
    checks::Bytes out;
    auto field = [&](const std::string& s) {
        out.insert(out.end(), s.begin(), s.end());
        out.push_back(255);
    };
    const int indicator = (c.email ? 1 : 0) + (c.mobile ? 2 : 0);
    if (c.v2)
        field("V2");
    field(std::to_string(indicator));
    for (const auto* s :
         {&c.reference_id, &c.name, &c.date_of_birth, &c.gender, &c.care_of, &c.district, &c.landmark,
          &c.house, &c.location, &c.pincode, &c.post_office, &c.state, &c.street, &c.sub_district, &c.vtc})
        field(*s);
    if (c.v2)
        field(c.mobile_last4);
    out.insert(out.end(), c.photo.begin(), c.photo.end());
    const char last_digit = c.reference_id[3];
    if (c.email) {
        const auto h = checks::contact_hash(*c.email, last_digit);
        out.insert(out.end(), h.begin(), h.end());
    }
    if (c.mobile) {
        const auto h = checks::contact_hash(*c.mobile, last_digit);
        out.insert(out.end(), h.begin(), h.end());
    }
    return out;
}

namespace {

checks::Bytes gzip(const checks::Bytes& in) {
    z_stream z{};
    deflateInit2(&z, 9, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    checks::Bytes out(deflateBound(&z, static_cast<uLong>(in.size())) + 32);
    z.next_in = const_cast<Bytef*>(in.data());
    z.avail_in = static_cast<uInt>(in.size());
    z.next_out = out.data();
    z.avail_out = static_cast<uInt>(out.size());
    if (deflate(&z, Z_FINISH) != Z_STREAM_END)
        throw std::runtime_error("deflate failed");
    out.resize(z.total_out);
    deflateEnd(&z);
    return out;
}

}  // namespace

std::string secure_qr_number(const QrContent& content, EVP_PKEY* key, bool tamper) {
    checks::Bytes data = qr_payload(content);
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    std::size_t length = 0;
    EVP_DigestSignInit(ctx, nullptr, EVP_sha256(), nullptr, key);
    EVP_DigestSign(ctx, nullptr, &length, data.data(), data.size());
    checks::Bytes signature(length);
    EVP_DigestSign(ctx, signature.data(), &length, data.data(), data.size());
    EVP_MD_CTX_free(ctx);
    if (tamper) {
        const std::string from = "Sunita";
        auto at = std::search(data.begin(), data.end(), from.begin(), from.end());
        if (at == data.end())
            throw std::runtime_error("nothing to tamper with");
        at[1] = 'a';
    }
    data.insert(data.end(), signature.begin(), signature.end());
    const checks::Bytes zipped = gzip(data);
    BIGNUM* bn = BN_bin2bn(zipped.data(), static_cast<int>(zipped.size()), nullptr);
    char* dec = BN_bn2dec(bn);
    std::string number(dec);
    OPENSSL_free(dec);
    BN_free(bn);
    return number;
}

checks::GrayImage qr_image(const std::string& text, int module) {
    const auto matrix =
        ZXing::MultiFormatWriter(ZXing::BarcodeFormat::QRCode).setMargin(0).encode(text, 0, 0);
    const int quiet = 4, side = matrix.width() + 2 * quiet;
    checks::GrayImage image{side * module, side * module, {}};
    image.pixels.assign(static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height), 255);
    for (int y = 0; y < matrix.height(); ++y) {
        for (int x = 0; x < matrix.width(); ++x) {
            if (!matrix.get(x, y))
                continue;
            for (int dy = 0; dy < module; ++dy) {
                for (int dx = 0; dx < module; ++dx) {
                    const auto px = static_cast<std::size_t>((x + quiet) * module + dx);
                    const auto py = static_cast<std::size_t>((y + quiet) * module + dy);
                    image.pixels[py * static_cast<std::size_t>(image.width) + px] = 0;
                }
            }
        }
    }
    return image;
}

checks::GrayImage rotate90(const checks::GrayImage& in) {
    checks::GrayImage out{in.height, in.width, std::vector<std::uint8_t>(in.pixels.size())};
    for (int y = 0; y < in.height; ++y) {
        for (int x = 0; x < in.width; ++x)
            out.pixels[static_cast<std::size_t>(x * out.width + (in.height - 1 - y))] =
                in.pixels[static_cast<std::size_t>(y * in.width + x)];
    }
    return out;
}

checks::GrayImage box_blur(const checks::GrayImage& in, int r) {
    checks::GrayImage out = in;
    for (int y = 0; y < in.height; ++y) {
        for (int x = 0; x < in.width; ++x) {
            int sum = 0, n = 0;
            for (int dy = -r; dy <= r; ++dy) {
                for (int dx = -r; dx <= r; ++dx) {
                    const int sx = x + dx, sy = y + dy;
                    if (sx < 0 || sy < 0 || sx >= in.width || sy >= in.height)
                        continue;
                    sum += in.pixels[static_cast<std::size_t>(sy * in.width + sx)];
                    ++n;
                }
            }
            out.pixels[static_cast<std::size_t>(y * in.width + x)] = static_cast<std::uint8_t>(sum / n);
        }
    }
    return out;
}

checks::GrayImage downscale(const checks::GrayImage& in, int f) {
    checks::GrayImage out{in.width / f, in.height / f, {}};
    out.pixels.resize(static_cast<std::size_t>(out.width) * static_cast<std::size_t>(out.height));
    for (int y = 0; y < out.height; ++y) {
        for (int x = 0; x < out.width; ++x) {
            int sum = 0;
            for (int dy = 0; dy < f; ++dy) {
                for (int dx = 0; dx < f; ++dx)
                    sum += in.pixels[static_cast<std::size_t>((y * f + dy) * in.width + x * f + dx)];
            }
            out.pixels[static_cast<std::size_t>(y * out.width + x)] =
                static_cast<std::uint8_t>(sum / (f * f));
        }
    }
    return out;
}

namespace {

struct Sink {
    checks::Bytes bytes;
    std::size_t at = 0;
};
OPJ_SIZE_T write_fn(void* buffer, OPJ_SIZE_T size, void* user) {
    auto* s = static_cast<Sink*>(user);
    if (s->bytes.size() < s->at + size)
        s->bytes.resize(s->at + size);
    std::memcpy(s->bytes.data() + s->at, buffer, size);
    s->at += size;
    return size;
}
OPJ_OFF_T skip_fn(OPJ_OFF_T n, void* user) {
    auto* s = static_cast<Sink*>(user);
    s->at = static_cast<std::size_t>(static_cast<OPJ_OFF_T>(s->at) + n);
    if (s->bytes.size() < s->at)
        s->bytes.resize(s->at);
    return n;
}
OPJ_BOOL seek_fn(OPJ_OFF_T to, void* user) {
    static_cast<Sink*>(user)->at = static_cast<std::size_t>(to);
    return OPJ_TRUE;
}

}  // namespace

checks::Bytes encode_j2k(int w, int h, int components, float rate,
                         const std::function<int(int, int, int)>& pixel) {
    std::vector<opj_image_cmptparm_t> params(static_cast<std::size_t>(components));
    for (auto& p : params) {
        std::memset(&p, 0, sizeof p);
        p.dx = p.dy = 1;
        p.w = static_cast<OPJ_UINT32>(w);
        p.h = static_cast<OPJ_UINT32>(h);
        p.prec = 8;
    }
    opj_image_t* image = opj_image_create(static_cast<OPJ_UINT32>(components), params.data(),
                                          components == 3 ? OPJ_CLRSPC_SRGB : OPJ_CLRSPC_GRAY);
    image->x1 = static_cast<OPJ_UINT32>(w);
    image->y1 = static_cast<OPJ_UINT32>(h);
    for (int c = 0; c < components; ++c)
        for (int y = 0; y < h; ++y)
            for (int x = 0; x < w; ++x)
                image->comps[c].data[y * w + x] = pixel(x, y, c);
    opj_cparameters_t cp;
    opj_set_default_encoder_parameters(&cp);
    cp.tcp_numlayers = 1;
    cp.tcp_rates[0] = rate;
    cp.cp_disto_alloc = 1;
    cp.numresolution = 3;
    opj_codec_t* codec = opj_create_compress(OPJ_CODEC_J2K);
    Sink sink;
    opj_stream_t* stream = opj_stream_create(4096, OPJ_FALSE);
    opj_stream_set_user_data(stream, &sink, nullptr);
    opj_stream_set_write_function(stream, write_fn);
    opj_stream_set_skip_function(stream, skip_fn);
    opj_stream_set_seek_function(stream, seek_fn);
    const bool ok = opj_setup_encoder(codec, &cp, image) && opj_start_compress(codec, image, stream) &&
                    opj_encode(codec, stream) && opj_end_compress(codec, stream);
    opj_stream_destroy(stream);
    opj_destroy_codec(codec);
    opj_image_destroy(image);
    if (!ok)
        throw std::runtime_error("libopenjp2 could not encode the test image.");
    return sink.bytes;
}

checks::Bytes face_photo_j2k(int w, int h) {
    return encode_j2k(w, h, 3, 12, [w, h](int x, int y, int c) {
        const double dx = (x - w / 2.0) / (w * 0.3), dy = (y - h / 2.5) / (h * 0.3);
        const bool face = dx * dx + dy * dy < 1.0;
        const int rgb[3] = {face ? 224 : 40, face ? 172 : 90, face ? 140 : 200};
        return rgb[c];
    });
}

}  // namespace jaanch::test
