// libFuzzer harness for the sandbox's IPC parser (viewer/sandbox/ipc_protocol.h). The first byte picks the
// direction; the rest is a frame. A frame either parses — and then re-encodes to a frame that parses to the
// same message — or is refused with ProtocolError. Anything else (another exception, a crash, a sanitizer
// report, a leak) is a finding. Built with clang -fsanitize=fuzzer,address,undefined by run_ipc_fuzzer.sh.
#include <cstdint>
#include <cstdlib>

#include "ipc_seeds.h"
#include "viewer/sandbox/ipc_protocol.h"

using namespace jaanch::viewer::sandbox::ipc;

// With JAANCH_FUZZ_SEEDS=DIR, writes the seed frames there and exits (run_ipc_fuzzer.sh does this first).
extern "C" int LLVMFuzzerInitialize(int*, char***) {
    if (const char* dir = std::getenv("JAANCH_FUZZ_SEEDS")) {
        write_seeds(dir);
        std::exit(0);
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0)
        return 0;
    const std::span<const std::uint8_t> frame(data + 1, size - 1);
    try {
        if ((data[0] & 1) != 0) {
            const Request r = parse_request_frame(frame);
            if (!(parse_request_frame(encode(r)) == r))
                std::abort();
        } else {
            const Reply r = parse_reply_frame(frame);
            if (!(parse_reply_frame(encode(r)) == r))
                std::abort();
        }
    } catch (const ProtocolError&) {
    }
    return 0;
}
