// Eligibility: every declarative rule of a service definition (docs/forms.md#rules) evaluated against an
// application, each pass, fail or unknown (data missing) with the numbers behind it: "Joining date: 10 Jan
// 2020, 4 years 7 months by 15 Aug 2024 < 5 years", "1 of 4 rows of Family members fail: #3 (Ravi) …".
//
// once_per_financial_year needs the office's other applications: they come through ApplicationHistory, which
// the local workspace implements (workspace_checks/workspace_history.h); InMemoryHistory serves tests and the
// CLI's file mode.
//
// Pure functions over their arguments; thread-safe as long as the history is.
#pragma once

#include <string>
#include <vector>

#include "catalogue/condition.h"
#include "catalogue/service_definition.h"
#include "model/application.h"
#include "util/time.h"

namespace jaanch::checks {

// The Indian financial year (April to March) containing `d`, named by the year it starts in: 2025 for
// 2025-04-01 … 2026-03-31.
int financial_year_of(Date d);
std::string financial_year_name(int start_year);  // 2025 → "2025-26"

struct ApprovedApplication {
    std::string number;
    Date approved_on;  // India Standard Time
};

// The day (IST) an approved application was approved: its approve action's time, or, lacking a history, the
// time it entered its last level.
Date approval_date(const model::Application& app);

// The office's applications as far as rules need them. Implementations say their own thread rules.
class ApplicationHistory {
  public:
    virtual ~ApplicationHistory() = default;
    // Approved applications of `service_id` whose scalar field `key_field` equals `key_value`, approved in
    // the financial year starting 1 April `fy_start_year`, other than the application numbered
    // `except_number`.
    virtual std::vector<ApprovedApplication> approved_in_financial_year(
        const std::string& service_id, const std::string& key_field, const std::string& key_value,
        int fy_start_year, const std::string& except_number) const = 0;
};

// Applications held in memory. The approval date is the signed approve action's time (IST), or, lacking a
// history, the time it entered its last level. Not synchronised: fill it before sharing it.
class InMemoryHistory : public ApplicationHistory {
  public:
    void add(model::Application application) { applications_.push_back(std::move(application)); }
    std::vector<ApprovedApplication> approved_in_financial_year(
        const std::string& service_id, const std::string& key_field, const std::string& key_value,
        int fy_start_year, const std::string& except_number) const override;

  private:
    std::vector<model::Application> applications_;
};

enum class RuleStatus { pass, fail, unknown };
std::string_view rule_status_name(RuleStatus s);  // "pass", "fail", "unknown"

struct RuleResult {
    std::string id;
    catalogue::LocalizedText label;
    RuleStatus status = RuleStatus::unknown;
    catalogue::LocalizedText because;
};

// Every eligibility rule of `service`, in order. Without a history, once_per_financial_year is unknown.
std::vector<RuleResult> evaluate_eligibility(const catalogue::ServiceDefinition& service,
                                             const model::Application& application,
                                             const ApplicationHistory* history);

}  // namespace jaanch::checks
