// The automatic checks of the open application: the flags beside the form's fields and on the document tabs
// (checks::review_application), the checks dialog with each reason, the Aadhaar letter's Secure QR read a
// moment after opening (workstation/aadhaar_letter_reader.h: the signature, the QR against the form, the
// photos), and revealing a sealed Aadhaar number (recorded in the activity log; the form stays masked).
// Threads: UI thread only; the letter is read on the QrReader's worker and its findings arrive here on the UI
// thread, dropped when another application is open by then. Ownership: owned by MainFrame.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include <wx/string.h>

#include "workspace_checks/application_review.h"
#include "workstation/aadhaar_letter_reader.h"

class wxDialog;
class wxWindow;

namespace jaanch::app {

struct Context;

class ChecksController {
  public:
    explicit ChecksController(Context& context);
    ~ChecksController();

    void register_commands();  // view/checks, view/reveal_aadhaar

    // Runs the checks of the application just opened and shows their flags; the letter is read a moment
    // later.
    void on_open(const model::Application& app, const catalogue::ServiceDefinition* service);
    // The open application's report; null when its service is unknown or the checks could not run.
    const checks::ApplicationReport* report() const { return checks_ ? &*checks_ : nullptr; }
    const std::optional<workstation::QrFindings>& qr_findings() const { return qr_findings_; }
    void show_checks();
    // Shows a sealed Aadhaar number of the open application in full after the officer chooses the field and
    // confirms; Workspace::reveal records it. `scripted_path` (scripts) skips both questions and leaves the
    // number's dialog open without blocking. Returns whether a number was revealed.
    bool reveal_aadhaar(const std::optional<std::string>& scripted_path = std::nullopt);

  private:
    std::map<std::string, wxString> document_flag_symbols() const;  // document id → flag of its tab
    void add_photo_strip(wxDialog* checks_dialog);  // the uploaded photo beside the Aadhaar QR's
    void read_aadhaar_letter(std::chrono::milliseconds delay);
    void on_qr_findings(
        workstation::QrFindings findings);  // adds them to checks_, the tabs and an open photo strip

    Context& context_;
    std::optional<checks::ApplicationReport> checks_;     // of the open application
    std::optional<workstation::QrFindings> qr_findings_;  // of the open application, once read
    std::unique_ptr<workstation::QrReader> qr_reader_;    // last: joined first
};

class PhotoStrip;

// The newest shown top-level window named `name` that is not already on its way out.
wxWindow* live_window(const wxString& name);
// The photo strip of an open checks dialog; null when none is open.
PhotoStrip* open_photo_strip();

}  // namespace jaanch::app
