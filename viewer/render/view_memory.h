// What the viewer remembers per document between views: the officer's rotation of each page. The workstation
// keeps it in the workspace keyed by the document's SHA-256 (workstation/document_memory.h);
// InMemoryViewMemory keeps it for the session. No wx: the workstation's wx-free library implements it.
// UI thread only.
#pragma once

#include <map>
#include <string>

#include "viewer/engine/geometry.h"

namespace jaanch::viewer::render {

class ViewMemory {
  public:
    virtual ~ViewMemory() = default;
    virtual std::map<int, Rotation> rotations(const std::string& document_key) = 0;
    virtual void set_rotation(const std::string& document_key, int page, Rotation rotation) = 0;
};

class InMemoryViewMemory : public ViewMemory {
  public:
    std::map<int, Rotation> rotations(const std::string& key) override { return rotations_[key]; }
    void set_rotation(const std::string& key, int page, Rotation rotation) override {
        rotations_[key][page] = rotation;
    }

  private:
    std::map<std::string, std::map<int, Rotation>> rotations_;
};

}  // namespace jaanch::viewer::render
