#include "viewer/sandbox/isolated_open.h"

#include <filesystem>

#include "viewer/sandbox/sandboxed_engine.h"

namespace jaanch::viewer::sandbox {

OpenedDocument open_document(SharedBytes bytes, const OpenOptions& options, EngineIsolation isolation,
                             const SandboxOptions& sandbox) {
    if (isolation == EngineIsolation::in_process)
        return viewer::open_document(std::move(bytes), options);
    const std::string_view format = checked_format(bytes, options);
    auto engine = SandboxedEngine::open(std::move(bytes), format, options.limits, sandbox);
    if (!engine->locked())
        return {std::move(engine), PasswordSource::none};
    SandboxedEngine* raw = engine.get();
    const Unlocker unlocker{[raw](const std::string& p) { return raw->unlock(p); },
                            [raw] { return raw->password(); }};
    return unlock_document(std::move(engine), unlocker, options);
}

OpenedDocument open_document_file(const std::string& path, OpenOptions options, EngineIsolation isolation,
                                  const SandboxOptions& sandbox) {
    if (options.label.empty())
        options.label = std::filesystem::path(path).filename().string();
    return open_document(read_file_bytes(path, options.limits), options, isolation, sandbox);
}

Protection protection_of(const DocumentEngine& engine) {
    if (const auto* s = dynamic_cast<const SandboxedEngine*>(&engine))
        return s->protection();
    return Protection::none;
}

}  // namespace jaanch::viewer::sandbox
