// The messages between a caller (SandboxedEngine) and the jaanch-render helper: pure encode and parse, no
// I/O, so the parser can be fuzzed on its own (tests/sandbox/fuzz_ipc_protocol.cpp).
//
// A frame is a 12-byte header (magic "JNR1", version, type, payload length; little-endian) and a payload.
// Both sides validate everything they read: the magic and version, a known type for the direction, a payload
// no larger than kMaxPayload, every count and string below its bound, finite numbers in their ranges, and no
// trailing bytes. Bulk data never travels in frames: the document arrives as a sealed memfd with the open
// request, the pixels leave as a memfd with the pixels reply (passed with SCM_RIGHTS, see ipc_channel.h).
//
// Errors: every parse failure is a ProtocolError naming what was wrong. Pure functions; any thread.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "viewer/engine/document_engine.h"

namespace jaanch::viewer::sandbox::ipc {

class ProtocolError : public DocumentError {
  public:
    using DocumentError::DocumentError;
};

constexpr std::uint32_t kMagic = 0x3152'4E4A;  // "JNR1" as little-endian bytes
constexpr std::uint16_t kVersion = 1;
constexpr std::size_t kHeaderBytes = 12;
constexpr std::uint32_t kMaxPayload = 16u << 20;  // a text reply of a dense page is well below 2 MiB
constexpr std::size_t kMaxString = 64u << 10;     // messages, formats, test arguments
constexpr std::size_t kMaxPassword = 1024;
constexpr std::size_t kMaxBoxText = 4096;
constexpr std::size_t kMaxTextBoxes = 200'000;
constexpr std::size_t kMaxPages = 100'000;
constexpr int kMaxPixelSide = 1 << 20;
constexpr double kMaxPoints = 1e6;  // a page side in points (14 km: nothing real comes near)
constexpr double kMaxScale = 100;

enum class Type : std::uint16_t {
    // caller → helper
    open = 1,
    unlock = 2,
    render = 3,
    text = 4,
    test_hook = 5,
    // helper → caller
    opened = 101,
    unlocked = 102,
    pixels = 103,
    text_boxes = 104,
    failure = 105,
    test_report = 106,
};

struct Header {
    Type type = Type::open;
    std::uint32_t payload_bytes = 0;
};

// --- caller → helper ---------------------------------------------------------------------------------------
struct OpenRequest {     // the document's memfd travels with this frame
    std::string format;  // as sniff_format() named it
    EngineLimits limits;
    bool operator==(const OpenRequest& o) const {
        return format == o.format && limits.max_file_bytes == o.limits.max_file_bytes &&
               limits.max_image_pixels == o.limits.max_image_pixels &&
               limits.max_render_pixels == o.limits.max_render_pixels &&
               limits.max_pages == o.limits.max_pages;
    }
};
struct UnlockRequest {
    std::string password;
    bool operator==(const UnlockRequest&) const = default;
};
struct RenderPageRequest {
    RenderRequest request;
    bool operator==(const RenderPageRequest& o) const {
        return request.page == o.request.page && request.scale == o.request.scale &&
               request.rotation == o.request.rotation && request.region == o.request.region;
    }
};
struct TextRequest {
    int page = 0;
    bool operator==(const TextRequest&) const = default;
};
// Honoured only by the test build of the helper (jaanch-render-test); the real helper refuses it.
enum class TestAction : std::uint8_t { crash = 1, hang = 2, hostile = 3 };
struct TestHookRequest {
    TestAction action = TestAction::crash;
    std::string argument;  // hostile: paths to try to read, separated by '\n'
    bool operator==(const TestHookRequest&) const = default;
};
using Request = std::variant<OpenRequest, UnlockRequest, RenderPageRequest, TextRequest, TestHookRequest>;

// --- helper → caller ---------------------------------------------------------------------------------------
struct OpenedReply {
    bool locked = false;            // an encrypted PDF waiting for unlock; page_sizes is then empty
    std::vector<SizeF> page_sizes;  // upright page sizes in points
    bool operator==(const OpenedReply&) const = default;
};
struct UnlockedReply {
    bool ok = false;
    std::vector<SizeF> page_sizes;  // when ok
    bool operator==(const UnlockedReply&) const = default;
};
struct PixelsReply {  // width * height * 4 bytes of RGBA in the attached memfd
    int width = 0;
    int height = 0;
    bool operator==(const PixelsReply&) const = default;
};
struct TextReply {
    std::vector<TextBox> boxes;
    bool operator==(const TextReply& o) const;
};
enum class FailureKind : std::uint8_t { document = 1, password = 2, limit = 3 };
struct FailureReply {
    FailureKind kind = FailureKind::document;
    std::string message;
    bool operator==(const FailureReply&) const = default;
};
struct TestReport {
    std::string text;
    bool operator==(const TestReport&) const = default;
};
using Reply = std::variant<OpenedReply, UnlockedReply, PixelsReply, TextReply, FailureReply, TestReport>;

// Whole frames (header + payload).
std::vector<std::uint8_t> encode(const Request& request);
std::vector<std::uint8_t> encode(const Reply& reply);

// The header of a frame; checks magic, version, the type's direction and the payload bound.
Header parse_header(std::span<const std::uint8_t, kHeaderBytes> bytes, bool expect_request);
Request parse_request(const Header& header, std::span<const std::uint8_t> payload);
Reply parse_reply(const Header& header, std::span<const std::uint8_t> payload);

// A whole frame in one buffer (header, then exactly payload_bytes more): for tests and the fuzzer.
Request parse_request_frame(std::span<const std::uint8_t> frame);
Reply parse_reply_frame(std::span<const std::uint8_t> frame);

}  // namespace jaanch::viewer::sandbox::ipc
