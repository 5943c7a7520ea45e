// What the officer chose before a decision is built and signed, without a window: the coded reason and the
// remark, how a script writes them ("CODE|remark"; "*" = the service's first reason for the action), and the
// decision's input from the marks the officer set. sync::prepare_decision builds the decision from it.
// Also which of the application's documents the officer never had on screen (the signing confirmation says
// so), and what the level's review requirement still asks to be opened before approving or forwarding (the
// decision bar holds those actions back until then). Pure functions; any thread.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "catalogue/service_definition.h"
#include "model/application.h"
#include "model/decision.h"
#include "store/review_store.h"
#include "sync/local_decision.h"
#include "workflow/workflow.h"

namespace jaanch::workstation {

struct DecisionDraft {
    std::string reason_code;
    std::string remark;
};

// "CODE|remark" → the draft; a bare "|remark" has no reason, a text without '|' is only a reason.
DecisionDraft parse_scripted_draft(const std::string& text);

// A reason code "*" becomes the service's first reason for `action` ("" when it has none).
void resolve_first_reason(DecisionDraft& draft, const catalogue::ServiceDefinition& service,
                          model::Action action);

sync::DecisionInput decision_input(const std::string& application, model::Action action,
                                   const DecisionDraft& draft, std::vector<model::FieldCheck> field_checks,
                                   std::vector<model::DocumentCheck> document_checks);

// The documents of `app` with no page in `seen`, by file name (their kind when the name is empty).
std::vector<std::string> documents_not_opened(const model::Application& app,
                                              const std::map<std::string, store::PagesSeen>& seen);

// What the current level of `app` still requires to be opened, from the pages seen so far: the same
// documents, counted the same way, as prepare_decision binds and workflow::check_decision (and the hub)
// check. Empty when the requirement is met or the level has none.
std::vector<workflow::ReviewGap> review_gaps(const catalogue::ServiceDefinition& service,
                                             const model::Application& app,
                                             const std::map<std::string, store::PagesSeen>& seen);

}  // namespace jaanch::workstation
