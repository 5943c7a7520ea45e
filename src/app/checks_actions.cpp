// The frame's actions of the automatic checks (#8) beyond the flags: revealing a sealed Aadhaar number, the
// document tabs' flags, reading the Aadhaar letter's QR (signature, the form, the photo strip), and the
// script verbs tests use for them:
//   reveal=PATH           reveals a sealed field of the open application ("aadhaar", "members[1].aadhaar")
//                         with no question asked, as after the officer's confirmation; the number shows in
//                         its dialog
//   expect-revealed=TEXT  fails unless the reveal dialog shows TEXT ("2345 6789 0124"); closes it either way
//   wait-qr=SECONDS       fails unless the open application's Aadhaar letter is read in time (qr_review.h)
//   wait-photos=SECONDS   fails unless the photo strip of the checks dialog (view/checks) finishes in time
//   report-checks         prints "checks: {JSON}": the document tabs' titles, every text the form shows, the
//                         Aadhaar letter's findings, what the photo strip of an open checks dialog shows
//   shot-checks=FILE      saves the open checks dialog as PNG (the user guide's picture of it)
//   close-checks          closes the checks dialogs a script opened
#include <algorithm>
#include <chrono>
#include <cstdio>

#include <wx/app.h>
#include <wx/dialog.h>
#include <wx/grid.h>
#include <wx/image.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/utils.h>

#include "aadhaar_reveal.h"
#include "application_panel.h"
#include "checks_view.h"
#include "documents_panel.h"
#include "main_frame.h"
#include "photo_compare.h"
#include "qr_review.h"
#include "util/error.h"
#include "util/json_reader.h"
#include "viewer/wx/bitmap_convert.h"

namespace jaanch::app {
namespace {

// What the officer can read in `window` and its shown children: labels and table cells.
void collect_text(wxWindow* window, std::vector<std::string>& out) {
    if (!window->IsShown())
        return;
    if (auto* text = dynamic_cast<wxStaticText*>(window)) {
        out.push_back(text->GetLabel().utf8_string());
    } else if (auto* grid = dynamic_cast<wxGrid*>(window)) {
        for (int r = 0; r < grid->GetNumberRows(); ++r)
            for (int c = 0; c < grid->GetNumberCols(); ++c)
                out.push_back(grid->GetCellValue(r, c).utf8_string());
    }
    for (wxWindow* child : window->GetChildren())
        collect_text(child, out);
}

// The newest shown top-level window named `name` that is not already on its way out (Destroy() only
// schedules).
wxWindow* live_window(const wxString& name) {
    wxWindow* found = nullptr;
    for (wxWindow* w : wxTopLevelWindows)
        if (w->GetName() == name && !wxTheApp->IsScheduledForDestruction(w))
            found = w;
    return found;
}

PhotoStrip* photo_strip() {
    wxWindow* dialog = live_window("checks");
    return dialog ? dynamic_cast<PhotoStrip*>(dialog->FindWindow("photo-compare")) : nullptr;
}

// Overwrites a revealed number before its memory is freed (the dialog's own copy goes with the dialog).
void wipe(std::string& s) {
    std::fill(s.begin(), s.end(), '\0');
    s.clear();
}

}  // namespace

void MainFrame::set_up_checks() {
    qr_reader_ =
        std::make_unique<QrReader>([this](QrFindings findings) { on_qr_findings(std::move(findings)); });
    commands_.add({"view/reveal_aadhaar", "&Reveal Aadhaar…",
                   "Show a sealed Aadhaar number of the open application in full; the reveal is recorded",
                   [this] { reveal_aadhaar(); },
                   [this] { return open_app_.has_value() && context_.workspace && context_.officer; }});
}

bool MainFrame::reveal_aadhaar(const std::optional<std::string>& scripted_path) {
    if (!open_app_ || !context_.workspace || !context_.officer)
        return false;
    const std::vector<std::string> paths = context_.workspace->sealed_paths(open_app_->number);
    if (paths.empty()) {
        if (!scripted_path)
            wxMessageBox(_("This application holds no Aadhaar number to reveal."), _("Reveal Aadhaar"),
                         wxOK | wxICON_INFORMATION, this);
        return false;
    }
    const auto* service = context_.catalogue.find(open_app_->service_id, open_app_->service_version);
    std::vector<wxString> labels;
    for (const auto& p : paths)
        labels.push_back(sealed_field_label(p, *open_app_, service, context_.language));
    std::optional<std::size_t> chosen;
    if (scripted_path) {
        if (auto it = std::find(paths.begin(), paths.end(), *scripted_path); it != paths.end())
            chosen = static_cast<std::size_t>(it - paths.begin());
    } else {
        chosen = choose_sealed_field(this, labels);
        const wxString officer = wxString::FromUTF8(context_.officer->name + ", " + context_.officer->id);
        if (chosen && !confirm_reveal(this, labels[*chosen], officer))
            chosen.reset();
    }
    if (!chosen)
        return false;
    std::string number;
    try {
        number =
            context_.workspace->reveal(open_app_->number, paths[*chosen], context_.officer->id, now_utc());
    } catch (const Error& e) {
        const wxString why =
            wxString::Format(_("The Aadhaar number could not be revealed: %s"), wxString::FromUTF8(e.what()));
        if (scripted_path)
            std::fprintf(stderr, "jaanch: %s\n", why.utf8_str().data());
        else
            wxMessageBox(why, _("Reveal Aadhaar"), wxOK | wxICON_ERROR, this);
        return false;
    }
    auto* shown = new RevealedDialog(this, labels[*chosen], number);
    wipe(number);
    if (scripted_path) {
        shown->Show();  // scripts must not block on a modal dialog; expect-revealed closes it
        return true;
    }
    shown->ShowModal();
    shown->Destroy();
    return true;
}

std::map<std::string, wxString> MainFrame::document_flag_symbols() const {
    std::map<std::string, wxString> out;
    if (!checks_ || !open_app_)
        return out;
    for (const auto& [id, status] : document_statuses(*checks_, *open_app_))
        out[id] = flag_for(status).symbol;
    return out;
}

void MainFrame::add_photo_strip(wxDialog* checks_dialog) {
    if (!open_app_ || !context_.workspace)
        return;
    const auto* service = context_.catalogue.find(open_app_->service_id, open_app_->service_version);
    if (!qr_findings_ && letter_sources(*open_app_, service, *context_.workspace).empty())
        return;
    auto* strip = new PhotoStrip(checks_dialog);
    checks_dialog->GetSizer()->Insert(1, strip, 0, wxLEFT | wxRIGHT | wxBOTTOM,
                                      FromDIP(10));  // under the summary
    checks_dialog->Fit();
    if (qr_findings_)
        strip->show(qr_findings_->photos);
    else
        read_aadhaar_letter(std::chrono::milliseconds(0));  // the officer is looking for it now
}

void MainFrame::read_aadhaar_letter(std::chrono::milliseconds delay) {
    if (!open_app_ || !context_.workspace || !qr_reader_)
        return;
    const auto* service = context_.catalogue.find(open_app_->service_id, open_app_->service_version);
    LetterSources sources = letter_sources(*open_app_, service, *context_.workspace);
    if (!sources.empty())
        qr_reader_->request(std::move(sources), delay);
}

void MainFrame::on_qr_findings(QrFindings findings) {
    if (!open_app_ || findings.application != open_app_->number || qr_findings_)
        return;  // moved on, or known
    qr_findings_ = std::move(findings);
    if (checks_) {
        const auto* service = context_.catalogue.find(open_app_->service_id, open_app_->service_version);
        for (auto& item : qr_review_items(*qr_findings_, service))
            checks_->documents.push_back(std::move(item));
        application_->show_checks(*checks_, [this] { show_checks(); });  // the summary counts them too
        documents_->set_document_flags(document_flag_symbols());
    }
    if (PhotoStrip* strip = photo_strip())
        strip->show(qr_findings_->photos);
}

std::optional<bool> MainFrame::run_checks_script_step(const std::string& verb, const std::string& arg) {
    if (verb == "reveal")
        return reveal_aadhaar(arg);
    if (verb == "expect-revealed") {
        wxWindow* dialog = live_window("revealed-aadhaar");
        auto* number = dialog ? dynamic_cast<wxStaticText*>(dialog->FindWindow("revealed-number")) : nullptr;
        const bool shown = number != nullptr && number->GetLabel().utf8_string() == arg;
        if (!shown)
            std::fprintf(stderr, "jaanch: the reveal dialog does not show the expected number\n");
        if (dialog != nullptr)
            dialog->Destroy();
        return shown;
    }
    if (verb == "report-checks") {
        json::Json tabs = json::Json::array();
        for (std::size_t i = 0; i < documents_->GetPageCount(); ++i)
            tabs.push_back(documents_->GetPageText(i).utf8_string());
        std::vector<std::string> form;
        collect_text(application_, form);
        json::Json report{
            {"application", open_app_ ? open_app_->number : ""}, {"tabs", tabs}, {"form_text", form}};
        if (qr_findings_) {
            json::Json failing = json::Json::array();
            for (const auto& item : qr_review_items(*qr_findings_, nullptr))
                if (item.status != checks::ReviewStatus::pass)
                    failing.push_back(item.label.en);
            report["qr"] = {
                {"document", qr_findings_->document_id},
                {"signature", qr_findings_->signature
                                  ? std::string(checks::qr_signature_name(qr_findings_->signature->verdict))
                                  : ""},
                {"not_passing", failing}};
        }
        if (PhotoStrip* strip = photo_strip()) {
            const auto qr = strip->qr_photo_size();
            report["photos"] = {{"finished", strip->finished()},
                                {"uploaded_shown", strip->uploaded_photo_shown()},
                                {"qr_photo", qr ? json::Json{qr->first, qr->second} : json::Json()}};
        }
        std::printf("checks: %s\n", report.dump().c_str());
        std::fflush(stdout);
        return true;
    }
    if (verb == "wait-photos") {
        const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(std::stol(arg));
        for (;;) {
            PhotoStrip* strip = photo_strip();
            if (strip != nullptr && strip->finished())
                return true;
            if (std::chrono::steady_clock::now() > until) {
                std::fprintf(stderr, "jaanch: the photo strip %s\n",
                             strip ? "did not finish in time" : "is not shown");
                return false;
            }
            wxYield();  // its result arrives through CallAfter
            wxMilliSleep(10);
        }
    }
    if (verb == "wait-qr") {  // until the open application's Aadhaar letter has been read
        const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(std::stol(arg));
        while (!qr_findings_) {
            if (std::chrono::steady_clock::now() > until) {
                std::fprintf(stderr, "jaanch: the Aadhaar letter was not read in time\n");
                return false;
            }
            wxYield();  // the findings arrive through CallAfter
            wxMilliSleep(10);
        }
        return true;
    }
    if (verb == "shot-checks") {
        wxWindow* dialog = live_window("checks");
        if (dialog == nullptr)
            return false;
        dialog->Refresh();
        dialog->Update();
        for (int i = 0; i < 30; ++i) {  // let the photos just set paint
            wxYield();
            wxMilliSleep(10);
        }
        return viewer::wx::capture_window(dialog).ConvertToImage().SaveFile(wxString::FromUTF8(arg),
                                                                            wxBITMAP_TYPE_PNG);
    }
    if (verb == "close-checks") {
        while (wxWindow* dialog = live_window("checks"))
            dialog->Destroy();
        return true;
    }
    return std::nullopt;
}

}  // namespace jaanch::app
