#include "checks/identifiers.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "catalogue/explain_text.h"
#include "model/identifier_shapes.h"

namespace jaanch::checks {

std::string_view check_status_name(CheckStatus s) {
    switch (s) {
        case CheckStatus::pass:
            return "pass";
        case CheckStatus::fail:
            return "fail";
        case CheckStatus::not_applicable:
            return "not_applicable";
    }
    return "not_applicable";
}

namespace {

using catalogue::FieldDefinition;
using catalogue::human_date;

constexpr std::array<std::array<int, 10>, 10> kVerhoeffD{{{0, 1, 2, 3, 4, 5, 6, 7, 8, 9},
                                                          {1, 2, 3, 4, 0, 6, 7, 8, 9, 5},
                                                          {2, 3, 4, 0, 1, 7, 8, 9, 5, 6},
                                                          {3, 4, 0, 1, 2, 8, 9, 5, 6, 7},
                                                          {4, 0, 1, 2, 3, 9, 5, 6, 7, 8},
                                                          {5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
                                                          {6, 5, 9, 8, 7, 1, 0, 4, 3, 2},
                                                          {7, 6, 5, 9, 8, 2, 1, 0, 4, 3},
                                                          {8, 7, 6, 5, 9, 3, 2, 1, 0, 4},
                                                          {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}}};
constexpr std::array<std::array<int, 10>, 8> kVerhoeffP{{{0, 1, 2, 3, 4, 5, 6, 7, 8, 9},
                                                         {1, 5, 7, 6, 2, 8, 3, 0, 9, 4},
                                                         {5, 8, 0, 3, 7, 9, 6, 1, 4, 2},
                                                         {8, 9, 1, 6, 0, 4, 3, 5, 2, 7},
                                                         {9, 4, 5, 3, 1, 2, 6, 8, 7, 0},
                                                         {4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
                                                         {2, 7, 9, 3, 8, 0, 6, 4, 1, 5},
                                                         {7, 0, 4, 6, 9, 1, 3, 2, 5, 8}}};
constexpr std::array<int, 10> kVerhoeffInv{0, 4, 3, 2, 1, 5, 6, 7, 8, 9};

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Digits as people type them, with the spaces and hyphens of printed cards removed.
std::string without_separators(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c != ' ' && c != '-')
            out += c;
    }
    return out;
}

FieldCheck pass(const std::string& address, LocalizedText reason) {
    return {address, CheckStatus::pass, std::move(reason)};
}
FieldCheck fail(const std::string& address, LocalizedText reason) {
    return {address, CheckStatus::fail, std::move(reason)};
}

FieldCheck digits_of_length(const std::string& address, std::string_view value, std::size_t length,
                            const LocalizedText& what) {
    const std::string digits = without_separators(value);
    const std::string n = std::to_string(length);
    if (!all_digits(digits))
        return fail(address, {what.en + " must contain digits only.", what.hi + " में केवल अंक होने चाहिए।"});
    if (digits.size() != length)
        return fail(
            address,
            {what.en + " must have " + n + " digits; this one has " + std::to_string(digits.size()) + ".",
             what.hi + " में " + n + " अंक होने चाहिए; इसमें " + std::to_string(digits.size()) + " हैं।"});
    return pass(address, {what.en + ": " + n + " digits.", what.hi + ": " + n + " अंक।"});
}

FieldCheck check_aadhaar(const std::string& address, std::string_view value) {
    const std::string digits = without_separators(value);
    if (!all_digits(digits))
        return fail(address, {"An Aadhaar number contains digits only.", "आधार संख्या में केवल अंक होते हैं।"});
    if (digits.size() != 12)
        return fail(address,
                    {"An Aadhaar number has 12 digits; this one has " + std::to_string(digits.size()) + ".",
                     "आधार संख्या 12 अंकों की होती है; इसमें " + std::to_string(digits.size()) + " हैं।"});
    if (!model::aadhaar_shape(digits))  // what is left of the shape: the first digit
        return fail(address,
                    {"An Aadhaar number never starts with 0 or 1.", "आधार संख्या कभी 0 या 1 से शुरू नहीं होती।"});
    if (!verhoeff_valid(digits))
        return fail(address,
                    {"The check digit (the last digit) does not match: a digit was probably mistyped.",
                     "जाँच अंक (अंतिम अंक) मेल नहीं खाता: संभवतः कोई अंक गलत लिखा गया है।"});
    return pass(address, {"12 digits with a valid check digit.", "12 अंक, जाँच अंक सही।"});
}

FieldCheck check_pan(const std::string& address, std::string_view value) {
    if (!model::pan_shape(value))
        return fail(address, {"A PAN is 5 capital letters, 4 digits and a capital letter (AAAAA9999A).",
                              "पैन में 5 बड़े अक्षर, 4 अंक और 1 बड़ा अक्षर होता है (AAAAA9999A)।"});
    const auto holder = pan_holder_type(value[3]);
    const std::string letter(1, value[3]);
    if (!holder)
        return fail(address, {"The fourth letter \"" + letter + "\" is not a PAN holder type.",
                              "चौथा अक्षर \"" + letter + "\" किसी पैन धारक प्रकार का नहीं है।"});
    if (value[3] != 'P')
        return fail(address, {"The fourth letter \"" + letter + "\" means the PAN belongs to: " + holder->en +
                                  "; an application by a person expects an individual's PAN (P).",
                              "चौथा अक्षर \"" + letter + "\" बताता है कि पैन धारक: " + holder->hi +
                                  "; व्यक्तिगत आवेदन में व्यक्ति का पैन (P) अपेक्षित है।"});
    return pass(address, {"Valid format; holder type P: " + holder->en + ".",
                          "प्रारूप सही; धारक प्रकार P: " + holder->hi + "।"});
}

FieldCheck check_ifsc(const std::string& address, std::string_view value) {
    if (!model::ifsc_shape(value))
        return fail(address,
                    {"An IFSC is 4 capital letters (the bank), a zero, and 6 letters or digits (the branch).",
                     "IFSC में 4 बड़े अक्षर (बैंक), एक शून्य और 6 अक्षर या अंक (शाखा) होते हैं।"});
    return pass(address, {"Valid format; bank code " + std::string(value.substr(0, 4)) + ".",
                          "प्रारूप सही; बैंक कोड " + std::string(value.substr(0, 4)) + "।"});
}

FieldCheck check_mobile(const std::string& address, std::string_view value) {
    const std::string digits = without_separators(value);
    if (digits.size() > 10 &&
        (digits.starts_with("+91") || digits.starts_with("91") || digits.starts_with("0")))
        return fail(address, {"Write the 10-digit mobile number without +91 or a leading 0.",
                              "मोबाइल नंबर +91 या आरंभिक 0 के बिना 10 अंकों में लिखें।"});
    if (!all_digits(digits) || digits.size() != 10)
        return fail(address, {"A mobile number has 10 digits.", "मोबाइल नंबर 10 अंकों का होता है।"});
    if (!model::mobile_shape(digits))  // what is left of the shape: the first digit
        return fail(address, {"An Indian mobile number starts with 6, 7, 8 or 9.",
                              "भारतीय मोबाइल नंबर 6, 7, 8 या 9 से शुरू होता है।"});
    if (std::all_of(digits.begin(), digits.end(), [&](char c) { return c == digits[0]; }))
        return fail(address,
                    {"All ten digits are the same: this looks like a placeholder, not a real number.",
                     "सभी दस अंक एक जैसे हैं: यह वास्तविक नंबर नहीं, भराव प्रतीत होता है।"});
    return pass(address, {"10 digits starting with " + digits.substr(0, 1) + ".",
                          "10 अंक, " + digits.substr(0, 1) + " से शुरू।"});
}

FieldCheck check_pincode(const std::string& address, std::string_view value) {
    const std::string digits = without_separators(value);
    if (!all_digits(digits) || digits.size() != 6)
        return fail(address, {"A PIN code has 6 digits.", "पिन कोड 6 अंकों का होता है।"});
    if (!model::pincode_shape(digits))  // what is left of the shape: the first digit
        return fail(address, {"A PIN code never starts with 0.", "पिन कोड कभी 0 से शुरू नहीं होता।"});
    return pass(address, {"6 digits.", "6 अंक।"});
}

FieldCheck check_bank_account(const std::string& address, std::string_view value) {
    const std::string digits = without_separators(value);
    if (!model::bank_account_shape(digits))
        return fail(address,
                    {"A bank account number has 9 to 18 digits; this one has " +
                         std::to_string(digits.size()) + " characters.",
                     "बैंक खाता संख्या 9 से 18 अंकों की होती है; इसमें " + std::to_string(digits.size()) + " वर्ण हैं।"});
    return pass(address,
                {std::to_string(digits.size()) + " digits.", std::to_string(digits.size()) + " अंक।"});
}

FieldCheck check_haryana_family_id(const std::string& address, std::string_view value) {
    if (!model::haryana_family_id_shape(value))
        return fail(address, {"A Haryana Family ID (PPP) has 8 capital letters and digits.",
                              "हरियाणा परिवार पहचान पत्र (PPP) आईडी में 8 बड़े अक्षर और अंक होते हैं।"});
    return pass(address, {"8 letters and digits.", "8 अक्षर और अंक।"});
}

FieldCheck check_email(const std::string& address, std::string_view value) {
    const auto at = value.find('@');
    const bool one_at = at != std::string_view::npos && value.find('@', at + 1) == std::string_view::npos;
    const std::string_view local = one_at ? value.substr(0, at) : "";
    const std::string_view domain = one_at ? value.substr(at + 1) : "";
    const auto dot = domain.rfind('.');
    const bool ok = one_at && !local.empty() && dot != std::string_view::npos && dot > 0 &&
                    domain.size() - dot > 2 && domain.find("..") == std::string_view::npos &&
                    std::all_of(value.begin(), value.end(), [](char c) {
                        return std::isalnum(static_cast<unsigned char>(c)) ||
                               std::string_view("@._%+-").find(c) != std::string_view::npos;
                    });
    if (!ok)
        return fail(address, {"Not an e-mail address of the form name@domain.in.",
                              "name@domain.in के रूप का ई-मेल पता नहीं है।"});
    return pass(address, {"Valid e-mail address format.", "ई-मेल पते का प्रारूप सही।"});
}

FieldCheck check_date(const FieldDefinition& field, const std::string& address, std::string_view value,
                      const CheckContext& context) {
    const auto date = parse_date(value);
    if (!date)
        return fail(address,
                    {"Not a valid date (expected YYYY-MM-DD).", "मान्य तिथि नहीं है (YYYY-MM-DD अपेक्षित)।"});
    if (*date > context.today) {
        const auto today = human_date(context.today);
        return fail(address, {"The date lies in the future (today is " + today.en + ").",
                              "तिथि भविष्य की है (आज " + today.hi + " है)।"});
    }
    if (date->year() < std::chrono::year{1900})
        return fail(address, {"The date is before 1900: probably mistyped.",
                              "तिथि 1900 से पहले की है: संभवतः गलत लिखी गई है।"});
    if (field.key.find("birth") != std::string::npos) {
        const int age = whole_years_between(*date, context.reference);
        const auto on = human_date(context.reference);
        if (age < 0)
            return fail(address, {"Born after the application's date (" + on.en + ").",
                                  "जन्म आवेदन की तिथि (" + on.hi + ") के बाद का है।"});
        return pass(address, {"Valid date; age " + std::to_string(age) + " on " + on.en + ".",
                              "तिथि सही; " + on.hi + " को आयु " + std::to_string(age) + " वर्ष।"});
    }
    return pass(address, {"Valid date, not in the future.", "तिथि सही, भविष्य की नहीं।"});
}

FieldCheck check_money(const std::string& address, std::string_view value) {
    const auto dot = value.find('.');
    const std::string_view whole = value.substr(0, dot);
    const std::string_view cents = dot == std::string_view::npos ? "" : value.substr(dot + 1);
    const bool ok = all_digits(whole) && whole.size() <= 13 &&
                    (dot == std::string_view::npos || (all_digits(cents) && cents.size() <= 2));
    if (!ok)
        return fail(address,
                    {"An amount is written in rupees with up to two decimals, without commas (250000.00).",
                     "राशि रुपये में, अधिकतम दो दशमलव तक, बिना अल्पविराम के लिखी जाती है (250000.00)।"});
    return pass(address, {"Amount of Rs " + std::string(value) + ".", "राशि ₹" + std::string(value) + "।"});
}

FieldCheck check_number(const FieldDefinition& field, const std::string& address, std::string_view value,
                        const CheckContext& context) {
    if (!all_digits(value) || value.size() > 15)
        return fail(address, {"Expected a whole number in digits.", "अंकों में पूर्ण संख्या अपेक्षित है।"});
    if (field.type == "year") {
        const int year = std::stoi(std::string(value));
        const int next = static_cast<int>(context.today.year()) + 1;
        if (value.size() != 4 || year < 1900 || year > next)
            return fail(address, {"Not a plausible year (1900 to " + std::to_string(next) + ").",
                                  "संभावित वर्ष नहीं है (1900 से " + std::to_string(next) + ")।"});
    }
    return pass(address, {"A whole number.", "पूर्ण संख्या।"});
}

FieldCheck check_enum(const FieldDefinition& field, const std::string& address, std::string_view value) {
    for (const auto& option : field.options) {
        if (option.code == value)
            return pass(address, {option.label.en + ".", option.label.hi + "।"});
    }
    std::string codes;
    for (const auto& option : field.options)
        codes += (codes.empty() ? "" : ", ") + option.code;
    return fail(address, {"\"" + std::string(value) + "\" is not one of the choices: " + codes + ".",
                          "\"" + std::string(value) + "\" विकल्पों में से नहीं है: " + codes + "।"});
}

FieldCheck check_scalar(const FieldDefinition& field, const std::string& address, const std::string& value,
                        const CheckContext& context) {
    if (value.empty()) {
        if (field.required)
            return fail(address, {"Required, but left empty.", "अनिवार्य है, परंतु खाली छोड़ा गया है।"});
        return {address, CheckStatus::not_applicable, {"Not filled in (optional).", "नहीं भरा गया (वैकल्पिक)।"}};
    }
    return check_value(field, address, value, context);
}

}  // namespace

bool verhoeff_valid(std::string_view digits) {
    if (!all_digits(digits))
        return false;
    int c = 0;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        const int digit = digits[digits.size() - 1 - i] - '0';
        c = kVerhoeffD[static_cast<std::size_t>(c)]
                      [static_cast<std::size_t>(kVerhoeffP[i % 8][static_cast<std::size_t>(digit)])];
    }
    return c == 0;
}

char verhoeff_check_digit(std::string_view digits) {
    int c = 0;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        const int digit = digits[digits.size() - 1 - i] - '0';
        c = kVerhoeffD[static_cast<std::size_t>(c)]
                      [static_cast<std::size_t>(kVerhoeffP[(i + 1) % 8][static_cast<std::size_t>(digit)])];
    }
    return static_cast<char>('0' + kVerhoeffInv[static_cast<std::size_t>(c)]);
}

bool is_valid_aadhaar(std::string_view digits) {
    return digits.size() == 12 && all_digits(digits) && digits[0] >= '2' && verhoeff_valid(digits);
}

std::optional<LocalizedText> pan_holder_type(char letter) {
    switch (letter) {
        case 'P':
            return LocalizedText{"an individual person", "व्यक्ति"};
        case 'C':
            return LocalizedText{"a company", "कंपनी"};
        case 'H':
            return LocalizedText{"a Hindu Undivided Family", "हिंदू अविभाजित परिवार"};
        case 'F':
            return LocalizedText{"a firm or limited liability partnership", "फर्म या सीमित देयता भागीदारी"};
        case 'A':
            return LocalizedText{"an association of persons", "व्यक्तियों का संघ"};
        case 'T':
            return LocalizedText{"a trust", "न्यास (ट्रस्ट)"};
        case 'B':
            return LocalizedText{"a body of individuals", "व्यक्तियों का निकाय"};
        case 'L':
            return LocalizedText{"a local authority", "स्थानीय प्राधिकरण"};
        case 'J':
            return LocalizedText{"an artificial juridical person", "कृत्रिम विधिक व्यक्ति"};
        case 'G':
            return LocalizedText{"a government body", "सरकारी निकाय"};
        default:
            return std::nullopt;
    }
}

FieldCheck check_value(const FieldDefinition& field, const std::string& address, std::string_view value,
                       const CheckContext& context) {
    const std::string& t = field.type;
    if (t == "aadhaar")
        return check_aadhaar(address, value);
    if (t == "pan")
        return check_pan(address, value);
    if (t == "ifsc")
        return check_ifsc(address, value);
    if (t == "mobile")
        return check_mobile(address, value);
    if (t == "pincode")
        return check_pincode(address, value);
    if (t == "bank_account")
        return check_bank_account(address, value);
    if (t == "jan_aadhaar_family_id")
        return digits_of_length(address, value, 10, {"A Jan Aadhaar family ID", "जन आधार परिवार आईडी"});
    if (t == "jan_aadhaar_member_id")
        return digits_of_length(address, value, 11, {"A Jan Aadhaar member ID", "जन आधार सदस्य आईडी"});
    if (t == "samagra_family_id")
        return digits_of_length(address, value, 8, {"A Samagra family ID", "समग्र परिवार आईडी"});
    if (t == "samagra_member_id")
        return digits_of_length(address, value, 9, {"A Samagra member ID", "समग्र सदस्य आईडी"});
    if (t == "haryana_family_id")
        return check_haryana_family_id(address, value);
    if (t == "email")
        return check_email(address, value);
    if (t == "date")
        return check_date(field, address, value, context);
    if (t == "money")
        return check_money(address, value);
    if (t == "number" || t == "year")
        return check_number(field, address, value, context);
    if (t == "enum")
        return check_enum(field, address, value);
    if (t == "lgd_code") {
        if (!all_digits(value) || value.size() > 10)
            return fail(address, {"An LGD code is a number of up to 10 digits.",
                                  "एलजीडी कोड अधिकतम 10 अंकों की संख्या होती है।"});
        return pass(address, {"Digits, as LGD codes are.", "अंक, जैसे एलजीडी कोड होते हैं।"});
    }
    if (t == "boolean") {
        if (value != "yes" && value != "no")
            return fail(address, {"Expected yes or no.", "हाँ (yes) या नहीं (no) अपेक्षित है।"});
        return pass(address, value == "yes" ? LocalizedText{"Yes.", "हाँ।"} : LocalizedText{"No.", "नहीं।"});
    }
    return pass(address, {"Filled in.", "भरा गया।"});  // text, long_text: nothing to validate but presence
}

std::vector<FieldCheck> check_application(const catalogue::ServiceDefinition& service,
                                          const model::Application& application, Date today) {
    const CheckContext context{today, date_of(application.submitted_at + std::chrono::minutes(330))};
    std::vector<FieldCheck> out;
    for (const auto& field : service.fields) {
        if (!field.is_table()) {
            out.push_back(check_scalar(field, field.key, application.field(field.key), context));
            continue;
        }
        auto rows = application.tables.find(field.key);
        const std::size_t count = rows == application.tables.end() ? 0 : rows->second.size();
        if (count == 0) {
            if (field.required)
                out.push_back(fail(field.key, {"Required, but the table has no rows.",
                                               "अनिवार्य है, परंतु तालिका में कोई पंक्ति नहीं है।"}));
            else
                out.push_back({field.key,
                               CheckStatus::not_applicable,
                               {"No rows (optional).", "कोई पंक्ति नहीं (वैकल्पिक)।"}});
            continue;
        }
        out.push_back(
            pass(field.key, {std::to_string(count) + " row(s).", std::to_string(count) + " पंक्ति(याँ)।"}));
        for (std::size_t i = 0; i < count; ++i) {
            const auto& row = rows->second[i];
            const std::string prefix = field.key + "[" + std::to_string(i) + "].";
            for (const auto& column : field.columns) {
                auto cell = row.find(column.key);
                out.push_back(check_scalar(column, prefix + column.key, cell == row.end() ? "" : cell->second,
                                           context));
            }
            for (const auto& [key, value] : row) {
                const bool known = std::any_of(field.columns.begin(), field.columns.end(),
                                               [&](const auto& c) { return c.key == key; });
                if (!known)
                    out.push_back(
                        fail(prefix + key, {"Table \"" + field.key + "\" has no column \"" + key + "\".",
                                            "तालिका \"" + field.key + "\" में \"" + key + "\" स्तंभ नहीं है।"}));
            }
        }
    }
    for (const auto& [key, value] : application.fields) {
        const auto* def = service.find_field(key);
        if (def == nullptr || def->is_table())
            out.push_back(fail(key, {"The service " + service.id + " has no field \"" + key + "\".",
                                     "सेवा " + service.id + " में \"" + key + "\" फ़ील्ड नहीं है।"}));
    }
    for (const auto& [key, rows] : application.tables) {
        const auto* def = service.find_field(key);
        if (def == nullptr || !def->is_table())
            out.push_back(fail(key, {"The service " + service.id + " has no table \"" + key + "\".",
                                     "सेवा " + service.id + " में \"" + key + "\" तालिका नहीं है।"}));
    }
    return out;
}

}  // namespace jaanch::checks
