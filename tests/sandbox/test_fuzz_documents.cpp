// Mutated documents through the sandbox: valid PDFs and images are damaged (bit flips, truncation, chunk
// duplication, byte runs; a fixed seed, so every run sees the same files) and each is opened and rendered by
// jaanch-render. The caller must survive every one, and every outcome must be classified: rendered, refused
// with a DocumentError, helper crash contained, or helper timed out. The counts go to the test log. One
// helper (the test build, which may open one document after another) serves file after file until it fails,
// so the run measures parsing rather than process start-up.
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <random>

#include "sandbox_test_support.h"

using namespace jaanch::viewer;
using namespace jaanch::viewer::sandbox;
using namespace jaanch::viewer::sandbox::testing;
namespace fx = jaanch::viewer::fixtures;

namespace {

std::vector<Bytes> seed_documents(const fx::TempDir& dir) {
    fx::write_text_pdf(dir / "text.pdf", {fx::TextPage{200, 150, {"Fuzz", "Applicant: SURESH"}}});
    fx::write_scanned_pdf(dir / "scan.pdf", 1, 20, 5);
    fx::write_tiff(dir / "scan.tiff", {fx::test_picture(40, 30)});
    const Bitmap picture = fx::test_picture(48, 32);
    return {fx::read_bytes(dir / "text.pdf"),  fx::read_bytes(dir / "scan.pdf"),
            fx::read_bytes(dir / "scan.tiff"), fx::encode_png(picture),
            fx::encode_jpeg(picture, 80),      fx::encode_webp(picture)};
}

Bytes mutate(const Bytes& seed, std::mt19937& rng) {
    Bytes b = seed;
    auto pick = [&](std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(rng() % n); };
    switch (rng() % 4) {
        case 0:  // bit flips (past the magic bytes half the time, so the format is still recognised)
            for (int i = 1 + static_cast<int>(rng() % 16); i > 0; --i) {
                const std::size_t at = rng() % 2 ? 16 + pick(b.size() - 16) : pick(b.size());
                b[at] ^= static_cast<std::uint8_t>(1u << (rng() % 8));
            }
            break;
        case 1:  // truncation
            b.resize(8 + pick(b.size() - 8));
            break;
        case 2: {  // a chunk duplicated somewhere else
            const std::size_t from = pick(b.size()),
                              len = 1 + pick(std::min<std::size_t>(4096, b.size() - from));
            const Bytes chunk(b.begin() + static_cast<long>(from), b.begin() + static_cast<long>(from + len));
            b.insert(b.begin() + static_cast<long>(pick(b.size())), chunk.begin(), chunk.end());
            break;
        }
        default: {  // a run of 0x00 or 0xFF bytes (length fields, counts)
            const std::size_t at = 8 + pick(b.size() - 8), len = 1 + pick(64);
            for (std::size_t i = at; i < std::min(b.size(), at + len); ++i)
                b[i] = rng() % 2 ? 0xFF : 0x00;
        }
    }
    return b;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(sandbox_fuzz)

BOOST_AUTO_TEST_CASE(a_thousand_mutated_documents_never_take_the_caller_down) {
    fx::TempDir dir;
    const auto seeds = seed_documents(dir);
    std::mt19937 rng(20261121);
    const int total = 1000;
    int rendered = 0, refused = 0, crashed = 0, timed_out = 0, unclassified = 0;
    SandboxOptions o = options(test_helper(), 3000);
    o.keep_warm_helper = false;
    std::unique_ptr<HelperProcess> helper;
    int helpers_started = 0;
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < total; ++i) {
        auto bytes =
            std::make_shared<const Bytes>(mutate(seeds[static_cast<std::size_t>(i) % seeds.size()], rng));
        std::unique_ptr<SandboxedEngine> engine;
        try {
            const OpenOptions defaults;
            const auto format = checked_format(bytes, defaults);
            helpers_started += helper ? 0 : 1;
            engine = SandboxedEngine::open_reusing(bytes, format, defaults.limits, o, helper);
            RenderRequest r;
            r.scale = 0.2;
            engine->render(r);
            if (engine->format() == "pdf")
                engine->text_boxes(0);
            ++rendered;
        } catch (const SandboxFailure& e) {
            if (e.reason() == SandboxFailure::Reason::timed_out)
                ++timed_out;
            else if (e.reason() == SandboxFailure::Reason::start_failed)
                ++unclassified;  // the sandbox itself failed: not an outcome of the document
            else
                ++crashed;
        } catch (const DocumentError&) {
            ++refused;
        } catch (const std::exception& e) {
            ++unclassified;
            BOOST_TEST_MESSAGE("unclassified outcome for mutated file " << i << ": " << e.what());
        }
        if (engine)
            helper = engine->release_helper();
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    BOOST_TEST_MESSAGE("sandbox fuzz: " << total << " mutated documents in " << seconds << " s: " << rendered
                                        << " rendered, " << refused << " refused with an error, " << crashed
                                        << " helper crashes contained, " << timed_out << " timed out, "
                                        << unclassified << " unclassified; " << helpers_started
                                        << " helpers started");
    BOOST_TEST(rendered + refused + crashed + timed_out == total);
    BOOST_TEST(unclassified == 0);
    BOOST_TEST(rendered > 0);  // the mutations leave many files readable: the renderer really ran
    BOOST_TEST(refused > 0);   // and many not: the error paths ran too
}

BOOST_AUTO_TEST_SUITE_END()
