// Script commands of the checks (tests and the user guide's pictures):
//   reveal=PATH           reveals a sealed field of the open application
//                         ("aadhaar", "members[1].aadhaar") with no question asked, as after the officer's
//                         confirmation; the number shows in its dialog
//   expect-revealed=TEXT  fails unless the reveal dialog shows TEXT ("2345 6789 0124"); closes it either way
//   wait-qr=SECONDS       fails unless the open application's Aadhaar letter is read in time
//   (workstation/aadhaar_letter_reader.h) wait-photos=SECONDS   fails unless the photo strip of the checks
//   dialog (view/checks) finishes in time report-checks         prints "checks: {JSON}": the document tabs'
//   titles, every text the form shows, the
//                         Aadhaar letter's findings, what the photo strip of an open checks dialog shows
//   shot-checks=FILE      saves the open checks dialog as PNG (the user guide's picture of it)
//   close-checks          closes the checks dialogs a script opened
#include <chrono>
#include <cstdio>
#include <vector>

#include <wx/app.h>
#include <wx/grid.h>
#include <wx/image.h>
#include <wx/stattext.h>
#include <wx/utils.h>

#include "app/application/application_controller.h"
#include "app/application/application_panel.h"
#include "app/checks/checks_controller.h"
#include "app/checks/photo_compare.h"
#include "app/documents/documents_controller.h"
#include "app/documents/documents_panel.h"
#include "app/main/context.h"
#include "app/script/script_commands.h"
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

// Keeps the window live until `done` holds, or fails after `seconds` saying `what`.
template <class Done>
bool wait_for(Done done, const std::string& seconds, const char* what) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(std::stol(seconds));
    while (!done()) {
        if (std::chrono::steady_clock::now() > until) {
            std::fprintf(stderr, "jaanch: %s\n", what);
            return false;
        }
        wxYield();  // results arrive through CallAfter
        wxMilliSleep(10);
    }
    return true;
}

bool expect_revealed(const std::string& text) {
    wxWindow* dialog = live_window("revealed-aadhaar");
    auto* number = dialog ? dynamic_cast<wxStaticText*>(dialog->FindWindow("revealed-number")) : nullptr;
    const bool shown = number != nullptr && number->GetLabel().utf8_string() == text;
    if (!shown)
        std::fprintf(stderr, "jaanch: the reveal dialog does not show the expected number\n");
    if (dialog != nullptr)
        dialog->Destroy();
    return shown;
}

void report_checks(Context& context) {
    auto& documents = context.documents->panel();
    json::Json tabs = json::Json::array();
    for (std::size_t i = 0; i < documents.GetPageCount(); ++i)
        tabs.push_back(documents.GetPageText(i).utf8_string());
    std::vector<std::string> form;
    collect_text(&context.application->form(), form);
    const auto& open = context.application->current();
    json::Json report{{"application", open ? open->number : ""}, {"tabs", tabs}, {"form_text", form}};
    if (const auto& findings = context.checks->qr_findings()) {
        json::Json failing = json::Json::array();
        for (const auto& item : workstation::qr_review_items(*findings, nullptr))
            if (item.status != checks::ReviewStatus::pass)
                failing.push_back(item.label.en);
        report["qr"] = {
            {"document", findings->document_id},
            {"signature",
             findings->signature ? std::string(checks::qr_signature_name(findings->signature->verdict)) : ""},
            {"not_passing", failing}};
    }
    if (PhotoStrip* strip = open_photo_strip()) {
        const auto qr = strip->qr_photo_size();
        report["photos"] = {{"finished", strip->finished()},
                            {"uploaded_shown", strip->uploaded_photo_shown()},
                            {"qr_photo", qr ? json::Json{qr->first, qr->second} : json::Json()}};
    }
    std::printf("checks: %s\n", report.dump().c_str());
    std::fflush(stdout);
}

bool shot_checks(const std::string& path) {
    wxWindow* dialog = live_window("checks");
    if (dialog == nullptr)
        return false;
    dialog->Refresh();
    dialog->Update();
    for (int i = 0; i < 30; ++i) {  // let the photos just set paint
        wxYield();
        wxMilliSleep(10);
    }
    return viewer::wx::capture_window(dialog).ConvertToImage().SaveFile(wxString::FromUTF8(path),
                                                                        wxBITMAP_TYPE_PNG);
}

}  // namespace

void register_checks_script(Context& context) {
    Context* c = &context;
    add_script_command(context, "reveal",
                       [c](const std::string& path) { return c->checks->reveal_aadhaar(path); });
    add_script_command(context, "expect-revealed", expect_revealed);
    add_script_command(context, "report-checks", [c](const std::string&) {
        report_checks(*c);
        return true;
    });
    add_script_command(context, "wait-photos", [](const std::string& seconds) {
        return wait_for(
            [] {
                PhotoStrip* strip = open_photo_strip();
                return strip != nullptr && strip->finished();
            },
            seconds, "the photo strip did not finish in time (or is not shown)");
    });
    add_script_command(context, "wait-qr", [c](const std::string& seconds) {
        return wait_for([c] { return c->checks->qr_findings().has_value(); }, seconds,
                        "the Aadhaar letter was not read in time");
    });
    add_script_command(context, "shot-checks", shot_checks);
    add_script_command(context, "close-checks", [](const std::string&) {
        while (wxWindow* dialog = live_window("checks"))
            dialog->Destroy();
        return true;
    });
}

}  // namespace jaanch::app
