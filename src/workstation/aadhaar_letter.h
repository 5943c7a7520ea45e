// Reading an application's Aadhaar letter: its Secure QR found through the sandboxed renderer (qr_scan.h;
// the first pages only, where UIDAI prints it), UIDAI's signature checked against the certificates of the
// workspace's trust folder (several: UIDAI rotates them), the QR compared with the form
// (checks/qr_compare.h), and the QR's photo and the uploaded photograph decoded for the photo strip. The
// findings become review items on the letter: its tab's flag and rows of the checks dialog.
//
// Threads: letter_sources() on the thread that owns the workspace; read_letters() and qr_review_items() on
// any thread (read_letters blocks for a second or so a letter; aadhaar_letter_reader.h runs it in the
// background). Errors: a document's fault never throws — it becomes a problem sentence in the findings.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "catalogue/service_definition.h"
#include "checks/check_result.h"
#include "checks/qr_photo.h"
#include "checks/secure_qr.h"
#include "model/application.h"
#include "store/workspace.h"
#include "viewer/engine/password_conventions.h"
#include "viewer/sandbox/sandbox_policy.h"

namespace jaanch::workstation {

// What a reading needs, resolved where the workspace lives (the workspace is not shared with a reader).
struct LetterSources {
    model::Application app;                                 // as shown: Aadhaar masked
    const catalogue::ServiceDefinition* service = nullptr;  // owned by the catalogue, which outlives readers
    std::vector<std::pair<std::string, std::string>>
        letters;                           // (document id, file) of downloaded Aadhaar letters
    std::string photo_file;                // the uploaded photograph; empty when none
    viewer::ConventionInputs conventions;  // e-Aadhaar PDFs: name + year of birth
    std::filesystem::path trust_folder;    // WORKSPACE/uidai; may be missing
    bool empty() const { return letters.empty() && photo_file.empty(); }
};
// The application's downloaded (complete, present) uploads of an Aadhaar kind (not Jan Aadhaar) and its
// first photograph. Reads the workspace; throws what the workspace throws.
LetterSources letter_sources(const model::Application& app, const catalogue::ServiceDefinition* service,
                             store::Workspace& workspace);

// What the photo strip shows: the uploaded photograph beside the QR's photo.
struct PhotoPair {
    std::optional<checks::RgbaImage>
        uploaded;                         // the uploaded photo, scaled to at most kPhotoHeight pixels high
    std::optional<checks::RgbaImage> qr;  // the QR's photo as decoded
    // Why one is missing: a sentence in English (the workstation translates the fixed ones as msgids);
    // empty when shown.
    std::string uploaded_problem, qr_problem;
};
constexpr int kPhotoHeight = 160;

struct QrFindings {
    std::string application;
    std::string document_id;  // the letter whose QR was read; empty when no letter had one
    std::optional<checks::SignatureCheck> signature;
    std::vector<checks::FieldCheck> comparisons;  // the QR against the form
    PhotoPair photos;
    // The protection the letter with the QR was parsed under; empty when no letter had one.
    std::optional<viewer::sandbox::Protection> protection;
};

// Blocking; any thread. Letters are parsed in the sandboxed helper only.
QrFindings read_letters(const LetterSources& sources);

// The findings as items on the letter: the signature's verdict, then each comparison with the form (field
// labels from `service`, which may be null). None when no letter had a QR.
std::vector<checks::ReviewItem> qr_review_items(const QrFindings& findings,
                                                const catalogue::ServiceDefinition* service);

}  // namespace jaanch::workstation
