// jaanch-cli render / text, run as a process on generated files, checked against pdftoppm.
#include <boost/test/unit_test.hpp>

#include <fstream>
#include <sstream>

#include "fixtures.h"
#include "viewer/engine/png_writer.h"

namespace fx = jaanch::viewer::fixtures;

namespace {

std::string cli() {
    return JAANCH_CLI;
}

std::string slurp(const fx::fs::path& p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(viewer_cli)

BOOST_AUTO_TEST_CASE(render_writes_the_page_pdftoppm_writes) {
    fx::TempDir dir;
    fx::write_text_pdf(dir / "doc.pdf", {fx::TextPage{}, fx::TextPage{400, 300, {"Second page"}}});
    const auto out = dir / "page2.png";
    BOOST_REQUIRE(fx::run(cli() + " render '" + (dir / "doc.pdf").string() + "' --page 2 --dpi 120 --out '" +
                          out.string() + "' > '" + (dir / "log").string() + "'") == 0);
    BOOST_TEST(slurp(dir / "log").find("Wrote page 2 of 2") != std::string::npos);
    const auto ours = jaanch::viewer::read_png(out.string());
    const auto ref = fx::pdftoppm_page(dir / "doc.pdf", 2, 120, dir.path());
    const fx::PixelDiff d = fx::compare(ours, ref);
    BOOST_TEST(d.same_size);
    BOOST_TEST(d.mean_abs <= 1.0);
}

BOOST_AUTO_TEST_CASE(text_prints_the_words_and_passwords_are_honoured) {
    fx::TempDir dir;
    fx::write_text_pdf(dir / "doc.pdf", {fx::TextPage{}});
    fx::encrypt_pdf(dir / "doc.pdf", dir / "locked.pdf", "SURE1990");
    const std::string locked = "'" + (dir / "locked.pdf").string() + "'";
    BOOST_REQUIRE(fx::run(cli() + " text " + locked + " --password SURE1990 > '" +
                          (dir / "out.txt").string() + "'") == 0);
    const std::string text = slurp(dir / "out.txt");
    BOOST_TEST(text.find("Applicant: SURESH KUMAR\n") != std::string::npos);
    BOOST_TEST(text.find("Page 1") != std::string::npos);
    BOOST_TEST(fx::run(cli() + " text " + locked + " 2> '" + (dir / "err.txt").string() + "'") == 1);
    BOOST_TEST(slurp(dir / "err.txt").find("password-protected") != std::string::npos);
    BOOST_TEST(fx::run(cli() + " render " + locked + " --password SURE1990 --page 5 --out x.png 2> '" +
                       (dir / "err2.txt").string() + "'") == 1);
    BOOST_TEST(slurp(dir / "err2.txt").find("has 1 page(s)") != std::string::npos);
    BOOST_TEST(fx::run(cli() + " render " + locked + " --dpi many --out x.png 2>/dev/null") == 2);
}

BOOST_AUTO_TEST_SUITE_END()
