#include "workstation/aadhaar_letter.h"

#include "checks/qr_compare.h"
#include "viewer/sandbox/isolated_open.h"
#include "workstation/application_conventions.h"
#include "workstation/qr_scan.h"

namespace jaanch::workstation {
namespace {

constexpr int kQrPages = 4;  // an Aadhaar letter has its QR on page 1 or 2; e-Aadhaar on page 1

bool names_aadhaar(const std::string& kind) {
    return kind.find("aadhaar") != std::string::npos && kind.find("jan_aadhaar") == std::string::npos;
}

struct LetterQr {
    checks::AadhaarQr qr;
    viewer::sandbox::Protection protection;
};

// The first Aadhaar QR on the first pages of `file`, parsed; nullopt when there is none.
std::optional<LetterQr> qr_in(const std::string& file, const viewer::ConventionInputs& conventions) {
    QrScanOptions options;
    options.conventions = conventions;
    options.max_pages = kQrPages;
    std::optional<checks::AadhaarQr> qr;
    const auto protection = scan_qr_codes(file, options, [&qr](std::string text) {
        try {
            qr = checks::parse_aadhaar_qr(text);
            return false;
        } catch (const checks::QrError&) {
            return true;  // another QR on the page (a portal's receipt link …): not the Aadhaar one
        }
    });
    if (!qr)
        return std::nullopt;
    return LetterQr{std::move(*qr), protection};
}

checks::RgbaImage uploaded_photo(const std::string& file) {
    viewer::OpenOptions options;
    options.label = std::filesystem::path(file).filename().string();
    auto doc =
        viewer::sandbox::open_document_file(file, options, viewer::sandbox::EngineIsolation::sandboxed);
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

checks::SignatureCheck signature_of(const checks::AadhaarQr& qr, const std::filesystem::path& trust_folder) {
    std::string trust_problem;
    const auto trust = trust_of(trust_folder, trust_problem);
    checks::SignatureCheck signature = checks::verify_signature(qr, trust ? &*trust : nullptr);
    const std::string folder = trust_folder.string();
    if (!trust_problem.empty())
        signature.reason = {trust_problem, trust_problem};
    else if (!trust)  // say where the certificates go, not only that they are missing
        signature.reason = {
            "UIDAI's signature was not checked: copy UIDAI's signing certificates into " + folder + ".",
            "UIDAI का हस्ताक्षर जाँचा नहीं गया: UIDAI के हस्ताक्षर प्रमाणपत्र " + folder + " में रखें।"};
    return signature;
}

void read_uploaded_photo(const LetterSources& sources, PhotoPair& photos) {
    if (sources.photo_file.empty()) {
        photos.uploaded_problem = "No photograph was uploaded, or it is not downloaded yet.";
        return;
    }
    try {
        photos.uploaded = uploaded_photo(sources.photo_file);
    } catch (const std::exception& e) {
        photos.uploaded_problem = e.what();
    }
}

void read_qr_photo(const checks::AadhaarQr& qr, PhotoPair& photos) {
    photos.qr_problem.clear();
    try {
        if (qr.photo.empty())
            photos.qr_problem = "The Aadhaar QR carries no photo.";
        else
            photos.qr = checks::decode_qr_photo(qr.photo);
    } catch (const std::exception& e) {
        photos.qr_problem = e.what();
    }
}

void record_letter(const LetterSources& sources, const std::string& id, const LetterQr& letter,
                   QrFindings& found) {
    found.document_id = id;
    found.protection = letter.protection;
    found.signature = signature_of(letter.qr, sources.trust_folder);
    if (sources.service != nullptr)
        found.comparisons = checks::compare_qr_with_application(letter.qr, *sources.service, sources.app);
    read_qr_photo(letter.qr, found.photos);
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
    read_uploaded_photo(sources, found.photos);
    for (const auto& [id, file] : sources.letters) {
        std::optional<LetterQr> letter;
        try {
            letter = qr_in(file, sources.conventions);
        } catch (const std::exception& e) {
            found.photos.qr_problem = e.what();  // kept unless a later letter has a QR
        }
        if (!letter)
            continue;
        record_letter(sources, id, *letter, found);
        return found;
    }
    if (found.photos.qr_problem.empty())
        found.photos.qr_problem =
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

}  // namespace jaanch::workstation
