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

// The texts of the QR codes in FILE: a PNG image, or a text file holding a scanned QR's content.
std::vector<std::string> qr_texts(const std::filesystem::path& file) {
    const std::string ext = extension_of(file);
    if (ext == ".png")
        return checks::find_qr_codes(read_png_gray(file));
    if (ext == ".txt")
        return {slurp(file)};
    if (ext == ".pdf")
        throw Error(
            "Reading PDF files needs the viewer engine, which is not part of this build yet; render the page "
            "first: pdftoppm -r 300 -png " +
            file.string() + " page");
    throw Error(file.string() + " is neither a PNG image nor a .txt file with a QR's content.");
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
    Args args(words, {"trust", "photo"});
    if (args.positionals().size() != 1)
        throw UsageError("give one FILE");
    const std::filesystem::path file = args.positionals().front();
    std::optional<checks::TrustStore> trust;
    if (auto dir = args.get("trust"))
        trust = checks::TrustStore::load_folder(*dir);
    const auto texts = qr_texts(file);
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

}  // namespace

void add_checks_commands(CommandList& commands) {
    commands.push_back(
        {"qr",
         "decode the Aadhaar QR in a PNG (or a .txt of its content) and check its UIDAI signature; "
         "JSON out, Aadhaar masked; exit 1 if none is found or the signature is invalid",
         "FILE [--trust DIR] [--photo OUT.jp2]", qr_command});
    commands.push_back(
        {"check",
         "field checks and eligibility (with reasons) for an application JSON file; --qr compares an "
         "Aadhaar QR with the form",
         "APPLICATION.json [--forms DIR] [--today YYYY-MM-DD] [--qr FILE [--trust DIR]] [--json]",
         check_command});
}

}  // namespace jaanch::cli
