#include "catalogue/validator.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>

#include "catalogue/condition.h"
#include "model/identifiers.h"

namespace jaanch::catalogue {
namespace {

template <class T>
bool contains(const std::vector<T>& v, const T& x) {
    return std::find(v.begin(), v.end(), x) != v.end();
}

bool has_devanagari(const std::string& text) {
    // U+0900..U+097F is E0 A4 80 .. E0 A5 BF in UTF-8.
    for (std::size_t i = 0; i + 1 < text.size(); ++i) {
        const auto a = static_cast<unsigned char>(text[i]), b = static_cast<unsigned char>(text[i + 1]);
        if (a == 0xE0 && (b == 0xA4 || b == 0xA5))
            return true;
    }
    return false;
}

class ServiceValidator {
  public:
    ServiceValidator(const ServiceDefinition& s, const std::vector<RoleDefinition>& roles) : s_(s) {
        for (const auto& r : roles)
            role_codes_.insert(r.code);
    }

    std::vector<Problem> run() {
        header();
        groups_and_fields();
        documents();
        reasons();
        levels();
        routes();
        reachability();
        deadlines();
        eligibility();
        return std::move(problems_);
    }

  private:
    void add(std::string path, std::string message) {
        problems_.push_back(Problem{"", 0, std::move(path), std::move(message)});
    }

    void label(const LocalizedText& text, const std::string& path) {
        if (text.en.empty())
            add(path + ".en", "missing English label");
        if (text.hi.empty()) {
            add(path + ".hi", "missing Hindi label");
        } else if (!has_devanagari(text.hi)) {
            add(path + ".hi", "Hindi label has no Devanagari text: \"" + text.hi + "\"");
        }
    }

    void identifier(const std::string& value, const std::string& path, const char* what) {
        if (!model::is_identifier(value))
            add(path, std::string(what) + " must be letters, digits, _ - . (at most 64): \"" + value + "\"");
    }

    void deadline(const Deadline& d, const std::string& path) {
        if (d.days < 1 || d.days > 365)
            add(path + ".days", "deadline must be 1 to 365 days");
        if (d.count != "calendar" && d.count != "working")
            add(path + ".count",
                "deadline count must be \"calendar\" or \"working\", found \"" + d.count + "\"");
    }

    void header() {
        identifier(s_.id, "$.id", "service id");
        std::string prefix;
        for (char c : s_.state)
            prefix += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
        prefix += '.';
        const bool lowercase =
            std::none_of(s_.id.begin(), s_.id.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
        if (!lowercase || s_.id.rfind(prefix, 0) != 0)
            add("$.id", "service id must be lowercase and start with its state code, e.g. \"" + prefix +
                            "caste-certificate\"; found \"" + s_.id + "\"");
        if (s_.version < 1)
            add("$.version", "version must be 1 or more");
        static const std::set<std::string> kStates{"AN", "AP", "AR", "AS", "BR", "CG", "CH", "DH", "DL",
                                                   "GA", "GJ", "HP", "HR", "JH", "JK", "KA", "KL", "LA",
                                                   "LD", "MH", "ML", "MN", "MP", "MZ", "NL", "OD", "PB",
                                                   "PY", "RJ", "SK", "TN", "TG", "TR", "UK", "UP", "WB"};
        if (!kStates.contains(s_.state))
            add("$.state", "unknown state code \"" + s_.state + "\" (ISO 3166-2:IN)");
        if (s_.portal.empty())
            add("$.portal", "portal name must not be empty");
        label(s_.department, "$.department");
        label(s_.title, "$.title");
        deadline(s_.deadline, "$.deadline");
    }

    void groups_and_fields() {
        std::set<std::string> group_keys;
        for (std::size_t i = 0; i < s_.groups.size(); ++i) {
            const std::string at = json::index_path("$.groups", i);
            identifier(s_.groups[i].key, at + ".key", "group key");
            if (!group_keys.insert(s_.groups[i].key).second)
                add(at + ".key", "duplicate group key \"" + s_.groups[i].key + "\"");
            label(s_.groups[i].label, at + ".label");
        }
        if (s_.fields.empty())
            add("$.fields", "a service needs at least one field");
        field_list(s_.fields, "$.fields", group_keys, /*in_table=*/false);
    }

    void field_list(const std::vector<FieldDefinition>& fields, const std::string& path,
                    const std::set<std::string>& group_keys, bool in_table) {
        std::set<std::string> keys;
        for (std::size_t i = 0; i < fields.size(); ++i) {
            const FieldDefinition& f = fields[i];
            const std::string at = json::index_path(path, i);
            identifier(f.key, at + ".key", "field key");
            if (!keys.insert(f.key).second)
                add(at + ".key", "duplicate field key \"" + f.key + "\"");
            label(f.label, at + ".label");
            field_type(f, at, in_table);
            if (!in_table && !group_keys.contains(f.group))
                add(at + ".group", "unknown group \"" + f.group + "\" (declare it in $.groups)");
            if (in_table && !f.group.empty())
                add(at + ".group", "table columns take no group");
            if (f.is_table())
                field_list(f.columns, at + ".columns", group_keys, true);
        }
    }

    void field_type(const FieldDefinition& f, const std::string& at, bool in_table) {
        if (!contains(field_types(), f.type)) {
            add(at + ".type", "unknown field type \"" + f.type + "\"");
            return;
        }
        if (f.type == "enum") {
            if (f.options.empty())
                add(at + ".options", "an enum field needs options");
            std::set<std::string> codes;
            for (std::size_t k = 0; k < f.options.size(); ++k) {
                const std::string ot = json::index_path(at + ".options", k);
                if (f.options[k].code.empty())
                    add(ot + ".code", "option code must not be empty");
                if (!codes.insert(f.options[k].code).second)
                    add(ot + ".code", "duplicate option code \"" + f.options[k].code + "\"");
                label(f.options[k].label, ot + ".label");
            }
        } else if (!f.options.empty()) {
            add(at + ".options", "only enum fields take options");
        }
        if (f.is_table()) {
            if (in_table)
                add(at + ".type", "tables cannot be nested");
            if (f.columns.empty())
                add(at + ".columns", "a table field needs columns");
        } else if (!f.columns.empty()) {
            add(at + ".columns", "only table fields take columns");
        }
    }

    void documents() {
        std::set<std::string> kinds;
        for (std::size_t i = 0; i < s_.documents.size(); ++i) {
            const DocumentRequirement& d = s_.documents[i];
            const std::string at = json::index_path("$.documents", i);
            identifier(d.kind, at + ".kind", "document kind");
            if (!kinds.insert(d.kind).second)
                add(at + ".kind", "duplicate document kind \"" + d.kind + "\"");
            label(d.label, at + ".label");
            if (d.accepted.empty())
                add(at + ".accepted", "list the accepted file types");
            for (std::size_t k = 0; k < d.accepted.size(); ++k) {
                if (!contains(document_types(), d.accepted[k]))
                    add(json::index_path(at + ".accepted", k),
                        "unsupported document type \"" + d.accepted[k] + "\"");
            }
        }
    }

    void reasons() {
        std::set<std::string> codes;
        auto check = [&](const std::vector<ReasonCode>& list, const std::string& path) {
            for (std::size_t i = 0; i < list.size(); ++i) {
                const std::string at = json::index_path(path, i);
                identifier(list[i].code, at + ".code", "reason code");
                if (!codes.insert(list[i].code).second)
                    add(at + ".code", "duplicate reason code \"" + list[i].code + "\"");
                label(list[i].label, at + ".label");
            }
        };
        check(s_.reject_reasons, "$.reasons.reject");
        check(s_.return_reasons, "$.reasons.return");
    }

    std::vector<const Level*> normal_levels() const {
        std::vector<const Level*> out;
        for (const auto& l : s_.levels) {
            if (!l.exception)
                out.push_back(&l);
        }
        return out;
    }

    bool any_level_allows(const std::string& action) const {
        return std::any_of(s_.levels.begin(), s_.levels.end(),
                           [&](const Level& l) { return contains(l.actions, action); });
    }

    void levels() {
        if (s_.levels.empty())
            return add("$.workflow.levels", "a workflow needs at least one level");
        if (s_.levels.front().exception)
            add("$.workflow.levels[0].exception", "the first level cannot be an exception level");
        std::set<std::string> ids;
        const auto normal = normal_levels();
        for (std::size_t i = 0; i < s_.levels.size(); ++i) {
            const Level& l = s_.levels[i];
            const std::string at = json::index_path("$.workflow.levels", i);
            identifier(l.id, at + ".id", "level id");
            if (!ids.insert(l.id).second)
                add(at + ".id", "duplicate level id \"" + l.id + "\"");
            label(l.label, at + ".label");
            deadline(l.deadline, at + ".deadline");
            level_roles(l, at);
            level_actions(l, at, !l.exception && &l == normal.back(), !l.exception && &l == normal.front());
        }
        if (!s_.reject_reasons.empty() && !any_level_allows("reject"))
            add("$.reasons.reject", "reject reasons are defined but no level allows \"reject\"");
        if (!s_.return_reasons.empty() && !any_level_allows("return_to_applicant"))
            add("$.reasons.return", "return reasons are defined but no level allows \"return_to_applicant\"");
    }

    void level_roles(const Level& l, const std::string& at) {
        if (l.roles.empty())
            add(at + ".roles", "a level needs at least one role");
        for (std::size_t k = 0; k < l.roles.size(); ++k) {
            const std::string rt = json::index_path(at + ".roles", k);
            if (!role_codes_.contains(l.roles[k].code))
                add(rt + ".code", "unknown role \"" + l.roles[k].code + "\" (not in forms/roles.json)");
            if (l.roles[k].area != "any" && l.roles[k].area != "rural" && l.roles[k].area != "urban")
                add(rt + ".area",
                    "area must be \"any\", \"rural\" or \"urban\", found \"" + l.roles[k].area + "\"");
        }
    }

    void level_actions(const Level& l, const std::string& at, bool last_normal, bool first_normal) {
        if (l.actions.empty())
            add(at + ".actions", "a level needs at least one action");
        std::set<std::string> seen;
        for (std::size_t k = 0; k < l.actions.size(); ++k) {
            const std::string& name = l.actions[k];
            const std::string ak = json::index_path(at + ".actions", k);
            auto action = model::action_from_name(name);
            if (!action) {
                add(ak, "unknown action \"" + name + "\"");
                continue;
            }
            if (!seen.insert(name).second)
                add(ak, "action \"" + name + "\" listed twice");
            using model::Action;
            if (*action == Action::forward && (l.exception || last_normal))
                add(ak, "\"forward\" at level \"" + l.id + "\" has no next level to go to");
            if (*action == Action::send_back && first_normal)
                add(ak, "\"send_back\" at the first level has no lower level to go to");
            if (*action == Action::escalate && s_.route_from(l.id) == nullptr)
                add(ak, "\"escalate\" at level \"" + l.id + "\" but no exception route starts there");
            if (*action == Action::reject && s_.reject_reasons.empty())
                add(ak, "\"reject\" is allowed but the service has no reject reasons");
            if (*action == Action::return_to_applicant && s_.return_reasons.empty())
                add(ak, "\"return_to_applicant\" is allowed but the service has no return reasons");
        }
    }

    void routes() {
        std::set<std::string> ids, froms;
        for (std::size_t i = 0; i < s_.exception_routes.size(); ++i) {
            const ExceptionRoute& r = s_.exception_routes[i];
            const std::string at = json::index_path("$.workflow.exception_routes", i);
            identifier(r.id, at + ".id", "route id");
            if (!ids.insert(r.id).second)
                add(at + ".id", "duplicate route id \"" + r.id + "\"");
            label(r.label, at + ".label");
            const Level* from = s_.find_level(r.from);
            const Level* to = s_.find_level(r.to);
            if (from == nullptr)
                add(at + ".from", "unknown level \"" + r.from + "\"");
            if (to == nullptr)
                add(at + ".to", "unknown level \"" + r.to + "\"");
            if (to != nullptr && !to->exception)
                add(at + ".to", "level \"" + r.to + "\" is not an exception level (set \"exception\": true)");
            if (from != nullptr && !contains(from->actions, std::string("escalate")))
                add(at + ".from", "level \"" + r.from + "\" does not allow \"escalate\"");
            if (!froms.insert(r.from).second)
                add(at + ".from", "a second exception route from level \"" + r.from + "\"");
            if (!r.when.is_null())
                condition(r.when, at + ".when");
            if (r.mandatory && r.when.is_null())
                add(at + ".mandatory",
                    "a mandatory route needs a \"when\" condition, or no level could ever approve");
        }
    }

    // Walks the level graph from the first level and reports levels and outcomes no application can reach.
    void reachability() {
        if (s_.levels.empty())
            return;
        const auto normal = normal_levels();
        std::set<std::string> reached;
        std::vector<const Level*> todo{&s_.levels.front()};
        bool approve = false, reject = false;
        while (!todo.empty()) {
            const Level* l = todo.back();
            todo.pop_back();
            if (!reached.insert(l->id).second)
                continue;
            approve = approve || contains(l->actions, std::string("approve"));
            reject = reject || contains(l->actions, std::string("reject"));
            auto pos = std::find(normal.begin(), normal.end(), l);
            if (contains(l->actions, std::string("forward")) && pos != normal.end() &&
                pos + 1 != normal.end())
                todo.push_back(*(pos + 1));
            if (const ExceptionRoute* r = s_.route_from(l->id);
                r && contains(l->actions, std::string("escalate"))) {
                if (const Level* to = s_.find_level(r->to))
                    todo.push_back(to);
            }
        }
        for (std::size_t i = 0; i < s_.levels.size(); ++i) {
            if (!reached.contains(s_.levels[i].id))
                add(json::index_path("$.workflow.levels", i), "level \"" + s_.levels[i].id +
                                                                  "\" can never be reached from \"" +
                                                                  s_.levels.front().id + "\"");
        }
        if (!approve)
            add("$.workflow.levels",
                "terminal state \"approved\" is unreachable: no reachable level allows \"approve\"");
        if (!reject)
            add("$.workflow.levels",
                "terminal state \"rejected\" is unreachable: no reachable level allows \"reject\"");
    }

    void deadlines() {
        int total = 0;
        for (std::size_t i = 0; i < s_.levels.size(); ++i) {
            const Level& l = s_.levels[i];
            if (l.exception)
                continue;
            total += l.deadline.days;
            // Mixed counts cannot be added up; one count per service keeps the sum (and the citizen's
            // promise) exact.
            if (l.deadline.count != s_.deadline.count)
                add(json::index_path("$.workflow.levels", i) + ".deadline.count",
                    "level counts " + l.deadline.count + " days but the service counts " + s_.deadline.count +
                        " days; use one count for the whole service");
        }
        if (total > s_.deadline.days)
            add("$.deadline.days", "the level deadlines add up to " + std::to_string(total) +
                                       " days, more than the service deadline of " +
                                       std::to_string(s_.deadline.days));
    }

    void eligibility() {
        std::set<std::string> ids;
        for (std::size_t i = 0; i < s_.eligibility.size(); ++i) {
            const std::string at = json::index_path("$.eligibility", i);
            identifier(s_.eligibility[i].id, at + ".id", "rule id");
            if (!ids.insert(s_.eligibility[i].id).second)
                add(at + ".id", "duplicate rule id \"" + s_.eligibility[i].id + "\"");
            label(s_.eligibility[i].label, at + ".label");
            condition(s_.eligibility[i].rule, at + ".rule");
        }
    }

    void condition(const json::Json& c, const std::string& path) {
        std::vector<std::pair<std::string, std::string>> found;
        check_condition(c, path, s_, found);
        for (auto& [p, m] : found)
            add(std::move(p), std::move(m));
    }

    const ServiceDefinition& s_;
    std::set<std::string> role_codes_;
    std::vector<Problem> problems_;
};

}  // namespace

const std::vector<std::string>& field_types() {
    static const std::vector<std::string> types{"text",
                                                "long_text",
                                                "date",
                                                "number",
                                                "money",
                                                "boolean",
                                                "enum",
                                                "email",
                                                "aadhaar",
                                                "pan",
                                                "ifsc",
                                                "mobile",
                                                "pincode",
                                                "bank_account",
                                                "lgd_code",
                                                "year",
                                                "jan_aadhaar_family_id",
                                                "jan_aadhaar_member_id",
                                                "samagra_family_id",
                                                "samagra_member_id",
                                                "haryana_family_id",
                                                "table",
                                                "family_members"};
    return types;
}

const std::vector<std::string>& document_types() {
    static const std::vector<std::string> types{"application/pdf", "image/jpeg", "image/png", "image/tiff",
                                                "image/webp"};
    return types;
}

std::string Problem::to_string() const {
    std::string out;
    if (!file.empty())
        out += file + (line > 0 ? ":" + std::to_string(line) : "") + ": ";
    if (!path.empty())
        out += path + ": ";
    return out + message;
}

std::vector<Problem> validate_service(const ServiceDefinition& service,
                                      const std::vector<RoleDefinition>& roles) {
    return ServiceValidator(service, roles).run();
}

}  // namespace jaanch::catalogue
