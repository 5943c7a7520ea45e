// What the password conventions (viewer/engine/password_conventions.h) need from an application: the
// applicant's name and date of birth, and the head of family's where the service has a family table. An
// e-Aadhaar PDF or a Jan Aadhaar e-card is then opened without asking the officer.
// Pure; any thread.
#pragma once

#include "catalogue/service_definition.h"
#include "model/application.h"
#include "viewer/engine/password_conventions.h"

namespace jaanch::workstation {

// `service` may be null (a service the catalogue does not know): then only the family table is read.
viewer::ConventionInputs convention_inputs(const model::Application& app,
                                           const catalogue::ServiceDefinition* service);

}  // namespace jaanch::workstation
