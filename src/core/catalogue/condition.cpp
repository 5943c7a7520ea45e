#include "catalogue/condition.h"

#include "catalogue/condition_ops.h"

namespace jaanch::catalogue {
namespace {

using json::Json;
using Problems = std::vector<std::pair<std::string, std::string>>;
using detail::is_comparison;
using detail::operator_of;

// ---- validation
// ----------------------------------------------------------------------------------------------

class Checker {
  public:
    Checker(const ServiceDefinition& service, Problems& problems) : service_(service), problems_(problems) {}

    void condition(const Json& node, const std::string& path, const FieldDefinition* row) {
        const std::string op = operator_of(node, {"where"});
        const std::string at = path + "." + op;
        if (op.empty())
            return add(path, "expected a condition object such as {\"all\": [...]}");
        if (op == "all" || op == "any") {
            if (!node[op].is_array() || node[op].empty())
                return add(at, "expected a non-empty array of conditions");
            for (std::size_t i = 0; i < node[op].size(); ++i)
                condition(node[op][i], json::index_path(at, i), row);
        } else if (op == "not") {
            condition(node[op], at, row);
        } else if (is_comparison(op)) {
            if (!node[op].is_array() || node[op].size() != 2)
                return add(at, "expected [value, value]");
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
            if (!node[op].is_object() || !node[op].contains("key"))
                return add(at, "expected {\"key\": value}");
            value(node[op]["key"], at + ".key", row);
        } else {
            add(at, "unknown condition operator \"" + op + "\"");
        }
        if (node.size() > 1 && op != "exists" && op != "every")
            add(path, "a condition has exactly one operator");
    }

    void value(const Json& node, const std::string& path, const FieldDefinition* row) {
        const std::string op = operator_of(node, {"where"});
        const std::string at = path + "." + op;
        if (op.empty())
            return add(path, "expected a value object such as {\"field\": \"key\"} or {\"const\": 5}");
        if (op == "field") {
            field_ref(node[op], at, nullptr);
        } else if (op == "col") {
            if (row == nullptr)
                return add(at, "\"col\" is only meaningful inside exists/every/count");
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
            if (!node[op].is_array() || node[op].size() != 2)
                return add(at, "expected [date, date]");
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
        if (!node[op].is_string())
            return add(at, "expected the key of a table field");
        const FieldDefinition* table = service_.find_field(node[op].get<std::string>());
        if (table == nullptr)
            return add(at, "unknown field \"" + node[op].get<std::string>() + "\"");
        if (!table->is_table())
            return add(at, "field \"" + table->key + "\" is not a table");
        if (node.contains("where")) {
            condition(node["where"], path + ".where", table);
        } else if (where_required) {
            add(path, "\"" + op + "\" needs a \"where\" condition");
        }
    }

    void field_ref(const Json& key, const std::string& path, const FieldDefinition* row) {
        if (!key.is_string())
            return add(path, "expected a field key");
        const std::string name = key.get<std::string>();
        if (row != nullptr) {
            for (const auto& column : row->columns) {
                if (column.key == name)
                    return;
            }
            return add(path, "table \"" + row->key + "\" has no column \"" + name + "\"");
        }
        const FieldDefinition* field = service_.find_field(name);
        if (field == nullptr)
            return add(path, "unknown field \"" + name + "\"");
        if (field->is_table())
            add(path, "field \"" + name + "\" is a table; use exists/every/count");
    }

    void add(const std::string& path, const std::string& message) { problems_.emplace_back(path, message); }

    const ServiceDefinition& service_;
    Problems& problems_;
};

}  // namespace

void check_condition(const Json& condition, const std::string& path, const ServiceDefinition& service,
                     Problems& problems) {
    Checker(service, problems).condition(condition, path, nullptr);
}

Truth evaluate_condition(const Json& condition, const model::Application& application) {
    return explain_condition(condition, application, ExplainContext{}).truth;
}

}  // namespace jaanch::catalogue
