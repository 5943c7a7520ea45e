// Opening an upload as a DocumentEngine: picks the engine from the bytes, and for an encrypted PDF finds the
// password before anyone is asked: given passwords, then the one remembered for this document, then the
// conventions built from the application's data (password_conventions.h), then the officer via `prompt`.
//
// Threads: open_document runs on the calling thread; `prompt` is called on that same thread (the UI thread in
// the workstation, where it shows a modal dialog). Errors: DocumentError, LimitError, PasswordError.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "viewer/engine/document_engine.h"
#include "viewer/engine/password_conventions.h"
#include "viewer/engine/password_memory.h"

namespace jaanch::viewer {

struct PasswordQuestion {
    std::string document_label;
    int attempt = 1;                  // 1 for the first question
    bool previous_was_wrong = false;  // the officer's last answer did not open it
};

// Returns the password the officer typed, or nullopt when they cancel.
using PasswordPrompt = std::function<std::optional<std::string>(const PasswordQuestion&)>;

struct OpenOptions {
    EngineLimits limits;
    std::string label;         // in messages and prompts, e.g. the uploaded file name
    std::string document_key;  // key for `memory` (the document's SHA-256); memory unused when empty
    std::vector<std::string> passwords;  // tried first (e.g. jaanch-cli --password)
    ConventionInputs conventions;
    PasswordMemory* memory = nullptr;  // not owned; may be null
    PasswordPrompt prompt;             // may be empty: then no one is asked
    int max_prompts = 3;
};

enum class PasswordSource { none, given, remembered, convention, officer };

struct OpenedDocument {
    std::unique_ptr<DocumentEngine> engine;
    PasswordSource password_source = PasswordSource::none;
};

OpenedDocument open_document(SharedBytes bytes, const OpenOptions& options);
OpenedDocument open_document_file(const std::string& path, OpenOptions options);

// For other engine factories (viewer/sandbox) that must behave exactly like open_document:
// the checks before any parsing (empty, too large, unknown format); returns the sniffed format.
std::string_view checked_format(const SharedBytes& bytes, const OpenOptions& options);
// The password search above for an engine that opened locked: `unlock` tries one password on it,
// `password` names the one that worked. Throws PasswordError when none does.
struct Unlocker {
    std::function<bool(const std::string&)> unlock;
    std::function<std::string()> password;
};
OpenedDocument unlock_document(std::unique_ptr<DocumentEngine> engine, const Unlocker& unlocker,
                               const OpenOptions& options);

}  // namespace jaanch::viewer
