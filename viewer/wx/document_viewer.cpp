#include "viewer/wx/document_viewer.h"

#include <wx/bmpbuttn.h>
#include <wx/button.h>
#include <wx/choice.h>
#include <wx/sizer.h>
#include <wx/srchctrl.h>
#include <wx/stattext.h>

#include <algorithm>
#include <cmath>

namespace jaanch::viewer::wx {
namespace {
const int kZoomChoices[] = {50, 75, 100, 125, 150, 200, 400, 800};
}

DocumentViewer::DocumentViewer(wxWindow* parent, render::RenderService& service, render::ViewMemory* memory,
                               bool with_thumbnails)
    : wxPanel(parent) {
    canvas_ = new DocumentCanvas(this, service, memory);
    if (with_thumbnails)
        strip_ = new ThumbnailStrip(this, service, *canvas_);

    auto* bar = new wxBoxSizer(wxHORIZONTAL);
    search_ = new wxSearchCtrl(this, wxID_ANY, "", wxDefaultPosition, wxSize(180, -1), wxTE_PROCESS_ENTER);
    search_->SetDescriptiveText(wxString::FromUTF8("Search · खोजें"));
    zoom_ = new wxChoice(this, wxID_ANY);
    zoom_->Append("Fit width");
    zoom_->Append("Fit page");
    for (int z : kZoomChoices)
        zoom_->Append(wxString::Format("%d %%", z));
    zoom_->SetSelection(0);
    auto* left = new wxButton(this, wxID_ANY, wxString::FromUTF8("⟲"), wxDefaultPosition, wxSize(36, -1));
    auto* right = new wxButton(this, wxID_ANY, wxString::FromUTF8("⟳"), wxDefaultPosition, wxSize(36, -1));
    left->SetToolTip("Rotate the page left (Shift+R)");
    right->SetToolTip("Rotate the page right (R)");
    status_ = new wxStaticText(this, wxID_ANY, "");
    bar->Add(search_, 0, wxALL | wxALIGN_CENTER_VERTICAL, 4);
    bar->Add(zoom_, 0, wxALL | wxALIGN_CENTER_VERTICAL, 4);
    bar->Add(left, 0, wxALL | wxALIGN_CENTER_VERTICAL, 2);
    bar->Add(right, 0, wxALL | wxALIGN_CENTER_VERTICAL, 2);
    bar->Add(status_, 1, wxALL | wxALIGN_CENTER_VERTICAL, 6);

    auto* body = new wxBoxSizer(wxHORIZONTAL);
    if (strip_ != nullptr)
        body->Add(strip_, 0, wxEXPAND);
    body->Add(canvas_, 1, wxEXPAND);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(bar, 0, wxEXPAND);
    sizer->Add(body, 1, wxEXPAND);
    SetSizer(sizer);

    search_->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) {
        canvas_->search(search_->GetValue().utf8_string());
        canvas_->SetFocus();
    });
    search_->Bind(wxEVT_SEARCHCTRL_SEARCH_BTN,
                  [this](wxCommandEvent&) { canvas_->search(search_->GetValue().utf8_string()); });
    search_->Bind(wxEVT_SEARCHCTRL_CANCEL_BTN, [this](wxCommandEvent&) { canvas_->search(""); });
    zoom_->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) {
        const int i = zoom_->GetSelection();
        if (i == 0)
            canvas_->set_zoom_mode(DocumentCanvas::ZoomMode::fit_width);
        else if (i == 1)
            canvas_->set_zoom_mode(DocumentCanvas::ZoomMode::fit_page);
        else
            canvas_->set_zoom_percent(kZoomChoices[i - 2]);
        canvas_->SetFocus();
    });
    left->Bind(wxEVT_BUTTON,
               [this](wxCommandEvent&) { canvas_->rotate_page(canvas_->current_page(), Rotation::r270); });
    right->Bind(wxEVT_BUTTON,
                [this](wxCommandEvent&) { canvas_->rotate_page(canvas_->current_page(), Rotation::r90); });
    canvas_->set_on_view_changed([this] { refresh_toolbar(); });
}

void DocumentViewer::show_document(render::DocumentId id, const std::string& document_key) {
    canvas_->show_document(id, document_key);
    canvas_->SetFocus();
}

std::vector<render::TileKey> DocumentViewer::first_view_tiles(render::DocumentId id) const {
    auto keys = canvas_->first_view_tiles(id);
    if (strip_ != nullptr) {
        const auto thumbnails = strip_->first_view_tiles(id);
        keys.insert(keys.end(), thumbnails.begin(), thumbnails.end());
    }
    return keys;
}

wxString DocumentViewer::status() const {
    if (canvas_->page_count() == 0)
        return "";
    wxString s = wxString::Format(wxString::FromUTF8("Page %d / %d · %.0f %%"), canvas_->current_page() + 1,
                                  canvas_->page_count(), canvas_->zoom_percent());
    if (const int hits = canvas_->hit_count(); hits > 0)
        s += wxString::Format(wxString::FromUTF8(" · %d hits"), hits);
    return s;
}

void DocumentViewer::refresh_toolbar() {
    status_->SetLabel(status());
    if (strip_ != nullptr)
        strip_->sync();
    using Mode = DocumentCanvas::ZoomMode;
    if (canvas_->zoom_mode() == Mode::fit_width)
        zoom_->SetSelection(0);
    else if (canvas_->zoom_mode() == Mode::fit_page)
        zoom_->SetSelection(1);
    else {
        const auto* match = std::find_if(std::begin(kZoomChoices), std::end(kZoomChoices),
                                         [&](int z) { return std::abs(z - canvas_->zoom_percent()) < 0.5; });
        zoom_->SetSelection(match == std::end(kZoomChoices)
                                ? wxNOT_FOUND
                                : 2 + static_cast<int>(match - std::begin(kZoomChoices)));
    }
    if (on_view_changed_)
        on_view_changed_();
}

}  // namespace jaanch::viewer::wx
