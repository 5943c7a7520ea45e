// ImageEngine on JPEG, PNG, TIFF and WebP files encoded by the real libraries in the test.
#include <boost/test/unit_test.hpp>

#include "fixtures.h"
#include "viewer/engine/image_decoders.h"
#include "viewer/engine/image_engine.h"
#include "viewer/engine/open_document.h"

using namespace jaanch::viewer;
namespace fx = jaanch::viewer::fixtures;

namespace {

std::unique_ptr<DocumentEngine> open_bytes(const std::vector<std::uint8_t>& bytes, EngineLimits limits = {}) {
    OpenOptions o;
    o.limits = limits;
    return open_document(std::make_shared<Bytes>(bytes), o).engine;
}

// Renders page 0 at the image's own pixel size.
Bitmap native(DocumentEngine& e, int page = 0, Rotation rot = Rotation::r0) {
    RenderRequest r;
    r.page = page;
    r.scale = 150 / 72.0;  // images without a plausible DPI are laid out at 150 DPI
    r.rotation = rot;
    return e.render(r);
}

// The red block of test_picture is in the top-left area, the blue one bottom-right.
void check_upright(const Bitmap& b, const std::string& what) {
    const fx::Rgb red =
        fx::average(b, {b.width * 15 / 100, b.height * 15 / 100, b.width / 10, b.height / 10});
    const fx::Rgb blue =
        fx::average(b, {b.width * 75 / 100, b.height * 75 / 100, b.width / 10, b.height / 10});
    BOOST_TEST_INFO(what << ": red area " << red.r << "," << red.g << "," << red.b << "; blue area " << blue.r
                         << "," << blue.g << "," << blue.b);
    BOOST_TEST((red.r > 180 && red.g < 70 && red.b < 70));
    BOOST_TEST((blue.b > 180 && blue.r < 70));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(image_engine)

BOOST_AUTO_TEST_CASE(jpeg_honours_every_exif_orientation) {
    const Bitmap picture = fx::test_picture(240, 160);
    // The stored pixels are the picture turned back, so that honouring the tag shows it upright.
    const int inverse[9] = {0, 1, 2, 3, 4, 5, 8, 7, 6};
    for (int o = 1; o <= 8; ++o) {
        const Bitmap stored = apply_orientation(picture, inverse[o]);
        auto engine = open_bytes(fx::encode_jpeg(stored, 92, o));
        BOOST_TEST(engine->format() == "jpeg");
        const Bitmap shown = native(*engine);
        BOOST_TEST_INFO("orientation " << o);
        BOOST_TEST(shown.width == 240);
        BOOST_TEST(shown.height == 160);
        check_upright(shown, "orientation " + std::to_string(o));
    }
}

BOOST_AUTO_TEST_CASE(png_and_webp_decode_to_the_encoded_picture) {
    const Bitmap picture = fx::test_picture(200, 300);
    auto png = open_bytes(fx::encode_png(picture));
    BOOST_TEST(png->format() == "png");
    const fx::PixelDiff exact = fx::compare(native(*png), picture);
    BOOST_TEST(exact.mean_abs < 0.01);
    BOOST_REQUIRE(webp_supported());
    auto webp = open_bytes(fx::encode_webp(picture));
    BOOST_TEST(webp->format() == "webp");
    const fx::PixelDiff lossy = fx::compare(native(*webp), picture);
    BOOST_TEST(lossy.mean_abs < 4.0);
}

BOOST_AUTO_TEST_CASE(downscaled_rotated_and_tiled_renders_keep_the_picture) {
    auto engine = open_bytes(fx::encode_png(fx::test_picture(400, 300)));
    RenderRequest thumb;
    thumb.scale = 150 / 72.0 / 5;  // 80 x 60
    const Bitmap small = engine->render(thumb);
    BOOST_TEST(small.width == 80);
    check_upright(small, "thumbnail");
    thumb.rotation = Rotation::r180;
    check_upright(rotate(engine->render(thumb), Rotation::r180), "thumbnail turned back");
    // A tile of a 2x enlargement equals the same part of the whole enlargement.
    RenderRequest big;
    big.scale = 2 * 150 / 72.0;
    big.rotation = Rotation::r90;
    const Bitmap whole = engine->render(big);
    big.region = PixelRect{100, 200, 128, 128};
    const fx::PixelDiff d = fx::compare(engine->render(big), crop(whole, *big.region));
    BOOST_TEST(d.mean_abs < 0.01);
}

BOOST_AUTO_TEST_CASE(multi_page_tiff_pages_with_dpi_and_orientation) {
    fx::TempDir dir;
    const Bitmap a = fx::test_picture(300, 400), b = fx::test_picture(500, 200);
    fx::write_tiff(dir / "pages.tif", {a, b, a});
    auto engine = open_bytes(fx::read_bytes(dir / "pages.tif"));
    BOOST_TEST(engine->format() == "tiff");
    BOOST_TEST(engine->page_count() == 3);
    // 200 DPI in the file: 500 px are 180 pt.
    BOOST_TEST(engine->page_size(1).width == 180.0, boost::test_tools::tolerance(1e-6));
    RenderRequest r;
    r.page = 1;
    r.scale = 200 / 72.0;
    const Bitmap page2 = engine->render(r);
    BOOST_TEST(fx::compare(page2, b).mean_abs < 0.01);
    // Orientation 6 (turn 90 degrees clockwise to view) on stored pixels turned the other way shows upright.
    fx::write_tiff(dir / "turned.tif", {rotate(a, Rotation::r270)}, 6);
    auto turned = open_bytes(fx::read_bytes(dir / "turned.tif"));
    r.page = 0;
    const Bitmap shown = turned->render(r);
    BOOST_TEST(shown.width == 300);
    check_upright(shown, "TIFF orientation 6");
}

BOOST_AUTO_TEST_CASE(broken_images_and_limits_are_errors) {
    const Bitmap picture = fx::test_picture(300, 200);
    const auto jpeg = fx::encode_jpeg(picture, 85);
    const auto png = fx::encode_png(picture);
    BOOST_CHECK_THROW(open_bytes({jpeg.begin(), jpeg.begin() + 20}), DocumentError);
    BOOST_CHECK_THROW(open_bytes({png.begin(), png.begin() + 30}), DocumentError);
    {  // a PNG cut in its pixel data opens (the header is whole) but cannot be decoded
        auto cut = open_bytes({png.begin(), png.begin() + static_cast<long>(png.size() / 2)});
        BOOST_CHECK_THROW(native(*cut), DocumentError);
    }
    const std::string riff = "RIFF\x10\0\0\0WEBPVP8 garbage";
    BOOST_CHECK_THROW(open_bytes({riff.begin(), riff.end()}), DocumentError);
    const std::string tiff("II*\0\x08\0\0\0\xff\xff", 10);
    BOOST_CHECK_THROW(open_bytes({tiff.begin(), tiff.end()}), DocumentError);
    EngineLimits small;
    small.max_image_pixels = 50'000;
    BOOST_CHECK_THROW(open_bytes(jpeg, small), LimitError);
    BOOST_CHECK_THROW(open_bytes(png, small), LimitError);
    auto engine = open_bytes(jpeg);
    BOOST_CHECK_THROW(native(*engine, 1), DocumentError);
    BOOST_TEST(engine->text_boxes(0).empty());
}

BOOST_AUTO_TEST_CASE(exif_parser_reads_both_byte_orders_and_ignores_junk) {
    const std::uint8_t be[] = {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0,
                               3,   0,   0, 0,  1, 0, 6, 0, 0, 0, 0,    0,    0};
    BOOST_TEST(exif_orientation(be, sizeof be) == 6);
    const std::uint8_t junk[] = {'I', 'I', 42, 0, 0xff, 0xff, 0, 0};
    BOOST_TEST(exif_orientation(junk, sizeof junk) == 1);
}

BOOST_AUTO_TEST_SUITE_END()
