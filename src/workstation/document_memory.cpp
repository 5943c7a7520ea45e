#include "workstation/document_memory.h"

namespace jaanch::workstation {
namespace {

constexpr const char* kPassword = "password";
constexpr const char* kRotationPrefix = "rotation:";

}  // namespace

std::optional<std::string> WorkspaceDocumentMemory::recall(const std::string& document_key) {
    std::lock_guard lock(mutex_);
    return workspace_.document_note(document_key, kPassword);
}

void WorkspaceDocumentMemory::remember(const std::string& document_key, const std::string& password) {
    std::lock_guard lock(mutex_);
    workspace_.set_document_note(document_key, kPassword, password);
}

std::map<int, viewer::Rotation> WorkspaceDocumentMemory::rotations(const std::string& document_key) {
    std::lock_guard lock(mutex_);
    std::map<int, viewer::Rotation> out;
    for (const auto& [key, value] : workspace_.document_notes(document_key)) {
        if (key.rfind(kRotationPrefix, 0) != 0)
            continue;
        try {
            out[std::stoi(key.substr(9))] = viewer::rotation_from_degrees(std::stoi(value));
        } catch (const std::exception&) {
            // A note this version cannot read is left alone rather than applied wrongly.
        }
    }
    return out;
}

void WorkspaceDocumentMemory::set_rotation(const std::string& document_key, int page,
                                           viewer::Rotation rotation) {
    std::lock_guard lock(mutex_);
    workspace_.set_document_note(document_key, kRotationPrefix + std::to_string(page),
                                 std::to_string(static_cast<int>(rotation)));
}

}  // namespace jaanch::workstation
