// An officer as the workflow sees them: who, in which role and level, where, and with which signing
// certificate.
#pragma once

#include <string>
#include <vector>

#include "model/jurisdiction.h"
#include "util/json_reader.h"

namespace jaanch::model {

struct Officer {
    std::string id;  // login name on the hub
    std::string name;
    std::string role;   // a role code of the service definitions, e.g. "VDO", "BSO", "COLLECTOR"
    std::string level;  // a level id of the service definitions, e.g. "L1", "L2", "DC"
    JurisdictionScope jurisdiction;
    std::vector<std::string>
        services;  // service ids this officer handles; empty = every service with their role
    std::string certificate_sha256;  // SHA-256 of the DER signing certificate; empty until registered

    bool operator==(const Officer&) const = default;
    bool handles_service(const std::string& service_id) const;
};

void read_value(const json::Json& j, const std::string& path, Officer& out);
void to_json(json::Json& j, const Officer& v);

}  // namespace jaanch::model
