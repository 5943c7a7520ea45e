// The viewer's per-document memory kept in the officer's workspace, so it survives restarts: the password
// that opened an encrypted upload, and each page's rotation. Keyed by the document's SHA-256.
//
// The password is stored as the workspace stores the document itself (the decrypted-by-password bytes are
// already in the document folder); it saves the officer typing it again, it protects nothing further.
// Threads: any (a mutex serialises use of the workspace connection); the workspace must outlive this.
#pragma once

#include <mutex>

#include "store/workspace.h"
#include "viewer/engine/password_memory.h"
#include "viewer/render/view_memory.h"

namespace jaanch::workstation {

class WorkspaceDocumentMemory : public viewer::PasswordMemory, public viewer::render::ViewMemory {
  public:
    explicit WorkspaceDocumentMemory(store::Workspace& workspace) : workspace_(workspace) {}

    std::optional<std::string> recall(const std::string& document_key) override;
    void remember(const std::string& document_key, const std::string& password) override;
    std::map<int, viewer::Rotation> rotations(const std::string& document_key) override;
    void set_rotation(const std::string& document_key, int page, viewer::Rotation rotation) override;

  private:
    std::mutex mutex_;
    store::Workspace& workspace_;
};

}  // namespace jaanch::workstation
