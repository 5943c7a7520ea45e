// The CRLs the hub judges revocation with, for workstations to verify history offline the same way.
#include <iostream>

#include "hub/service/hub_service.h"
#include "hub/signature/crl_store.h"
#include "hub/util/crypto_util.h"

namespace jaanch::hub {

json::Json HubService::crls() {
    json::Json list = json::Json::array();
    if (!options_.crl_dir.empty()) {
        std::vector<std::string> unusable;
        const auto held = CrlStore(options_.trust_dir, options_.crl_dir).list(&unusable);
        for (const auto& why : unusable)
            std::cerr << "jaanch-hub: " << why << " It is not sent to workstations; remove or replace it.\n";
        for (const auto& crl : held) {
            list.push_back({{"issuer", crl.issuer},
                            {"sha256", crl.sha256},
                            {"this_update", format_timestamp(crl.this_update)},
                            {"next_update", crl.next_update ? format_timestamp(*crl.next_update) : ""},
                            {"entries", crl.entries},
                            {"der", base64_encode(crl.der)}});
        }
    }
    const RevocationSettings settings = revocation_settings(storage_);
    return json::Json{{"crls", list},
                      {"allowed_without_crl", settings.allowed_without},
                      {"stale", settings.stale == crypto::StaleCrl::warn ? "warn" : "refuse"}};
}

}  // namespace jaanch::hub
