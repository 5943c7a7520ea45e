// The service catalogue: every service definition of forms/, validated, looked up by id and version.
//
// Loading reads DIR/roles.json, DIR/calendars/*.json, and then every other DIR/*.json (files ending
// .schema.json are editors' schemas and skipped), in parallel on up to 8 threads, joined in name order. A
// file with any problem is reported and left out; the rest still load, so one bad file never hides the
// others. A loaded Catalogue is immutable and safe to share between threads.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "catalogue/holiday_calendar.h"
#include "catalogue/service_definition.h"
#include "catalogue/validator.h"

namespace jaanch::catalogue {

class Catalogue {
  public:
    // Adds a definition that passed validation. Throws jaanch::Error if the same id and version is present.
    void add(ServiceDefinition service);
    void set_roles(std::vector<RoleDefinition> roles) { roles_ = std::move(roles); }

    const ServiceDefinition* find(std::string_view id, int version) const;
    const ServiceDefinition* latest(std::string_view id) const;
    const RoleDefinition* find_role(std::string_view code) const;
    // The state's calendar (forms/calendars/<STATE>.json), or the Sundays-only fallback.
    const HolidayCalendar& calendar(std::string_view state) const;
    void add_calendar(HolidayCalendar calendar);

    // All definitions, by id then version.
    std::vector<const ServiceDefinition*> services() const;
    const std::vector<RoleDefinition>& roles() const { return roles_; }
    std::size_t size() const { return services_.size(); }

  private:
    std::map<std::pair<std::string, int>, ServiceDefinition, std::less<>> services_;
    std::vector<RoleDefinition> roles_;
    std::map<std::string, HolidayCalendar, std::less<>> calendars_;
};

struct LoadResult {
    Catalogue catalogue;
    std::vector<Problem> problems;
    std::size_t files_read = 0;     // every file: roles, calendars, services
    std::size_t services_read = 0;  // service definition files among them
    bool ok() const { return problems.empty(); }
};

LoadResult load_catalogue(const std::filesystem::path& dir);

// Where the shipped catalogue is: $JAANCH_FORMS if set, else the installed share/jaanch/forms beside the
// program, else the source tree's forms/ (for builds run in place).
std::filesystem::path default_catalogue_dir();

// Parses and validates one definition from text, attaching `source_name` and line numbers to every problem.
// Returns the definition only when it has no problems.
struct ServiceLoad {
    std::optional<ServiceDefinition> service;
    std::vector<Problem> problems;
};
ServiceLoad load_service_text(std::string_view text, const std::string& source_name,
                              const std::vector<RoleDefinition>& roles);

}  // namespace jaanch::catalogue
