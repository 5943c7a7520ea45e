#include "catalogue/value_check.h"

#include <algorithm>
#include <cctype>
#include <functional>

#include "model/identifier_shapes.h"
#include "util/time.h"

namespace jaanch::catalogue {
namespace {

bool all_of(const std::string& s, int (*pred)(int)) {
    return std::all_of(s.begin(), s.end(), [&](char c) { return pred(static_cast<unsigned char>(c)) != 0; });
}
bool digits(const std::string& s, std::size_t min, std::size_t max) {
    return s.size() >= min && s.size() <= max && all_of(s, isdigit);
}

bool money(const std::string& s) {
    const auto dot = s.find('.');
    const std::string whole = s.substr(0, dot);
    if (!digits(whole, 1, 12))
        return false;
    if (dot == std::string::npos)
        return true;
    return digits(s.substr(dot + 1), 1, 2);
}

bool email(const std::string& s) {
    const auto at = s.find('@');
    if (at == std::string::npos || at == 0 || s.find('@', at + 1) != std::string::npos || s.size() > 254)
        return false;
    const auto dot = s.find('.', at);
    return dot != std::string::npos && dot > at + 1 && dot + 1 < s.size() &&
           std::none_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t'; });
}

using ShapeCheck = std::function<bool(const std::string&)>;

struct TypeRule {
    const char* type;
    ShapeCheck ok;
    const char* expected;
};

const std::vector<TypeRule>& type_rules() {
    static const std::vector<TypeRule> rules{
        {"text", [](const std::string& s) { return s.size() <= 500; }, "text of at most 500 bytes"},
        {"long_text", [](const std::string& s) { return s.size() <= 5000; }, "text of at most 5000 bytes"},
        {"date", [](const std::string& s) { return parse_date(s).has_value(); }, "a date YYYY-MM-DD"},
        {"number", [](const std::string& s) { return digits(s, 1, 15); }, "decimal digits"},
        {"year", [](const std::string& s) { return digits(s, 4, 4) && s >= "1900" && s <= "2100"; },
         "a year such as 2024"},
        {"money", money, "rupees with at most two decimals, such as 250000.00"},
        {"boolean", [](const std::string& s) { return s == "yes" || s == "no"; }, "yes or no"},
        {"email", email, "an e-mail address"},
        // Identifiers: one rule each, shared with the verifier's checks (model/identifier_shapes.h).
        {"aadhaar", [](const std::string& s) { return model::aadhaar_shape(s); },
         "12 digits not starting with 0 or 1"},
        {"pan", [](const std::string& s) { return model::pan_shape(s); }, "a PAN such as ABCPE1234F"},
        {"ifsc", [](const std::string& s) { return model::ifsc_shape(s); }, "an IFSC such as SBIN0001234"},
        {"mobile", [](const std::string& s) { return model::mobile_shape(s); },
         "10 digits starting with 6, 7, 8 or 9"},
        {"pincode", [](const std::string& s) { return model::pincode_shape(s); },
         "6 digits not starting with 0"},
        {"bank_account", [](const std::string& s) { return model::bank_account_shape(s); }, "9 to 18 digits"},
        {"lgd_code", [](const std::string& s) { return digits(s, 1, 10); }, "an LGD code (digits)"},
        {"jan_aadhaar_family_id", [](const std::string& s) { return model::exactly_digits(s, 10); },
         "10 digits"},
        {"jan_aadhaar_member_id", [](const std::string& s) { return model::exactly_digits(s, 11); },
         "11 digits"},
        {"samagra_family_id", [](const std::string& s) { return model::exactly_digits(s, 8); }, "8 digits"},
        {"samagra_member_id", [](const std::string& s) { return model::exactly_digits(s, 9); }, "9 digits"},
        {"haryana_family_id", [](const std::string& s) { return model::haryana_family_id_shape(s); },
         "8 capital letters or digits"},
    };
    return rules;
}

class Checker {
  public:
    explicit Checker(const ServiceDefinition& service) : service_(service) {}

    void fields(const model::FieldValues& values) {
        for (const auto& [key, value] : values) {
            const FieldDefinition* f = service_.find_field(key);
            const std::string at = json::key_path("$.fields", key);
            if (f == nullptr)
                add(at, "service " + service_.id + " has no field \"" + key + "\"");
            else if (f->is_table())
                add(at, "\"" + key + "\" is a table; send its rows under $.tables");
            else if (!value.empty())
                value_at(*f, value, at);
        }
        for (const auto& f : service_.fields) {
            if (f.is_table() || !f.required)
                continue;
            auto it = values.find(f.key);
            if (it == values.end() || it->second.empty())
                add(json::key_path("$.fields", f.key), "required field \"" + f.label.en + "\" is missing");
        }
    }

    void tables(const std::map<std::string, model::TableRows>& tables) {
        for (const auto& [key, rows] : tables) {
            const FieldDefinition* f = service_.find_field(key);
            const std::string at = json::key_path("$.tables", key);
            if (f == nullptr || !f->is_table()) {
                add(at, "service " + service_.id + " has no table \"" + key + "\"");
                continue;
            }
            for (std::size_t i = 0; i < rows.size(); ++i)
                row(*f, rows[i], json::index_path(at, i));
        }
        for (const auto& f : service_.fields) {
            if (!f.is_table() || !f.required)
                continue;
            auto it = tables.find(f.key);
            if (it == tables.end() || it->second.empty())
                add(json::key_path("$.tables", f.key), "required table \"" + f.label.en + "\" has no rows");
        }
    }

    void documents(const std::vector<model::DocumentRef>& docs) {
        for (std::size_t i = 0; i < docs.size(); ++i) {
            const std::string at = json::index_path("$.documents", i);
            const DocumentRequirement* req = find_requirement(docs[i].kind);
            if (req == nullptr) {
                add(at + ".kind",
                    "service " + service_.id + " asks for no document of kind \"" + docs[i].kind + "\"");
                continue;
            }
            if (std::find(req->accepted.begin(), req->accepted.end(), docs[i].mime_type) ==
                req->accepted.end())
                add(at + ".mime_type", "a " + req->label.en + " must be one of the accepted types, not \"" +
                                           docs[i].mime_type + "\"");
            if (docs[i].size == 0)
                add(at + ".size", "a document cannot be empty");
        }
        for (const auto& req : service_.documents) {
            if (!req.mandatory)
                continue;
            const bool present = std::any_of(docs.begin(), docs.end(),
                                             [&](const model::DocumentRef& d) { return d.kind == req.kind; });
            if (!present)
                add("$.documents",
                    "the mandatory document \"" + req.label.en + "\" (" + req.kind + ") is missing");
        }
    }

    std::vector<Problem> take() { return std::move(problems_); }

  private:
    void add(const std::string& path, const std::string& message) {
        problems_.push_back({"", 0, path, message});
    }

    void value_at(const FieldDefinition& f, const std::string& value, const std::string& at) {
        if (auto problem = value_problem(f, value))
            add(at, *problem);
    }

    void row(const FieldDefinition& table, const model::FieldValues& values, const std::string& at) {
        for (const auto& [key, value] : values) {
            auto col = std::find_if(table.columns.begin(), table.columns.end(),
                                    [&](const FieldDefinition& c) { return c.key == key; });
            if (col == table.columns.end())
                add(json::key_path(at, key), "table \"" + table.key + "\" has no column \"" + key + "\"");
            else if (!value.empty())
                value_at(*col, value, json::key_path(at, key));
        }
        for (const auto& col : table.columns) {
            if (!col.required)
                continue;
            auto it = values.find(col.key);
            if (it == values.end() || it->second.empty())
                add(json::key_path(at, col.key), "required column \"" + col.label.en + "\" is missing");
        }
    }

    const DocumentRequirement* find_requirement(const std::string& kind) const {
        for (const auto& d : service_.documents) {
            if (d.kind == kind)
                return &d;
        }
        return nullptr;
    }

    const ServiceDefinition& service_;
    std::vector<Problem> problems_;
};

}  // namespace

std::optional<std::string> value_problem(const FieldDefinition& field, const std::string& value) {
    if (field.type == "enum") {
        for (const auto& option : field.options) {
            if (option.code == value)
                return std::nullopt;
        }
        std::string codes;
        for (const auto& option : field.options)
            codes += (codes.empty() ? "" : ", ") + option.code;
        return "\"" + value + "\" is not an option of \"" + field.label.en + "\" (one of " + codes + ")";
    }
    for (const auto& rule : type_rules()) {
        if (field.type != rule.type)
            continue;
        if (rule.ok(value))
            return std::nullopt;
        return "\"" + value.substr(0, 60) + "\" is not " + rule.expected;
    }
    return "fields of type \"" + field.type + "\" take no single value";
}

std::vector<Problem> check_application_values(const ServiceDefinition& service,
                                              const model::FieldValues& fields,
                                              const std::map<std::string, model::TableRows>& tables,
                                              const std::vector<model::DocumentRef>& documents) {
    Checker checker(service);
    checker.fields(fields);
    checker.tables(tables);
    checker.documents(documents);
    return checker.take();
}

}  // namespace jaanch::catalogue
