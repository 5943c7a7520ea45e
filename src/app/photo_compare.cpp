#include "photo_compare.h"

#include <algorithm>

#include <wx/image.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/statbmp.h>
#include <wx/stattext.h>

#include "checks/qr_decode.h"
#include "checks/secure_qr.h"
#include "documents_panel.h"
#include "util/dispatch.h"
#include "viewer/sandbox/isolated_open.h"

namespace jaanch::app {
namespace {

constexpr double kQrDpi = 300;  // zxing wants ~3 pixels per module; a Secure QR has over 100 modules a side
constexpr int kQrPages = 4;     // an Aadhaar letter has its QR on page 1 or 2; e-Aadhaar on page 1

bool names_aadhaar(const std::string& kind) {
    return kind.find("aadhaar") != std::string::npos && kind.find("jan_aadhaar") == std::string::npos;
}

checks::GrayImage gray_of(const viewer::Bitmap& bitmap) {
    checks::GrayImage g{bitmap.width, bitmap.height, {}};
    g.pixels.resize(static_cast<std::size_t>(bitmap.width) * static_cast<std::size_t>(bitmap.height));
    for (std::size_t i = 0; i < g.pixels.size(); ++i) {
        const std::uint8_t* p = bitmap.rgba.data() + i * 4;
        g.pixels[i] = static_cast<std::uint8_t>((299 * p[0] + 587 * p[1] + 114 * p[2]) / 1000);
    }
    return g;
}

viewer::OpenedDocument open_sandboxed(const std::string& file, const viewer::ConventionInputs& conventions) {
    viewer::OpenOptions options;
    options.label = std::filesystem::path(file).filename().string();
    options.conventions = conventions;  // no prompt: nobody is asked from a worker thread
    return viewer::sandbox::open_document_file(file, options, viewer::sandbox::EngineIsolation::sandboxed);
}

// The photo of the first signed Secure QR in `file`; nullopt when its pages hold none with a photo.
std::optional<checks::RgbaImage> qr_photo_in(const std::string& file,
                                             const viewer::ConventionInputs& conventions) {
    auto doc = open_sandboxed(file, conventions);
    const bool pdf = doc.engine->format() == "pdf";
    for (int page = 0; page < std::min(doc.engine->page_count(), kQrPages); ++page) {
        viewer::RenderRequest request;
        request.page = page;
        request.scale = pdf ? kQrDpi / 72.0 : 1.0;
        for (const auto& text : checks::find_qr_codes(gray_of(doc.engine->render(request)))) {
            checks::AadhaarQr qr;
            try {
                qr = checks::parse_aadhaar_qr(text);
            } catch (const checks::QrError&) {
                continue;  // another QR on the page (a portal's receipt link …): not the Aadhaar one
            }
            if (!qr.photo.empty())
                return checks::decode_qr_photo(qr.photo);
        }
    }
    return std::nullopt;
}

checks::RgbaImage uploaded_photo(const std::string& file) {
    auto doc = open_sandboxed(file, {});
    const viewer::SizeF size = doc.engine->page_size(0);
    viewer::RenderRequest request;
    request.scale = size.height > 0 ? kPhotoHeight / size.height : 1.0;
    viewer::Bitmap b = doc.engine->render(request);
    return {b.width, b.height, std::move(b.rgba)};
}

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

PhotoSources photo_sources(const model::Application& app, const catalogue::ServiceDefinition* service,
                           store::Workspace& workspace) {
    PhotoSources out;
    out.conventions = convention_inputs(app, service);
    for (const auto& d : app.documents) {
        if (workspace.document_state(d.sha256) != store::DocumentState::complete ||
            !workspace.documents().has(d.sha256))
            continue;
        const std::string path = workspace.documents().path_of(d.sha256).string();
        if (names_aadhaar(d.kind))
            out.aadhaar_files.push_back(path);
        else if (d.kind == "photo" && out.photo_file.empty())
            out.photo_file = path;
    }
    return out;
}

PhotoPair find_photos(const PhotoSources& sources) {
    PhotoPair pair;
    if (sources.photo_file.empty()) {
        pair.uploaded_problem = "No photograph was uploaded, or it is not downloaded yet.";
    } else {
        try {
            pair.uploaded = uploaded_photo(sources.photo_file);
        } catch (const std::exception& e) {
            pair.uploaded_problem = e.what();
        }
    }
    for (const auto& file : sources.aadhaar_files) {
        try {
            pair.qr = qr_photo_in(file, sources.conventions);
            if (pair.qr)
                return pair;
        } catch (const std::exception& e) {
            pair.qr_problem = e.what();  // kept unless a later letter has the photo
        }
    }
    if (pair.qr_problem.empty())
        pair.qr_problem = sources.aadhaar_files.empty()
                              ? "No Aadhaar letter is uploaded, or it is not downloaded yet."
                              : "The Aadhaar letter holds no Secure QR code with a photo that could be read.";
    return pair;
}

PhotoStrip::PhotoStrip(wxWindow* parent, PhotoSources sources) : wxPanel(parent, wxID_ANY) {
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
    worker_ = std::thread([this, sources = std::move(sources), alive = alive_] {
        PhotoPair pair = find_photos(sources);
        dispatch::to_main([this, alive, pair = std::move(pair)] {
            if (*alive)
                show(pair);
        });
    });
}

PhotoStrip::~PhotoStrip() {
    *alive_ = false;
    if (worker_.joinable())
        worker_.join();
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
