#include "viewer/sandbox/ipc_protocol.h"

#include <bit>
#include <cmath>
#include <cstring>

namespace jaanch::viewer::sandbox::ipc {
namespace {

class Writer {
  public:
    explicit Writer(Type type) {
        u32(kMagic);
        u16(kVersion);
        u16(static_cast<std::uint16_t>(type));
        u32(0);  // payload length, set by finish()
    }
    void u8(std::uint8_t v) { out_.push_back(v); }
    void u16(std::uint16_t v) { put(v, 2); }
    void u32(std::uint32_t v) { put(v, 4); }
    void u64(std::uint64_t v) { put(v, 8); }
    void i32(int v) { u32(static_cast<std::uint32_t>(v)); }
    void f64(double v) { u64(std::bit_cast<std::uint64_t>(v)); }
    void str(const std::string& s) {
        u32(static_cast<std::uint32_t>(s.size()));
        out_.insert(out_.end(), s.begin(), s.end());
    }
    void size(const SizeF& s) {
        f64(s.width);
        f64(s.height);
    }
    std::vector<std::uint8_t> finish() {
        const std::size_t payload = out_.size() - kHeaderBytes;
        if (payload > kMaxPayload)
            throw ProtocolError("A sandbox message of " + std::to_string(payload) +
                                " bytes exceeds the protocol's limit of " + std::to_string(kMaxPayload) +
                                " bytes.");
        for (int i = 0; i < 4; ++i)
            out_[8 + static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(payload >> (8 * i));
        return std::move(out_);
    }

  private:
    void put(std::uint64_t v, int bytes) {
        for (int i = 0; i < bytes; ++i)
            out_.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
    }
    std::vector<std::uint8_t> out_;
};

class Reader {
  public:
    explicit Reader(std::span<const std::uint8_t> in) : in_(in) {}
    std::uint8_t u8() { return static_cast<std::uint8_t>(get(1)); }
    std::uint16_t u16() { return static_cast<std::uint16_t>(get(2)); }
    std::uint32_t u32() { return static_cast<std::uint32_t>(get(4)); }
    std::uint64_t u64() { return get(8); }
    int i32() { return static_cast<int>(u32()); }
    bool flag() {
        const auto v = u8();
        if (v > 1)
            fail("a yes/no field holds " + std::to_string(v));
        return v == 1;
    }
    double f64(double min, double max, const char* what) {
        const double v = std::bit_cast<double>(u64());
        if (!std::isfinite(v) || v < min || v > max)
            fail(std::string(what) + " is out of range");
        return v;
    }
    int int_in(int min, int max, const char* what) {
        const int v = i32();
        if (v < min || v > max)
            fail(std::string(what) + " " + std::to_string(v) + " is out of range");
        return v;
    }
    std::string str(std::size_t max, const char* what) {
        const std::uint32_t n = u32();
        if (n > max || n > in_.size() - at_)
            fail(std::string(what) + " of " + std::to_string(n) + " bytes is too long");
        std::string s(reinterpret_cast<const char*>(in_.data() + at_), n);
        at_ += n;
        return s;
    }
    std::size_t count(std::size_t max, std::size_t min_item_bytes, const char* what) {
        const std::uint32_t n = u32();
        if (n > max || static_cast<std::uint64_t>(n) * min_item_bytes > in_.size() - at_)
            fail(std::string("the count of ") + what + " (" + std::to_string(n) + ") is too large");
        return n;
    }
    SizeF size() {
        SizeF s;
        s.width = f64(0, kMaxPoints, "a page width");
        s.height = f64(0, kMaxPoints, "a page height");
        return s;
    }
    void end() const {
        if (at_ != in_.size())
            fail(std::to_string(in_.size() - at_) + " unexpected bytes follow the message");
    }
    [[noreturn]] static void fail(const std::string& what) {
        throw ProtocolError("A sandbox message was malformed: " + what + ".");
    }

  private:
    std::uint64_t get(int bytes) {
        if (in_.size() - at_ < static_cast<std::size_t>(bytes))
            fail("it ends early");
        std::uint64_t v = 0;
        for (int i = 0; i < bytes; ++i)
            v |= static_cast<std::uint64_t>(in_[at_ + static_cast<std::size_t>(i)]) << (8 * i);
        at_ += static_cast<std::size_t>(bytes);
        return v;
    }
    std::span<const std::uint8_t> in_;
    std::size_t at_ = 0;
};

void write_sizes(Writer& w, const std::vector<SizeF>& sizes) {
    w.u32(static_cast<std::uint32_t>(sizes.size()));
    for (const auto& s : sizes)
        w.size(s);
}

std::vector<SizeF> read_sizes(Reader& r) {
    std::vector<SizeF> sizes(r.count(kMaxPages, 16, "pages"));
    for (auto& s : sizes)
        s = r.size();
    return sizes;
}

struct RequestEncoder {
    std::vector<std::uint8_t> operator()(const OpenRequest& m) const {
        Writer w(Type::open);
        w.str(m.format);
        w.u64(m.limits.max_file_bytes);
        w.u64(m.limits.max_image_pixels);
        w.u64(m.limits.max_render_pixels);
        w.i32(m.limits.max_pages);
        return w.finish();
    }
    std::vector<std::uint8_t> operator()(const UnlockRequest& m) const {
        Writer w(Type::unlock);
        w.str(m.password);
        return w.finish();
    }
    std::vector<std::uint8_t> operator()(const RenderPageRequest& m) const {
        Writer w(Type::render);
        w.i32(m.request.page);
        w.f64(m.request.scale);
        w.i32(degrees(m.request.rotation));
        w.u8(m.request.region ? 1 : 0);
        const PixelRect r = m.request.region.value_or(PixelRect{});
        w.i32(r.x);
        w.i32(r.y);
        w.i32(r.width);
        w.i32(r.height);
        return w.finish();
    }
    std::vector<std::uint8_t> operator()(const TextRequest& m) const {
        Writer w(Type::text);
        w.i32(m.page);
        return w.finish();
    }
    std::vector<std::uint8_t> operator()(const TestHookRequest& m) const {
        Writer w(Type::test_hook);
        w.u8(static_cast<std::uint8_t>(m.action));
        w.str(m.argument);
        return w.finish();
    }
};

struct ReplyEncoder {
    std::vector<std::uint8_t> operator()(const OpenedReply& m) const {
        Writer w(Type::opened);
        w.u8(m.locked ? 1 : 0);
        write_sizes(w, m.page_sizes);
        return w.finish();
    }
    std::vector<std::uint8_t> operator()(const UnlockedReply& m) const {
        Writer w(Type::unlocked);
        w.u8(m.ok ? 1 : 0);
        write_sizes(w, m.page_sizes);
        return w.finish();
    }
    std::vector<std::uint8_t> operator()(const PixelsReply& m) const {
        Writer w(Type::pixels);
        w.i32(m.width);
        w.i32(m.height);
        return w.finish();
    }
    std::vector<std::uint8_t> operator()(const TextReply& m) const {
        Writer w(Type::text_boxes);
        w.u32(static_cast<std::uint32_t>(m.boxes.size()));
        for (const auto& b : m.boxes) {
            w.str(b.text.size() > kMaxBoxText ? b.text.substr(0, kMaxBoxText) : b.text);
            w.f64(b.box.x);
            w.f64(b.box.y);
            w.f64(b.box.width);
            w.f64(b.box.height);
            w.u8(b.space_after ? 1 : 0);
        }
        return w.finish();
    }
    std::vector<std::uint8_t> operator()(const FailureReply& m) const {
        Writer w(Type::failure);
        w.u8(static_cast<std::uint8_t>(m.kind));
        w.str(m.message.size() > kMaxString ? m.message.substr(0, kMaxString) : m.message);
        return w.finish();
    }
    std::vector<std::uint8_t> operator()(const TestReport& m) const {
        Writer w(Type::test_report);
        w.str(m.text);
        return w.finish();
    }
};

Request parse_request_payload(Type type, Reader& r) {
    switch (type) {
        case Type::open: {
            OpenRequest m;
            m.format = r.str(16, "the format name");
            m.limits.max_file_bytes = r.u64();
            m.limits.max_image_pixels = r.u64();
            m.limits.max_render_pixels = r.u64();
            m.limits.max_pages = r.int_in(1, static_cast<int>(kMaxPages), "the page limit");
            return m;
        }
        case Type::unlock:
            return UnlockRequest{r.str(kMaxPassword, "the password")};
        case Type::render: {
            RenderPageRequest m;
            m.request.page = r.int_in(0, static_cast<int>(kMaxPages) - 1, "the page");
            m.request.scale = r.f64(1e-6, kMaxScale, "the scale");
            const int turn = r.i32();
            if (turn != 0 && turn != 90 && turn != 180 && turn != 270)
                Reader::fail("the rotation " + std::to_string(turn) + " is not a quarter turn");
            m.request.rotation = rotation_from_degrees(turn);
            const bool has_region = r.flag();
            PixelRect region;
            region.x = r.int_in(0, kMaxPixelSide, "the region's x");
            region.y = r.int_in(0, kMaxPixelSide, "the region's y");
            region.width = r.int_in(0, kMaxPixelSide, "the region's width");
            region.height = r.int_in(0, kMaxPixelSide, "the region's height");
            if (has_region)
                m.request.region = region;
            return m;
        }
        case Type::text:
            return TextRequest{r.int_in(0, static_cast<int>(kMaxPages) - 1, "the page")};
        case Type::test_hook: {
            TestHookRequest m;
            const auto action = r.u8();
            if (action < 1 || action > 3)
                Reader::fail("the test action " + std::to_string(action) + " is unknown");
            m.action = static_cast<TestAction>(action);
            m.argument = r.str(kMaxString, "the test argument");
            return m;
        }
        default:
            Reader::fail("message type " + std::to_string(static_cast<int>(type)) + " is not a request");
    }
}

Reply parse_reply_payload(Type type, Reader& r) {
    switch (type) {
        case Type::opened: {
            OpenedReply m;
            m.locked = r.flag();
            m.page_sizes = read_sizes(r);
            return m;
        }
        case Type::unlocked: {
            UnlockedReply m;
            m.ok = r.flag();
            m.page_sizes = read_sizes(r);
            return m;
        }
        case Type::pixels: {
            PixelsReply m;
            m.width = r.int_in(0, kMaxPixelSide, "the bitmap width");
            m.height = r.int_in(0, kMaxPixelSide, "the bitmap height");
            return m;
        }
        case Type::text_boxes: {
            TextReply m;
            m.boxes.resize(r.count(kMaxTextBoxes, 4 + 32 + 1, "text boxes"));
            for (auto& b : m.boxes) {
                b.text = r.str(kMaxBoxText, "a text run");
                b.box.x = r.f64(-kMaxPoints, kMaxPoints, "a text box x");
                b.box.y = r.f64(-kMaxPoints, kMaxPoints, "a text box y");
                b.box.width = r.f64(-kMaxPoints, kMaxPoints, "a text box width");
                b.box.height = r.f64(-kMaxPoints, kMaxPoints, "a text box height");
                b.space_after = r.flag();
            }
            return m;
        }
        case Type::failure: {
            FailureReply m;
            const auto kind = r.u8();
            if (kind < 1 || kind > 3)
                Reader::fail("the failure kind " + std::to_string(kind) + " is unknown");
            m.kind = static_cast<FailureKind>(kind);
            m.message = r.str(kMaxString, "the failure message");
            return m;
        }
        case Type::test_report:
            return TestReport{r.str(kMaxString, "the test report")};
        default:
            Reader::fail("message type " + std::to_string(static_cast<int>(type)) + " is not a reply");
    }
}

template <typename Result, typename Parse>
Result parse_frame(std::span<const std::uint8_t> frame, bool expect_request, Parse parse) {
    if (frame.size() < kHeaderBytes)
        Reader::fail("it is shorter than a header");
    const Header h = parse_header(frame.first<kHeaderBytes>(), expect_request);
    if (frame.size() - kHeaderBytes != h.payload_bytes)
        Reader::fail("the payload is not the length its header gives");
    return parse(h, frame.subspan(kHeaderBytes));
}

}  // namespace

bool TextReply::operator==(const TextReply& o) const {
    if (boxes.size() != o.boxes.size())
        return false;
    for (std::size_t i = 0; i < boxes.size(); ++i)
        if (boxes[i].text != o.boxes[i].text || !(boxes[i].box == o.boxes[i].box) ||
            boxes[i].space_after != o.boxes[i].space_after)
            return false;
    return true;
}

std::vector<std::uint8_t> encode(const Request& request) {
    return std::visit(RequestEncoder{}, request);
}

std::vector<std::uint8_t> encode(const Reply& reply) {
    return std::visit(ReplyEncoder{}, reply);
}

Header parse_header(std::span<const std::uint8_t, kHeaderBytes> bytes, bool expect_request) {
    Reader r(bytes);
    if (r.u32() != kMagic)
        Reader::fail("it does not start with the protocol's magic bytes");
    if (const auto v = r.u16(); v != kVersion)
        Reader::fail("it is protocol version " + std::to_string(v) + ", not " + std::to_string(kVersion) +
                     " (jaanch-render and its caller come from different builds)");
    Header h;
    const auto type = r.u16();
    const bool is_request = type >= 1 && type <= 5;
    const bool is_reply = type >= 101 && type <= 106;
    if (expect_request ? !is_request : !is_reply)
        Reader::fail("message type " + std::to_string(type) + " is not a " +
                     (expect_request ? "request" : "reply"));
    h.type = static_cast<Type>(type);
    h.payload_bytes = r.u32();
    if (h.payload_bytes > kMaxPayload)
        Reader::fail("the payload of " + std::to_string(h.payload_bytes) + " bytes exceeds the limit");
    return h;
}

Request parse_request(const Header& header, std::span<const std::uint8_t> payload) {
    Reader r(payload);
    Request m = parse_request_payload(header.type, r);
    r.end();
    return m;
}

Reply parse_reply(const Header& header, std::span<const std::uint8_t> payload) {
    Reader r(payload);
    Reply m = parse_reply_payload(header.type, r);
    r.end();
    return m;
}

Request parse_request_frame(std::span<const std::uint8_t> frame) {
    return parse_frame<Request>(frame, true, parse_request);
}

Reply parse_reply_frame(std::span<const std::uint8_t> frame) {
    return parse_frame<Reply>(frame, false, parse_reply);
}

}  // namespace jaanch::viewer::sandbox::ipc
