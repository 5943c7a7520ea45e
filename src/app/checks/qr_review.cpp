#include "app/checks/qr_review.h"

#include <algorithm>

#include "app/documents/documents_panel.h"
#include "checks/qr_compare.h"
#include "checks/qr_decode.h"
#include "util/dispatch.h"
#include "viewer/sandbox/isolated_open.h"

namespace jaanch::app {
namespace {

constexpr int kQrPages = 4;  // an Aadhaar letter has its QR on page 1 or 2; e-Aadhaar on page 1

bool names_aadhaar(const std::string& kind) {
    return kind.find("aadhaar") != std::string::npos && kind.find("jan_aadhaar") == std::string::npos;
}

viewer::OpenedDocument open_sandboxed(const std::string& file, const viewer::ConventionInputs& conventions) {
    viewer::OpenOptions options;
    options.label = std::filesystem::path(file).filename().string();
    options.conventions = conventions;  // no prompt: nobody is asked from a worker thread
    return viewer::sandbox::open_document_file(file, options, viewer::sandbox::EngineIsolation::sandboxed);
}

// The first Aadhaar QR on the first pages of `file`, parsed; nullopt when there is none.
std::optional<checks::AadhaarQr> qr_in(const std::string& file, const viewer::ConventionInputs& conventions) {
    auto doc = open_sandboxed(file, conventions);
    const bool pdf = doc.engine->format() == "pdf";
    for (int page = 0; page < std::min(doc.engine->page_count(), kQrPages); ++page) {
        viewer::RenderRequest request;
        request.page = page;
        request.scale = pdf ? checks::kQrRenderDpi / 72.0 : 1.0;
        const viewer::Bitmap pixels = doc.engine->render(request);
        for (const auto& text :
             checks::find_qr_codes(checks::gray_from_rgba(pixels.width, pixels.height, pixels.rgba))) {
            try {
                return checks::parse_aadhaar_qr(text);
            } catch (const checks::QrError&) {
                // another QR on the page (a portal's receipt link …): not the Aadhaar one
            }
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

std::optional<checks::TrustStore> trust_of(const std::filesystem::path& folder, std::string& problem) {
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec))
        return std::nullopt;
    try {
        return checks::TrustStore::load_folder(folder);
    } catch (const std::exception& e) {
        problem = e.what();
        return std::nullopt;
    }
}

checks::ReviewStatus status_of(checks::QrSignature verdict) {
    switch (verdict) {
        case checks::QrSignature::valid:
            return checks::ReviewStatus::pass;
        case checks::QrSignature::invalid:
            return checks::ReviewStatus::fail;
        case checks::QrSignature::not_checked:
            return checks::ReviewStatus::unknown;
        case checks::QrSignature::no_certificate_for_time:
        case checks::QrSignature::unsigned_qr:
            break;
    }
    return checks::ReviewStatus::attention;
}

}  // namespace

LetterSources letter_sources(const model::Application& app, const catalogue::ServiceDefinition* service,
                             store::Workspace& workspace) {
    LetterSources out;
    out.app = app;
    out.service = service;
    out.conventions = convention_inputs(app, service);
    out.trust_folder = workspace.dir() / "uidai";
    for (const auto& d : app.documents) {
        if (workspace.document_state(d.sha256) != store::DocumentState::complete ||
            !workspace.documents().has(d.sha256))
            continue;
        const std::string path = workspace.documents().path_of(d.sha256).string();
        if (names_aadhaar(d.kind))
            out.letters.emplace_back(d.id, path);
        else if (d.kind == "photo" && out.photo_file.empty())
            out.photo_file = path;
    }
    return out;
}

QrFindings read_letters(const LetterSources& sources) {
    QrFindings found;
    found.application = sources.app.number;
    PhotoPair& photos = found.photos;
    if (sources.photo_file.empty()) {
        photos.uploaded_problem = "No photograph was uploaded, or it is not downloaded yet.";
    } else {
        try {
            photos.uploaded = uploaded_photo(sources.photo_file);
        } catch (const std::exception& e) {
            photos.uploaded_problem = e.what();
        }
    }
    for (const auto& [id, file] : sources.letters) {
        std::optional<checks::AadhaarQr> qr;
        try {
            qr = qr_in(file, sources.conventions);
        } catch (const std::exception& e) {
            photos.qr_problem = e.what();  // kept unless a later letter has a QR
        }
        if (!qr)
            continue;
        found.document_id = id;
        std::string trust_problem;
        const auto trust = trust_of(sources.trust_folder, trust_problem);
        found.signature = checks::verify_signature(*qr, trust ? &*trust : nullptr);
        const std::string folder = sources.trust_folder.string();
        if (!trust_problem.empty())
            found.signature->reason = {trust_problem, trust_problem};
        else if (!trust)  // say where the certificates go, not only that they are missing
            found.signature->reason = {
                "UIDAI's signature was not checked: copy UIDAI's signing certificates into " + folder + ".",
                "UIDAI का हस्ताक्षर जाँचा नहीं गया: UIDAI के हस्ताक्षर प्रमाणपत्र " + folder + " में रखें।"};
        if (sources.service != nullptr)
            found.comparisons = checks::compare_qr_with_application(*qr, *sources.service, sources.app);
        photos.qr_problem.clear();
        try {
            if (qr->photo.empty())
                photos.qr_problem = "The Aadhaar QR carries no photo.";
            else
                photos.qr = checks::decode_qr_photo(qr->photo);
        } catch (const std::exception& e) {
            photos.qr_problem = e.what();
        }
        return found;
    }
    if (photos.qr_problem.empty())
        photos.qr_problem =
            sources.letters.empty()
                ? "No Aadhaar letter is uploaded, or it is not downloaded yet."
                : "The Aadhaar letter holds no Secure QR code with a photo that could be read.";
    return found;
}

std::vector<checks::ReviewItem> qr_review_items(const QrFindings& findings,
                                                const catalogue::ServiceDefinition* service) {
    std::vector<checks::ReviewItem> out;
    if (findings.document_id.empty() || !findings.signature)
        return out;
    out.push_back({findings.document_id,
                   {"Aadhaar QR: UIDAI signature", "आधार QR: UIDAI हस्ताक्षर"},
                   status_of(findings.signature->verdict),
                   findings.signature->reason,
                   {}});
    for (const auto& c : findings.comparisons) {
        if (c.status == checks::CheckStatus::not_applicable)
            continue;
        const auto* field = service ? service->find_field(c.field.substr(0, c.field.find('['))) : nullptr;
        const checks::LocalizedText what = field ? field->label : checks::LocalizedText{c.field, c.field};
        out.push_back(
            {findings.document_id,
             {"Aadhaar QR: " + what.en, "आधार QR: " + what.hi},
             c.status == checks::CheckStatus::pass ? checks::ReviewStatus::pass : checks::ReviewStatus::fail,
             c.reason,
             {}});
    }
    return out;
}

QrReader::QrReader(Handler on_findings) : on_findings_(std::move(on_findings)) {
    worker_ = std::thread([this] { loop(); });
}

QrReader::~QrReader() {
    *alive_ = false;
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    worker_.join();
}

void QrReader::request(LetterSources sources, std::chrono::milliseconds delay) {
    {
        std::lock_guard lock(mutex_);
        next_ = std::move(sources);
        not_before_ = std::chrono::steady_clock::now() + delay;
    }
    wake_.notify_all();
}

void QrReader::loop() {
    std::unique_lock lock(mutex_);
    for (;;) {
        wake_.wait(lock, [this] { return stopping_ || next_.has_value(); });
        if (stopping_)
            return;
        // Wait out the delay; a newer request moves it, a stop ends it.
        const auto until = not_before_;
        wake_.wait_until(lock, until,
                         [this] { return stopping_ || std::chrono::steady_clock::now() >= not_before_; });
        if (stopping_)
            return;
        if (!next_ || std::chrono::steady_clock::now() < not_before_)
            continue;
        LetterSources sources = std::move(*next_);
        next_.reset();
        lock.unlock();
        QrFindings findings = read_letters(sources);
        dispatch::to_main([this, alive = alive_, findings = std::move(findings)]() mutable {
            if (*alive)
                on_findings_(std::move(findings));
        });
        lock.lock();
    }
}

}  // namespace jaanch::app
