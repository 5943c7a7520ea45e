// The sandbox's IPC messages: every message survives encode → parse unchanged, and malformed frames (wrong
// magic or version, wrong direction, oversize, truncated, trailing bytes, out-of-range numbers, absurd
// counts) are refused with a ProtocolError — never another exception, never a crash.
#include <boost/test/unit_test.hpp>

#include <cmath>
#include <limits>
#include <random>

#include "viewer/sandbox/ipc_protocol.h"

using namespace jaanch::viewer;
using namespace jaanch::viewer::sandbox::ipc;

namespace {

std::vector<Request> sample_requests() {
    RenderPageRequest tile;
    tile.request.page = 3;
    tile.request.scale = 1.25;
    tile.request.rotation = Rotation::r270;
    tile.request.region = PixelRect{512, 1024, 512, 300};
    EngineLimits limits;
    limits.max_pages = 77;
    return {OpenRequest{"pdf", limits},
            UnlockRequest{"SURE1990"},
            RenderPageRequest{},
            tile,
            TextRequest{9},
            TestHookRequest{TestAction::hostile, "/a\n/b"}};
}

std::vector<Reply> sample_replies() {
    TextReply text;
    text.boxes.push_back({"आवेदक", RectF{1, 2, 3, 4}, true});
    text.boxes.push_back({"KUMAR", RectF{10, 2, 30, 4}, false});
    return {OpenedReply{false, {{595, 842}, {842, 595}}},
            OpenedReply{true, {}},
            UnlockedReply{true, {{10, 20}}},
            PixelsReply{800, 600},
            text,
            FailureReply{FailureKind::password, "locked"},
            TestReport{"socket\t1\n"}};
}

void put_u32(std::vector<std::uint8_t>& f, std::size_t at, std::uint32_t v) {
    for (int i = 0; i < 4; ++i)
        f[at + static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(v >> (8 * i));
}

template <class F>
bool refused(F&& parse) {
    try {
        parse();
    } catch (const ProtocolError&) {
        return true;
    }
    return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ipc_protocol)

BOOST_AUTO_TEST_CASE(every_message_round_trips) {
    for (const auto& r : sample_requests())
        BOOST_TEST((parse_request_frame(encode(r)) == r));
    for (const auto& r : sample_replies())
        BOOST_TEST((parse_reply_frame(encode(r)) == r));
}

BOOST_AUTO_TEST_CASE(frames_of_the_wrong_kind_or_shape_are_refused) {
    const auto good = encode(Request{TextRequest{1}});
    auto bad_magic = good;
    bad_magic[0] ^= 1;
    BOOST_TEST(refused([&] { parse_request_frame(bad_magic); }));
    auto bad_version = good;
    bad_version[4] = 2;
    BOOST_TEST(refused([&] { parse_request_frame(bad_version); }));
    BOOST_TEST(refused([&] { parse_reply_frame(good); }));  // a request where a reply belongs
    auto trailing = good;
    trailing.push_back(0);
    put_u32(trailing, 8, static_cast<std::uint32_t>(trailing.size() - kHeaderBytes));
    BOOST_TEST(refused([&] { parse_request_frame(trailing); }));
    auto truncated = good;
    truncated.pop_back();
    BOOST_TEST(refused([&] { parse_request_frame(truncated); }));
    auto huge = good;
    put_u32(huge, 8, kMaxPayload + 1);
    BOOST_TEST(refused(
        [&] { parse_header(std::span<const std::uint8_t, kHeaderBytes>(huge.data(), kHeaderBytes), true); }));
}

BOOST_AUTO_TEST_CASE(out_of_range_values_are_refused) {
    RenderPageRequest r;
    r.request.scale = std::numeric_limits<double>::quiet_NaN();
    BOOST_TEST(refused([&] { parse_request_frame(encode(Request{r})); }));
    r.request.scale = 1e9;
    BOOST_TEST(refused([&] { parse_request_frame(encode(Request{r})); }));
    r.request.scale = 1;
    r.request.page = -1;
    BOOST_TEST(refused([&] { parse_request_frame(encode(Request{r})); }));
    r.request.page = 0;
    auto frame = encode(Request{r});
    put_u32(frame, kHeaderBytes + 4 + 8, 45);  // rotation 45
    BOOST_TEST(refused([&] { parse_request_frame(frame); }));
    BOOST_TEST(refused([&] { parse_reply_frame(encode(Reply{PixelsReply{-1, 5}})); }));
    BOOST_TEST(refused([&] { parse_reply_frame(encode(Reply{OpenedReply{false, {{-3, 5}}}})); }));
    BOOST_TEST(refused(
        [&] { parse_request_frame(encode(Request{UnlockRequest{std::string(kMaxPassword + 1, 'x')}})); }));
    // A count that promises more boxes than the payload could hold is refused before any allocation.
    auto boxes = encode(Reply{TextReply{}});
    put_u32(boxes, kHeaderBytes, 150'000);
    BOOST_TEST(refused([&] { parse_reply_frame(boxes); }));
}

BOOST_AUTO_TEST_CASE(mutated_frames_parse_or_are_refused_and_nothing_else) {
    std::mt19937 rng(2026);
    std::vector<std::vector<std::uint8_t>> seeds;
    for (const auto& r : sample_requests())
        seeds.push_back(encode(r));
    for (const auto& r : sample_replies())
        seeds.push_back(encode(r));
    int parsed = 0, refused_count = 0;
    for (int i = 0; i < 20'000; ++i) {
        auto f = seeds[rng() % seeds.size()];
        const int flips = 1 + static_cast<int>(rng() % 4);
        for (int k = 0; k < flips; ++k)
            f[rng() % f.size()] ^= static_cast<std::uint8_t>(1u << (rng() % 8));
        if (rng() % 4 == 0)
            f.resize(rng() % (f.size() + 1));
        for (bool as_request : {true, false}) {
            try {
                if (as_request)
                    parse_request_frame(f);
                else
                    parse_reply_frame(f);
                ++parsed;
            } catch (const ProtocolError&) {
                ++refused_count;
            }
        }
    }
    BOOST_TEST_MESSAGE("mutated frames: " << parsed << " parsed, " << refused_count << " refused");
    BOOST_TEST(parsed + refused_count == 40'000);
    BOOST_TEST(refused_count > 20'000);  // each frame is refused at least in the wrong direction
}

BOOST_AUTO_TEST_SUITE_END()
