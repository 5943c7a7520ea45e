// Applications and officers made from a service definition, for walking its workflow in tests.
#pragma once

#include <string>
#include <vector>

#include "catalogue/service_definition.h"
#include "model/application.h"
#include "model/officer.h"
#include "workflow/workflow.h"

namespace jaanch::test {

// A value of the right shape for a field type (the workflow never validates values; routes read enums).
std::string sample_value(const catalogue::FieldDefinition& field, bool last_option);

// A fresh application of the service at its first level. `last_option` picks the last option of every enum
// instead of the first, so conditional routes are walked both ways.
model::Application make_application(const catalogue::ServiceDefinition& service, model::Area area,
                                    bool last_option);

// One officer for every role of every level, inside the application's district ("in") and in another
// district ("out").
struct Roster {
    std::vector<model::Officer> inside;
    std::vector<model::Officer> outside;
};
Roster make_roster(const catalogue::ServiceDefinition& service);

// The first officer in `officers` who may act on app now, or nullptr.
const model::Officer* officer_for(const catalogue::ServiceDefinition& service, const model::Application& app,
                                  const std::vector<model::Officer>& officers);

// A decision by officer that satisfies the reason and remark rules for action.
model::Decision make_decision(const catalogue::ServiceDefinition& service, const model::Application& app,
                              const model::Officer& officer, model::Action action, int serial);

}  // namespace jaanch::test
