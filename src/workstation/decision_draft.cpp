#include "workstation/decision_draft.h"

namespace jaanch::workstation {

DecisionDraft parse_scripted_draft(const std::string& text) {
    const auto bar = text.find('|');
    return bar == std::string::npos ? DecisionDraft{text, ""}
                                    : DecisionDraft{text.substr(0, bar), text.substr(bar + 1)};
}

void resolve_first_reason(DecisionDraft& draft, const catalogue::ServiceDefinition& service,
                          model::Action action) {
    if (draft.reason_code != "*")
        return;
    const auto& reasons = action == model::Action::reject ? service.reject_reasons : service.return_reasons;
    draft.reason_code = reasons.empty() ? "" : reasons.front().code;
}

sync::DecisionInput decision_input(const std::string& application, model::Action action,
                                   const DecisionDraft& draft, std::vector<model::FieldCheck> field_checks,
                                   std::vector<model::DocumentCheck> document_checks) {
    return sync::DecisionInput{application,
                               action,
                               draft.reason_code,
                               draft.remark,
                               std::move(field_checks),
                               std::move(document_checks)};
}

std::vector<std::string> documents_not_opened(const model::Application& app,
                                              const std::map<std::string, store::PagesSeen>& seen) {
    std::vector<std::string> out;
    for (const auto& doc : app.documents) {
        if (!seen.contains(doc.id))
            out.push_back(doc.file_name.empty() ? doc.kind : doc.file_name);
    }
    return out;
}

std::vector<workflow::ReviewGap> review_gaps(const catalogue::ServiceDefinition& service,
                                             const model::Application& app,
                                             const std::map<std::string, store::PagesSeen>& seen) {
    return workflow::review_gaps(service, app, sync::documents_reviewed(app, seen));
}

}  // namespace jaanch::workstation
