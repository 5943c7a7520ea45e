#include "crypto/application_content.h"

#include <algorithm>
#include <set>

#include "crypto/canonical_json.h"
#include "util/sha256.h"

namespace jaanch::crypto {
namespace {

constexpr std::size_t kSensitiveDigits = 12;
constexpr std::size_t kDigitsKept = 4;

std::size_t digit_count(const std::string& text) {
    return static_cast<std::size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }));
}

std::string masked_digits(const std::string& text) {
    std::size_t to_mask = digit_count(text) - kDigitsKept;
    std::string out = text;
    for (char& c : out)
        if (to_mask > 0 && c >= '0' && c <= '9') {
            c = 'X';
            --to_mask;
        }
    return out;
}

std::string value_digest(const std::string& value) {
    const std::string digested = digit_count(value) >= kSensitiveDigits ? masked_digits(value) : value;
    return sha256_hex(canonical_json(json::Json(digested)));
}

std::string document_key(const std::string& id) {
    return "documents." + id;
}

}  // namespace

json::Json application_content(const model::Application& app) {
    json::Json tables = json::Json::object();
    for (const auto& [name, rows] : app.tables)
        tables[name] = rows;
    return json::Json{{"application", app.number},
                      {"service_id", app.service_id},
                      {"service_version", app.service_version},
                      {"jurisdiction", app.jurisdiction},
                      {"fields", app.fields},
                      {"tables", tables}};
}

std::string content_sha256(const model::Application& app) {
    return sha256_hex(canonical_json(application_content(app)));
}

std::map<std::string, std::string> content_digests(const model::Application& app) {
    std::map<std::string, std::string> out;
    out["service"] = sha256_hex(
        canonical_json(json::Json{{"service_id", app.service_id}, {"service_version", app.service_version}}));
    out["jurisdiction"] = sha256_hex(canonical_json(json::Json(app.jurisdiction)));
    for (const auto& [key, value] : app.fields)
        out["fields." + key] = value_digest(value);
    for (const auto& [name, rows] : app.tables)
        for (std::size_t i = 0; i < rows.size(); ++i)
            for (const auto& [column, value] : rows[i])
                out["tables." + name + "[" + std::to_string(i) + "]." + column] = value_digest(value);
    return out;
}

void bind_content(model::Decision& decision, const model::Application& app,
                  const std::map<std::string, PagesOpened>& pages) {
    decision.format = model::kDecisionFormatContent;
    decision.content_sha256 = content_sha256(app);
    decision.content_digests = content_digests(app);
    decision.documents.clear();
    for (const auto& doc : app.documents) {
        model::DocumentReview review{doc.id, doc.sha256, 0, 0};
        if (auto it = pages.find(doc.id); it != pages.end()) {
            review.pages_total = it->second.total;
            review.pages_opened = std::min(it->second.opened, it->second.total);
        }
        decision.documents.push_back(std::move(review));
    }
}

namespace {

void compare_digests(const std::map<std::string, std::string>& signed_digests,
                     const std::map<std::string, std::string>& now, ContentComparison& out) {
    for (const auto& [path, digest] : signed_digests) {
        auto it = now.find(path);
        if (it == now.end())
            out.differences.push_back({path, "removed"});
        else if (it->second != digest)
            out.differences.push_back({path, "changed"});
    }
    for (const auto& [path, digest] : now)
        if (!signed_digests.contains(path))
            out.differences.push_back({path, "added"});
}

bool compare_documents(const model::Decision& decision, const model::Application& app,
                       const std::map<std::string, std::string>& bytes_sha256, ContentComparison& out) {
    bool same = true;
    std::set<std::string> bound;
    for (const auto& review : decision.documents) {
        bound.insert(review.document);
        const auto* now = app.find_document(review.document);
        auto held = bytes_sha256.find(review.document);
        if (now == nullptr) {
            out.differences.push_back({document_key(review.document), "removed"});
            same = false;
        } else if (now->sha256 != review.sha256 ||
                   (held != bytes_sha256.end() && held->second != review.sha256)) {
            out.differences.push_back({document_key(review.document), "changed"});
            same = false;
        }
    }
    for (const auto& doc : app.documents)
        if (!bound.contains(doc.id)) {
            out.differences.push_back({document_key(doc.id), "added"});
            same = false;
        }
    return same;
}

}  // namespace

ContentComparison compare_content(const model::Decision& decision, const model::Application& app,
                                  const std::map<std::string, std::string>& document_bytes_sha256) {
    ContentComparison out;
    out.content_matches = content_sha256(app) == decision.content_sha256;
    if (!out.content_matches)
        compare_digests(decision.content_digests, content_digests(app), out);
    out.unnamed_difference = !out.content_matches && out.differences.empty();
    out.documents_match = compare_documents(decision, app, document_bytes_sha256, out);
    return out;
}

std::string describe(const ContentComparison& comparison) {
    std::string out;
    for (const auto& d : comparison.differences)
        out += (out.empty() ? "" : "; ") + d.path + " " + d.change;
    if (comparison.unnamed_difference)
        out += std::string(out.empty() ? "" : "; ") +
               "a value digested in its masked form (an identifier of 12 or more digits) changed";
    return out;
}

}  // namespace jaanch::crypto
