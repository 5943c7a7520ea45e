#include "model/officer.h"

#include <algorithm>

#include "model/document_ref.h"
#include "model/identifiers.h"

namespace jaanch::model {

bool Officer::handles_service(const std::string& service_id) const {
    return services.empty() || std::find(services.begin(), services.end(), service_id) != services.end();
}

void read_value(const json::Json& j, const std::string& path, Officer& out) {
    json::ObjectReader r(j, path);
    out.id = read_identifier(r, "id");
    out.name = r.required<std::string>("name");
    out.role = read_identifier(r, "role");
    out.level = read_identifier(r, "level");
    out.jurisdiction = r.required<JurisdictionScope>("jurisdiction");
    out.services = r.required<std::vector<std::string>>("services");
    out.certificate_sha256 = r.required<std::string>("certificate_sha256");
    if (!out.certificate_sha256.empty() && !is_sha256_hex(out.certificate_sha256))
        json::fail(r.path_of("certificate_sha256"), "expected empty or 64 lowercase hexadecimal digits");
    r.finish();
}

void to_json(json::Json& j, const Officer& v) {
    j = json::Json{{"id", v.id},
                   {"name", v.name},
                   {"role", v.role},
                   {"level", v.level},
                   {"jurisdiction", v.jurisdiction},
                   {"services", v.services},
                   {"certificate_sha256", v.certificate_sha256}};
}

}  // namespace jaanch::model
