// ApplicationHistory over the local workspace: "approved applications of service S whose field K equals V in
// financial year Y" for once_per_financial_year rules (e.g. a Jan Aadhaar family's income updated once a
// year). Family IDs and Aadhaar numbers are looked up through the workspace's identity index (Aadhaar by its
// keyed token, never in plain text); any other field by a scan of that service's approved applications.
//
// Same thread as its Workspace.
#pragma once

#include "checks/eligibility.h"
#include "store/workspace.h"

namespace jaanch::checks {

class WorkspaceHistory : public ApplicationHistory {
  public:
    explicit WorkspaceHistory(const store::Workspace& workspace) : workspace_(workspace) {}
    std::vector<ApprovedApplication> approved_in_financial_year(
        const std::string& service_id, const std::string& key_field, const std::string& key_value,
        int fy_start_year, const std::string& except_number) const override;

  private:
    const store::Workspace& workspace_;
};

}  // namespace jaanch::checks
