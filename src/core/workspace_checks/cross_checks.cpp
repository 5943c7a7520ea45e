#include "workspace_checks/cross_checks.h"

#include <map>
#include <set>

#include "catalogue/explain_text.h"
#include "checks/aadhaar_mask.h"
#include "checks/name_match.h"

namespace jaanch::checks {
namespace {

using catalogue::LocalizedText;

std::string value_at(const model::Application& app, const std::string& path) {
    const auto bracket = path.find('[');
    if (bracket == std::string::npos)
        return app.field(path);
    const auto close = path.find("].", bracket);
    const auto table = app.tables.find(path.substr(0, bracket));
    if (close == std::string::npos || table == app.tables.end())
        return "";
    const std::size_t index = std::stoul(path.substr(bracket + 1, close - bracket - 1));
    if (index >= table->second.size())
        return "";
    const auto it = table->second[index].find(path.substr(close + 2));
    return it == table->second[index].end() ? std::string() : it->second;
}

// "the applicant" for the applicant's own fields, "members[2]" for a table row.
LocalizedText where(const std::string& path) {
    const auto bracket = path.find('[');
    if (bracket == std::string::npos)
        return {"the applicant", "आवेदक"};
    return catalogue::same_in_both(path.substr(0, path.find(']', bracket) + 1));
}

LocalizedText status_words(const std::string& status) {
    if (status == "approved")
        return {"approved", "स्वीकृत"};
    return {"pending", "लंबित"};
}

LocalizedText other_text(const store::IdentityMatch& m) {
    const auto s = status_words(m.status);
    return {m.application + " (" + s.en + ", " + m.applicant_name + ")",
            m.application + " (" + s.hi + ", " + m.applicant_name + ")"};
}

ReviewItem identity_item(const model::Application& plain, const store::IdentityMatch& m) {
    const LocalizedText other = other_text(m);
    ReviewItem item;
    item.status = ReviewStatus::attention;
    item.related = {m.application};
    if (m.mine.kind == "aadhaar") {
        const std::string masked = mask_aadhaar(value_at(plain, m.mine.path));
        item.subject = "aadhaar";
        item.label = {"Same Aadhaar number", "समान आधार संख्या"};
        const LocalizedText whose = where(m.mine.path);
        item.reason = {
            "The Aadhaar number " + masked + " of " + whose.en + " is also in " + other.en + " at " +
                m.other_path + ".",
            whose.hi + " की आधार संख्या " + masked + " आवेदन " + other.hi + " में भी है (" + m.other_path + ")।"};
    } else {
        const std::string id = m.mine.value;
        const std::string name_en = m.mine.kind == "samagra_family_id"   ? "Samagra family ID"
                                    : m.mine.kind == "haryana_family_id" ? "Haryana Family ID"
                                                                         : "Jan Aadhaar family ID";
        const std::string name_hi = m.mine.kind == "samagra_family_id" ? "समग्र परिवार आईडी"
                                    : m.mine.kind == "haryana_family_id" ? "हरियाणा परिवार पहचान पत्र"
                                                                         : "जन आधार परिवार आईडी";
        item.subject = "family_id";
        item.label = {"Same " + name_en, "समान " + name_hi};
        item.reason = {"The " + name_en + " " + id + " is also in " + other.en + ".",
                       name_hi + " " + id + " आवेदन " + other.hi + " में भी है।"};
    }
    return item;
}

std::optional<ReviewItem> person_item(const store::IdentityMatch& m) {
    const NameComparison names = compare_names(m.mine.name, m.other_name);
    if (!names.similar)
        return std::nullopt;
    const auto birth = parse_date(m.mine.value.substr(0, m.mine.value.find('|')));
    const LocalizedText born = birth ? catalogue::human_date(*birth) : catalogue::same_in_both(m.mine.value);
    const LocalizedText other = other_text(m);
    const std::string how_en = names.exact ? "the same name"
                                           : "names " + std::to_string(names.distance) +
                                                 " letter(s) apart once spellings are folded";
    const std::string how_hi =
        names.exact ? "समान नाम" : "वर्तनी मिलाने पर नामों में " + std::to_string(names.distance) + " अक्षर का अंतर";
    ReviewItem item;
    item.subject = "person";
    item.label = {"Same person (name, birth date, village)", "समान व्यक्ति (नाम, जन्म तिथि, गाँव)"};
    item.status = ReviewStatus::attention;
    item.related = {m.application};
    const LocalizedText whose = where(m.mine.path);
    item.reason = {m.mine.name + " (" + whose.en + "), born " + born.en + ", matches " + m.other_name +
                       " of " + other.en + " in the same village: " + how_en + ".",
                   m.mine.name + " (" + whose.hi + "), जन्म " + born.hi + ", आवेदन " + other.hi + " के " +
                       m.other_name + " से मेल खाता है, वही गाँव: " + how_hi + "।"};
    return item;
}

}  // namespace

std::vector<ReviewItem> find_duplicates(const model::Application& plain,
                                        const catalogue::ServiceDefinition& service,
                                        const store::Workspace& workspace) {
    const auto keys = workspace.identity_keys_of(plain);
    if (keys.empty())
        return {{"duplicates",
                 {"Duplicates", "दोहराव"},
                 ReviewStatus::not_applicable,
                 {"The application has no Aadhaar number, family ID, or name with birth date and village to "
                  "match.",
                  "आवेदन में मिलान हेतु आधार संख्या, परिवार आईडी या नाम सहित जन्म तिथि और गाँव नहीं है।"},
                 {}}};
    std::vector<ReviewItem> out;
    std::set<std::pair<std::string, std::string>> seen;  // (subject, other application): one item each
    for (const auto& m : workspace.identity_matches(keys, service.id, plain.number)) {
        std::optional<ReviewItem> item =
            m.mine.kind == "person" ? person_item(m) : std::optional<ReviewItem>(identity_item(plain, m));
        if (item && seen.insert({item->subject, m.application}).second)
            out.push_back(std::move(*item));
    }
    if (out.empty())
        out.push_back(
            {"duplicates",
             {"Duplicates", "दोहराव"},
             ReviewStatus::pass,
             {"No other pending or approved application of this service has the same Aadhaar number, "
              "family ID, or person.",
              "इस सेवा के किसी अन्य लंबित या स्वीकृत आवेदन में समान आधार संख्या, परिवार आईडी या व्यक्ति "
              "नहीं है।"},
             {}});
    return out;
}

std::vector<ReviewItem> document_reuse(const model::Application& plain, const model::DocumentRef& document,
                                       const store::Workspace& workspace) {
    std::vector<ReviewItem> out;
    const auto uses = workspace.document_uses(document.sha256);
    const auto* service = workspace.catalogue().find(plain.service_id, plain.service_version);
    const std::string my_name = store::applicant_name(service, plain);
    std::string my_token;
    for (const auto& k : workspace.identity_keys_of(plain))
        if (k.kind == "aadhaar" && k.path.find('[') == std::string::npos && my_token.empty())
            my_token = k.value;
    const std::string short_sha = document.sha256.substr(0, 12);

    for (const auto& use : uses) {
        if (use.application == plain.number)
            continue;
        const bool same_person = !my_token.empty() && !use.applicant_token.empty()
                                     ? my_token == use.applicant_token
                                     : compare_names(my_name, use.applicant_name).similar;
        if (same_person) {
            out.push_back({document.id,
                           {"Reused by the same applicant", "उसी आवेदक द्वारा पुनः उपयोग"},
                           ReviewStatus::pass,
                           {"The same file is attached to " + use.application + " of the same applicant.",
                            "यही फ़ाइल उसी आवेदक के आवेदन " + use.application + " में भी संलग्न है।"},
                           {use.application}});
        } else {
            out.push_back({document.id,
                           {"Attached by another applicant", "अन्य आवेदक द्वारा संलग्न"},
                           ReviewStatus::attention,
                           {"The same file (SHA-256 " + short_sha + "…) is attached to " + use.application +
                                " by " + use.applicant_name + ", a different applicant.",
                            "यही फ़ाइल (SHA-256 " + short_sha + "…) भिन्न आवेदक " + use.applicant_name +
                                " के आवेदन " + use.application + " में संलग्न है।"},
                           {use.application}});
        }
    }
    // Earlier marks on this very file, here or in other applications.
    std::map<std::string, std::vector<std::string>> ids_by_application{{plain.number, {document.id}}};
    for (const auto& use : uses)
        ids_by_application[use.application].push_back(use.document_id);
    for (const auto& [number, ids] : ids_by_application) {
        const auto app =
            number == plain.number ? std::optional<model::Application>(plain) : workspace.application(number);
        if (!app)
            continue;
        for (const auto& record : app->history) {
            for (const auto& mark : record.decision.document_checks) {
                if (mark.mark == model::DocumentMark::seen ||
                    std::find(ids.begin(), ids.end(), mark.document) == ids.end())
                    continue;
                const auto on =
                    catalogue::human_date(date_of(record.decision.decided_at + std::chrono::minutes(330)));
                const std::string who = record.decision.officer + " (" + record.decision.role + ", " +
                                        record.decision.level + ")";
                const std::string in_en = number == plain.number ? "" : " in " + number;
                const std::string in_hi = number == plain.number ? "" : " आवेदन " + number + " में";
                if (mark.mark == model::DocumentMark::valid)
                    out.push_back(
                        {document.id,
                         {"Already verified", "पहले से सत्यापित"},
                         ReviewStatus::pass,
                         {"Verified as valid by " + who + " on " + on.en + in_en + ".",
                          who + " द्वारा " + on.hi + " को" + in_hi + " वैध सत्यापित।"},
                         number == plain.number ? std::vector<std::string>{} : std::vector{number}});
                else
                    out.push_back(
                        {document.id,
                         {"Marked invalid before", "पहले अमान्य चिह्नित"},
                         ReviewStatus::attention,
                         {"Marked invalid by " + who + " on " + on.en + in_en + ": " + mark.reason + ".",
                          who + " द्वारा " + on.hi + " को" + in_hi + " अमान्य चिह्नित: " + mark.reason + "।"},
                         number == plain.number ? std::vector<std::string>{} : std::vector{number}});
            }
        }
    }
    return out;
}

}  // namespace jaanch::checks
