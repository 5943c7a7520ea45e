#include "model/decision.h"

#include "model/document_ref.h"
#include "model/identifiers.h"
#include "util/enum_names.h"

namespace jaanch::model {
namespace {

constexpr EnumNames<Action, 6> kActionNames{{{Action::approve, "approve"},
                                             {Action::forward, "forward"},
                                             {Action::reject, "reject"},
                                             {Action::return_to_applicant, "return_to_applicant"},
                                             {Action::send_back, "send_back"},
                                             {Action::escalate, "escalate"}}};
constexpr EnumNames<FieldMark, 2> kFieldMarkNames{
    {{FieldMark::matches, "matches"}, {FieldMark::mismatch, "mismatch"}}};
constexpr EnumNames<DocumentMark, 3> kDocumentMarkNames{
    {{DocumentMark::seen, "seen"}, {DocumentMark::valid, "valid"}, {DocumentMark::invalid, "invalid"}}};
constexpr EnumNames<Status, 4> kStatusNames{{{Status::pending, "pending"},
                                             {Status::approved, "approved"},
                                             {Status::rejected, "rejected"},
                                             {Status::returned, "returned"}}};

}  // namespace

std::string_view action_name(Action a) {
    return enum_name(kActionNames, a);
}
std::optional<Action> action_from_name(std::string_view name) {
    return enum_from_name(kActionNames, name);
}
const std::vector<Action>& all_actions() {
    static const std::vector<Action> actions = [] {
        std::vector<Action> out;
        for (const auto& entry : kActionNames)
            out.push_back(entry.first);
        return out;
    }();
    return actions;
}
std::string_view status_name(Status s) {
    return enum_name(kStatusNames, s);
}

void read_value(const json::Json& j, const std::string& path, Action& out) {
    read_enum(j, path, kActionNames, out);
}
void read_value(const json::Json& j, const std::string& path, FieldMark& out) {
    read_enum(j, path, kFieldMarkNames, out);
}
void read_value(const json::Json& j, const std::string& path, DocumentMark& out) {
    read_enum(j, path, kDocumentMarkNames, out);
}
void read_value(const json::Json& j, const std::string& path, Status& out) {
    read_enum(j, path, kStatusNames, out);
}

void read_value(const json::Json& j, const std::string& path, FieldCheck& out) {
    json::ObjectReader r(j, path);
    out.field = read_identifier(r, "field");
    out.mark = r.required<FieldMark>("mark");
    out.note = r.required<std::string>("note");
    if (out.mark == FieldMark::mismatch && out.note.empty())
        json::fail(r.path_of("note"), "a mismatch needs a note saying what does not match");
    r.finish();
}

void read_value(const json::Json& j, const std::string& path, DocumentCheck& out) {
    json::ObjectReader r(j, path);
    out.document = read_identifier(r, "document");
    out.mark = r.required<DocumentMark>("mark");
    out.reason = r.required<std::string>("reason");
    if (out.mark == DocumentMark::invalid && out.reason.empty())
        json::fail(r.path_of("reason"), "an invalid document needs a reason");
    r.finish();
}

namespace {

// Far beyond any document a viewer opens; keeps the count in 32 bits.
constexpr std::uint64_t kMaxPages = 100'000;

std::uint32_t read_page_count(json::ObjectReader& r, std::string_view key) {
    const auto count = r.required<std::uint64_t>(key);
    if (count > kMaxPages)
        json::fail(r.path_of(key), "more than " + std::to_string(kMaxPages) + " pages");
    return static_cast<std::uint32_t>(count);
}

}  // namespace

void read_value(const json::Json& j, const std::string& path, DocumentReview& out) {
    json::ObjectReader r(j, path);
    out.document = read_identifier(r, "document");
    out.sha256 = r.required<std::string>("sha256");
    if (!is_sha256_hex(out.sha256))
        json::fail(r.path_of("sha256"), "expected 64 lowercase hexadecimal digits");
    out.pages_opened = read_page_count(r, "pages_opened");
    out.pages_total = read_page_count(r, "pages_total");
    if (out.pages_opened > out.pages_total)
        json::fail(r.path_of("pages_opened"), "more pages opened (" + std::to_string(out.pages_opened) +
                                                  ") than the document has (" +
                                                  std::to_string(out.pages_total) + ")");
    r.finish();
}

namespace {

void read_content_binding(json::ObjectReader& r, Decision& out) {
    out.content_sha256 = r.required<std::string>("content_sha256");
    if (!is_sha256_hex(out.content_sha256))
        json::fail(r.path_of("content_sha256"), "expected 64 lowercase hexadecimal digits");
    out.content_digests = r.required<std::map<std::string, std::string>>("content_digests");
    for (const auto& [key, digest] : out.content_digests)
        if (!is_sha256_hex(digest))
            json::fail(r.path_of("content_digests") + "." + key, "expected 64 lowercase hexadecimal digits");
    out.documents = r.required<std::vector<DocumentReview>>("documents");
}

}  // namespace

void read_value(const json::Json& j, const std::string& path, Decision& out) {
    json::ObjectReader r(j, path);
    out.format = r.optional<int>("format").value_or(kDecisionFormatFirst);
    if (out.format != kDecisionFormatFirst && out.format != kDecisionFormatContent)
        json::fail(r.path_of("format"), "unknown decision format " + std::to_string(out.format) +
                                            "; this program reads formats 1 and 2");
    if (out.format == kDecisionFormatFirst && j.contains("format"))
        json::fail(r.path_of("format"), "format 1 decisions carry no format key");
    out.id = r.required<std::string>("id");
    if (!is_uuid(out.id))
        json::fail(r.path_of("id"), "expected a lowercase UUID, found \"" + out.id + "\"");
    out.application = r.required<std::string>("application");
    if (!is_application_number(out.application))
        json::fail(r.path_of("application"), "not a valid application number: \"" + out.application + "\"");
    out.application_version = r.required<std::uint64_t>("application_version");
    out.action = r.required<Action>("action");
    out.reason_code = r.required<std::string>("reason_code");
    out.remark = r.required<std::string>("remark");
    out.field_checks = r.required<std::vector<FieldCheck>>("field_checks");
    out.document_checks = r.required<std::vector<DocumentCheck>>("document_checks");
    out.officer = read_identifier(r, "officer");
    out.role = read_identifier(r, "role");
    out.level = read_identifier(r, "level");
    out.decided_at = r.required<Timestamp>("decided_at");
    if (out.format == kDecisionFormatContent)
        read_content_binding(r, out);
    r.finish();
}

void read_value(const json::Json& j, const std::string& path, ActionRecord& out) {
    json::ObjectReader r(j, path);
    out.decision = r.required<Decision>("decision");
    out.signature_sha256 = r.required<std::string>("signature_sha256");
    if (!is_sha256_hex(out.signature_sha256))
        json::fail(r.path_of("signature_sha256"), "expected 64 lowercase hexadecimal digits");
    out.applied_at = r.required<Timestamp>("applied_at");
    out.status_after = r.required<Status>("status_after");
    out.level_after = read_identifier(r, "level_after");
    for (auto [key, field] : {std::pair{"signer_certificate_sha256", &out.signer_certificate_sha256},
                              std::pair{"signer_key_sha256", &out.signer_key_sha256}}) {
        *field = r.optional_or<std::string>(key, "");
        if (!field->empty() && !is_sha256_hex(*field))
            json::fail(r.path_of(key), "expected 64 lowercase hexadecimal digits");
    }
    r.finish();
}

void to_json(json::Json& j, const FieldCheck& v) {
    j = json::Json{{"field", v.field}, {"mark", enum_name(kFieldMarkNames, v.mark)}, {"note", v.note}};
}

void to_json(json::Json& j, const DocumentCheck& v) {
    j = json::Json{
        {"document", v.document}, {"mark", enum_name(kDocumentMarkNames, v.mark)}, {"reason", v.reason}};
}

void to_json(json::Json& j, const DocumentReview& v) {
    j = json::Json{{"document", v.document},
                   {"sha256", v.sha256},
                   {"pages_opened", v.pages_opened},
                   {"pages_total", v.pages_total}};
}

void to_json(json::Json& j, const Decision& v) {
    j = json::Json{{"id", v.id},
                   {"application", v.application},
                   {"application_version", v.application_version},
                   {"action", action_name(v.action)},
                   {"reason_code", v.reason_code},
                   {"remark", v.remark},
                   {"field_checks", v.field_checks},
                   {"document_checks", v.document_checks},
                   {"officer", v.officer},
                   {"role", v.role},
                   {"level", v.level},
                   {"decided_at", format_timestamp(v.decided_at)}};
    if (v.format == kDecisionFormatFirst)
        return;
    j["format"] = v.format;
    j["content_sha256"] = v.content_sha256;
    j["content_digests"] = v.content_digests;
    j["documents"] = v.documents;
}

void to_json(json::Json& j, const ActionRecord& v) {
    j = json::Json{{"decision", v.decision},
                   {"signature_sha256", v.signature_sha256},
                   {"applied_at", format_timestamp(v.applied_at)},
                   {"status_after", status_name(v.status_after)},
                   {"level_after", v.level_after}};
    if (!v.signer_certificate_sha256.empty())
        j["signer_certificate_sha256"] = v.signer_certificate_sha256;
    if (!v.signer_key_sha256.empty())
        j["signer_key_sha256"] = v.signer_key_sha256;
}

Decision parse_decision(std::string_view text, const std::string& source_name) {
    Decision out;
    read_value(json::parse_text(text, source_name), "$", out);
    return out;
}

}  // namespace jaanch::model
