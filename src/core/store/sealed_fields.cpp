#include "store/sealed_fields.h"

#include "checks/aadhaar_mask.h"
#include "checks/identifiers.h"
#include "store/workspace.h"

namespace jaanch::store {
namespace {

std::string digits_of(const std::string& v) {
    std::string out;
    for (char c : v)
        if (c >= '0' && c <= '9')
            out += c;
    return out;
}

// 12 digits in any common spelling (digits, 4-4-4 with spaces or hyphens), Verhoeff-valid.
bool is_aadhaar_value(const std::string& v) {
    for (char c : v)
        if (!((c >= '0' && c <= '9') || c == ' ' || c == '-'))
            return false;
    return checks::is_valid_aadhaar(digits_of(v));
}

enum class Seal { none, aadhaar, text };

Seal seal_kind(const catalogue::FieldDefinition* field, bool service_known, const std::string& value) {
    if (value.empty())
        return Seal::none;
    if (field != nullptr && field->type == "aadhaar")
        return Seal::aadhaar;
    const bool free_text = field == nullptr || field->type == "text" || field->type == "long_text";
    if (!service_known && is_aadhaar_value(value))
        return Seal::aadhaar;
    if ((free_text || !service_known) && checks::redact_aadhaar_numbers(value) != value)
        return Seal::text;
    return Seal::none;
}

const catalogue::FieldDefinition* column_of(const catalogue::FieldDefinition* table, const std::string& key) {
    if (table == nullptr)
        return nullptr;
    for (const auto& c : table->columns)
        if (c.key == key)
            return &c;
    return nullptr;
}

bool is_birth_date(const catalogue::FieldDefinition& f) {
    return f.type == "date" && f.key.find("birth") != std::string::npos;
}

class Sealer {
  public:
    Sealer(const model::Application& app, const catalogue::ServiceDefinition* service,
           const crypto::AadhaarVault& vault, const std::map<std::string, SealedValue>& previous)
        : app_(app), service_(service), vault_(vault), previous_(previous) {}

    // Seals `value` in place when it must be; records its Aadhaar token as an identity key.
    void visit(const catalogue::FieldDefinition* field, const std::string& path, std::string& value) {
        if (auto it = previous_.find(path);
            it != previous_.end() && it->second.kind == "text" && !value.empty() &&
            checks::redact_aadhaar_numbers(
                vault_.open(it->second.sealed, sealing_context(app_.number, path))) == value) {
            out_.sealed.push_back(it->second);  // the masked text read back: its sealed original still holds
            return;
        }
        const Seal kind = seal_kind(field, service_ != nullptr, value);
        if (kind == Seal::none)
            return;
        if (kind == Seal::aadhaar && is_masked_aadhaar(value)) {
            if (auto it = previous_.find(path);
                it != previous_.end() && it->second.kind == "aadhaar" && mask_matches(it->second, value)) {
                out_.sealed.push_back(it->second);
                out_.keys.push_back({"aadhaar", it->second.token, path, ""});
            }
            return;  // a mask with nothing behind it holds no number: nothing to seal
        }
        const std::string context = sealing_context(app_.number, path);
        SealedValue s{path, kind == Seal::aadhaar ? "aadhaar" : "text", "",
                      kind == Seal::aadhaar ? vault_.seal(value, context) : vault_.seal_text(value, context)};
        if (kind == Seal::aadhaar) {
            s.token = vault_.lookup_token(digits_of(value));
            out_.keys.push_back({"aadhaar", s.token, path, ""});
            value = checks::mask_aadhaar(value);
        } else {
            value = checks::redact_aadhaar_numbers(value);
        }
        out_.sealed.push_back(std::move(s));
    }

    SealedApplication run() {
        out_.shown = app_;
        auto& shown = out_.shown;
        for (auto& [key, value] : shown.fields) {
            const auto* field = service_ ? service_->find_field(key) : nullptr;
            visit(field, key, value);
            if (field != nullptr && !value.empty() &&
                (field->type == "jan_aadhaar_family_id" || field->type == "samagra_family_id" ||
                 field->type == "haryana_family_id"))
                out_.keys.push_back({field->type, value, key, ""});
        }
        for (auto& [table, rows] : shown.tables) {
            const auto* def = service_ ? service_->find_field(table) : nullptr;
            for (std::size_t i = 0; i < rows.size(); ++i)
                for (auto& [key, value] : rows[i])
                    visit(column_of(def, key), table + "[" + std::to_string(i) + "]." + key, value);
        }
        add_people();
        return std::move(out_);
    }

  private:
    bool mask_matches(const SealedValue& s, const std::string& mask) const {
        // The stored ciphertext still belongs here when its last four digits are the mask's.
        const std::string plain = vault_.open(s.sealed, sealing_context(app_.number, s.path));
        return checks::mask_aadhaar(plain) == mask;
    }

    void add_person(const std::string& path, const std::string& name, const std::string& birth) {
        if (name.empty() || birth.empty() || app_.jurisdiction.village.empty())
            return;
        out_.keys.push_back({"person", birth + "|" + app_.jurisdiction.village, path, name});
    }

    // The applicant (display name and the first birth-date field) and every row of a family table with a
    // name and a birth date.
    void add_people() {
        if (service_ == nullptr)
            return;
        const std::string name = applicant_name(service_, app_);
        for (const auto& f : service_->fields) {
            if (is_birth_date(f)) {
                add_person("", name, app_.field(f.key));
                break;
            }
        }
        for (const auto& f : service_->fields) {
            if (f.type != "family_members")
                continue;
            const auto rows = app_.tables.find(f.key);
            if (rows == app_.tables.end())
                continue;
            const catalogue::FieldDefinition* name_col = nullptr;
            const catalogue::FieldDefinition* birth_col = nullptr;
            for (const auto& c : f.columns) {
                if (name_col == nullptr && (c.key == "name" || c.type == "text"))
                    name_col = &c;
                if (birth_col == nullptr && is_birth_date(c))
                    birth_col = &c;
            }
            if (name_col == nullptr || birth_col == nullptr)
                continue;
            for (std::size_t i = 0; i < rows->second.size(); ++i) {
                const auto& row = rows->second[i];
                auto get = [&](const std::string& k) {
                    auto it = row.find(k);
                    return it == row.end() ? std::string() : it->second;
                };
                add_person(f.key + "[" + std::to_string(i) + "]", get(name_col->key), get(birth_col->key));
            }
        }
    }

    const model::Application& app_;
    const catalogue::ServiceDefinition* service_;
    const crypto::AadhaarVault& vault_;
    const std::map<std::string, SealedValue>& previous_;
    SealedApplication out_;
};

}  // namespace

std::string sealing_context(const std::string& application, const std::string& path) {
    return "jaanch-workspace|" + application + "|" + path;
}

bool is_masked_aadhaar(const std::string& value) {
    return value.size() == 14 && value.compare(0, 10, "XXXX-XXXX-") == 0;
}

SealedApplication seal_application(const model::Application& app, const catalogue::ServiceDefinition* service,
                                   const crypto::AadhaarVault& vault,
                                   const std::map<std::string, SealedValue>& previous) {
    return Sealer(app, service, vault, previous).run();
}

void unseal_into(model::Application& app, const std::map<std::string, std::string>& values) {
    for (const auto& [path, value] : values) {
        const auto bracket = path.find('[');
        if (bracket == std::string::npos) {
            app.fields[path] = value;
            continue;
        }
        const auto close = path.find("].", bracket);
        if (close == std::string::npos)
            continue;
        auto& rows = app.tables[path.substr(0, bracket)];
        const std::size_t index = std::stoul(path.substr(bracket + 1, close - bracket - 1));
        if (index < rows.size())
            rows[index][path.substr(close + 2)] = value;
    }
}

}  // namespace jaanch::store
