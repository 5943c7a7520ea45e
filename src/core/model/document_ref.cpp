#include "model/document_ref.h"

#include "model/identifiers.h"

namespace jaanch::model {

bool is_sha256_hex(std::string_view text) {
    if (text.size() != 64)
        return false;
    for (char c : text) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    }
    return true;
}

void read_value(const json::Json& j, const std::string& path, DocumentRef& out) {
    json::ObjectReader r(j, path);
    out.id = read_identifier(r, "id");
    out.kind = read_identifier(r, "kind");
    out.file_name = r.required<std::string>("file_name");
    out.mime_type = r.required<std::string>("mime_type");
    out.size = r.required<std::uint64_t>("size");
    out.sha256 = r.required<std::string>("sha256");
    if (!is_sha256_hex(out.sha256))
        json::fail(r.path_of("sha256"),
                   "expected 64 lowercase hexadecimal digits, found \"" + out.sha256 + "\"");
    if (out.mime_type.find('/') == std::string::npos)
        json::fail(r.path_of("mime_type"), "not a MIME type: \"" + out.mime_type + "\"");
    r.finish();
}

void to_json(json::Json& j, const DocumentRef& v) {
    j = json::Json{
        {"id", v.id},     {"kind", v.kind},    {"file_name", v.file_name}, {"mime_type", v.mime_type},
        {"size", v.size}, {"sha256", v.sha256}};
}

}  // namespace jaanch::model
