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
#include "store/workspace.h"
#include "workspace_options.h"
#include "workstation/qr_scan.h"

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

// The texts of the QR codes in FILE: a PDF (every page rendered at 300 DPI), an image (PNG, JPEG, TIFF,
// WebP) — both parsed in the sandboxed jaanch-render helper unless --no-sandbox — or a text file holding a
// scanned QR's content. The protection the document got is printed on stderr, as `render` does.
std::vector<std::string> qr_texts(const std::filesystem::path& file, const Args& args, Io io) {
    const std::string ext = extension_of(file);
    if (ext == ".txt")
        return {slurp(file)};
    if (ext != ".pdf" && ext != ".png" && ext != ".jpg" && ext != ".jpeg" && ext != ".tif" &&
        ext != ".tiff" && ext != ".webp")
        throw Error(file.string() +
                    " is not a PDF, an image (PNG, JPEG, TIFF, WebP) or a .txt file with a QR's "
                    "content.");
    workstation::QrScanOptions options;
    options.isolation = args.has("no-sandbox") ? viewer::sandbox::EngineIsolation::in_process
                                               : viewer::sandbox::EngineIsolation::sandboxed;
    options.sandbox.keep_warm_helper = false;  // one document per run: a spare helper would be wasted
    if (auto password = args.get("password"))
        options.passwords.push_back(*password);
    auto found = workstation::qr_texts_in(file, options);
    io.err << "protection: " << viewer::sandbox::protection_name(found.protection) << "\n";
    return std::move(found.texts);
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
    Args args(words, {"trust", "photo", "password"}, {"no-sandbox"});
    if (args.positionals().size() != 1)
        throw UsageError("give one FILE");
    const std::filesystem::path file = args.positionals().front();
    std::optional<checks::TrustStore> trust;
    if (auto dir = args.get("trust"))
        trust = checks::TrustStore::load_folder(*dir);
    const auto texts = qr_texts(file, args, io);
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
    Args args(words, {"forms", "today", "qr", "trust"}, {"json", "no-sandbox"});
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
        for (const auto& text : qr_texts(*qr_file, args, io)) {
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
                        "its content (documents parsed in the sandbox), and "
                        "check its UIDAI signature; "
                        "JSON out, Aadhaar masked; exit 1 if none is found or the signature is invalid",
                        "FILE [--trust DIR] [--photo OUT.jp2] [--password P] [--no-sandbox]", qr_command});
    commands.push_back(
        {"check",
         "field checks and eligibility (with reasons) for an application JSON file; --qr compares an "
         "Aadhaar QR with the form",
         "APPLICATION.json [--forms DIR] [--today YYYY-MM-DD] [--qr FILE [--trust DIR]] [--json] "
         "[--no-sandbox]",
         check_command});
    commands.push_back({"reveal",
                        "print one sealed Aadhaar value of a workspace application in full; the activity log "
                        "records who revealed which field of which application",
                        "APP FIELD [--workspace DIR] [--forms DIR]", reveal_command});
}

}  // namespace jaanch::cli
