#include "checks/qr_compare.h"

#include <sstream>

#include "catalogue/explain_text.h"
#include "checks/name_match.h"

namespace jaanch::checks {

namespace {

using catalogue::LocalizedText;

const std::vector<std::string> kNameKeys{"applicant_name", "employee_name", "name", "head_name",
                                         "member_name"};
const std::vector<std::string> kHindiNameKeys{"applicant_name_hindi", "name_hindi"};
const std::vector<std::string> kAddressKeys{"house_locality", "house",        "street",         "locality",
                                            "village_town",   "village_ward", "panchayat_ward", "post_office",
                                            "block_tehsil",   "circle",       "address"};

// The person's values on the form: a scalar field, or a cell of the chosen row.
class Person {
  public:
    Person(const model::Application& app, std::optional<TableRow> row) : app_(app), row_(std::move(row)) {}

    // First of `keys` holding a value: its address and value.
    std::optional<std::pair<std::string, std::string>> find(const std::vector<std::string>& keys) const {
        for (const auto& key : keys) {
            const std::string value = get(key);
            if (!value.empty())
                return std::make_pair(address(key), value);
        }
        return std::nullopt;
    }

  private:
    std::string get(const std::string& key) const {
        if (!row_)
            return app_.field(key);
        auto table = app_.tables.find(row_->table);
        if (table == app_.tables.end() || row_->index >= table->second.size())
            return {};
        auto cell = table->second[row_->index].find(key);
        return cell == table->second[row_->index].end() ? std::string() : cell->second;
    }
    std::string address(const std::string& key) const {
        return row_ ? row_->table + "[" + std::to_string(row_->index) + "]." + key : key;
    }

    const model::Application& app_;
    std::optional<TableRow> row_;
};

FieldCheck result(const std::string& field, bool ok, LocalizedText reason) {
    return {field, ok ? CheckStatus::pass : CheckStatus::fail,
            LocalizedText{"Aadhaar QR: ", "आधार क्यूआर: "} + reason};
}

FieldCheck compare_name(const std::string& field, const std::string& form, const std::string& qr) {
    const NameComparison c = compare_names(form, qr);
    if (c.exact)
        return result(field, true, {"the name matches \"" + qr + "\".", "नाम \"" + qr + "\" से मेल खाता है।"});
    const std::string n = std::to_string(c.distance);
    if (c.similar)
        return result(field, true,
                      {"the name matches \"" + qr + "\" up to spelling (" + n + " letter(s) differ).",
                       "नाम वर्तनी के अंतर (" + n + " अक्षर) के साथ \"" + qr + "\" से मेल खाता है।"});
    return result(field, false,
                  {"the name differs: the QR says \"" + qr + "\".", "नाम भिन्न है: क्यूआर में \"" + qr + "\" है।"});
}

// Words of the QR's address found (up to spelling) among the words of the form's address.
std::pair<std::size_t, std::size_t> address_overlap(const std::string& form, const std::string& qr) {
    auto words = [](const std::string& s) {
        std::istringstream in(normalise_name(s));
        std::vector<std::string> out;
        for (std::string w; in >> w;) {
            if (w.size() > 1)
                out.push_back(w);
        }
        return out;
    };
    const auto form_words = words(form), qr_words = words(qr);
    std::size_t found = 0;
    for (const auto& w : qr_words) {
        for (const auto& f : form_words) {
            if (edit_distance(w, f) <= edit_threshold(std::max(w.size(), f.size()))) {
                ++found;
                break;
            }
        }
    }
    return {found, qr_words.size()};
}

}  // namespace

std::optional<QrBirth> parse_qr_birth(const std::string& text) {
    auto digits = [&](std::size_t at, std::size_t n) {
        int v = 0;
        for (std::size_t i = at; i < at + n; ++i) {
            if (i >= text.size() || text[i] < '0' || text[i] > '9')
                return -1;
            v = v * 10 + (text[i] - '0');
        }
        return v;
    };
    if (text.size() == 4 && digits(0, 4) > 0)
        return QrBirth{std::nullopt, digits(0, 4)};
    if (text.size() != 10)
        return std::nullopt;
    int d = 0, m = 0, y = 0;
    if ((text[2] == '-' || text[2] == '/') && text[5] == text[2]) {
        d = digits(0, 2), m = digits(3, 2), y = digits(6, 4);
    } else if (text[4] == '-' && text[7] == '-') {
        y = digits(0, 4), m = digits(5, 2), d = digits(8, 2);
    }
    const Date date{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                    std::chrono::day{static_cast<unsigned>(d)}};
    if (d <= 0 || m <= 0 || y <= 0 || !date.ok())
        return std::nullopt;
    return QrBirth{date, y};
}

std::vector<FieldCheck> compare_qr_with_application(const AadhaarQr& qr,
                                                    const catalogue::ServiceDefinition& service,
                                                    const model::Application& application,
                                                    std::optional<TableRow> row) {
    (void)service;  // person fields are found by key convention today; the service may name them later
    const Person person(application, row);
    std::vector<FieldCheck> out;

    if (auto aadhaar = person.find({"aadhaar"}); aadhaar && qr.aadhaar_last4.size() == 4) {
        std::string digits;
        for (char c : aadhaar->second) {
            if (c >= '0' && c <= '9')
                digits += c;
        }
        const bool same = digits.size() >= 4 && digits.substr(digits.size() - 4) == qr.aadhaar_last4;
        out.push_back(
            result(aadhaar->first, same,
                   same ? LocalizedText{"the last four digits match (" + qr.masked_aadhaar() + ").",
                                        "अंतिम चार अंक मेल खाते हैं (" + qr.masked_aadhaar() + ")।"}
                        : LocalizedText{"the QR belongs to " + qr.masked_aadhaar() + ", another number.",
                                        "क्यूआर " + qr.masked_aadhaar() + " का है, किसी अन्य संख्या का।"}));
    }
    if (auto name = person.find(kNameKeys); name && !qr.name.empty())
        out.push_back(compare_name(name->first, name->second, qr.name));
    if (auto hindi = person.find(kHindiNameKeys); hindi && !qr.name.empty())
        out.push_back(compare_name(hindi->first, hindi->second, qr.name));

    if (auto dob = person.find({"date_of_birth"}); dob && !qr.date_of_birth.empty()) {
        const auto form = parse_date(dob->second);
        const auto printed = parse_qr_birth(qr.date_of_birth);
        if (form && printed) {
            const bool same =
                printed->date ? *printed->date == *form : printed->year == static_cast<int>(form->year());
            const LocalizedText shown = printed->date
                                            ? catalogue::human_date(*printed->date)
                                            : LocalizedText{"the year " + std::to_string(printed->year),
                                                            "वर्ष " + std::to_string(printed->year)};
            out.push_back(
                result(dob->first, same,
                       same ? LocalizedText{"the date of birth matches (" + shown.en + ").",
                                            "जन्म तिथि मेल खाती है (" + shown.hi + ")।"}
                            : LocalizedText{"the date of birth differs: the QR says " + shown.en + ".",
                                            "जन्म तिथि भिन्न है: क्यूआर में " + shown.hi + " है।"}));
        }
    }
    if (auto gender = person.find({"gender"}); gender && !qr.gender.empty()) {
        const bool same = std::toupper(static_cast<unsigned char>(gender->second[0])) ==
                          std::toupper(static_cast<unsigned char>(qr.gender[0]));
        out.push_back(result(gender->first, same,
                             same ? LocalizedText{"the gender matches (" + qr.gender + ").",
                                                  "लिंग मेल खाता है (" + qr.gender + ")।"}
                                  : LocalizedText{"the gender differs: the QR says " + qr.gender + ".",
                                                  "लिंग भिन्न है: क्यूआर में " + qr.gender + " है।"}));
    }
    // Addresses are the family's, not a row's; and a form without a PIN code asks for no residence (Haryana's
    // "district" is the office's).
    if (row || !person.find({"pincode"}))
        return out;

    if (auto pin = person.find({"pincode"}); pin && !qr.pincode.empty()) {
        const bool same = pin->second == qr.pincode;
        out.push_back(result(pin->first, same,
                             same ? LocalizedText{"the PIN code matches.", "पिन कोड मेल खाता है।"}
                                  : LocalizedText{"the PIN code differs: the QR says " + qr.pincode + ".",
                                                  "पिन कोड भिन्न है: क्यूआर में " + qr.pincode + " है।"}));
    }
    if (auto district = person.find({"district"}); district && !qr.district.empty()) {
        const NameComparison c = compare_names(district->second, qr.district);
        out.push_back(result(district->first, c.similar,
                             c.similar
                                 ? LocalizedText{"the district matches (" + qr.district + ").",
                                                 "ज़िला मेल खाता है (" + qr.district + ")।"}
                                 : LocalizedText{"the district differs: the QR says " + qr.district + ".",
                                                 "ज़िला भिन्न है: क्यूआर में " + qr.district + " है।"}));
    }

    std::string form_address, first_key;
    for (const auto& key : kAddressKeys) {
        if (auto value = person.find({key})) {
            form_address += value->second + " ";
            if (first_key.empty())
                first_key = value->first;
        }
    }
    const std::string qr_address = qr.house + " " + qr.street + " " + qr.landmark + " " + qr.location + " " +
                                   qr.vtc + " " + qr.post_office + " " + qr.sub_district;
    if (!first_key.empty()) {
        const auto [found, total] = address_overlap(form_address, qr_address);
        if (total > 0) {
            const bool ok = found * 2 >= total;
            const std::string f = std::to_string(found), t = std::to_string(total);
            out.push_back(result(first_key, ok,
                                 {f + " of " + t + " words of the QR's address appear on the form (QR: " +
                                      qr.vtc + ", " + qr.post_office + ").",
                                  "क्यूआर के पते के " + t + " में से " + f + " शब्द फ़ॉर्म में हैं (क्यूआर: " + qr.vtc + ", " +
                                      qr.post_office + ")।"}));
        }
    }
    return out;
}

}  // namespace jaanch::checks
