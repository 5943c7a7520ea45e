// Writes one valid frame of each message kind into a folder: the fuzzer's starting corpus.
#include <fstream>
#include <string>

#include "viewer/sandbox/ipc_protocol.h"

using namespace jaanch::viewer;
using namespace jaanch::viewer::sandbox::ipc;

namespace {
int written = 0;
void write(const std::string& dir, std::uint8_t direction, const std::vector<std::uint8_t>& frame) {
    std::ofstream out(dir + "/seed-" + std::to_string(written++), std::ios::binary);
    out.put(static_cast<char>(direction));
    out.write(reinterpret_cast<const char*>(frame.data()), static_cast<std::streamsize>(frame.size()));
}
}  // namespace

int main(int argc, char** argv) {
    if (argc != 2)
        return 2;
    const std::string dir = argv[1];
    RenderPageRequest tile;
    tile.request.region = PixelRect{1, 2, 3, 4};
    for (const Request& r : std::vector<Request>{OpenRequest{"pdf", {}}, UnlockRequest{"pw"}, RenderPageRequest{},
                                                 tile, TextRequest{2}, TestHookRequest{TestAction::hang, "x"}})
        write(dir, 1, encode(r));
    TextReply text;
    text.boxes.push_back({"word", RectF{1, 2, 3, 4}, true});
    for (const Reply& r : std::vector<Reply>{OpenedReply{false, {{595, 842}}}, UnlockedReply{true, {{1, 1}}},
                                             PixelsReply{3, 4}, text, FailureReply{FailureKind::limit, "too big"},
                                             TestReport{"ok"}})
        write(dir, 0, encode(r));
    return 0;
}
