#include "catalogue/condition.h"

#include <algorithm>
#include <charconv>
#include <optional>
#include <variant>

namespace jaanch::catalogue {
namespace {

using json::Json;
using Problems = std::vector<std::pair<std::string, std::string>>;

const std::vector<std::string> kComparisons{"eq", "ne", "lt", "le", "gt", "ge"};

bool is_comparison(const std::string& op) {
    return std::find(kComparisons.begin(), kComparisons.end(), op) != kComparisons.end();
}

// The single key of an operator object, or empty when the object is not of that shape.
std::string operator_of(const Json& node, std::initializer_list<const char*> extra_keys = {}) {
    if (!node.is_object() || node.empty()) return {};
    for (auto it = node.begin(); it != node.end(); ++it) {
        bool is_extra = false;
        for (const char* k : extra_keys) is_extra = is_extra || it.key() == k;
        if (!is_extra) return it.key();
    }
    return {};
}

// ---- validation ----------------------------------------------------------------------------------------------

class Checker {
public:
    Checker(const ServiceDefinition& service, Problems& problems) : service_(service), problems_(problems) {}

    void condition(const Json& node, const std::string& path, const FieldDefinition* row) {
        const std::string op = operator_of(node, {"where"});
        const std::string at = path + "." + op;
        if (op.empty()) return add(path, "expected a condition object such as {\"all\": [...]}");
        if (op == "all" || op == "any") {
            if (!node[op].is_array() || node[op].empty()) return add(at, "expected a non-empty array of conditions");
            for (std::size_t i = 0; i < node[op].size(); ++i) condition(node[op][i], json::index_path(at, i), row);
        } else if (op == "not") {
            condition(node[op], at, row);
        } else if (is_comparison(op)) {
            if (!node[op].is_array() || node[op].size() != 2) return add(at, "expected [value, value]");
            value(node[op][0], at + "[0]", row);
            value(node[op][1], at + "[1]", row);
        } else if (op == "in") {
            if (!node[op].is_array() || node[op].size() != 2 || !node[op][1].is_array())
                return add(at, "expected [value, [\"constant\", ...]]");
            value(node[op][0], at + "[0]", row);
            for (std::size_t i = 0; i < node[op][1].size(); ++i) {
                const Json& c = node[op][1][i];
                if (!c.is_string() && !c.is_number() && !c.is_boolean())
                    add(json::index_path(at + "[1]", i), "a constant is a string, number or boolean");
            }
        } else if (op == "present") {
            value(node[op], at, row);
        } else if (op == "exists" || op == "every") {
            table_scope(node, op, path, /*where_required=*/op == "every");
        } else if (op == "once_per_financial_year") {
            if (!node[op].is_object() || !node[op].contains("key")) return add(at, "expected {\"key\": value}");
            value(node[op]["key"], at + ".key", row);
        } else {
            add(at, "unknown condition operator \"" + op + "\"");
        }
        if (node.size() > 1 && op != "exists" && op != "every") add(path, "a condition has exactly one operator");
    }

    void value(const Json& node, const std::string& path, const FieldDefinition* row) {
        const std::string op = operator_of(node, {"where"});
        const std::string at = path + "." + op;
        if (op.empty()) return add(path, "expected a value object such as {\"field\": \"key\"} or {\"const\": 5}");
        if (op == "field") {
            field_ref(node[op], at, nullptr);
        } else if (op == "col") {
            if (row == nullptr) return add(at, "\"col\" is only meaningful inside exists/every/count");
            field_ref(node[op], at, row);
        } else if (op == "const") {
            if (!node[op].is_string() && !node[op].is_number() && !node[op].is_boolean())
                add(at, "a constant is a string, number or boolean");
        } else if (op == "date") {
            if (!node[op].is_string() || !parse_date(node[op].get<std::string>()))
                add(at, "expected a YYYY-MM-DD date");
        } else if (op == "submitted") {
            // the application's submission date: no argument to check
        } else if (op == "years_between" || op == "days_between") {
            if (!node[op].is_array() || node[op].size() != 2) return add(at, "expected [date, date]");
            value(node[op][0], at + "[0]", row);
            value(node[op][1], at + "[1]", row);
        } else if (op == "count") {
            table_scope(node, op, path, false);
        } else {
            add(at, "unknown value operator \"" + op + "\"");
        }
    }

private:
    void table_scope(const Json& node, const std::string& op, const std::string& path, bool where_required) {
        const std::string at = path + "." + op;
        if (!node[op].is_string()) return add(at, "expected the key of a table field");
        const FieldDefinition* table = service_.find_field(node[op].get<std::string>());
        if (table == nullptr) return add(at, "unknown field \"" + node[op].get<std::string>() + "\"");
        if (!table->is_table()) return add(at, "field \"" + table->key + "\" is not a table");
        if (node.contains("where")) {
            condition(node["where"], path + ".where", table);
        } else if (where_required) {
            add(path, "\"" + op + "\" needs a \"where\" condition");
        }
    }

    void field_ref(const Json& key, const std::string& path, const FieldDefinition* row) {
        if (!key.is_string()) return add(path, "expected a field key");
        const std::string name = key.get<std::string>();
        if (row != nullptr) {
            for (const auto& column : row->columns) {
                if (column.key == name) return;
            }
            return add(path, "table \"" + row->key + "\" has no column \"" + name + "\"");
        }
        const FieldDefinition* field = service_.find_field(name);
        if (field == nullptr) return add(path, "unknown field \"" + name + "\"");
        if (field->is_table()) add(path, "field \"" + name + "\" is a table; use exists/every/count");
    }

    void add(const std::string& path, const std::string& message) { problems_.emplace_back(path, message); }

    const ServiceDefinition& service_;
    Problems& problems_;
};

// ---- evaluation ----------------------------------------------------------------------------------------------

// A value during evaluation: absent (missing data), a number, a date or text.
using Value = std::variant<std::monostate, double, Date, std::string>;

Truth from_bool(bool b) { return b ? Truth::yes : Truth::no; }

Truth truth_and(Truth a, Truth b) {
    if (a == Truth::no || b == Truth::no) return Truth::no;
    if (a == Truth::unknown || b == Truth::unknown) return Truth::unknown;
    return Truth::yes;
}

Truth truth_or(Truth a, Truth b) {
    if (a == Truth::yes || b == Truth::yes) return Truth::yes;
    if (a == Truth::unknown || b == Truth::unknown) return Truth::unknown;
    return Truth::no;
}

Truth truth_not(Truth a) { return a == Truth::unknown ? a : from_bool(a == Truth::no); }

// Digit strings that are identifiers rather than quantities (a leading zero, or more digits than a double
// holds exactly) stay text, so two different 18-digit IDs never compare equal.
bool is_identifier_digits(const std::string& text) {
    const bool all_digits = std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
    return all_digits && (text.size() > 15 || (text.size() > 1 && text[0] == '0'));
}

Value typed(const std::string& text) {
    if (text.empty()) return std::monostate{};
    if (auto date = parse_date(text)) return *date;
    if (is_identifier_digits(text)) return text;
    double number = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (ec == std::errc() && ptr == text.data() + text.size()) return number;
    return text;
}

Value constant(const Json& c) {
    if (c.is_number()) return c.get<double>();
    if (c.is_boolean()) return std::string(c.get<bool>() ? "yes" : "no");
    return typed(c.get<std::string>());
}

class Evaluator {
public:
    explicit Evaluator(const model::Application& app) : app_(app) {}

    Truth condition(const Json& node, const model::FieldValues* row) {
        const std::string op = operator_of(node, {"where"});
        const Json& arg = node[op];
        if (op == "all" || op == "any") {
            Truth acc = op == "all" ? Truth::yes : Truth::no;
            for (const auto& child : arg)
                acc = op == "all" ? truth_and(acc, condition(child, row)) : truth_or(acc, condition(child, row));
            return acc;
        }
        if (op == "not") return truth_not(condition(arg, row));
        if (is_comparison(op)) return compare(op, value(arg[0], row), value(arg[1], row));
        if (op == "in") {
            Value v = value(arg[0], row);
            if (std::holds_alternative<std::monostate>(v)) return Truth::unknown;
            for (const auto& c : arg[1]) {
                if (compare("eq", v, constant(c)) == Truth::yes) return Truth::yes;
            }
            return Truth::no;
        }
        if (op == "present") return from_bool(!std::holds_alternative<std::monostate>(value(arg, row)));
        if (op == "exists" || op == "every") return quantify(node, op);
        return Truth::unknown;  // once_per_financial_year and anything needing other applications
    }

private:
    Value value(const Json& node, const model::FieldValues* row) {
        const std::string op = operator_of(node, {"where"});
        const Json& arg = node[op];
        if (op == "field") return typed(app_.field(arg.get<std::string>()));
        if (op == "col") {
            auto it = row->find(arg.get<std::string>());
            return it == row->end() ? Value{} : typed(it->second);
        }
        if (op == "const") return constant(arg);
        if (op == "date") return typed(arg.get<std::string>());
        if (op == "submitted") return date_of(app_.submitted_at);
        if (op == "years_between" || op == "days_between") {
            Value from = value(arg[0], row), to = value(arg[1], row);
            if (!std::holds_alternative<Date>(from) || !std::holds_alternative<Date>(to)) return {};
            const Date a = std::get<Date>(from), b = std::get<Date>(to);
            if (op == "years_between") return static_cast<double>(whole_years_between(a, b));
            return static_cast<double>((std::chrono::sys_days{b} - std::chrono::sys_days{a}).count());
        }
        if (op == "count") {
            const model::TableRows* rows = table(arg);
            if (rows == nullptr) return 0.0;
            double n = 0;
            for (const auto& r : *rows) {
                Truth t = node.contains("where") ? condition(node["where"], &r) : Truth::yes;
                if (t == Truth::unknown) return {};
                n += t == Truth::yes ? 1 : 0;
            }
            return n;
        }
        return {};
    }

    Truth quantify(const Json& node, const std::string& op) {
        const model::TableRows* rows = table(node[op]);
        if (rows == nullptr) return from_bool(op == "every");
        Truth acc = op == "every" ? Truth::yes : Truth::no;
        for (const auto& r : *rows) {
            Truth t = node.contains("where") ? condition(node["where"], &r) : Truth::yes;
            acc = op == "every" ? truth_and(acc, t) : truth_or(acc, t);
        }
        return acc;
    }

    const model::TableRows* table(const Json& key) {
        auto it = app_.tables.find(key.get<std::string>());
        return it == app_.tables.end() ? nullptr : &it->second;
    }

    static Truth compare(const std::string& op, const Value& a, const Value& b) {
        if (std::holds_alternative<std::monostate>(a) || std::holds_alternative<std::monostate>(b))
            return Truth::unknown;
        if (a.index() != b.index()) return op == "eq" ? Truth::no : op == "ne" ? Truth::yes : Truth::unknown;
        int order = 0;
        if (auto* x = std::get_if<double>(&a)) {
            const double y = std::get<double>(b);
            order = *x < y ? -1 : *x > y ? 1 : 0;
        } else if (auto* d = std::get_if<Date>(&a)) {
            const Date e = std::get<Date>(b);
            order = *d < e ? -1 : *d > e ? 1 : 0;
        } else {
            const auto& s = std::get<std::string>(a);
            const auto& t = std::get<std::string>(b);
            if (op != "eq" && op != "ne") return Truth::unknown;  // text has no order worth trusting
            order = s == t ? 0 : 1;
        }
        if (op == "eq") return from_bool(order == 0);
        if (op == "ne") return from_bool(order != 0);
        if (op == "lt") return from_bool(order < 0);
        if (op == "le") return from_bool(order <= 0);
        if (op == "gt") return from_bool(order > 0);
        return from_bool(order >= 0);
    }

    const model::Application& app_;
};

}  // namespace

void check_condition(const Json& condition, const std::string& path, const ServiceDefinition& service,
                     Problems& problems) {
    Checker(service, problems).condition(condition, path, nullptr);
}

Truth evaluate_condition(const Json& condition, const model::Application& application) {
    if (condition.is_null()) return Truth::yes;
    return Evaluator(application).condition(condition, nullptr);
}

}  // namespace jaanch::catalogue
