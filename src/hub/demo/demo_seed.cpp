#include "hub/demo/demo_seed.h"

#include <algorithm>
#include <fstream>
#include <iomanip>
#include <map>
#include <ostream>
#include <sstream>

#include "crypto/application_content.h"
#include "crypto/canonical_json.h"
#include "crypto/pkcs12_signer.h"
#include "crypto/test_pki.h"
#include "hub/auth/password.h"
#include "hub/demo/demo_data.h"
#include "hub/demo/document_generator.h"
#include "hub/service/hub_service.h"
#include "hub/signature/verifier_check.h"
#include "hub/util/crypto_util.h"
#include "workflow/workflow.h"

namespace jaanch::hub::demo {
namespace {

// The relation column's code for the first row (the head or the applicant: "head" or "self", whichever the
// service offers) and for the others (anything but that code).
std::string relation_code(const catalogue::FieldDefinition& column, bool first_row,
                          const std::string& drawn) {
    std::string head;
    for (const auto& option : column.options) {
        if (option.code == "head" || option.code == "self")
            head = option.code;
    }
    if (head.empty() && !column.options.empty())
        head = column.options.front().code;
    if (first_row)
        return head;
    if (drawn != head)
        return drawn;
    for (const auto& option : column.options) {
        if (option.code != head)
            return option.code;
    }
    return drawn;
}

struct PlannedOfficer {
    OfficerAccount account;
    std::string iso;
    std::string subdistrict;  // empty for district-wide (exception levels)
    std::string password;
    std::string title;
};

std::string lower_word(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == ' ' || c == ',')
            break;
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

std::map<std::string, PlannedOfficer> plan_officers(const catalogue::Catalogue& catalogue, ValueMaker& make) {
    std::map<std::string, PlannedOfficer> out;
    for (const auto* service : catalogue.services()) {
        const StateGeography& geo = geography(service->state);
        for (const auto& level : service->levels) {
            for (const auto& role : level.roles) {
                for (const auto& sd : geo.subdistricts) {
                    if (!level.exception && role.area != "any" && role.area != sd.area)
                        continue;
                    const std::string place =
                        level.exception ? lower_word(geo.district.name_en) : lower_word(sd.place.name_en);
                    const std::string id = lower_word(role.code) + "." + lower_word(level.id) + "." + place;
                    auto& o = out[id];
                    if (o.account.officer.id.empty()) {
                        const Person p = make.person();
                        o.account.officer.id = id;
                        o.account.officer.name = p.en;
                        o.account.officer.role = role.code;
                        o.account.officer.level = level.id;
                        o.account.officer.jurisdiction = {geo.state.code, geo.district.code,
                                                          level.exception ? "" : sd.place.code, "", ""};
                        o.iso = geo.iso;
                        o.subdistrict = level.exception ? "" : sd.place.code;
                        o.password = "jaanch-" + base32_encode(random_bytes(5)).substr(0, 8);
                        const auto* r = catalogue.find_role(role.code);
                        o.title = r ? r->label.en : role.code;
                    }
                    auto& services = o.account.officer.services;
                    if (std::find(services.begin(), services.end(), service->id) == services.end())
                        services.push_back(service->id);
                    if (level.exception)
                        break;
                }
            }
        }
    }
    return out;
}

std::string read_text(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string trimmed(std::string s) {
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r'))
        s.pop_back();
    return s;
}

// The e-card password rule: first four letters of the name in capitals + a date part (docs: domain.md).
std::string card_password(const std::string& name, const std::string& date_part) {
    std::string letters;
    for (char c : name) {
        if (std::isalpha(static_cast<unsigned char>(c)) && letters.size() < 4)
            letters += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    return letters + date_part;
}

struct DocumentMaker {
    ValueMaker& make;
    std::uint32_t counter = 0;
    std::map<std::string, std::uint32_t> page_count;  // by SHA-256 of the bytes: what a seeded review opened

    std::pair<std::string, std::string> make_document(const catalogue::DocumentRequirement& req,
                                                      const Person& who, const std::string& number,
                                                      const std::string& birth) {
        auto accepts = [&](const char* type) {
            return std::find(req.accepted.begin(), req.accepted.end(), type) != req.accepted.end();
        };
        const bool photo = req.kind.find("photo") != std::string::npos;
        ++counter;
        if ((photo || !accepts("application/pdf")) && (accepts("image/jpeg") || accepts("image/png"))) {
            if (accepts("image/png") && (!accepts("image/jpeg") || make.chance(0.3)))
                return {photo_png(counter), "image/png"};
            return {photo_jpeg(counter), "image/jpeg"};
        }
        auto counted = [this](std::pair<std::string, std::string> made, std::size_t pages) {
            page_count[sha256_hex(made.first)] = static_cast<std::uint32_t>(pages);
            return made;
        };
        std::vector<DocumentPage> pages{
            {req.label.hi + " / " + req.label.en,
             {"Name / नाम: " + who.en + " / " + who.hi, "Application / आवेदन: " + number,
              "Date of birth / जन्म तिथि: " + birth,
              "Issued by the competent authority (DEMO DATA, not a real document).",
              "यह दस्तावेज़ केवल परीक्षण हेतु है।"}}};
        const int extra = make.between(0, 2);
        for (int i = 0; i < extra; ++i)
            pages.push_back({"Annexure " + std::to_string(i + 1) + " / संलग्नक " + std::to_string(i + 1),
                             {"Details continued for " + who.en + ".", "विवरण जारी: " + who.hi}});
        const bool card = req.kind.find("aadhaar") != std::string::npos;
        if (card) {
            // e-Aadhaar: name letters + year of birth; Jan Aadhaar e-card: name letters + day and month.
            const bool jan = req.kind.find("jan_aadhaar") != std::string::npos;
            const std::string part = jan ? birth.substr(8, 2) + birth.substr(5, 2) : birth.substr(0, 4);
            return counted({protect_pdf(text_pdf(pages), card_password(who.en, part)), "application/pdf"},
                           pages.size());
        }
        if (make.chance(0.5))
            return counted({scanned_pdf(pages, counter), "application/pdf"}, pages.size());
        return counted({text_pdf(pages), "application/pdf"}, pages.size());
    }
};

}  // namespace

DemoSummary seed_demo(const DataPaths& paths, const catalogue::Catalogue& catalogue,
                      const DemoOptions& options, std::ostream& log) {
    if (catalogue.size() == 0)
        throw Error("The catalogue has no service to make demo data for.");
    init_data(paths, options.kdf_iterations, options.vault_key);
    ValueMaker make(options.seed);
    auto planned = plan_officers(catalogue, make);

    crypto::TestPkiOptions pki_options;
    pki_options.out_dir = paths.demo() / "pki";
    pki_options.with_token = false;
    // Demo decisions are dated up to ~2 months back: the certificates must already have been valid then.
    pki_options.now = now_utc() - std::chrono::days(120);
    pki_options.officers.clear();
    for (const auto& [id, o] : planned) {
        const auto& geo = geography(o.iso);
        pki_options.officers.push_back(
            {id, o.account.officer.name, o.account.officer.role, o.account.officer.level, o.title,
             geo.state.name_en, "Government of " + geo.state.name_en,
             "Jaanch demo district " + geo.district.name_en, geo.subdistricts[0].pincode});
    }
    const crypto::TestPki pki = crypto::generate_test_pki(pki_options);
    for (const auto& entry : std::filesystem::directory_iterator(pki.trust_dir))
        std::filesystem::copy_file(entry.path(), paths.trust() / entry.path().filename(),
                                   std::filesystem::copy_options::overwrite_existing);
    // The PKI's own CRL was issued at the back-dated PKI time and is long past its next update; the hub gets
    // a current one listing the same revoked certificate, due in five years so a demo hub keeps working.
    {
        crypto::TestCrlOptions crl;
        crl.revoked = {{pki.revoked.certificate, pki_options.now}};
        crl.this_update = now_utc() - std::chrono::hours(1);
        crl.next_update = now_utc() + std::chrono::days(5 * 365);
        crypto::issue_test_crl(pki, crl, paths.crl() / "demo-sub-ca.crl.pem");
    }
    const std::string p12_password = trimmed(read_text(pki.password_file));

    auto storage = open_storage(paths, options.vault_key);
    std::map<std::string, std::filesystem::path> p12_of;
    {
        auto txn = storage->begin();
        for (const auto& identity : pki.officers) {
            auto& o = planned.at(identity.id);
            o.account.officer.certificate_sha256 = identity.certificate_sha256;
            o.account.certificate_pem = read_text(identity.certificate);
            o.account.password_hash = hash_password(o.password, options.kdf_iterations);
            txn->put_officer(o.account);
            txn->append_audit("admin", "officer_add", identity.id,
                              {{"officer", o.account.officer}, {"demo", true}}, now_utc());
            p12_of[identity.id] = identity.p12;
        }
        txn->commit();
    }

    DocumentStore documents(paths.documents());
    const VerifierSignatureCheck signatures(paths.trust(), paths.crl(), *storage);
    HubOptions hub_options;
    HubService hub(*storage, documents, catalogue, signatures, hub_options);
    DemoSummary summary;
    summary.officers = static_cast<int>(planned.size());
    DocumentMaker docs{make};
    std::map<std::string, std::unique_ptr<crypto::Pkcs12Signer>> signers;
    const auto services = catalogue.services();
    const Timestamp now = std::chrono::floor<std::chrono::seconds>(now_utc());

    for (int i = 0; i < options.applications; ++i) {
        const auto& service = *services[static_cast<std::size_t>(i) % services.size()];
        const auto& geo = geography(service.state);
        const auto& sd = make.chance(0.6) ? geo.subdistricts[0] : geo.subdistricts.back();
        const auto& village = make.pick(sd.villages);
        const Person applicant = make.person();
        char number[64];
        std::snprintf(number, sizeof number, "%s/%s/2026/%06d", geo.iso.c_str(),
                      geo.district.name_en.substr(0, 3).c_str(), i + 1);
        json::Json fields = json::Json::object();
        json::Json tables = json::Json::object();
        json::Json chosen_row;
        std::string birth = std::to_string(make.between(1955, 2005)) + "-0" +
                            std::to_string(make.between(1, 9)) + "-1" + std::to_string(make.between(0, 9));
        for (const auto& f : service.fields) {
            if (!f.is_table())
                continue;
            json::Json rows = json::Json::array();
            const int n = make.between(2, 5);
            for (int r = 0; r < n; ++r) {
                const Person member = r == 0 ? applicant : make.person();
                json::Json row = json::Json::object();
                for (const auto& col : f.columns) {
                    std::string v = make.value(col, member, sd, village);
                    if (col.key == "name")
                        v = member.en;
                    if (col.key == "relation" && f.type == "family_members")
                        v = relation_code(col, r == 0, v);
                    if (col.key == "gender")
                        v = std::string(1, member.gender);
                    if (col.key == "date_of_birth" && r == 0)
                        v = birth;
                    row[col.key] = v;
                }
                rows.push_back(row);
            }
            if (chosen_row.is_null() && rows.size() > 1)
                chosen_row = rows[static_cast<std::size_t>(make.between(1, n - 1))];
            tables[f.key] = rows;
        }
        bool birth_given = false;
        for (const auto& f : service.fields) {
            // The workstation takes the first date of the form as the applicant's date of birth for the
            // e-Aadhaar's password (application_conventions.h), and the letter was protected with `birth`;
            // where the form asks for it, that first date is the date of birth.
            // The same draws as for any other field, so the rest of the district comes out the same.
            const bool birth_field = f.type == "date" && f.key == "date_of_birth" && !birth_given;
            const bool skipped = f.is_table() || (!f.required && !make.chance(0.6));
            if (skipped && !birth_field)
                continue;
            std::string v = skipped ? birth : make.value(f, applicant, sd, village);
            birth_given = birth_given || birth_field;
            // Fields that name a member of the family table mostly agree with it, as real applications do.
            if (!skipped && chosen_row.is_object() && make.chance(0.85) && !birth_field) {
                for (const auto& [col, value] : chosen_row.items()) {
                    if (f.key == col || f.key == "member_" + col)
                        v = value.get<std::string>();
                }
            }
            fields[f.key] = birth_field ? birth : v;
        }
        json::Json refs = json::Json::array();
        std::map<std::string, std::string> parts;
        for (const auto& req : service.documents) {
            if (!req.mandatory && !make.chance(0.4))
                continue;
            auto [bytes, mime] = docs.make_document(req, applicant, number, birth);
            const std::string ext = mime == "application/pdf" ? ".pdf"
                                    : mime == "image/png"     ? ".png"
                                                              : ".jpg";
            refs.push_back({{"id", req.kind},
                            {"kind", req.kind},
                            {"file_name", req.kind + ext},
                            {"mime_type", mime},
                            {"size", bytes.size()},
                            {"sha256", sha256_hex(bytes)}});
            parts[req.kind] = std::move(bytes);
            ++summary.documents;
        }
        const int age_days = make.between(0, static_cast<int>(service.deadline.days * 1.6) + 1);
        const Timestamp submitted =
            now - std::chrono::days(age_days) - std::chrono::hours(make.between(1, 9));
        json::Json app{{"number", number},
                       {"service_id", service.id},
                       {"service_version", service.version},
                       {"submitted_at", format_timestamp(submitted)},
                       {"jurisdiction",
                        {{"state", geo.state.code},
                         {"district", geo.district.code},
                         {"subdistrict", sd.place.code},
                         {"village", village.code},
                         {"area", sd.area}}},
                       {"fields", fields},
                       {"tables", tables},
                       {"documents", refs}};
        int status = 0;
        hub.ingest("demo-portal", app, parts, submitted + std::chrono::hours(1), status);
        ++summary.applications;

        // Some applications have moved on: signed decisions by the officers of their levels.
        Timestamp when = submitted + std::chrono::hours(26);
        for (int step = 0; step < 2 && make.chance(step == 0 ? 0.3 : 0.4) && when < now; ++step) {
            const auto stored = storage->application(number);
            if (!stored || stored->app.status != model::Status::pending)
                break;
            const PlannedOfficer* acting = nullptr;
            for (const auto& [id, o] : planned) {
                if (workflow::may_act(service, stored->app, o.account.officer).ok())
                    acting = &o;
            }
            if (acting == nullptr)
                break;
            auto actions = workflow::allowed_actions(service, stored->app, acting->account.officer);
            actions.erase(std::remove(actions.begin(), actions.end(), model::Action::send_back),
                          actions.end());
            if (actions.empty())
                break;
            const model::Action action = make.chance(0.8) ? actions.front() : make.pick(actions);
            model::Decision d;
            d.id = to_hex(random_bytes(16));
            d.id = d.id.substr(0, 8) + "-" + d.id.substr(8, 4) + "-4" + d.id.substr(13, 3) + "-a" +
                   d.id.substr(17, 3) + "-" + d.id.substr(20, 12);
            d.application = number;
            d.application_version = stored->app.version;
            d.action = action;
            if (action == model::Action::reject)
                d.reason_code = make.pick(service.reject_reasons).code;
            if (action == model::Action::return_to_applicant)
                d.reason_code = make.pick(service.return_reasons).code;
            d.remark = action == model::Action::forward ? "Documents verified; recommended. / दस्तावेज़ सत्यापित।"
                                                        : "Examined the documents and the family record.";
            d.officer = acting->account.officer.id;
            d.role = acting->account.officer.role;
            d.level = acting->account.officer.level;
            d.decided_at = when;
            std::map<std::string, crypto::PagesOpened> pages;
            for (const auto& doc : stored->app.documents) {  // a seeded review opened every page
                auto it = docs.page_count.find(doc.sha256);
                const std::uint32_t count = it == docs.page_count.end() ? 1 : it->second;
                pages[doc.id] = {count, count};
            }
            crypto::bind_content(d, stored->app, pages);
            auto& signer = signers[d.officer];
            if (!signer)
                signer = std::make_unique<crypto::Pkcs12Signer>(p12_of.at(d.officer),
                                                                crypto::SecretString(p12_password));
            const std::string der = signer->sign_at(crypto::canonical_decision_bytes(d), when);
            hub.decide(acting->account, {{"decision", d}, {"signature", base64_encode(der)}}, when);
            ++summary.decisions;
            when += std::chrono::hours(make.between(20, 70));
        }
    }

    json::Json list = json::Json::array();
    log << std::left << std::setw(26) << "USER" << std::setw(18) << "PASSWORD" << std::setw(12) << "ROLE"
        << std::setw(6) << "LEVEL"
        << "JURISDICTION / SERVICES\n";
    for (const auto& [id, o] : planned) {
        const auto& j = o.account.officer.jurisdiction;
        list.push_back({{"user", id},
                        {"name", o.account.officer.name},
                        {"password", o.password},
                        {"role", o.account.officer.role},
                        {"level", o.account.officer.level},
                        {"services", o.account.officer.services},
                        {"jurisdiction", j},
                        {"p12", std::filesystem::absolute(p12_of.at(id)).string()},
                        {"p12_password", p12_password}});
        std::string handled;
        for (const auto& s : o.account.officer.services)
            handled += (handled.empty() ? "" : ",") + s;
        log << std::setw(26) << id << std::setw(18) << o.password << std::setw(12) << o.account.officer.role
            << std::setw(6) << o.account.officer.level << j.state << "/" << j.district
            << (j.subdistrict.empty() ? "" : "/" + j.subdistrict) << "  " << handled << "\n";
    }
    std::ofstream(paths.root / "demo-officers.json") << list.dump(2) << "\n";
    return summary;
}

}  // namespace jaanch::hub::demo
