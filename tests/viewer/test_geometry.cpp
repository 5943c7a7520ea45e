#include <boost/test/unit_test.hpp>

#include "util/error.h"
#include "viewer/engine/geometry.h"
#include "viewer/engine/resample.h"

using namespace jaanch::viewer;
namespace tt = boost::test_tools;

BOOST_AUTO_TEST_SUITE(geometry)

BOOST_AUTO_TEST_CASE(device_size_rounds_up_and_swaps_for_quarter_turns) {
    BOOST_TEST((device_size({595, 842}, 150 / 72.0, Rotation::r0) == PixelSize{1240, 1755}));
    BOOST_TEST((device_size({595, 842}, 150 / 72.0, Rotation::r90) == PixelSize{1755, 1240}));
    BOOST_TEST((device_size({612, 792}, 1.0, Rotation::r180) == PixelSize{612, 792}));
}

BOOST_AUTO_TEST_CASE(page_and_device_coordinates_round_trip_for_every_rotation) {
    const SizeF page{200, 300};
    const RectF r{10, 20, 30, 40};
    for (int deg : {0, 90, 180, 270}) {
        const Rotation rot = rotation_from_degrees(deg);
        const RectF d = page_to_device(r, page, 2.0, rot);
        const RectF back = device_to_page(d, page, 2.0, rot);
        BOOST_TEST(back.x == r.x, tt::tolerance(1e-9));
        BOOST_TEST(back.y == r.y, tt::tolerance(1e-9));
        BOOST_TEST(back.width == r.width, tt::tolerance(1e-9));
        BOOST_TEST(back.height == r.height, tt::tolerance(1e-9));
    }
    // A box near the top-left ends up near the top-right after a clockwise quarter turn.
    const RectF d = page_to_device(r, page, 1.0, Rotation::r90);
    BOOST_TEST(d.x == 300 - 20 - 40);
    BOOST_TEST(d.y == 10);
}

BOOST_AUTO_TEST_CASE(rotate_moves_a_corner_pixel_clockwise) {
    Bitmap b(3, 2);
    b.row(0)[0] = 0;  // top-left pixel's red channel
    const Bitmap r = rotate(b, Rotation::r90);
    BOOST_TEST(r.width == 2);
    BOOST_TEST(r.height == 3);
    BOOST_TEST(r.row(0)[4] == 0);  // now top-right
    BOOST_TEST((rotation_from_degrees(-90) == Rotation::r270));
    BOOST_CHECK_THROW(rotation_from_degrees(45), jaanch::Error);
}

BOOST_AUTO_TEST_CASE(resample_region_matches_the_same_part_of_the_whole) {
    Bitmap src(100, 80);
    for (int y = 0; y < 80; ++y)
        for (int x = 0; x < 100; ++x)
            src.row(y)[x * 4] = static_cast<std::uint8_t>(x * 2 + y);
    const PixelSize out{37, 29};
    const Bitmap whole = resample_region(src, out, {0, 0, 37, 29});
    const Bitmap part = resample_region(src, out, {10, 5, 12, 9});
    for (int y = 0; y < 9; ++y)
        for (int x = 0; x < 12; ++x)
            BOOST_TEST(part.row(y)[x * 4] == whole.row(y + 5)[(x + 10) * 4]);
    const PixelRect u = unrotate_region({1, 2, 3, 4}, {10, 20}, Rotation::r90);
    BOOST_TEST((u == PixelRect{2, 20 - 1 - 3, 4, 3}));
}

BOOST_AUTO_TEST_SUITE_END()
