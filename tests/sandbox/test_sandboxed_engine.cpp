// The sandboxed engine against the in-process engines on the same files: the same pixels (text included:
// fonts and Poppler's data stay readable under the filter), the same text boxes, the same password flow, and
// the render service driving sandboxed clones from its worker threads.
#include <boost/test/unit_test.hpp>

#include <signal.h>

#include <chrono>

#include "sandbox_test_support.h"
#include "util/dispatch.h"
#include "viewer/render/render_service.h"

using namespace jaanch::viewer;
using namespace jaanch::viewer::sandbox;
using namespace jaanch::viewer::sandbox::testing;
namespace fx = jaanch::viewer::fixtures;
using namespace std::chrono_literals;

BOOST_AUTO_TEST_SUITE(sandboxed_engine)

BOOST_AUTO_TEST_CASE(text_pages_render_as_in_process_with_their_text) {
    fx::TempDir dir;
    fx::TextPage page;
    for (int i = 0; i < 12; ++i)
        page.lines.push_back("Line " + std::to_string(i) + " of the caste certificate, 1234567890");
    fx::write_text_pdf(dir / "text.pdf", {page, fx::TextPage{400, 300, {"Second page"}}});
    auto sandboxed = open_sandboxed(dir / "text.pdf");
    auto local = open_in_process(dir / "text.pdf");
    BOOST_TEST((sandboxed->protection() == expected_protection()));
    BOOST_TEST(sandboxed->format() == "pdf");
    BOOST_REQUIRE(sandboxed->page_count() == 2);
    BOOST_TEST((sandboxed->page_size(1) == local->page_size(1)));

    RenderRequest r;
    r.scale = 100 / 72.0;
    const Bitmap a = sandboxed->render(r), b = local->render(r);
    const auto diff = fx::compare(a, b);
    BOOST_TEST_MESSAGE("text page: mean abs diff " << diff.mean_abs << ", share over threshold "
                                                   << diff.share_over << ", dark pixels " << dark_pixels(a)
                                                   << " vs " << dark_pixels(b));
    BOOST_REQUIRE(diff.same_size);
    BOOST_TEST(diff.mean_abs < 0.5);
    BOOST_TEST(diff.share_over < 0.001);
    // Text is there: the words alone darken thousands of pixels, as in the unsandboxed render.
    BOOST_TEST(dark_pixels(a) > 3000u);
    BOOST_TEST(static_cast<double>(dark_pixels(a)) > 0.97 * static_cast<double>(dark_pixels(b)));

    // A tile of a turned page, and the text boxes, match too.
    r.page = 1;
    r.rotation = Rotation::r90;
    r.region = PixelRect{10, 20, 150, 100};
    BOOST_TEST(fx::checksum(sandboxed->render(r)) == fx::checksum(local->render(r)));
    const auto boxes = sandboxed->text_boxes(0), expected = local->text_boxes(0);
    BOOST_REQUIRE(boxes.size() == expected.size());
    for (std::size_t i = 0; i < boxes.size(); ++i) {
        BOOST_TEST(boxes[i].text == expected[i].text);
        BOOST_TEST((boxes[i].box == expected[i].box));
    }
    BOOST_TEST(sandboxed->search(0, "caste certificate").size() ==
               local->search(0, "caste certificate").size());
}

BOOST_AUTO_TEST_CASE(images_and_errors_behave_as_in_process) {
    fx::TempDir dir;
    fx::write_bytes(dir / "photo.png", fx::encode_png(fx::test_picture(300, 200)));
    fx::write_bytes(dir / "photo.jpg", fx::encode_jpeg(fx::test_picture(300, 200), 85, 6));
    for (const char* name : {"photo.png", "photo.jpg"}) {
        auto s = open_sandboxed(dir / name);
        auto l = open_in_process(dir / name);
        RenderRequest r;
        r.scale = 0.5;
        BOOST_TEST(fx::checksum(s->render(r)) == fx::checksum(l->render(r)));
    }
    auto s = open_sandboxed(dir / "photo.png");
    RenderRequest beyond;
    beyond.page = 1;
    BOOST_CHECK_THROW(s->render(beyond), DocumentError);
    // An image too large for the limits is a LimitError raised by the helper and re-raised here.
    OpenOptions small;
    small.limits.max_render_pixels = 100;
    auto opened =
        open_document_file((dir / "photo.png").string(), small, EngineIsolation::sandboxed, options());
    RenderRequest big;
    big.scale = 1;
    BOOST_CHECK_THROW(opened.engine->render(big), LimitError);
    fx::write_bytes(dir / "junk.pdf", {'%', 'P', 'D', 'F', '-', '1', '.', '4', '\n', 'x'});
    BOOST_CHECK_THROW(open_sandboxed(dir / "junk.pdf"), DocumentError);
}

BOOST_AUTO_TEST_CASE(the_password_flow_runs_in_the_helper) {
    fx::TempDir dir;
    fx::write_text_pdf(dir / "plain.pdf", {fx::TextPage{}});
    fx::encrypt_pdf(dir / "plain.pdf", dir / "locked.pdf", "SURE1990");
    OpenOptions o;
    BOOST_CHECK_THROW(
        open_document_file((dir / "locked.pdf").string(), o, EngineIsolation::sandboxed, options()),
        PasswordError);
    o.passwords = {"WRONG", "SURE1990"};
    auto opened = open_document_file((dir / "locked.pdf").string(), o, EngineIsolation::sandboxed, options());
    BOOST_TEST((opened.password_source == PasswordSource::given));
    RenderRequest r;
    r.scale = 0.5;
    const auto expected = fx::checksum(open_in_process(dir / "plain.pdf")->render(r));
    BOOST_TEST(fx::checksum(opened.engine->render(r)) == expected);
    // A clone starts its own helper, which must unlock with the remembered password by itself.
    auto clone = opened.engine->clone();
    BOOST_TEST(fx::checksum(clone->render(r)) == expected);
}

BOOST_AUTO_TEST_CASE(the_render_service_renders_sandboxed_clones_on_its_workers) {
    fx::TempDir dir;
    fx::write_text_pdf(dir / "text.pdf", std::vector<fx::TextPage>(3));
    jaanch::dispatch::MainQueue q;
    q.install();
    render::RenderService::Options o;
    o.threads = 2;
    render::RenderService service(o);
    const auto id = service.add_document(open_sandboxed(dir / "text.pdf"));
    std::map<int, render::RenderResult> got;
    render::RenderChannel channel(
        service, [&](const render::TileKey& k, const render::RenderResult& r) { got[k.page] = r; });
    for (int page = 0; page < 3; ++page)
        channel.request({id, page, render::quantize_scale(0.75), Rotation::r0, 0, 0},
                        render::Priority::visible);
    const auto end = std::chrono::steady_clock::now() + 60s;
    while (got.size() < 3 && std::chrono::steady_clock::now() < end)
        q.run_for(20ms);
    BOOST_REQUIRE(got.size() == 3u);
    auto local = open_in_process(dir / "text.pdf");
    for (const auto& [page, result] : got) {
        BOOST_REQUIRE_MESSAGE(result.bitmap, result.error);
        RenderRequest r;
        r.page = page;
        r.scale = render::scale_of(render::quantize_scale(0.75));
        BOOST_TEST(fx::checksum(*result.bitmap) == fx::checksum(local->render(r)));
    }
}

BOOST_AUTO_TEST_CASE(clones_take_the_prototypes_helper_instead_of_starting_one) {
    fx::TempDir dir;
    fx::write_text_pdf(dir / "text.pdf", std::vector<fx::TextPage>(2));
    auto prototype = open_sandboxed(dir / "text.pdf", options(test_helper()));  // with its crash hook
    const pid_t opened_in = prototype->helper_pid();
    BOOST_REQUIRE(opened_in > 0);
    prototype->become_prototype();
    BOOST_TEST(prototype->helper_pid() == 0);  // parked for the first clone
    RenderRequest r;
    r.scale = 0.5;
    std::uint64_t expected = 0;
    {
        auto first = prototype->clone();
        expected = fx::checksum(first->render(r));
        BOOST_TEST(dynamic_cast<SandboxedEngine&>(*first).helper_pid() == opened_in);
        // A second clone at the same time needs a process of its own.
        auto second = prototype->clone();
        BOOST_TEST(fx::checksum(second->render(r)) == expected);
        BOOST_TEST(dynamic_cast<SandboxedEngine&>(*second).helper_pid() != opened_in);
    }  // both end: one helper waits in the pool, the other ends
    auto third = prototype->clone();
    BOOST_TEST(fx::checksum(third->render(r)) == expected);
    const pid_t reused = dynamic_cast<SandboxedEngine&>(*third).helper_pid();
    BOOST_TEST(reused > 0);
    BOOST_TEST(::kill(reused, 0) == 0);
    // A crashed helper is never parked: the next clone starts a fresh one.
    BOOST_CHECK_THROW(dynamic_cast<SandboxedEngine&>(*third).test_hook(ipc::TestAction::crash),
                      SandboxFailure);
    third.reset();
    auto fourth = prototype->clone();
    BOOST_TEST(fx::checksum(fourth->render(r)) == expected);
    BOOST_TEST(dynamic_cast<SandboxedEngine&>(*fourth).helper_pid() != reused);
}

BOOST_AUTO_TEST_CASE(the_installed_helper_has_no_test_hooks) {
    fx::TempDir dir;
    fx::write_text_pdf(dir / "text.pdf", {fx::TextPage{}});
    auto engine = open_sandboxed(dir / "text.pdf", options(real_helper()));
    const pid_t before = engine->helper_pid();
    try {
        engine->test_hook(ipc::TestAction::crash);
        BOOST_FAIL("the real helper obeyed a test hook");
    } catch (const SandboxFailure& e) {
        BOOST_FAIL(std::string("the real helper failed instead of refusing: ") + e.what());
    } catch (const DocumentError& e) {
        BOOST_TEST(std::string(e.what()).find("no test hooks") != std::string::npos);
    }
    BOOST_TEST(engine->helper_pid() == before);  // still the same, healthy helper
    RenderRequest r;
    r.scale = 0.25;
    BOOST_TEST(engine->render(r).width > 0);
    // Nor does it open a second document: one citizen's upload per renderer process.
    auto helper = engine->release_helper();
    auto bytes = std::make_shared<const Bytes>(fx::read_bytes(dir / "text.pdf"));
    BOOST_CHECK_THROW(SandboxedEngine::open_reusing(bytes, "pdf", {}, options(real_helper()), helper),
                      DocumentError);
    BOOST_TEST(helper != nullptr);  // refused, not crashed
}

BOOST_AUTO_TEST_SUITE_END()
