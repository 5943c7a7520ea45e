#include "review_output.h"

#include "checks/aadhaar_mask.h"

namespace jaanch::cli {
namespace {

using checks::ReviewItem;
using checks::ReviewStatus;

json::Json items_json(const std::vector<ReviewItem>& items) {
    json::Json out = json::Json::array();
    for (const auto& i : items)
        out.push_back({{"subject", i.subject},
                       {"label", i.label.en},
                       {"status", checks::review_status_name(i.status)},
                       {"reason", checks::redact_aadhaar_numbers(i.reason.en)},
                       {"reason_hi", checks::redact_aadhaar_numbers(i.reason.hi)},
                       {"related", i.related}});
    return out;
}

const char* mark(ReviewStatus s) {
    switch (s) {
        case ReviewStatus::pass:
            return "ok  ";
        case ReviewStatus::fail:
            return "FAIL";
        case ReviewStatus::unknown:
            return "??  ";
        case ReviewStatus::attention:
            return "LOOK";
        case ReviewStatus::not_applicable:
            return "--  ";
    }
    return "    ";
}

void print_items(std::ostream& out, const char* title, const std::vector<ReviewItem>& items) {
    out << "  " << title << "\n";
    for (const auto& i : items) {
        if (i.status == ReviewStatus::not_applicable)
            continue;
        out << "    " << mark(i.status) << " " << i.subject << ": "
            << checks::redact_aadhaar_numbers(i.reason.en) << "\n";
    }
}

}  // namespace

json::Json review_json(const checks::ApplicationReport& report) {
    return {{"summary", report.summary().en},
            {"summary_hi", report.summary().hi},
            {"attention", report.attention_count()},
            {"fields", items_json(report.fields)},
            {"documents", items_json(report.documents)},
            {"eligibility", items_json(report.eligibility)},
            {"duplicates", items_json(report.duplicates)}};
}

void print_review(std::ostream& out, const checks::ApplicationReport& report) {
    out << "\nChecks: " << report.summary().en << "\n";
    print_items(out, "Fields", report.fields);
    print_items(out, "Documents", report.documents);
    print_items(out, "Eligibility", report.eligibility);
    print_items(out, "Duplicates", report.duplicates);
}

}  // namespace jaanch::cli
