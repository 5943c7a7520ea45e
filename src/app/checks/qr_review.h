// Reading the open application's Aadhaar letter, off the UI thread: its Secure QR found (PDF pages at 300
// DPI, images as they are; zxing-cpp), UIDAI's signature checked against the certificates in WORKSPACE/uidai
// (several: UIDAI rotates them), the QR compared with the form (checks/qr_compare.h), and the QR's photo and
// the uploaded photograph decoded for the photo strip (photo_compare.h). Citizens' files are parsed in the
// sandboxed jaanch-render helper, as the document tabs do. The findings become review items on the letter:
// its tab's flag and rows of the checks dialog.
//
// Reading takes a second or so a letter, so a request starts after a delay (the officer reads the form first,
// and "next application" keeps the machine to itself), and a newer request replaces one not started yet. The
// caller drops findings for an application no longer open.
//
// Threads: request() and the destructor on the UI thread; one worker thread reads; findings are handed to the
// UI thread through dispatch::to_main. Ownership: owned by MainFrame; the destructor stops the worker and
// joins it (waiting for the letter being read, if any).
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "app/checks/photo_compare.h"
#include "catalogue/service_definition.h"
#include "checks/check_result.h"
#include "checks/secure_qr.h"
#include "model/application.h"
#include "store/workspace.h"
#include "viewer/engine/password_conventions.h"

namespace jaanch::app {

// What a reading needs, resolved on the UI thread (the workspace is not shared with the worker).
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
LetterSources letter_sources(const model::Application& app, const catalogue::ServiceDefinition* service,
                             store::Workspace& workspace);

struct QrFindings {
    std::string application;
    std::string document_id;  // the letter whose QR was read; empty when no letter had one
    std::optional<checks::SignatureCheck> signature;
    std::vector<checks::FieldCheck> comparisons;  // the QR against the form
    PhotoPair photos;
};

// Blocking; any thread. A document's fault never throws: it becomes a problem sentence in the findings.
QrFindings read_letters(const LetterSources& sources);

// The findings as items on the letter: the signature's verdict, then each comparison with the form.
std::vector<checks::ReviewItem> qr_review_items(const QrFindings& findings,
                                                const catalogue::ServiceDefinition* service);

class QrReader {
  public:
    using Handler = std::function<void(QrFindings)>;
    explicit QrReader(Handler on_findings);
    ~QrReader();
    QrReader(const QrReader&) = delete;
    QrReader& operator=(const QrReader&) = delete;

    // Reads `sources` once `delay` has passed, unless another request comes first.
    void request(LetterSources sources, std::chrono::milliseconds delay);

  private:
    void loop();

    Handler on_findings_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::optional<LetterSources> next_;  // guarded by mutex_
    std::chrono::steady_clock::time_point not_before_;
    bool stopping_ = false;
    std::shared_ptr<std::atomic<bool>> alive_ = std::make_shared<std::atomic<bool>>(true);
    std::thread worker_;
};

}  // namespace jaanch::app
