#include "hub/storage/aadhaar_seal.h"

#include "checks/aadhaar_mask.h"

namespace jaanch::hub {
namespace {

bool digit(char c) {
    return c >= '0' && c <= '9';
}

// Length of an Aadhaar-shaped run at `at` (12 digits, or 4-4-4 with one separator used twice), its digits
// in `out`; 0 when there is none. The run may not continue into another digit.
std::size_t shaped_run(std::string_view text, std::size_t at, std::string& out) {
    out.clear();
    std::size_t i = at;
    char separator = 0;
    for (int group = 0; group < 3; ++group) {
        if (group == 1 && i < text.size() && (text[i] == ' ' || text[i] == '-'))
            separator = text[i];
        if (group > 0 && separator != 0) {
            if (i >= text.size() || text[i] != separator)
                return 0;
            ++i;
        }
        for (int k = 0; k < 4; ++k, ++i) {
            if (i >= text.size() || !digit(text[i]))
                return 0;
            out += text[i];
        }
    }
    if (i < text.size() && digit(text[i]))
        return 0;
    return out.front() >= '2' ? i - at : 0;
}

// Masks the strings of `j` in place; whether any changed.
bool mask_strings(json::Json& j) {
    bool changed = false;
    if (j.is_string()) {
        const auto& text = j.get_ref<const std::string&>();
        std::string masked = mask_aadhaar_shaped(text);
        if (masked != text) {
            j = std::move(masked);
            changed = true;
        }
    } else if (j.is_array() || j.is_object()) {
        for (auto& child : j)
            changed = mask_strings(child) || changed;
    }
    return changed;
}

bool has_aadhaar_shaped(std::string_view text) {
    std::string digits;
    for (std::size_t i = 0; i < text.size(); ++i)
        if (digit(text[i]) && (i == 0 || !digit(text[i - 1])) && shaped_run(text, i, digits) > 0)
            return true;
    return false;
}

SealedJson seal_json(const std::string& json_text, const std::string& context,
                     const crypto::AadhaarVault& vault) {
    SealedJson out;
    out.shown = json_text;
    // Most rows hold no number at all: one pass over the text settles it (the texts are the hub's own
    // dumps, which never write a digit as a \u escape).
    if (!has_aadhaar_shaped(json_text))
        return out;
    json::Json j = json::Json::parse(json_text);
    if (!mask_strings(j))
        return out;  // the run was a JSON number, not a string
    out.shown = j.dump();
    out.sealed = vault.seal_text(json_text, context);
    return out;
}

}  // namespace

std::string mask_aadhaar_shaped(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::string digits;
    for (std::size_t i = 0; i < text.size();) {
        if (digit(text[i]) && (i == 0 || !digit(text[i - 1]))) {
            if (const std::size_t length = shaped_run(text, i, digits); length > 0) {
                out += checks::mask_aadhaar(digits);
                i += length;
                continue;
            }
            while (i < text.size() && digit(text[i]))
                out += text[i++];  // a longer or shorter number: kept whole, never masked in part
            continue;
        }
        out += text[i++];
    }
    return out;
}

bool is_aadhaar_shaped(std::string_view value) {
    std::string digits;
    return !value.empty() && digit(value.front()) && shaped_run(value, 0, digits) == value.size();
}

std::string application_context(const std::string& number) {
    return "jaanch-hub|application|" + number;
}

std::string decision_context(const std::string& id) {
    return "jaanch-hub|decision|" + id;
}

SealedJson seal_application_json(const model::Application& app, const std::string& json_text,
                                 const crypto::AadhaarVault& vault) {
    SealedJson out = seal_json(json_text, application_context(app.number), vault);
    for (const auto& [key, value] : app.fields)
        if (is_aadhaar_shaped(value))
            out.tokens.push_back({key, vault.lookup_token(value)});
    for (const auto& [table, rows] : app.tables)
        for (std::size_t i = 0; i < rows.size(); ++i)
            for (const auto& [key, value] : rows[i])
                if (is_aadhaar_shaped(value))
                    out.tokens.push_back(
                        {table + "[" + std::to_string(i) + "]." + key, vault.lookup_token(value)});
    return out;
}

SealedJson seal_decision_json(const std::string& id, const std::string& json_text,
                              const crypto::AadhaarVault& vault) {
    return seal_json(json_text, decision_context(id), vault);
}

}  // namespace jaanch::hub
