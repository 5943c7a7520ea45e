// A citizen's uploaded document as an application refers to it. The bytes live elsewhere, addressed by
// SHA-256.
#pragma once

#include <cstdint>
#include <string>

#include "util/json_reader.h"

namespace jaanch::model {

struct DocumentRef {
    std::string id;         // unique within its application, e.g. "aadhaar"
    std::string kind;       // a document kind of the service definition
    std::string file_name;  // as uploaded; display only, never used as a path
    std::string mime_type;  // e.g. "application/pdf", "image/jpeg"
    std::uint64_t size = 0;
    std::string sha256;  // 64 lowercase hex digits

    bool operator==(const DocumentRef&) const = default;
};

bool is_sha256_hex(std::string_view text);

void read_value(const json::Json& j, const std::string& path, DocumentRef& out);
void to_json(json::Json& j, const DocumentRef& v);

}  // namespace jaanch::model
