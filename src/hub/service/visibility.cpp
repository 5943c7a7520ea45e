#include "hub/service/visibility.h"

#include <algorithm>

namespace jaanch::hub {
namespace {

// The areas ("rural", "urban") the officer's role verifies at `level` of `service`.
std::vector<std::string> areas_at(const catalogue::ServiceDefinition& service, const std::string& level,
                                  const std::string& role) {
    std::vector<std::string> out;
    const catalogue::Level* l = service.find_level(level);
    if (l == nullptr)
        return out;
    for (const auto& r : l->roles) {
        if (r.code != role)
            continue;
        for (const char* area : {"rural", "urban"}) {
            if ((r.area == "any" || r.area == area) && std::find(out.begin(), out.end(), area) == out.end())
                out.push_back(area);
        }
    }
    return out;
}

}  // namespace

std::vector<std::string> levels_visited(const catalogue::ServiceDefinition& service,
                                        const model::Application& app) {
    std::vector<std::string> out;
    auto add = [&](const std::string& level) {
        if (!level.empty() && std::find(out.begin(), out.end(), level) == out.end())
            out.push_back(level);
    };
    if (!service.levels.empty())
        add(service.levels.front().id);
    for (const auto& record : app.history) {
        add(record.decision.level);
        add(record.level_after);
    }
    add(app.current_level);
    return out;
}

bool acted_on(const model::Officer& officer, const model::Application& app) {
    return std::any_of(app.history.begin(), app.history.end(),
                       [&](const model::ActionRecord& r) { return r.decision.officer == officer.id; });
}

bool may_see(const catalogue::Catalogue& catalogue, const model::Officer& officer,
             const model::Application& app) {
    if (!officer.jurisdiction.covers(app.jurisdiction))
        return false;
    if (acted_on(officer, app))
        return true;
    if (!officer.handles_service(app.service_id))
        return false;
    const catalogue::ServiceDefinition* service = catalogue.find(app.service_id, app.service_version);
    if (service == nullptr)
        return false;
    const auto areas = areas_at(*service, officer.level, officer.role);
    const std::string area(model::area_name(app.jurisdiction.area));
    if (std::find(areas.begin(), areas.end(), area) == areas.end())
        return false;
    const auto visited = levels_visited(*service, app);
    return std::find(visited.begin(), visited.end(), officer.level) != visited.end();
}

QueueFilter queue_filter(const catalogue::Catalogue& catalogue, const model::Officer& officer) {
    QueueFilter f;
    f.officer_id = officer.id;
    f.scope = officer.jurisdiction;
    f.level = officer.level;
    // Every version of a service shares its id; the areas are the union over versions, which is what the
    // stored rows (one service id each) can be matched against.
    std::map<std::string, std::vector<std::string>> by_service;
    for (const auto* service : catalogue.services()) {
        if (!officer.handles_service(service->id))
            continue;
        for (const auto& area : areas_at(*service, officer.level, officer.role)) {
            auto& list = by_service[service->id];
            if (std::find(list.begin(), list.end(), area) == list.end())
                list.push_back(area);
        }
    }
    for (auto& [id, areas] : by_service)
        f.service_areas.emplace_back(id, areas);
    return f;
}

}  // namespace jaanch::hub
