// The render service with real engines and real threads; results reach the test's "main thread" through a
// dispatch::MainQueue it pumps, as the workstation's wx event loop would.
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <map>

#include "fixtures.h"
#include "util/dispatch.h"
#include "viewer/engine/open_document.h"
#include "viewer/render/render_service.h"
#include "viewer/render/search_task.h"

using namespace jaanch::viewer;
using namespace jaanch::viewer::render;
namespace fx = jaanch::viewer::fixtures;
using namespace std::chrono_literals;

namespace {

struct Docs {
    fx::TempDir dir;
    fx::fs::path text = dir / "text.pdf";
    fx::fs::path scanned = dir / "scanned.pdf";
    fx::fs::path photo = dir / "photo.jpg";
    Docs() {
        std::vector<fx::TextPage> pages(6);
        pages[2] = {300, 500, {"Small page"}};
        fx::write_text_pdf(text, pages);
        fx::write_scanned_pdf(scanned, 4, 100, 3);
        fx::write_bytes(photo, fx::encode_jpeg(fx::test_picture(900, 700), 85, 6));
    }
};

std::unique_ptr<DocumentEngine> open(const fx::fs::path& p) {
    return open_document_file(p.string(), {}).engine;
}

// Collects what a channel's listener receives, in order.
struct Received {
    std::vector<std::pair<TileKey, RenderResult>> results;
    RenderChannel::Listener listener() {
        return [this](const TileKey& k, const RenderResult& r) { results.emplace_back(k, r); };
    }
    bool has(const TileKey& k) const {
        return std::any_of(results.begin(), results.end(), [&](const auto& r) { return r.first == k; });
    }
};

template <class Pred>
bool pump_until(jaanch::dispatch::MainQueue& q, Pred done, std::chrono::seconds limit = 60s) {
    const auto end = std::chrono::steady_clock::now() + limit;
    while (!done()) {
        if (std::chrono::steady_clock::now() > end)
            return false;
        q.run_for(20ms);
    }
    return true;
}

RenderService::Options options(int threads, std::size_t cache_bytes = 64u << 20) {
    RenderService::Options o;
    o.threads = threads;
    o.cache_bytes = cache_bytes;
    return o;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(render_service)

BOOST_AUTO_TEST_CASE(a_tile_arrives_on_the_main_thread_and_is_then_served_from_cache) {
    Docs docs;
    jaanch::dispatch::MainQueue q;
    q.install();
    RenderService service(options(2));
    const DocumentId id = service.add_document(open(docs.text));
    BOOST_TEST(service.page_count(id) == 6);
    Received got;
    RenderChannel channel(service, got.listener());
    const TileKey key{id, 2, quantize_scale(1.5), Rotation::r90, 0, 0};
    BOOST_TEST(!channel.request(key, Priority::visible).has_value());
    BOOST_REQUIRE(pump_until(q, [&] { return got.has(key); }));
    const auto& result = got.results.front().second;
    BOOST_REQUIRE(result.bitmap);
    RenderRequest direct;
    direct.page = 2;
    direct.scale = 1.5;
    direct.rotation = Rotation::r90;
    BOOST_TEST(fx::checksum(*result.bitmap) == fx::checksum(open(docs.text)->render(direct)));
    const auto again = channel.request(key, Priority::visible);
    BOOST_REQUIRE(again.has_value());
    BOOST_TEST(again->bitmap == result.bitmap);  // the very same pixels, no new render
    BOOST_TEST(service.stats().cache_hits == 1u);
}

BOOST_AUTO_TEST_CASE(a_new_generation_drops_queued_stale_work) {
    Docs docs;
    jaanch::dispatch::MainQueue q;
    q.install();
    RenderService service(options(1));
    const DocumentId id = service.add_document(open(docs.scanned));
    Received got;
    RenderChannel channel(service, got.listener());
    std::vector<TileKey> old;
    for (int scale = 0; scale < 8; ++scale)
        for (int page = 0; page < 4; ++page)
            old.push_back({id, page, 1000 + 37 * scale, Rotation::r0, 0, 0});
    for (const auto& k : old)
        channel.request(k, Priority::visible);
    channel.next_generation();
    const TileKey now{id, 3, 500, Rotation::r0, 0, 0};
    channel.request(now, Priority::visible);
    BOOST_REQUIRE(pump_until(q, [&] { return got.has(now); }));
    q.run_for(100ms);
    const RenderStats s = service.stats();
    BOOST_TEST_MESSAGE("rendered " << s.rendered << ", dropped " << s.dropped_stale);
    BOOST_TEST(s.dropped_stale >= old.size() - 3);
    BOOST_TEST(s.rendered <= 4u);
    BOOST_TEST(got.results.size() <= 3u);
}

BOOST_AUTO_TEST_CASE(visible_pages_jump_ahead_of_prefetch) {
    Docs docs;
    jaanch::dispatch::MainQueue q;
    q.install();
    RenderService service(options(1));
    const DocumentId next_app = service.add_document(open(docs.scanned));
    const DocumentId shown = service.add_document(open(docs.text));
    Received got;
    RenderChannel prefetch(service, got.listener());
    RenderChannel canvas(service, got.listener());
    for (int scale : {700, 900, 1100})
        for (int page = 0; page < 4; ++page)
            prefetch.request({next_app, page, scale, Rotation::r0, 0, 0}, Priority::prefetch);
    const TileKey visible{shown, 0, 1000, Rotation::r0, 0, 0};
    canvas.request(visible, Priority::visible);
    BOOST_REQUIRE(pump_until(q, [&] { return got.results.size() == 13; }));
    std::size_t position = 0;
    while (!(got.results[position].first == visible))
        ++position;
    BOOST_TEST(position <= 1u);  // at most the prefetch tile already being rendered came first
}

BOOST_AUTO_TEST_CASE(requests_for_one_tile_are_rendered_once_for_every_channel) {
    Docs docs;
    jaanch::dispatch::MainQueue q;
    q.install();
    RenderService service(options(2));
    const DocumentId id = service.add_document(open(docs.photo));
    Received a, b;
    RenderChannel ca(service, a.listener()), cb(service, b.listener());
    const TileKey key{id, 0, 800, Rotation::r0, 0, 0};
    ca.request(key, Priority::thumbnail);
    cb.request(key, Priority::visible);
    BOOST_REQUIRE(pump_until(q, [&] { return a.has(key) && b.has(key); }));
    BOOST_TEST(service.stats().rendered == 1u);
    BOOST_TEST(a.results.front().second.bitmap == b.results.front().second.bitmap);
}

BOOST_AUTO_TEST_CASE(the_cache_stays_within_its_byte_budget) {
    Docs docs;
    jaanch::dispatch::MainQueue q;
    q.install();
    const std::size_t budget = 8u << 20;
    RenderService service(options(2, budget));
    const DocumentId id = service.add_document(open(docs.text));
    Received got;
    RenderChannel channel(service, got.listener());
    for (int page = 0; page < 6; ++page)
        channel.request({id, page, 1500, Rotation::r0, 0, 0}, Priority::visible);
    BOOST_REQUIRE(pump_until(q, [&] { return got.results.size() == 6; }));
    const RenderStats s = service.stats();
    BOOST_TEST(s.cache_bytes <= budget);
    BOOST_TEST(s.cache_bytes > 0u);
    int cached = 0;
    for (int page = 0; page < 6; ++page)
        cached += service.cached({id, page, 1500, Rotation::r0, 0, 0}) ? 1 : 0;
    BOOST_TEST(cached < 6);  // 6 pages of ~4.4 MB cannot all fit in 8 MB
}

BOOST_AUTO_TEST_CASE(high_zoom_is_rendered_as_bounded_tiles_matching_direct_renders) {
    Docs docs;
    jaanch::dispatch::MainQueue q;
    q.install();
    RenderService service(options(2));
    const DocumentId id = service.add_document(open(docs.text));
    const int scale = quantize_scale(600 / 72.0);  // 600 DPI: 4961 x 7016, 35 MP
    const TileGrid g = service.grid(id, 0, scale, Rotation::r270);
    BOOST_TEST(g.columns * g.rows > 20);
    Received got;
    RenderChannel channel(service, got.listener());
    // Three tiles, as a viewport at that zoom would ask for.
    std::vector<TileKey> keys = {{id, 0, scale, Rotation::r270, 0, 0},
                                 {id, 0, scale, Rotation::r270, 3, 2},
                                 {id, 0, scale, Rotation::r270, g.columns - 1, g.rows - 1}};
    for (const auto& k : keys)
        channel.request(k, Priority::visible);
    BOOST_REQUIRE(pump_until(q, [&] { return got.results.size() == keys.size(); }));
    auto engine = open(docs.text);
    for (const auto& [key, result] : got.results) {
        BOOST_REQUIRE(result.bitmap);
        BOOST_TEST(result.bitmap->width <= 1024);
        BOOST_TEST(result.bitmap->height <= 1024);
        RenderRequest r;
        r.scale = scale_of(scale);
        r.rotation = Rotation::r270;
        r.region = g.tile(key.column, key.row);
        BOOST_TEST(fx::checksum(*result.bitmap) == fx::checksum(engine->render(r)));
    }
}

BOOST_AUTO_TEST_CASE(failures_are_delivered_as_messages_and_closed_documents_drop_their_work) {
    Docs docs;
    jaanch::dispatch::MainQueue q;
    q.install();
    RenderService service(options(1));
    const DocumentId id = service.add_document(open(docs.text));
    Received got;
    RenderChannel channel(service, got.listener());
    const TileKey missing{id, 42, 1000, Rotation::r0, 0, 0};
    channel.request(missing, Priority::visible);
    BOOST_REQUIRE(pump_until(q, [&] { return got.has(missing); }));
    BOOST_TEST(!got.results.front().second.bitmap);
    BOOST_TEST(got.results.front().second.error.find("Page 43") != std::string::npos);
    BOOST_TEST(channel.request(missing, Priority::visible).has_value());  // known failure, not retried
    service.remove_document(id);
    const auto closed = channel.request({id, 0, 1000, Rotation::r0, 0, 0}, Priority::visible);
    BOOST_REQUIRE(closed.has_value());
    BOOST_TEST(!closed->bitmap);
    BOOST_TEST(service.page_count(id) == 0);
}

BOOST_AUTO_TEST_CASE(many_documents_on_many_threads_give_stable_checksums) {
    Docs docs;
    std::map<TileKey, std::uint64_t> first;
    for (int run = 0; run < 2; ++run) {
        jaanch::dispatch::MainQueue q;
        q.install();
        RenderService service(options(4, 512u << 20));
        std::vector<DocumentId> ids;
        for (int copy = 0; copy < 2; ++copy)
            for (const auto& p : {docs.text, docs.scanned, docs.photo})
                ids.push_back(service.add_document(open(p)));
        Received got;
        RenderChannel channel(service, got.listener());
        std::size_t expected = 0;
        for (std::size_t d = 0; d < ids.size(); ++d) {
            for (int page = 0; page < service.page_count(ids[d]); ++page) {
                for (Rotation rot : {Rotation::r0, Rotation::r90}) {
                    channel.request({ids[d], page, 400 + 100 * static_cast<int>(d % 3), rot, 0, 0},
                                    Priority::visible);
                    ++expected;
                }
            }
        }
        BOOST_REQUIRE(pump_until(q, [&] { return got.results.size() == expected; }));
        for (const auto& [key, result] : got.results) {
            BOOST_REQUIRE(result.bitmap);
            // Ids differ per run only by order of registration, which is the same: compare directly.
            const std::uint64_t sum = fx::checksum(*result.bitmap);
            if (run == 0)
                first[key] = sum;
            else
                BOOST_TEST(first.at(key) == sum);
        }
        // Copies of the same document rendered on different threads are identical too.
        for (const auto& [key, sum] : first) {
            if (key.document > 3)
                continue;
            TileKey twin = key;
            twin.document += 3;
            BOOST_TEST(first.at(twin) == sum);
        }
    }
    BOOST_TEST(first.size() > 20u);
}

BOOST_AUTO_TEST_CASE(search_runs_in_the_background_and_a_new_query_replaces_the_old) {
    Docs docs;
    jaanch::dispatch::MainQueue q;
    q.install();
    std::map<int, std::size_t> hits;
    std::vector<std::uint64_t> finished;
    SearchTask task(open(docs.text),
                    [&](std::uint64_t generation, int page, const std::vector<RectF>& boxes) {
                        if (page < 0)
                            finished.push_back(generation);
                        else
                            hits[page] += boxes.size();
                    });
    task.search("nothing like this");
    const std::uint64_t second = task.search("suresh kumar");
    BOOST_REQUIRE(pump_until(q, [&] { return !finished.empty() && finished.back() == second; }));
    BOOST_TEST(finished.size() == 1u);  // the replaced search never reports
    BOOST_TEST(hits.size() == 5u);      // every page but the small one carries the applicant's name
    BOOST_TEST(hits.at(0) == 2u);       // SURESH and KUMAR are two text runs
}

BOOST_AUTO_TEST_CASE(small_pages_are_one_tile_and_large_ones_are_cut) {
    const TileOptions o;
    const TileGrid fit = tile_grid({595, 842}, quantize_scale(1.4), Rotation::r0, o);
    BOOST_TEST(fit.columns * fit.rows == 1);
    BOOST_TEST((fit.tile(0, 0) == PixelRect{0, 0, fit.page.width, fit.page.height}));
    const TileGrid zoomed = tile_grid({595, 842}, quantize_scale(8.0), Rotation::r90, o);
    BOOST_TEST(zoomed.columns == 7);  // 6736 px wide when turned
    BOOST_TEST(zoomed.rows == 5);     // 4760 px high
    BOOST_TEST(zoomed.tile(6, 4).width == 6736 - 6 * 1024);
    BOOST_TEST(fit_width_scale({595, 842}, Rotation::r90, 842) == 1.0);
}

BOOST_AUTO_TEST_SUITE_END()
