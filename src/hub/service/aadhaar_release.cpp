// The audit of Aadhaar numbers going out of the hub: one entry per response that carried any, naming who
// received them and the applications they belong to.
#include "hub/service/hub_service.h"

namespace jaanch::hub {

void HubService::audit_release(const std::string& actor, const std::string& via,
                               const std::vector<std::string>& applications, Timestamp now) {
    if (applications.empty())
        return;
    auto txn = storage_.begin();
    txn->append_audit(actor, "aadhaar_release", applications.size() == 1 ? applications.front() : via,
                      {{"via", via}, {"applications", applications}}, now);
    txn->commit();
}

}  // namespace jaanch::hub
