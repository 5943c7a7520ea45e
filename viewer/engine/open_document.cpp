#include "viewer/engine/open_document.h"

#include <filesystem>

#include "viewer/engine/image_engine.h"
#include "viewer/engine/pdf_engine.h"

namespace jaanch::viewer {
namespace {

std::string label_of(const OpenOptions& o) {
    return o.label.empty() ? "The document" : "The document " + o.label;
}

}  // namespace

OpenedDocument unlock_document(std::unique_ptr<DocumentEngine> engine, const Unlocker& unlocker,
                               const OpenOptions& o) {
    auto opened = [&](PasswordSource source) {
        if (o.memory != nullptr && !o.document_key.empty() && source != PasswordSource::remembered)
            o.memory->remember(o.document_key, unlocker.password());
        return OpenedDocument{std::move(engine), source};
    };
    for (const auto& p : o.passwords)
        if (unlocker.unlock(p))
            return opened(PasswordSource::given);
    if (o.memory != nullptr && !o.document_key.empty()) {
        if (auto p = o.memory->recall(o.document_key); p && unlocker.unlock(*p))
            return opened(PasswordSource::remembered);
    }
    const auto candidates = convention_passwords(o.conventions);
    for (const auto& p : candidates)
        if (unlocker.unlock(p))
            return opened(PasswordSource::convention);
    bool wrong = false;
    for (int attempt = 1; o.prompt && attempt <= o.max_prompts; ++attempt) {
        const auto answer = o.prompt({o.label, attempt, wrong});
        if (!answer)
            break;
        if (unlocker.unlock(*answer))
            return opened(PasswordSource::officer);
        wrong = true;
    }
    throw PasswordError(
        label_of(o) + " is a password-protected PDF, and none of the " +
        std::to_string(o.passwords.size() + candidates.size()) + " known passwords opened it" +
        (wrong ? ", nor did the one typed" : "") +
        ". Ask the applicant for the password (e-Aadhaar: first 4 letters of the name in capitals "
        "and the year of birth).");
}

std::string_view checked_format(const SharedBytes& bytes, const OpenOptions& o) {
    if (!bytes || bytes->empty())
        throw DocumentError(label_of(o) + " is empty (0 bytes); ask for the file again.");
    if (bytes->size() > o.limits.max_file_bytes)
        throw LimitError(label_of(o) + " is " + std::to_string(bytes->size() >> 20) +
                         " MiB, more than the viewer's limit of " +
                         std::to_string(o.limits.max_file_bytes >> 20) +
                         " MiB; ask the applicant for a smaller scan.");
    const std::string_view format = sniff_format(*bytes);
    if (format.empty())
        throw DocumentError(
            label_of(o) +
            " is neither a PDF nor a JPEG, PNG, TIFF or WebP image; ask for the document in one of "
            "those formats.");
    return format;
}

OpenedDocument open_document(SharedBytes bytes, const OpenOptions& o) {
    const std::string_view format = checked_format(bytes, o);
    if (format != "pdf")
        return {ImageEngine::open(std::move(bytes), format, o.limits), PasswordSource::none};
    auto pdf = PdfEngine::open(std::move(bytes), o.limits);
    if (!pdf->locked())
        return {std::move(pdf), PasswordSource::none};
    PdfEngine* raw = pdf.get();
    const Unlocker unlocker{[raw](const std::string& p) { return raw->unlock(p); },
                            [raw] { return raw->password(); }};
    return unlock_document(std::move(pdf), unlocker, o);
}

OpenedDocument open_document_file(const std::string& path, OpenOptions o) {
    if (o.label.empty())
        o.label = std::filesystem::path(path).filename().string();
    return open_document(read_file_bytes(path, o.limits), o);
}

}  // namespace jaanch::viewer
