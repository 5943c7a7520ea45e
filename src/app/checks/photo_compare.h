// The applicant's uploaded photo beside the photo inside the Aadhaar letter's Secure QR (signed by UIDAI), so
// the officer compares faces without hunting for either: a strip at the top of the checks dialog. The photos
// come from the Aadhaar letter reading (workstation/aadhaar_letter_reader.h), which runs off the UI thread;
// the strip says "Looking for the photo…" until they arrive. UI thread only.
#pragma once

#include <optional>
#include <string>
#include <utility>

#include <wx/panel.h>

#include "workstation/aadhaar_letter.h"

class wxStaticBitmap;
class wxStaticText;

namespace jaanch::app {

using workstation::kPhotoHeight;
using workstation::PhotoPair;

class PhotoStrip : public wxPanel {
  public:
    explicit PhotoStrip(wxWindow* parent);

    void show(const PhotoPair& pair);

    bool finished() const { return finished_; }
    // What is on screen (tests, via the report-checks script verb).
    bool uploaded_photo_shown() const { return uploaded_shown_; }
    std::optional<std::pair<int, int>> qr_photo_size() const { return qr_size_; }

  private:
    wxStaticBitmap* uploaded_ = nullptr;
    wxStaticBitmap* qr_ = nullptr;
    wxStaticText* uploaded_note_ = nullptr;
    wxStaticText* qr_note_ = nullptr;
    bool finished_ = false;
    bool uploaded_shown_ = false;
    std::optional<std::pair<int, int>> qr_size_;
};

}  // namespace jaanch::app
