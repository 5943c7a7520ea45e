// The applicant's uploaded photo beside the photo inside the Aadhaar letter's Secure QR (signed by UIDAI), so
// the officer compares faces without hunting for either. Shown as a strip at the top of the checks dialog.
//
// Finding the QR photo means rendering the Aadhaar letter (PDFs at 300 DPI), finding its QR code (zxing-cpp),
// parsing it and decoding its JPEG 2000 photo: a second or so, so it runs only when the checks dialog opens,
// on this strip's own worker thread, and the result comes back through dispatch::to_main. Citizens' files are
// parsed in the sandboxed jaanch-render helper, as the document tabs do.
//
// Threads: PhotoStrip on the UI thread; find_photos on any thread. Ownership: the strip owns its worker and
// joins it when it is destroyed (closing the dialog early waits for the worker's current document).
#pragma once

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <wx/panel.h>

#include "catalogue/service_definition.h"
#include "checks/qr_photo.h"
#include "model/application.h"
#include "store/workspace.h"
#include "viewer/engine/password_conventions.h"

class wxStaticBitmap;
class wxStaticText;

namespace jaanch::app {

// Where the photos are: files in the workspace's document folder, resolved on the UI thread.
struct PhotoSources {
    std::vector<std::string> aadhaar_files;  // downloaded Aadhaar letters (document kinds naming Aadhaar)
    std::string photo_file;                  // the applicant's uploaded photo (kind "photo"); empty when none
    viewer::ConventionInputs conventions;    // e-Aadhaar PDFs open with the name + year of birth convention
    bool empty() const { return aadhaar_files.empty() && photo_file.empty(); }
};
PhotoSources photo_sources(const model::Application& app, const catalogue::ServiceDefinition* service,
                           store::Workspace& workspace);

struct PhotoPair {
    std::optional<checks::RgbaImage>
        uploaded;                         // the uploaded photo, scaled to at most kPhotoHeight pixels high
    std::optional<checks::RgbaImage> qr;  // the QR's photo as decoded
    // Why one is missing: a sentence in English (an msgid when it is one of find_photos' own); empty when
    // shown.
    std::string uploaded_problem, qr_problem;
};
constexpr int kPhotoHeight = 160;

// Blocking; any thread. Never throws for a document's fault: the problem goes into the pair.
PhotoPair find_photos(const PhotoSources& sources);

class PhotoStrip : public wxPanel {
  public:
    // Starts finding the photos of `sources` at once.
    PhotoStrip(wxWindow* parent, PhotoSources sources);
    ~PhotoStrip() override;

    bool finished() const { return finished_; }
    // Whether the QR's photo is on screen, and its size (tests, via the report-checks script verb).
    bool qr_photo_shown() const { return qr_size_.has_value(); }
    bool uploaded_photo_shown() const { return uploaded_shown_; }
    std::optional<std::pair<int, int>> qr_photo_size() const { return qr_size_; }

  private:
    void show(const PhotoPair& pair);

    wxStaticBitmap* uploaded_ = nullptr;
    wxStaticBitmap* qr_ = nullptr;
    wxStaticText* uploaded_note_ = nullptr;
    wxStaticText* qr_note_ = nullptr;
    bool finished_ = false;
    bool uploaded_shown_ = false;
    std::optional<std::pair<int, int>> qr_size_;
    std::shared_ptr<std::atomic<bool>> alive_ = std::make_shared<std::atomic<bool>>(true);
    std::thread worker_;
};

}  // namespace jaanch::app
