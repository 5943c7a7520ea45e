#include "checks/eligibility.h"

#include "catalogue/explain_text.h"

namespace jaanch::checks {

namespace {

using catalogue::Explanation;
using catalogue::LocalizedText;
using catalogue::Truth;

Date ist_date(Timestamp t) {
    return date_of(t + std::chrono::minutes(330));
}

}  // namespace

Date approval_date(const model::Application& app) {
    for (auto it = app.history.rbegin(); it != app.history.rend(); ++it) {
        if (it->decision.action == model::Action::approve)
            return ist_date(it->decision.decided_at);
    }
    return ist_date(app.level_entered_at);
}

namespace {

RuleStatus status_of(Truth t) {
    return t == Truth::yes ? RuleStatus::pass : t == Truth::no ? RuleStatus::fail : RuleStatus::unknown;
}

// once_per_financial_year: no other approved application of this service with the same key in the financial
// year of this application's submission.
Explanation once_per_year(const catalogue::ServiceDefinition& service, const model::Application& app,
                          const ApplicationHistory& history, const std::string& key_field,
                          const std::string& key_value) {
    const int fy = financial_year_of(ist_date(app.submitted_at));
    const std::string fy_name = financial_year_name(fy);
    const auto* def = service.find_field(key_field);
    const LocalizedText label = def ? def->label : LocalizedText{key_field, key_field};
    if (key_field.empty())
        return {
            Truth::unknown,
            {"Only a field can key a once-per-year rule.", "वर्ष में एक बार के नियम की कुंजी केवल फ़ील्ड हो सकती है।"}};
    const auto others =
        history.approved_in_financial_year(app.service_id, key_field, key_value, fy, app.number);
    if (others.empty())
        return {Truth::yes,
                {"no other approved application in FY " + fy_name + " for this " + label.en,
                 "वित्तीय वर्ष " + fy_name + " में इस " + label.hi + " का कोई अन्य स्वीकृत आवेदन नहीं"}};
    LocalizedText list;
    for (const auto& o : others) {
        const auto on = catalogue::human_date(o.approved_on);
        if (!list.en.empty())
            list = list + catalogue::same_in_both(", ");
        list =
            list + LocalizedText{o.number + " approved on " + on.en, o.number + " (" + on.hi + " को स्वीकृत)"};
    }
    return {Truth::no, LocalizedText{"already approved in FY " + fy_name + " for this " + label.en + ": ",
                                     "वित्तीय वर्ष " + fy_name + " में इस " + label.hi + " हेतु पहले ही स्वीकृत: "} +
                           list};
}

}  // namespace

int financial_year_of(Date d) {
    const int year = static_cast<int>(d.year());
    return d.month() >= std::chrono::April ? year : year - 1;
}

std::string financial_year_name(int start_year) {
    const int next = (start_year + 1) % 100;
    return std::to_string(start_year) + "-" + (next < 10 ? "0" : "") + std::to_string(next);
}

std::string_view rule_status_name(RuleStatus s) {
    switch (s) {
        case RuleStatus::pass:
            return "pass";
        case RuleStatus::fail:
            return "fail";
        case RuleStatus::unknown:
            return "unknown";
    }
    return "unknown";
}

std::vector<ApprovedApplication> InMemoryHistory::approved_in_financial_year(
    const std::string& service_id, const std::string& key_field, const std::string& key_value,
    int fy_start_year, const std::string& except_number) const {
    std::vector<ApprovedApplication> out;
    for (const auto& app : applications_) {
        if (app.service_id != service_id || app.number == except_number ||
            app.status != model::Status::approved)
            continue;
        if (app.field(key_field) != key_value)
            continue;
        const Date on = approval_date(app);
        if (financial_year_of(on) == fy_start_year)
            out.push_back({app.number, on});
    }
    return out;
}

std::vector<RuleResult> evaluate_eligibility(const catalogue::ServiceDefinition& service,
                                             const model::Application& application,
                                             const ApplicationHistory* history) {
    catalogue::ExplainContext context;
    context.service = &service;
    if (history != nullptr) {
        context.once_per_financial_year = [&](const std::string& key_field, const std::string& key_value) {
            return once_per_year(service, application, *history, key_field, key_value);
        };
    }
    std::vector<RuleResult> out;
    for (const auto& rule : service.eligibility) {
        const Explanation e = catalogue::explain_condition(rule.rule, application, context);
        out.push_back({rule.id, rule.label, status_of(e.truth), e.because});
    }
    return out;
}

}  // namespace jaanch::checks
