#include "app/checks/checks_controller.h"

#include <algorithm>
#include <chrono>
#include <cstdio>

#include <wx/app.h>
#include <wx/dialog.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/utils.h>

#include "app/application/application_controller.h"
#include "app/application/application_panel.h"
#include "app/checks/aadhaar_reveal.h"
#include "app/checks/checks_view.h"
#include "app/checks/photo_compare.h"
#include "app/documents/documents_controller.h"
#include "app/documents/documents_panel.h"
#include "app/main/context.h"
#include "app/status/sync_controller.h"
#include "util/error.h"

namespace jaanch::app {
namespace {

// Overwrites a revealed number before its memory is freed (the dialog's own copy goes with the dialog).
void wipe(std::string& s) {
    std::fill(s.begin(), s.end(), '\0');
    s.clear();
}

}  // namespace

// Destroy() only schedules: a window on its way out is not live.
wxWindow* live_window(const wxString& name) {
    wxWindow* found = nullptr;
    for (wxWindow* w : wxTopLevelWindows)
        if (w->GetName() == name && !wxTheApp->IsScheduledForDestruction(w))
            found = w;
    return found;
}

PhotoStrip* open_photo_strip() {
    wxWindow* dialog = live_window("checks");
    return dialog ? dynamic_cast<PhotoStrip*>(dialog->FindWindow("photo-compare")) : nullptr;
}

ChecksController::ChecksController(Context& context) : context_(context) {
    qr_reader_ = std::make_unique<workstation::QrReader>(
        [this](workstation::QrFindings findings) { on_qr_findings(std::move(findings)); });
}

ChecksController::~ChecksController() = default;

void ChecksController::register_commands() {
    context_.commands.add({"view/checks", "Automatic &checks…",
                           "Every automatic check of the open application, with its reason",
                           [this] { show_checks(); }, [this] { return checks_.has_value(); }});
    context_.commands.add(
        {"view/reveal_aadhaar", "&Reveal Aadhaar…",
         "Show a sealed Aadhaar number of the open application in full; the reveal is recorded",
         [this] { reveal_aadhaar(); },
         [this] {
             return context_.application->current().has_value() && context_.session.workspace &&
                    context_.session.officer;
         }});
}

void ChecksController::on_open(const model::Application& app, const catalogue::ServiceDefinition* service) {
    checks_.reset();
    qr_findings_.reset();
    auto& form = context_.application->form();
    if (service == nullptr)
        return form.clear_checks();
    try {
        // Indian time decides "today" for dates in the future and ages (the hub and portals count in IST).
        checks_ = checks::review_application(app, *service, *context_.session.workspace,
                                             date_of(now_utc() + std::chrono::minutes(330)));
        form.show_checks(*checks_, [this] { show_checks(); });
        context_.documents->panel().set_document_flags(document_flag_symbols());
    } catch (const std::exception& e) {
        form.clear_checks();
        // The form is still worth showing: say why the flags are missing, never hide it.
        context_.sync->set_message(
            wxString::Format(_("The automatic checks could not run: %s"), wxString::FromUTF8(e.what())));
    }
    read_aadhaar_letter(std::chrono::milliseconds(1000));  // once the officer has had the form for a moment
}

void ChecksController::show_checks() {
    if (!checks_)
        return;
    auto* dialog = new ChecksDialog(context_.window, *checks_, context_.session.language);
    add_photo_strip(dialog);
    if (context_.unattended) {
        dialog->Show();  // scripts (screenshots) must not block on a modal dialog
        return;
    }
    dialog->ShowModal();
    dialog->Destroy();
}

bool ChecksController::reveal_aadhaar(const std::optional<std::string>& scripted_path) {
    if (!context_.application->current() || !context_.session.workspace || !context_.session.officer)
        return false;
    const std::vector<std::string> paths =
        context_.session.workspace->sealed_paths(context_.application->current()->number);
    if (paths.empty()) {
        if (!scripted_path)
            wxMessageBox(_("This application holds no Aadhaar number to reveal."), _("Reveal Aadhaar"),
                         wxOK | wxICON_INFORMATION, context_.window);
        return false;
    }
    const auto* service = context_.application->service();
    std::vector<wxString> labels;
    for (const auto& p : paths)
        labels.push_back(
            sealed_field_label(p, *context_.application->current(), service, context_.session.language));
    std::optional<std::size_t> chosen;
    if (scripted_path) {
        if (auto it = std::find(paths.begin(), paths.end(), *scripted_path); it != paths.end())
            chosen = static_cast<std::size_t>(it - paths.begin());
    } else {
        chosen = choose_sealed_field(context_.window, labels);
        const wxString officer =
            wxString::FromUTF8(context_.session.officer->name + ", " + context_.session.officer->id);
        if (chosen && !confirm_reveal(context_.window, labels[*chosen], officer))
            chosen.reset();
    }
    if (!chosen)
        return false;
    std::string number;
    try {
        number = context_.session.workspace->reveal(context_.application->current()->number, paths[*chosen],
                                                    context_.session.officer->id, now_utc());
    } catch (const Error& e) {
        const wxString why =
            wxString::Format(_("The Aadhaar number could not be revealed: %s"), wxString::FromUTF8(e.what()));
        if (scripted_path)
            std::fprintf(stderr, "jaanch: %s\n", why.utf8_str().data());
        else
            wxMessageBox(why, _("Reveal Aadhaar"), wxOK | wxICON_ERROR, context_.window);
        return false;
    }
    auto* shown = new RevealedDialog(context_.window, labels[*chosen], number);
    wipe(number);
    if (scripted_path) {
        shown->Show();  // scripts must not block on a modal dialog; expect-revealed closes it
        return true;
    }
    shown->ShowModal();
    shown->Destroy();
    return true;
}

std::map<std::string, wxString> ChecksController::document_flag_symbols() const {
    std::map<std::string, wxString> out;
    if (!checks_ || !context_.application->current())
        return out;
    for (const auto& [id, status] : document_statuses(*checks_, *context_.application->current()))
        out[id] = flag_for(status).symbol;
    return out;
}

void ChecksController::add_photo_strip(wxDialog* checks_dialog) {
    if (!context_.application->current() || !context_.session.workspace)
        return;
    const auto* service = context_.application->service();
    if (!qr_findings_ &&
        workstation::letter_sources(*context_.application->current(), service, *context_.session.workspace)
            .empty())
        return;
    auto* strip = new PhotoStrip(checks_dialog);
    checks_dialog->GetSizer()->Insert(1, strip, 0, wxLEFT | wxRIGHT | wxBOTTOM,
                                      context_.window->FromDIP(10));  // under the summary
    checks_dialog->Fit();
    if (qr_findings_)
        strip->show(qr_findings_->photos);
    else
        read_aadhaar_letter(std::chrono::milliseconds(0));  // the officer is looking for it now
}

void ChecksController::read_aadhaar_letter(std::chrono::milliseconds delay) {
    if (!context_.application->current() || !context_.session.workspace || !qr_reader_)
        return;
    const auto* service = context_.application->service();
    workstation::LetterSources sources =
        workstation::letter_sources(*context_.application->current(), service, *context_.session.workspace);
    if (!sources.empty())
        qr_reader_->request(std::move(sources), delay);
}

void ChecksController::on_qr_findings(workstation::QrFindings findings) {
    if (!context_.application->current() || findings.application != context_.application->current()->number ||
        qr_findings_)
        return;  // moved on, or known
    qr_findings_ = std::move(findings);
    if (checks_) {
        const auto* service = context_.application->service();
        for (auto& item : workstation::qr_review_items(*qr_findings_, service))
            checks_->documents.push_back(std::move(item));
        context_.application->form().show_checks(*checks_,
                                                 [this] { show_checks(); });  // the summary counts them too
        context_.documents->panel().set_document_flags(document_flag_symbols());
    }
    if (PhotoStrip* strip = open_photo_strip())
        strip->show(qr_findings_->photos);
}

}  // namespace jaanch::app
