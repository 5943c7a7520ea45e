#include "viewer/engine/image_decoders.h"

#include <jpeglib.h>
#include <png.h>
#include <tiffio.h>
#ifdef JAANCH_HAVE_WEBP
#include <webp/decode.h>
#endif

#include <algorithm>
#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <string>

namespace jaanch::viewer {
namespace {

void check_pixels(std::uint64_t w, std::uint64_t h, const EngineLimits& limits, std::string_view format) {
    if (w == 0 || h == 0)
        throw DocumentError("The " + std::string(format) + " image has no pixels.");
    if (w * h > limits.max_image_pixels)
        throw LimitError("The " + std::string(format) + " image is " + std::to_string(w) + " x " +
                         std::to_string(h) + " pixels, more than the viewer's limit of " +
                         std::to_string(limits.max_image_pixels / 1000000) +
                         " megapixels; ask for a smaller scan.");
}

double to_dpi(double value, int unit_is_cm) {
    return unit_is_cm ? value * 2.54 : value;
}

// Transparent pixels are shown on white paper, so every page the engines hand out is opaque.
void flatten_onto_white(Bitmap& b) {
    for (std::size_t i = 0; i < b.rgba.size(); i += 4) {
        const unsigned a = b.rgba[i + 3];
        if (a == 255)
            continue;
        for (int c = 0; c < 3; ++c)
            b.rgba[i + static_cast<std::size_t>(c)] = static_cast<std::uint8_t>(
                (b.rgba[i + static_cast<std::size_t>(c)] * a + 255 * (255 - a) + 127) / 255);
        b.rgba[i + 3] = 255;
    }
}

std::uint32_t read_u32(const std::uint8_t* p, bool le) {
    return le ? (p[0] | p[1] << 8 | p[2] << 16 | static_cast<std::uint32_t>(p[3]) << 24)
              : (static_cast<std::uint32_t>(p[0]) << 24 | p[1] << 16 | p[2] << 8 | p[3]);
}
std::uint16_t read_u16(const std::uint8_t* p, bool le) {
    return static_cast<std::uint16_t>(le ? (p[0] | p[1] << 8) : (p[0] << 8 | p[1]));
}

// ---- JPEG (libjpeg-turbo). libjpeg reports errors by longjmp: every object with a destructor lives in the
// caller's frame (JpegJob), never between setjmp and the libjpeg calls that may jump.
struct JpegError {
    jpeg_error_mgr mgr;
    std::jmp_buf jump;
    char message[JMSG_LENGTH_MAX];
};

void jpeg_on_error(j_common_ptr c) {
    auto* e = reinterpret_cast<JpegError*>(c->err);
    (*c->err->format_message)(c, e->message);
    std::longjmp(e->jump, 1);
}
void jpeg_quiet(j_common_ptr, int) {}

struct JpegJob {
    const Bytes* bytes = nullptr;
    bool decode = false;
    const EngineLimits* limits = nullptr;
    ImageInfo info;
    Bitmap pixels;
    std::vector<std::uint8_t> exif;
    bool cmyk = false;
    bool inverted_cmyk = false;
    std::string error;
};

bool run_jpeg(JpegJob& job) {
    jpeg_decompress_struct cinfo;
    JpegError err;
    cinfo.err = jpeg_std_error(&err.mgr);
    err.mgr.error_exit = jpeg_on_error;
    err.mgr.emit_message = jpeg_quiet;
    if (setjmp(err.jump)) {
        job.error = err.message;
        jpeg_destroy_decompress(&cinfo);
        return false;
    }
    jpeg_create_decompress(&cinfo);
    jpeg_mem_src(&cinfo, job.bytes->data(), static_cast<unsigned long>(job.bytes->size()));
    jpeg_save_markers(&cinfo, JPEG_APP0 + 1, 0xFFFF);
    jpeg_read_header(&cinfo, TRUE);
    job.info.stored = {static_cast<int>(cinfo.image_width), static_cast<int>(cinfo.image_height)};
    if (cinfo.density_unit == 1 || cinfo.density_unit == 2)
        job.info.dpi = to_dpi(cinfo.X_density, cinfo.density_unit == 2);
    for (jpeg_saved_marker_ptr m = cinfo.marker_list; m != nullptr; m = m->next) {
        if (m->marker == JPEG_APP0 + 1 && m->data_length > 6 && std::memcmp(m->data, "Exif\0\0", 6) == 0) {
            job.info.orientation = exif_orientation(m->data, m->data_length);
            break;
        }
    }
    if (job.decode &&
        static_cast<std::uint64_t>(cinfo.image_width) * cinfo.image_height <= job.limits->max_image_pixels) {
        job.cmyk = cinfo.jpeg_color_space == JCS_CMYK || cinfo.jpeg_color_space == JCS_YCCK;
        job.inverted_cmyk = job.cmyk && cinfo.saw_Adobe_marker;
        cinfo.out_color_space = job.cmyk ? JCS_CMYK : JCS_EXT_RGBA;
        jpeg_start_decompress(&cinfo);
        job.pixels.width = static_cast<int>(cinfo.output_width);
        job.pixels.height = static_cast<int>(cinfo.output_height);
        job.pixels.rgba.assign(static_cast<std::size_t>(cinfo.output_width) * cinfo.output_height * 4, 0xFF);
        while (cinfo.output_scanline < cinfo.output_height) {
            JSAMPROW row = job.pixels.row(static_cast<int>(cinfo.output_scanline));
            jpeg_read_scanlines(&cinfo, &row, 1);
        }
        jpeg_finish_decompress(&cinfo);
    }
    jpeg_destroy_decompress(&cinfo);
    return true;
}

JpegJob jpeg(const Bytes& bytes, bool decode, const EngineLimits& limits) {
    JpegJob job;
    job.bytes = &bytes;
    job.decode = decode;
    job.limits = &limits;
    if (!run_jpeg(job))
        throw DocumentError("The JPEG image could not be read (" + job.error +
                            "); it may be truncated or damaged.");
    check_pixels(static_cast<std::uint64_t>(job.info.stored.width),
                 static_cast<std::uint64_t>(job.info.stored.height), limits, "JPEG");
    if (decode && job.cmyk) {
        for (std::size_t i = 0; i < job.pixels.rgba.size(); i += 4) {
            std::uint8_t* p = job.pixels.rgba.data() + i;
            const unsigned k = job.inverted_cmyk ? p[3] : 255u - p[3];
            for (int c = 0; c < 3; ++c) {
                const unsigned v = job.inverted_cmyk ? p[c] : 255u - p[c];
                p[c] = static_cast<std::uint8_t>(v * k / 255);
            }
            p[3] = 255;
        }
    }
    return job;
}

// ---- PNG: libpng's simplified API reports errors by return value; pHYs and eXIf are read from the chunks.
struct PngChunks {
    double dpi = 0;
    int orientation = 1;
};

PngChunks png_chunks(const Bytes& b) {
    PngChunks out;
    std::size_t at = 8;
    while (at + 12 <= b.size()) {
        const std::uint32_t len = read_u32(b.data() + at, false);
        if (len > b.size() - at - 12)
            break;
        const std::uint8_t* type = b.data() + at + 4;
        const std::uint8_t* data = type + 4;
        if (std::memcmp(type, "pHYs", 4) == 0 && len >= 9 && data[8] == 1)
            out.dpi = read_u32(data, false) * 0.0254;  // pixels per metre
        if (std::memcmp(type, "eXIf", 4) == 0)
            out.orientation = exif_orientation(data, len);
        if (std::memcmp(type, "IDAT", 4) == 0)
            break;  // metadata we use comes before the pixels
        at += 12 + len;
    }
    return out;
}

Bitmap png(const Bytes& bytes, bool decode, const EngineLimits& limits, ImageInfo& info) {
    png_image image;
    std::memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(&image, bytes.data(), bytes.size()))
        throw DocumentError(std::string("The PNG image could not be read (") + image.message +
                            "); it may be truncated or damaged.");
    info.stored = {static_cast<int>(image.width), static_cast<int>(image.height)};
    const PngChunks chunks = png_chunks(bytes);
    info.dpi = chunks.dpi;
    info.orientation = chunks.orientation;
    try {
        check_pixels(image.width, image.height, limits, "PNG");
    } catch (...) {
        png_image_free(&image);
        throw;
    }
    if (!decode) {
        png_image_free(&image);
        return {};
    }
    image.format = PNG_FORMAT_RGBA;
    Bitmap out(static_cast<int>(image.width), static_cast<int>(image.height));
    if (!png_image_finish_read(&image, nullptr, out.rgba.data(), 0, nullptr))
        throw DocumentError(std::string("The PNG image could not be decoded (") + image.message +
                            "); it may be truncated or damaged.");
    return out;
}

// ---- TIFF: read from memory through client procs; libtiff's messages go to a per-thread string.
thread_local std::string tiff_last_error;

void tiff_error(const char* module, const char* fmt, va_list ap) {
    char buf[512];
    std::vsnprintf(buf, sizeof buf, fmt, ap);
    tiff_last_error = std::string(module ? module : "libtiff") + ": " + buf;
}
void tiff_warning(const char*, const char*, va_list) {}

struct TiffMemory {
    const Bytes* bytes;
    toff_t pos = 0;
};

tsize_t tiff_read(thandle_t h, tdata_t buf, tsize_t size) {
    auto* m = static_cast<TiffMemory*>(h);
    const toff_t left = m->bytes->size() > m->pos ? m->bytes->size() - m->pos : 0;
    const toff_t n = std::min<toff_t>(left, static_cast<toff_t>(size));
    std::memcpy(buf, m->bytes->data() + m->pos, n);
    m->pos += n;
    return static_cast<tsize_t>(n);
}
tsize_t tiff_write(thandle_t, tdata_t, tsize_t) {
    return 0;
}
toff_t tiff_seek(thandle_t h, toff_t off, int whence) {
    auto* m = static_cast<TiffMemory*>(h);
    const toff_t base = whence == SEEK_SET ? 0 : whence == SEEK_CUR ? m->pos : m->bytes->size();
    m->pos = base + off;
    return m->pos;
}
int tiff_close(thandle_t) {
    return 0;
}
toff_t tiff_size(thandle_t h) {
    return static_cast<TiffMemory*>(h)->bytes->size();
}
int tiff_map(thandle_t, tdata_t*, toff_t*) {
    return 0;
}
void tiff_unmap(thandle_t, tdata_t, toff_t) {}

class Tiff {
  public:
    explicit Tiff(const Bytes& bytes) : memory_{&bytes} {
        static const bool handlers = [] {
            TIFFSetErrorHandler(tiff_error);
            TIFFSetWarningHandler(tiff_warning);
            return true;
        }();
        (void)handlers;
        tiff_last_error.clear();
        tif_ = TIFFClientOpen("upload", "rm", &memory_, tiff_read, tiff_write, tiff_seek, tiff_close,
                              tiff_size, tiff_map, tiff_unmap);
        if (tif_ == nullptr)
            fail("could not be opened");
    }
    ~Tiff() {
        if (tif_ != nullptr)
            TIFFClose(tif_);
    }
    Tiff(const Tiff&) = delete;
    Tiff& operator=(const Tiff&) = delete;
    TIFF* get() { return tif_; }
    [[noreturn]] void fail(const std::string& what) {
        throw DocumentError("The TIFF image " + what +
                            (tiff_last_error.empty() ? "" : " (" + tiff_last_error + ")") +
                            "; it may be truncated or damaged.");
    }

  private:
    TiffMemory memory_;
    TIFF* tif_ = nullptr;
};

int tiff_pages(const Bytes& bytes, const EngineLimits& limits) {
    Tiff tiff(bytes);
    int n = 0;
    do {
        if (++n > limits.max_pages)
            throw LimitError("The TIFF file has more than " + std::to_string(limits.max_pages) +
                             " pages, the viewer's limit.");
    } while (TIFFReadDirectory(tiff.get()));
    return n;
}

Bitmap tiff(const Bytes& bytes, int page, bool decode, const EngineLimits& limits, ImageInfo& info) {
    Tiff tiff(bytes);
    if (!TIFFSetDirectory(tiff.get(), static_cast<tdir_t>(page)))
        tiff.fail("has no page " + std::to_string(page + 1));
    std::uint32_t w = 0, h = 0;
    std::uint16_t orientation = ORIENTATION_TOPLEFT, unit = RESUNIT_INCH;
    float xres = 0;
    TIFFGetField(tiff.get(), TIFFTAG_IMAGEWIDTH, &w);
    TIFFGetField(tiff.get(), TIFFTAG_IMAGELENGTH, &h);
    TIFFGetFieldDefaulted(tiff.get(), TIFFTAG_ORIENTATION, &orientation);
    TIFFGetFieldDefaulted(tiff.get(), TIFFTAG_RESOLUTIONUNIT, &unit);
    if (TIFFGetField(tiff.get(), TIFFTAG_XRESOLUTION, &xres) && unit != RESUNIT_NONE)
        info.dpi = to_dpi(xres, unit == RESUNIT_CENTIMETER);
    info.stored = {static_cast<int>(w), static_cast<int>(h)};
    info.orientation = orientation >= 1 && orientation <= 8 ? orientation : 1;
    check_pixels(w, h, limits, "TIFF");
    if (!decode)
        return {};
    char why[1024] = "";
    if (!TIFFRGBAImageOK(tiff.get(), why))
        tiff.fail(std::string("uses an encoding the viewer cannot show: ") + why);
    Bitmap out(static_cast<int>(w), static_cast<int>(h));
    // Asking for the file's own orientation gives the pixels in stored order; apply_orientation turns them.
    if (!TIFFReadRGBAImageOriented(tiff.get(), w, h, reinterpret_cast<std::uint32_t*>(out.rgba.data()),
                                   orientation, 0))
        tiff.fail("could not be decoded");
    return out;  // uint32 ABGR, i.e. R, G, B, A bytes on little-endian machines
}

#ifdef JAANCH_HAVE_WEBP
Bitmap webp(const Bytes& bytes, bool decode, const EngineLimits& limits, ImageInfo& info) {
    WebPBitstreamFeatures features;
    if (WebPGetFeatures(bytes.data(), bytes.size(), &features) != VP8_STATUS_OK)
        throw DocumentError("The WebP image could not be read; it may be truncated or damaged.");
    if (features.has_animation)
        throw DocumentError("The WebP image is animated; ask for a still image or a PDF.");
    info.stored = {features.width, features.height};
    check_pixels(static_cast<std::uint64_t>(features.width), static_cast<std::uint64_t>(features.height),
                 limits, "WebP");
    if (!decode)
        return {};
    Bitmap out(features.width, features.height);
    if (!WebPDecodeRGBAInto(bytes.data(), bytes.size(), out.rgba.data(), out.rgba.size(), out.width * 4))
        throw DocumentError("The WebP image could not be decoded; it may be truncated or damaged.");
    return out;
}
#endif

Bitmap read_image(std::string_view format, const Bytes& bytes, int page, bool decode,
                  const EngineLimits& limits, ImageInfo& info) {
    if (format != "tiff" && page != 0)
        throw DocumentError("A " + std::string(format) + " image has only one page.");
    if (format == "jpeg") {
        JpegJob job = jpeg(bytes, decode, limits);
        info = job.info;
        return std::move(job.pixels);
    }
    if (format == "png")
        return png(bytes, decode, limits, info);
    if (format == "tiff")
        return tiff(bytes, page, decode, limits, info);
#ifdef JAANCH_HAVE_WEBP
    if (format == "webp")
        return webp(bytes, decode, limits, info);
#endif
    throw DocumentError("The viewer cannot show " + std::string(format) + " images.");
}

Bitmap mirror_horizontal(Bitmap b) {
    for (int y = 0; y < b.height; ++y) {
        std::uint8_t* row = b.row(y);
        for (int l = 0, r = b.width - 1; l < r; ++l, --r)
            std::swap_ranges(row + l * 4, row + l * 4 + 4, row + r * 4);
    }
    return b;
}

}  // namespace

PixelSize ImageInfo::upright() const {
    return orientation >= 5 ? PixelSize{stored.height, stored.width} : stored;
}

bool webp_supported() {
#ifdef JAANCH_HAVE_WEBP
    return true;
#else
    return false;
#endif
}

int image_page_count(std::string_view format, const Bytes& bytes, const EngineLimits& limits) {
    return format == "tiff" ? tiff_pages(bytes, limits) : 1;
}

ImageInfo probe_image(std::string_view format, const Bytes& bytes, int page, const EngineLimits& limits) {
    ImageInfo info;
    read_image(format, bytes, page, false, limits, info);
    return info;
}

Bitmap decode_image(std::string_view format, const Bytes& bytes, int page, const EngineLimits& limits) {
    ImageInfo info;
    Bitmap pixels = read_image(format, bytes, page, true, limits, info);
    flatten_onto_white(pixels);
    return apply_orientation(std::move(pixels), info.orientation);
}

int exif_orientation(const std::uint8_t* data, std::size_t size) {
    if (size >= 6 && std::memcmp(data, "Exif\0\0", 6) == 0) {
        data += 6;
        size -= 6;
    }
    if (size < 8)
        return 1;
    const bool le = data[0] == 'I' && data[1] == 'I';
    if (!le && !(data[0] == 'M' && data[1] == 'M'))
        return 1;
    const std::uint32_t ifd = read_u32(data + 4, le);
    if (ifd > size - 2)
        return 1;
    const std::uint16_t entries = read_u16(data + ifd, le);
    for (std::uint32_t i = 0; i < entries; ++i) {
        const std::size_t at = ifd + 2 + static_cast<std::size_t>(i) * 12;
        if (at + 12 > size)
            return 1;
        if (read_u16(data + at, le) == 0x0112) {
            const int v = read_u16(data + at + 8, le);
            return v >= 1 && v <= 8 ? v : 1;
        }
    }
    return 1;
}

Bitmap apply_orientation(Bitmap src, int orientation) {
    switch (orientation) {
        case 2:
            return mirror_horizontal(std::move(src));
        case 3:
            return rotate(src, Rotation::r180);
        case 4:
            return rotate(mirror_horizontal(std::move(src)), Rotation::r180);
        case 5:
            return rotate(mirror_horizontal(std::move(src)), Rotation::r270);
        case 6:
            return rotate(src, Rotation::r90);
        case 7:
            return rotate(mirror_horizontal(std::move(src)), Rotation::r90);
        case 8:
            return rotate(src, Rotation::r270);
        default:
            return src;
    }
}

}  // namespace jaanch::viewer
