// An officer's decision on one application, exactly as it is signed, and the record of it once applied.
//
// The JSON form of Decision is what the officer signs (its canonical bytes are defined in
// docs/signatures.md), so every key of its format is always written, including empty ones, and reading
// rejects anything missing or extra. A decision without a `format` key is format 1 (signed before decisions
// bound the content); it is written back exactly so, so its canonical bytes and signature stay valid.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/json_reader.h"
#include "util/time.h"

namespace jaanch::model {

enum class Action {
    approve,              // at the issuing level: the application is granted
    forward,              // with a recommendation, to the next level
    reject,               // terminal; needs a reject reason code of the service
    return_to_applicant,  // back to the citizen for correction; needs a return reason and a remark
    send_back,            // to the level below, for re-verification; needs a remark
    escalate,             // to the exception approver along an exception route; needs a remark
};

std::string_view action_name(Action a);  // wire name: "approve", "return_to_applicant" …
std::optional<Action> action_from_name(std::string_view name);
const std::vector<Action>& all_actions();

enum class FieldMark { matches, mismatch };
enum class DocumentMark { seen, valid, invalid };

struct FieldCheck {
    std::string field;  // field key of the service definition
    FieldMark mark = FieldMark::matches;
    std::string note;  // required for a mismatch

    bool operator==(const FieldCheck&) const = default;
};

struct DocumentCheck {
    std::string document;  // DocumentRef::id
    DocumentMark mark = DocumentMark::seen;
    std::string reason;  // required when invalid

    bool operator==(const DocumentCheck&) const = default;
};

// What the officer had of one document of the application when deciding (format 2): the bytes, by SHA-256,
// and how many of their pages were on screen.
struct DocumentReview {
    std::string document;  // DocumentRef::id
    std::string sha256;    // of the bytes the officer had: 64 lowercase hex digits
    std::uint32_t pages_opened = 0;
    std::uint32_t pages_total = 0;  // 0 when the document was never opened (its page count is then unknown)

    bool operator==(const DocumentReview&) const = default;
};

// Format 1: the first twelve keys, as signed before decisions bound the content. Format 2 adds `format`,
// `content_sha256`, `content_digests` and `documents` (docs/signatures.md). Both are read; new decisions
// are 2.
inline constexpr int kDecisionFormatFirst = 1;
inline constexpr int kDecisionFormatContent = 2;

struct Decision {
    int format = kDecisionFormatContent;
    std::string id;  // UUID, chosen by the workstation; decisions are idempotent on it
    std::string application;
    std::uint64_t application_version = 0;  // the version the officer saw
    Action action = Action::forward;
    std::string reason_code;  // empty when the action takes none
    std::string remark;
    std::vector<FieldCheck> field_checks;
    std::vector<DocumentCheck> document_checks;
    std::string officer;  // Officer::id
    std::string role;
    std::string level;
    Timestamp decided_at{};
    // Format 2 only (empty in format 1): what the decision was made on (crypto/application_content.h).
    std::string content_sha256;                          // SHA-256 of the application's canonical content
    std::map<std::string, std::string> content_digests;  // content path → SHA-256 of its value
    std::vector<DocumentReview> documents;               // every document of the application

    bool operator==(const Decision&) const = default;
};

enum class Status { pending, approved, rejected, returned };
std::string_view status_name(Status s);

// A decision as the hub applied it: what it led to, and which signature vouches for it.
struct ActionRecord {
    Decision decision;
    std::string signature_sha256;  // SHA-256 of the DER CMS signature stored beside it
    Timestamp applied_at{};
    Status status_after = Status::pending;
    std::string level_after;
    // Who signed, by certificate, as the hub verified it on apply: lowercase hex SHA-256 of the signer
    // certificate's DER and of its SubjectPublicKeyInfo DER. Empty in history recorded before the hub kept
    // them (read as empty; written only when set), which separation of duties then compares by account only.
    std::string signer_certificate_sha256;
    std::string signer_key_sha256;

    bool operator==(const ActionRecord&) const = default;
};

void read_value(const json::Json& j, const std::string& path, Action& out);
void read_value(const json::Json& j, const std::string& path, FieldMark& out);
void read_value(const json::Json& j, const std::string& path, DocumentMark& out);
void read_value(const json::Json& j, const std::string& path, Status& out);
void read_value(const json::Json& j, const std::string& path, FieldCheck& out);
void read_value(const json::Json& j, const std::string& path, DocumentCheck& out);
void read_value(const json::Json& j, const std::string& path, DocumentReview& out);
void read_value(const json::Json& j, const std::string& path, Decision& out);
void read_value(const json::Json& j, const std::string& path, ActionRecord& out);

void to_json(json::Json& j, const FieldCheck& v);
void to_json(json::Json& j, const DocumentCheck& v);
void to_json(json::Json& j, const DocumentReview& v);
void to_json(json::Json& j, const Decision& v);
void to_json(json::Json& j, const ActionRecord& v);

// Parses a decision from JSON text (file contents, a request body); errors name the JSON path.
Decision parse_decision(std::string_view text, const std::string& source_name);

}  // namespace jaanch::model
