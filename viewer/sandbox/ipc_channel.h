// Frames of ipc_protocol.h over a connected AF_UNIX stream socket, with an optional file descriptor attached
// (SCM_RIGHTS): the sealed document memfd to the helper, the pixels memfd back. Used by both sides.
//
// Errors: ChannelClosed when the peer is gone (end of stream or a reset), ChannelTimeout when the deadline
// passes, ProtocolError for a malformed frame. Sending never raises SIGPIPE. Any thread; one thread per
// socket at a time.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "viewer/sandbox/ipc_protocol.h"

namespace jaanch::viewer::sandbox {

// An owned file descriptor, closed on destruction.
class UniqueFd {
  public:
    UniqueFd() = default;
    explicit UniqueFd(int fd) : fd_(fd) {}
    ~UniqueFd() { reset(); }
    UniqueFd(UniqueFd&& o) noexcept : fd_(o.release()) {}
    UniqueFd& operator=(UniqueFd&& o) noexcept {
        if (this != &o)
            reset(o.release());
        return *this;
    }
    int get() const { return fd_; }
    explicit operator bool() const { return fd_ >= 0; }
    int release() {
        const int fd = fd_;
        fd_ = -1;
        return fd;
    }
    void reset(int fd = -1);

  private:
    int fd_ = -1;
};

class ChannelClosed : public Error {
  public:
    using Error::Error;
};
class ChannelTimeout : public Error {
  public:
    using Error::Error;
};

struct Frame {
    ipc::Header header;
    std::vector<std::uint8_t> payload;
    UniqueFd attached;  // the descriptor that came with the frame, if any
};

using Deadline = std::optional<std::chrono::steady_clock::time_point>;

void send_frame(int socket, std::span<const std::uint8_t> frame, int attach = -1);
Frame receive_frame(int socket, bool expect_request, Deadline deadline = std::nullopt);

// A memfd holding `bytes`, sealed against any change (so a reader may trust its size), or throws Error.
UniqueFd sealed_memfd(const char* name, std::span<const std::uint8_t> bytes);
// Exactly `size` bytes from the start of `fd` (pread, so a peer shrinking the file cannot fault us).
// Throws ProtocolError when the file holds fewer.
void read_exact_from(int fd, std::uint8_t* out, std::size_t size);

}  // namespace jaanch::viewer::sandbox
