// Who may see an application: the single definition behind the queue, application reads and document
// downloads.
//
// An officer sees an application inside their jurisdiction scope when they acted on it, or when it has been
// at their level (now or before) in a service they handle and an area their role verifies at that level.
// Seeing is not acting: workflow::may_act decides that. Pure; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "catalogue/catalogue.h"
#include "hub/storage/storage.h"
#include "model/application.h"
#include "model/officer.h"

namespace jaanch::hub {

// Levels the application has been at: the first level, and every level a decision moved it from or to.
std::vector<std::string> levels_visited(const catalogue::ServiceDefinition& service,
                                        const model::Application& app);

bool acted_on(const model::Officer& officer, const model::Application& app);

bool may_see(const catalogue::Catalogue& catalogue, const model::Officer& officer,
             const model::Application& app);

// The same rule as SQL-ready data for Storage::queue.
QueueFilter queue_filter(const catalogue::Catalogue& catalogue, const model::Officer& officer);

}  // namespace jaanch::hub
