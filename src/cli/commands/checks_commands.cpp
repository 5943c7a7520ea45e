// `qr` and `check`: the automatic checks from the command line. Aadhaar numbers are masked in everything
// printed.
#include <fstream>
#include <sstream>

#include "catalogue/catalogue.h"
#include "checks/aadhaar_mask.h"
#include "checks/eligibility.h"
#include "checks/identifiers.h"
#include "checks/qr_compare.h"
#include "checks/secure_qr.h"
#include "command.h"
#include "png_gray.h"
#include "store/workspace.h"
#include "viewer/engine/open_document.h"
#include "workspace_options.h"

namespace jaanch::cli {
namespace {

std::string slurp(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw Error("Cannot open " + file.string() + ".");
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string extension_of(const std::filesystem::path& file) {
    std::string ext = file.extension().string();
    for (auto& c : ext)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext;
}

// Every page of a PDF (or image) through the viewer engine, PDFs at 300 DPI; the QR texts of all pages.
std::vector<std::string> qr_texts_from_document(const std::filesystem::path& file,
                                                const std::optional<std::string>& password) {
    viewer::OpenOptions options;
    options.label = file.filename().string();
    if (password)
        options.passwords.push_back(*password);
    const auto doc = viewer::open_document_file(file.string(), options);
    const bool pdf = doc.engine->format() == "pdf";
    std::vector<std::string> texts;
    for (int page = 0; page < doc.engine->page_count(); ++page) {
        viewer::RenderRequest request;
        request.page = page;
        request.scale = pdf ? checks::kQrRenderDpi / 72.0 : 1.0;
        const viewer::Bitmap pixels = doc.engine->render(request);
        for (auto& t :
             checks::find_qr_codes(checks::gray_from_rgba(pixels.width, pixels.height, pixels.rgba)))
            texts.push_back(std::move(t));
    }
    return texts;
}

// The texts of the QR codes in FILE: a PNG image, a PDF (every page rendered at 300 DPI by the viewer
// engine), a JPEG/TIFF/WebP image through the same engine, or a text file holding a scanned QR's content.
std::vector<std::string> qr_texts(const std::filesystem::path& file,
                                  const std::optional<std::string>& password = std::nullopt) {
    const std::string ext = extension_of(file);
    if (ext == ".png")
        return checks::find_qr_codes(read_png_gray(file));
    if (ext == ".txt")
        return {slurp(file)};
    if (ext == ".pdf" || ext == ".jpg" || ext == ".jpeg" || ext == ".tif" || ext == ".tiff" || ext == ".webp")
        return qr_texts_from_document(file, password);
    throw Error(file.string() +
                " is not a PDF, an image (PNG, JPEG, TIFF, WebP) or a .txt file with a QR's "
                "content.");
}

json::Json qr_json(const checks::AadhaarQr& qr, const checks::SignatureCheck& signature) {
    json::Json j{{"kind", checks::qr_kind_name(qr.kind)},
                 {"aadhaar", qr.masked_aadhaar()},
                 {"signature",
                  {{"verdict", checks::qr_signature_name(signature.verdict)},
                   {"certificate", signature.certificate},
                   {"reason", signature.reason.en},
                   {"reason_hi", signature.reason.hi}}},
                 {"name", qr.name},
                 {"date_of_birth", qr.date_of_birth},
                 {"gender", qr.gender},
                 {"address",
                  {{"care_of", qr.care_of},
                   {"house", qr.house},
                   {"street", qr.street},
                   {"landmark", qr.landmark},
                   {"location", qr.location},
                   {"vtc", qr.vtc},
                   {"post_office", qr.post_office},
                   {"sub_district", qr.sub_district},
                   {"district", qr.district},
                   {"state", qr.state},
                   {"pincode", qr.pincode}}},
                 {"photo", {{"format", qr.photo.empty() ? "" : "jpeg2000"}, {"bytes", qr.photo.size()}}},
                 {"email_hash", qr.email_hash.has_value()},
                 {"mobile_hash", qr.mobile_hash.has_value()}};
    if (qr.kind != checks::QrKind::xml_unsigned) {
        j["reference_id"] = qr.reference_id;
        j["generated_at"] = qr.generated_at ? format_timestamp(*qr.generated_at) : "";
    }
    if (qr.kind == checks::QrKind::secure_v2)
        j["mobile_last4"] = qr.mobile_last4;
    return j;
}

int qr_command(const std::vector<std::string>& words, Io io) {
    Args args(words, {"trust", "photo", "password"});
    if (args.positionals().size() != 1)
        throw UsageError("give one FILE");
    const std::filesystem::path file = args.positionals().front();
    std::optional<checks::TrustStore> trust;
    if (auto dir = args.get("trust"))
        trust = checks::TrustStore::load_folder(*dir);
    const auto texts = qr_texts(file, args.get("password"));
    if (texts.empty()) {
        io.err << "No QR code found in " << file.string()
               << ". Scan at 300 DPI or more, flat and in focus, and try again.\n";
        return kFailed;
    }
    json::Json all = json::Json::array();
    bool invalid = false;
    std::string last_error;
    for (const auto& text : texts) {
        try {
            const auto qr = checks::parse_aadhaar_qr(text);
            const auto signature = checks::verify_signature(qr, trust ? &*trust : nullptr);
            invalid = invalid || signature.verdict == checks::QrSignature::invalid;
            all.push_back(qr_json(qr, signature));
            if (auto photo = args.get("photo"); photo && !qr.photo.empty())
                std::ofstream(*photo, std::ios::binary)
                    .write(reinterpret_cast<const char*>(qr.photo.data()),
                           static_cast<long>(qr.photo.size()));
        } catch (const checks::QrError& e) {
            last_error = e.what();
        }
    }
    if (all.empty()) {
        io.err << checks::redact_aadhaar_numbers(last_error) << "\n";
        return kFailed;
    }
    io.out << checks::redact_aadhaar_numbers((all.size() == 1 ? all[0] : all).dump(2)) << "\n";
    return invalid ? kFailed : kOk;
}

std::string mark(std::string_view status) {
    if (status == "pass")
        return "ok  ";
    if (status == "fail")
        return "FAIL";
    if (status == "unknown")
        return "??  ";
    return "--  ";
}

int check_command(const std::vector<std::string>& words, Io io) {
    Args args(words, {"forms", "today", "qr", "trust"}, {"json"});
    if (args.positionals().size() != 1)
        throw UsageError("give one APPLICATION.json");
    const std::filesystem::path file = args.positionals().front();
    const auto app = model::parse_application(slurp(file), file.string());
    const auto loaded = catalogue::load_catalogue(
        args.get("forms") ? *args.get("forms") : catalogue::default_catalogue_dir().string());
    const auto* service = loaded.catalogue.find(app.service_id, app.service_version);
    if (service == nullptr)
        throw Error("The catalogue has no service " + app.service_id + "@" +
                    std::to_string(app.service_version) + "; give the forms folder with --forms.");
    Date today = date_of(now_utc() + std::chrono::minutes(330));
    if (auto t = args.get("today")) {
        const auto parsed = parse_date(*t);
        if (!parsed)
            throw UsageError("--today expects YYYY-MM-DD");
        today = *parsed;
    }
    auto fields = checks::check_application(*service, app, today);
    if (auto qr_file = args.get("qr")) {
        std::optional<checks::TrustStore> trust;
        if (auto dir = args.get("trust"))
            trust = checks::TrustStore::load_folder(*dir);
        for (const auto& text : qr_texts(*qr_file)) {
            const auto qr = checks::parse_aadhaar_qr(text);
            const auto signature = checks::verify_signature(qr, trust ? &*trust : nullptr);
            fields.push_back({"aadhaar_qr",
                              signature.verdict == checks::QrSignature::valid ? checks::CheckStatus::pass
                                                                              : checks::CheckStatus::fail,
                              signature.reason});
            for (auto& c : checks::compare_qr_with_application(qr, *service, app))
                fields.push_back(std::move(c));
        }
    }
    const auto rules = checks::evaluate_eligibility(*service, app, nullptr);
    std::size_t attention = 0;
    for (const auto& f : fields)
        attention += f.status == checks::CheckStatus::fail;
    for (const auto& r : rules)
        attention += r.status != checks::RuleStatus::pass;

    if (args.has("json")) {
        json::Json j{{"application", app.number}, {"service", service->key()}, {"attention", attention}};
        j["fields"] = json::Json::array();
        for (const auto& f : fields)
            j["fields"].push_back({{"field", f.field},
                                   {"status", checks::check_status_name(f.status)},
                                   {"reason", f.reason.en},
                                   {"reason_hi", f.reason.hi}});
        j["eligibility"] = json::Json::array();
        for (const auto& r : rules)
            j["eligibility"].push_back({{"rule", r.id},
                                        {"label", r.label.en},
                                        {"status", checks::rule_status_name(r.status)},
                                        {"because", r.because.en},
                                        {"because_hi", r.because.hi}});
        io.out << checks::redact_aadhaar_numbers(j.dump(2)) << "\n";
        return kOk;
    }
    std::ostringstream out;
    out << app.number << " (" << service->key() << "): " << attention
        << (attention == 1 ? " check needs" : " checks need") << " attention\n\nFields\n";
    for (const auto& f : fields) {
        if (f.status == checks::CheckStatus::not_applicable)
            continue;
        out << "  " << mark(checks::check_status_name(f.status)) << " " << f.field << ": " << f.reason.en
            << "\n";
    }
    out << "\nEligibility\n";
    for (const auto& r : rules)
        out << "  " << mark(checks::rule_status_name(r.status)) << " " << r.label.en << "\n         "
            << r.because.en << "\n";
    io.out << checks::redact_aadhaar_numbers(out.str());
    return kOk;
}

// The one place the CLI prints a full Aadhaar number: asked for by name, and recorded in the activity log.
int reveal_command(const std::vector<std::string>& words, Io io) {
    const Args args(words, with_workspace_options({}));
    if (args.positionals().size() != 2)
        throw UsageError("give an application number and a field (e.g. aadhaar, members[1].aadhaar)");
    const auto catalogue = load_forms(args, io);
    store::Workspace workspace(workspace_dir(args), catalogue);
    const std::string& number = args.positionals()[0];
    const std::string& path = args.positionals()[1];
    const std::string officer = workspace.sync_value("user");
    if (officer.empty())
        throw Error(
            "Nobody is logged in to this workspace, so a reveal could not be recorded against a name. Run "
            "`jaanch-cli login` first.");
    io.out << workspace.reveal(number, path, officer, now_utc()) << "\n";
    return kOk;
}

}  // namespace

void add_checks_commands(CommandList& commands) {
    commands.push_back({"qr",
                        "decode the Aadhaar QR in a PDF (pages rendered at 300 DPI), an image, or a .txt of "
                        "its content, and "
                        "check its UIDAI signature; "
                        "JSON out, Aadhaar masked; exit 1 if none is found or the signature is invalid",
                        "FILE [--trust DIR] [--photo OUT.jp2] [--password P]", qr_command});
    commands.push_back(
        {"check",
         "field checks and eligibility (with reasons) for an application JSON file; --qr compares an "
         "Aadhaar QR with the form",
         "APPLICATION.json [--forms DIR] [--today YYYY-MM-DD] [--qr FILE [--trust DIR]] [--json]",
         check_command});
    commands.push_back({"reveal",
                        "print one sealed Aadhaar value of a workspace application in full; the activity log "
                        "records who revealed which field of which application",
                        "APP FIELD [--workspace DIR] [--forms DIR]", reveal_command});
}

}  // namespace jaanch::cli
