#include "workspace_checks/workspace_history.h"

namespace jaanch::checks {

std::vector<ApprovedApplication> WorkspaceHistory::approved_in_financial_year(
    const std::string& service_id, const std::string& key_field, const std::string& key_value,
    int fy_start_year, const std::string& except_number) const {
    std::vector<ApprovedApplication> out;
    if (key_value.empty())
        return out;
    for (const auto& app : workspace_.approved_with_field(service_id, key_field, key_value, except_number)) {
        const Date on = approval_date(app);
        if (financial_year_of(on) == fy_start_year)
            out.push_back({app.number, on});
    }
    return out;
}

}  // namespace jaanch::checks
