// One valid frame of each message kind, written into the corpus folder before fuzzing starts (included by
// fuzz_ipc_protocol.cpp, so clang compiles the parser once).
#pragma once

#include <fstream>
#include <string>

#include "viewer/sandbox/ipc_protocol.h"

using namespace jaanch::viewer;
using namespace jaanch::viewer::sandbox::ipc;

namespace seeds_detail {
inline int written = 0;
inline void write_seed(const std::string& dir, std::uint8_t direction,
                       const std::vector<std::uint8_t>& frame) {
    std::ofstream out(dir + "/seed-" + std::to_string(written++), std::ios::binary);
    out.put(static_cast<char>(direction));
    out.write(reinterpret_cast<const char*>(frame.data()), static_cast<std::streamsize>(frame.size()));
}
}  // namespace seeds_detail

inline void write_seeds(const std::string& dir) {
    RenderPageRequest tile;
    tile.request.region = PixelRect{1, 2, 3, 4};
    for (const Request& r :
         std::vector<Request>{OpenRequest{"pdf", {}}, UnlockRequest{"pw"}, RenderPageRequest{}, tile,
                              TextRequest{2}, TestHookRequest{TestAction::hang, "x"}})
        seeds_detail::write_seed(dir, 1, encode(r));
    TextReply text;
    text.boxes.push_back({"word", RectF{1, 2, 3, 4}, true});
    for (const Reply& r : std::vector<Reply>{OpenedReply{false, {{595, 842}}}, UnlockedReply{true, {{1, 1}}},
                                             PixelsReply{3, 4}, text,
                                             FailureReply{FailureKind::limit, "too big"}, TestReport{"ok"}})
        seeds_detail::write_seed(dir, 0, encode(r));
}
