// Shared by the sandbox tests: which helper to run, and opening a file through the sandbox with it.
#pragma once

#include <cstdlib>
#include <string>

#include "fixtures.h"
#include "viewer/sandbox/isolated_open.h"
#include "viewer/sandbox/sandboxed_engine.h"

namespace jaanch::viewer::sandbox::testing {

// The test build of the helper (crash, hang and hostile hooks) and the real one.
inline std::string test_helper() {
    return JAANCH_RENDER_TEST_HELPER;
}
inline std::string real_helper() {
    return JAANCH_RENDER_HELPER_PATH;
}

inline SandboxOptions options(const std::string& helper = test_helper(), int timeout_ms = 10'000) {
    SandboxOptions o;
    o.helper_path = helper;
    o.request_timeout = std::chrono::milliseconds(timeout_ms);
    return o;
}

// The protection this run expects: seccomp only when the test is run with JAANCH_SANDBOX_NO_BWRAP=1.
inline Protection expected_protection() {
    const char* no = std::getenv("JAANCH_SANDBOX_NO_BWRAP");
    return no != nullptr && std::string(no) == "1" ? Protection::seccomp_only
                                                   : Protection::bubblewrap_seccomp;
}

inline std::unique_ptr<SandboxedEngine> open_sandboxed(const fixtures::fs::path& file,
                                                       const SandboxOptions& o = options()) {
    auto opened = open_document_file(file.string(), {}, EngineIsolation::sandboxed, o);
    auto* raw = dynamic_cast<SandboxedEngine*>(opened.engine.get());
    if (raw == nullptr)
        throw Error("open_document_file did not give a SandboxedEngine");
    opened.engine.release();
    return std::unique_ptr<SandboxedEngine>(raw);
}

inline std::unique_ptr<DocumentEngine> open_in_process(const fixtures::fs::path& file) {
    return viewer::open_document_file(file.string(), {}).engine;
}

// Pixels darker than mid-grey: text and drawings, not paper.
inline std::size_t dark_pixels(const Bitmap& b) {
    std::size_t n = 0;
    for (std::size_t i = 0; i + 3 < b.rgba.size(); i += 4)
        if (b.rgba[i] + b.rgba[i + 1] + b.rgba[i + 2] < 3 * 128)
            ++n;
    return n;
}

}  // namespace jaanch::viewer::sandbox::testing
