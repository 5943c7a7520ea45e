// jaanch-cli render and text through the sandbox (the default) and with --no-sandbox: the same PNG bytes and
// the same text, and the protection used is named on stderr.
#include <boost/test/unit_test.hpp>

#include <fstream>
#include <sstream>

#include "sandbox_test_support.h"

namespace fx = jaanch::viewer::fixtures;
using jaanch::viewer::sandbox::protection_name;
using jaanch::viewer::sandbox::testing::expected_protection;

namespace {

std::string slurp(const fx::fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(sandbox_cli)

BOOST_AUTO_TEST_CASE(render_and_text_match_the_unsandboxed_run_and_name_the_protection) {
    fx::TempDir dir;
    fx::write_text_pdf(dir / "doc.pdf", {fx::TextPage{}, fx::TextPage{400, 300, {"Second page"}}});
    const std::string cli = std::string(JAANCH_CLI) + " ";
    const std::string doc = "'" + (dir / "doc.pdf").string() + "'";
    auto at = [&](const char* name) { return "'" + (dir / name).string() + "'"; };
    BOOST_REQUIRE(fx::run(cli + "render " + doc + " --page 2 --dpi 90 --out " + at("s.png") + " 2> " +
                          at("s.err")) == 0);
    BOOST_REQUIRE(fx::run(cli + "render " + doc + " --page 2 --dpi 90 --no-sandbox --out " + at("n.png") +
                          " 2> " + at("n.err")) == 0);
    BOOST_TEST(slurp(dir / "s.png") == slurp(dir / "n.png"));
    BOOST_TEST(slurp(dir / "s.png").size() > 1000u);
    BOOST_TEST(slurp(dir / "s.err") ==
               "protection: " + std::string(protection_name(expected_protection())) + "\n");
    BOOST_TEST(slurp(dir / "n.err") == "protection: none (--no-sandbox)\n");
    BOOST_REQUIRE(fx::run(cli + "text " + doc + " > " + at("s.txt") + " 2>/dev/null") == 0);
    BOOST_REQUIRE(fx::run(cli + "text --no-sandbox " + doc + " > " + at("n.txt") + " 2>/dev/null") == 0);
    BOOST_TEST(slurp(dir / "s.txt") == slurp(dir / "n.txt"));
    BOOST_TEST(slurp(dir / "s.txt").find("Applicant: SURESH KUMAR") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
