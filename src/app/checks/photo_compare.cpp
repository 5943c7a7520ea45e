#include "app/checks/photo_compare.h"

#include <algorithm>

#include <wx/image.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/statbmp.h>
#include <wx/stattext.h>

namespace jaanch::app {
namespace {

wxBitmap to_wx(const checks::RgbaImage& image, int height) {
    wxImage out(image.width, image.height);
    for (int i = 0; i < image.width * image.height; ++i) {
        const auto* p = image.rgba.data() + static_cast<std::size_t>(i) * 4;
        out.SetRGB(i % image.width, i / image.width, p[0], p[1], p[2]);
    }
    if (image.height != height && image.height > 0)
        out.Rescale(std::max(1, image.width * height / image.height), height, wxIMAGE_QUALITY_HIGH);
    return wxBitmap(out);
}

}  // namespace

PhotoStrip::PhotoStrip(wxWindow* parent) : wxPanel(parent, wxID_ANY) {
    SetName("photo-compare");
    auto* row = new wxBoxSizer(wxHORIZONTAL);
    const auto column = [this, row](const wxString& caption, wxStaticBitmap*& picture, wxStaticText*& note) {
        auto* col = new wxBoxSizer(wxVERTICAL);
        auto* title = new wxStaticText(this, wxID_ANY, caption);
        title->SetFont(title->GetFont().Bold());
        col->Add(title, 0, wxBOTTOM, FromDIP(4));
        picture = new wxStaticBitmap(this, wxID_ANY, wxNullBitmap);
        col->Add(picture, 0, wxBOTTOM, FromDIP(4));
        note = new wxStaticText(this, wxID_ANY, _("Looking for the photo…"));
        note->Wrap(FromDIP(300));
        col->Add(note, 0);
        row->Add(col, 0, wxRIGHT, FromDIP(24));
    };
    column(_("Uploaded photograph"), uploaded_, uploaded_note_);
    column(_("Photo in the Aadhaar QR (signed by UIDAI)"), qr_, qr_note_);
    SetSizer(row);
}

void PhotoStrip::show(const PhotoPair& pair) {
    const int height = FromDIP(kPhotoHeight);
    if (pair.uploaded) {
        uploaded_->SetBitmap(to_wx(*pair.uploaded, height));
        uploaded_note_->SetLabel("");
        uploaded_shown_ = true;
    } else {
        uploaded_note_->SetLabel(wxGetTranslation(wxString::FromUTF8(pair.uploaded_problem)));
    }
    if (pair.qr) {
        qr_->SetBitmap(to_wx(*pair.qr, height));
        qr_note_->SetLabel(
            wxString::Format(_("%d × %d pixels, as stored in the QR"), pair.qr->width, pair.qr->height));
        qr_size_ = std::make_pair(pair.qr->width, pair.qr->height);
    } else {
        qr_note_->SetLabel(wxGetTranslation(wxString::FromUTF8(pair.qr_problem)));
    }
    uploaded_note_->Wrap(FromDIP(300));
    qr_note_->Wrap(FromDIP(300));
    finished_ = true;
    if (wxWindow* top = wxGetTopLevelParent(this)) {
        top->Layout();
        top->Fit();
    }
}

}  // namespace jaanch::app
