#include "workspace_checks/application_review.h"

#include <algorithm>

#include "checks/eligibility.h"
#include "checks/identifiers.h"
#include "store/sealed_fields.h"
#include "workspace_checks/cross_checks.h"
#include "workspace_checks/workspace_history.h"

namespace jaanch::checks {
namespace {

ReviewStatus from(CheckStatus s) {
    switch (s) {
        case CheckStatus::pass:
            return ReviewStatus::pass;
        case CheckStatus::fail:
            return ReviewStatus::fail;
        case CheckStatus::not_applicable:
            return ReviewStatus::not_applicable;
    }
    return ReviewStatus::not_applicable;
}

ReviewStatus from(RuleStatus s) {
    switch (s) {
        case RuleStatus::pass:
            return ReviewStatus::pass;
        case RuleStatus::fail:
            return ReviewStatus::fail;
        case RuleStatus::unknown:
            return ReviewStatus::unknown;
    }
    return ReviewStatus::unknown;
}

// The application with its masked values replaced by the workspace's sealed ones, where the masks agree.
model::Application plain_copy(const model::Application& given, const store::Workspace& workspace) {
    model::Application plain = given;
    const auto stored = workspace.unsealed_application(given.number);
    if (!stored)
        return plain;
    auto restore = [](std::string& value, const std::string& opened) {
        if (store::is_masked_aadhaar(value) && opened.size() >= 4 && value.substr(10) == [&] {
                std::string d;
                for (char c : opened)
                    if (c >= '0' && c <= '9')
                        d += c;
                return d.size() >= 4 ? d.substr(d.size() - 4) : d;
            }())
            value = opened;
    };
    for (auto& [key, value] : plain.fields)
        if (auto it = stored->fields.find(key); it != stored->fields.end())
            restore(value, it->second);
    for (auto& [table, rows] : plain.tables) {
        const auto it = stored->tables.find(table);
        if (it == stored->tables.end())
            continue;
        for (std::size_t i = 0; i < rows.size() && i < it->second.size(); ++i)
            for (auto& [key, value] : rows[i])
                if (auto cell = it->second[i].find(key); cell != it->second[i].end())
                    restore(value, cell->second);
    }
    // Free text sealed whole: the stored plain text, if the masked text is what the workspace shows.
    if (const auto shown = workspace.application(given.number))
        for (auto& [key, value] : plain.fields)
            if (auto s = shown->fields.find(key);
                s != shown->fields.end() && s->second == value && !value.empty())
                value = stored->field(key);
    return plain;
}

std::vector<ReviewItem> document_items(const model::Application& plain,
                                       const catalogue::ServiceDefinition& service,
                                       const store::Workspace& workspace) {
    std::vector<ReviewItem> out;
    for (const auto& req : service.documents) {
        const bool present = std::any_of(plain.documents.begin(), plain.documents.end(),
                                         [&](const model::DocumentRef& d) { return d.kind == req.kind; });
        if (!present)
            out.push_back({req.kind,
                           req.label,
                           req.mandatory ? ReviewStatus::fail : ReviewStatus::not_applicable,
                           req.mandatory ? LocalizedText{req.label.en + " is mandatory and was not uploaded.",
                                                         req.label.hi + " अनिवार्य है और अपलोड नहीं किया गया।"}
                                         : LocalizedText{req.label.en + " is optional and was not uploaded.",
                                                         req.label.hi + " वैकल्पिक है और अपलोड नहीं किया गया।"},
                           {}});
    }
    for (const auto& d : plain.documents) {
        const catalogue::DocumentRequirement* req = nullptr;
        for (const auto& r : service.documents)
            if (r.kind == d.kind)
                req = &r;
        const LocalizedText label = req ? req->label : LocalizedText{d.kind, d.kind};
        if (req == nullptr)
            out.push_back({d.id,
                           label,
                           ReviewStatus::attention,
                           {"The service does not ask for a document of kind \"" + d.kind + "\".",
                            "सेवा \"" + d.kind + "\" प्रकार का दस्तावेज़ नहीं माँगती।"},
                           {}});
        else if (!req->accepted.empty() &&
                 std::find(req->accepted.begin(), req->accepted.end(), d.mime_type) == req->accepted.end())
            out.push_back({d.id,
                           label,
                           ReviewStatus::fail,
                           {d.file_name + " is " + d.mime_type + ", which this document may not be.",
                            d.file_name + " " + d.mime_type + " है, जो इस दस्तावेज़ हेतु स्वीकार्य नहीं।"},
                           {}});
        const auto state = workspace.document_state(d.sha256);
        if (state == store::DocumentState::complete)
            out.push_back({d.id,
                           label,
                           ReviewStatus::pass,
                           {d.file_name + " is here and matches its SHA-256.",
                            d.file_name + " उपलब्ध है और उसका SHA-256 मेल खाता है।"},
                           {}});
        else
            out.push_back(
                {d.id,
                 label,
                 state == store::DocumentState::corrupt ? ReviewStatus::fail : ReviewStatus::unknown,
                 {d.file_name + " is " + std::string(store::document_state_name(state)) +
                      " in this workspace; sync to fetch it.",
                  d.file_name + " इस कार्यक्षेत्र में उपलब्ध नहीं (" +
                      std::string(store::document_state_name(state)) + "); प्राप्त करने हेतु सिंक करें।"},
                 {}});
        for (auto& item : document_reuse(plain, d, workspace))
            out.push_back(std::move(item));
    }
    return out;
}

}  // namespace

std::string_view review_status_name(ReviewStatus s) {
    switch (s) {
        case ReviewStatus::pass:
            return "pass";
        case ReviewStatus::fail:
            return "fail";
        case ReviewStatus::unknown:
            return "unknown";
        case ReviewStatus::not_applicable:
            return "not_applicable";
        case ReviewStatus::attention:
            return "attention";
    }
    return "unknown";
}

std::size_t ApplicationReport::attention_count() const {
    std::size_t n = 0;
    for (const auto* list : {&fields, &documents, &eligibility, &duplicates})
        for (const auto& item : *list)
            n += item.status == ReviewStatus::fail || item.status == ReviewStatus::unknown ||
                 item.status == ReviewStatus::attention;
    return n;
}

LocalizedText ApplicationReport::summary() const {
    const std::size_t n = attention_count();
    if (n == 0)
        return {"No check needs attention", "किसी जाँच पर ध्यान आवश्यक नहीं"};
    const std::string count = std::to_string(n);
    return {count + (n == 1 ? " check needs attention" : " checks need attention"),
            count + " जाँचों पर ध्यान आवश्यक"};
}

ApplicationReport review_application(const model::Application& application,
                                     const catalogue::ServiceDefinition& service,
                                     const store::Workspace& workspace, Date today) {
    const model::Application plain = plain_copy(application, workspace);
    ApplicationReport report;
    report.application = application.number;
    for (const auto& f : check_application(service, plain, today)) {
        const auto* def = service.find_field(f.field.substr(0, f.field.find('[')));
        report.fields.push_back(
            {f.field, def ? def->label : LocalizedText{f.field, f.field}, from(f.status), f.reason, {}});
    }
    report.documents = document_items(plain, service, workspace);
    const WorkspaceHistory history(workspace);
    for (const auto& r : evaluate_eligibility(service, plain, &history))
        report.eligibility.push_back({r.id, r.label, from(r.status), r.because, {}});
    report.duplicates = find_duplicates(plain, service, workspace);
    return report;
}

}  // namespace jaanch::checks
