// Choosing where a document is parsed: in this process (the engines of viewer/engine) or in the sandboxed
// jaanch-render helper (SandboxedEngine). Same checks, same password flow, same errors as
// viewer::open_document; callers pick the isolation and can ask which protection a document got.
//
// Threads and errors: as viewer::open_document (open_document.h), plus SandboxFailure when the helper fails.
#pragma once

#include "viewer/engine/open_document.h"
#include "viewer/sandbox/helper_process.h"

namespace jaanch::viewer::sandbox {

enum class EngineIsolation { in_process, sandboxed };

OpenedDocument open_document(SharedBytes bytes, const OpenOptions& options, EngineIsolation isolation,
                             const SandboxOptions& sandbox = {});
OpenedDocument open_document_file(const std::string& path, OpenOptions options, EngineIsolation isolation,
                                  const SandboxOptions& sandbox = {});

// The protection `engine` renders under: the helper's for a SandboxedEngine, none for the in-process ones.
Protection protection_of(const DocumentEngine& engine);

}  // namespace jaanch::viewer::sandbox
