#include "catalogue/catalogue.h"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>

#include "util/json_locator.h"

namespace jaanch::catalogue {
namespace {

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error("cannot read " + path.string() + ": " + std::strerror(errno));
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

void locate(std::vector<Problem>& problems, std::string_view text, const std::string& source_name) {
    if (problems.empty())
        return;
    const json::Locator locator(text);
    for (auto& p : problems) {
        p.file = source_name;
        if (p.line == 0)
            p.line = locator.line_of(p.path);
    }
}

std::vector<Problem> duplicate_key_problems(std::string_view text) {
    std::vector<Problem> out;
    for (const auto& path : json::find_duplicate_keys(text))
        out.push_back(Problem{"", 0, path, "key appears twice in the same object; JSON keeps only the last"});
    return out;
}

Problem input_problem(const InputError& e) {
    // InputError::what() starts with its path; keep the path separate so the line can be found from it.
    std::string message = e.what();
    if (!e.path().empty() && message.rfind(e.path() + ": ", 0) == 0)
        message = message.substr(e.path().size() + 2);
    return Problem{"", 0, e.path(), message};
}

void load_calendars(const std::filesystem::path& dir, LoadResult& result) {
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec))
        return;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (!entry.is_regular_file() || entry.path().extension() != ".json")
            continue;
        const std::string name = entry.path().string();
        ++result.files_read;
        try {
            const std::string text = read_file(entry.path());
            try {
                auto calendar = HolidayCalendar::parse(json::parse_text(text, name));
                if (entry.path().stem() != calendar.state())
                    result.problems.push_back(Problem{name, 1, "$.state",
                                                      "calendar for state \"" + calendar.state() +
                                                          "\" must be named " + calendar.state() + ".json"});
                else
                    result.catalogue.add_calendar(std::move(calendar));
            } catch (const json::SyntaxError& e) {
                result.problems.push_back(Problem{name, e.position().line, "", e.detail()});
            } catch (const InputError& e) {
                Problem p = input_problem(e);
                p.file = name;
                p.line = json::Locator(text).line_of(p.path);
                result.problems.push_back(std::move(p));
            }
        } catch (const Error& e) {
            result.problems.push_back(Problem{name, 0, "", e.what()});
        }
    }
}

}  // namespace

void Catalogue::add(ServiceDefinition service) {
    auto key = std::pair{service.id, service.version};
    if (services_.contains(key))
        throw Error("service \"" + service.id + "\" version " + std::to_string(service.version) +
                    " is defined twice");
    services_.emplace(std::move(key), std::move(service));
}

const ServiceDefinition* Catalogue::find(std::string_view id, int version) const {
    auto it = services_.find(std::pair{std::string(id), version});
    return it == services_.end() ? nullptr : &it->second;
}

const ServiceDefinition* Catalogue::latest(std::string_view id) const {
    const ServiceDefinition* best = nullptr;
    for (auto it = services_.lower_bound(std::pair{std::string(id), 0});
         it != services_.end() && it->first.first == id; ++it)
        best = &it->second;
    return best;
}

const HolidayCalendar& Catalogue::calendar(std::string_view state) const {
    static const HolidayCalendar fallback;
    auto it = calendars_.find(state);
    return it == calendars_.end() ? fallback : it->second;
}

void Catalogue::add_calendar(HolidayCalendar calendar) {
    std::string state = calendar.state();
    calendars_.insert_or_assign(std::move(state), std::move(calendar));
}

const RoleDefinition* Catalogue::find_role(std::string_view code) const {
    for (const auto& role : roles_) {
        if (role.code == code)
            return &role;
    }
    return nullptr;
}

std::vector<const ServiceDefinition*> Catalogue::services() const {
    std::vector<const ServiceDefinition*> out;
    out.reserve(services_.size());
    for (const auto& [key, service] : services_)
        out.push_back(&service);
    return out;
}

ServiceLoad load_service_text(std::string_view text, const std::string& source_name,
                              const std::vector<RoleDefinition>& roles) {
    ServiceLoad out;
    try {
        ServiceDefinition service = parse_service(json::parse_text(text, source_name));
        out.problems = validate_service(service, roles);
        if (out.problems.empty())
            out.service = std::move(service);
    } catch (const json::SyntaxError& e) {
        out.problems.push_back(Problem{source_name, e.position().line, "",
                                       "column " + std::to_string(e.position().column) + ": " + e.detail()});
        return out;
    } catch (const InputError& e) {
        out.problems.push_back(input_problem(e));
    }
    auto duplicates = duplicate_key_problems(text);
    out.problems.insert(out.problems.end(), duplicates.begin(), duplicates.end());
    if (!duplicates.empty())
        out.service.reset();
    locate(out.problems, text, source_name);
    return out;
}

std::filesystem::path default_catalogue_dir() {
    if (const char* env = std::getenv("JAANCH_FORMS"); env != nullptr && *env != '\0')
        return env;
    std::error_code ec;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const auto installed = exe.parent_path().parent_path() / "share" / "jaanch" / "forms";
        if (std::filesystem::is_directory(installed, ec))
            return installed;
    }
    return JAANCH_SOURCE_FORMS_DIR;
}

LoadResult load_catalogue(const std::filesystem::path& dir) {
    LoadResult result;
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec))
        throw Error("catalogue folder " + dir.string() + " does not exist or is not a folder");

    const auto roles_path = dir / "roles.json";
    std::vector<RoleDefinition> roles;
    try {
        const std::string text = read_file(roles_path);
        roles = parse_roles(json::parse_text(text, roles_path.string()));
        ++result.files_read;
    } catch (const InputError& e) {
        result.problems.push_back(Problem{roles_path.string(), 0, e.path(), e.what()});
    } catch (const Error& e) {
        result.problems.push_back(Problem{roles_path.string(), 0, "", e.what()});
    }
    result.catalogue.set_roles(roles);
    load_calendars(dir / "calendars", result);

    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        const auto name = entry.path().filename().string();
        if (!entry.is_regular_file() || entry.path().extension() != ".json")
            continue;
        if (name == "roles.json" || name.ends_with(".schema.json"))
            continue;
        files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());

    // Files parse and validate independently, so they load in parallel; they join the catalogue in name order
    // so problems and duplicate-id verdicts come out the same on every run.
    std::vector<ServiceLoad> loads(files.size());
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i = next++; i < files.size(); i = next++) {
            try {
                loads[i] = load_service_text(read_file(files[i]), files[i].string(), roles);
            } catch (const Error& e) {
                loads[i].problems.push_back(Problem{files[i].string(), 0, "", e.what()});
            }
        }
    };
    const std::size_t workers =
        std::min<std::size_t>({std::max(1u, std::thread::hardware_concurrency()), 8, files.size() / 64 + 1});
    std::vector<std::thread> threads;
    for (std::size_t t = 1; t < workers; ++t)
        threads.emplace_back(work);
    work();
    for (auto& t : threads)
        t.join();

    result.services_read = files.size();
    for (std::size_t i = 0; i < files.size(); ++i) {
        ++result.files_read;
        ServiceLoad& load = loads[i];
        result.problems.insert(result.problems.end(), load.problems.begin(), load.problems.end());
        if (!load.service)
            continue;
        try {
            result.catalogue.add(std::move(*load.service));
        } catch (const Error& e) {
            result.problems.push_back(Problem{files[i].string(), 1, "$.id", e.what()});
        }
    }
    return result;
}

}  // namespace jaanch::catalogue
