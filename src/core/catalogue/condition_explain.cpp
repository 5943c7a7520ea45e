// The evaluator of the rule language, with its reasons. Truth follows docs/forms.md#rules (three-valued,
// missing data is unknown); the reasons are the facts that decided it, so an officer sees "4 years 7 months
// by 15 Aug 2024 < 5 years" rather than a bare "fail".
#include <algorithm>
#include <charconv>
#include <variant>

#include "catalogue/condition.h"
#include "catalogue/condition_ops.h"
#include "catalogue/explain_text.h"

namespace jaanch::catalogue {
namespace {

using detail::is_comparison;
using detail::operator_of;
using json::Json;

// A value during evaluation: absent (missing data), a number, a date or text.
using Value = std::variant<std::monostate, double, Date, std::string>;

// A value with what the officer should read about it.
struct Described {
    Value value;
    LocalizedText shown;                     // "Paid days: 201", "age 4 on 1 Mar 2025"
    LocalizedText missing;                   // what is missing when value is empty: "Joining date"
    const FieldDefinition* field = nullptr;  // the field or column read, for option labels
    const char* unit = nullptr;              // "years" / "days": constants compared with this value carry it
    bool constant = false;
};

constexpr std::size_t kRowsListed = 8;

LocalizedText text(const std::string& en, const std::string& hi) {
    return {en, hi};
}

// Joins reasons, dropping empty and repeated ones (alternatives of a rule often test the same fact).
LocalizedText join(const std::vector<LocalizedText>& parts, const std::string& separator = "; ") {
    LocalizedText out;
    std::vector<const LocalizedText*> seen;
    for (const auto& p : parts) {
        if (p.en.empty() && p.hi.empty())
            continue;
        if (std::any_of(seen.begin(), seen.end(), [&](const LocalizedText* q) { return *q == p; }))
            continue;
        seen.push_back(&p);
        if (!out.en.empty())
            out = out + same_in_both(separator);
        out = out + p;
    }
    return out;
}

Truth from_bool(bool b) {
    return b ? Truth::yes : Truth::no;
}

Truth truth_and(Truth a, Truth b) {
    if (a == Truth::no || b == Truth::no)
        return Truth::no;
    if (a == Truth::unknown || b == Truth::unknown)
        return Truth::unknown;
    return Truth::yes;
}

Truth truth_or(Truth a, Truth b) {
    if (a == Truth::yes || b == Truth::yes)
        return Truth::yes;
    if (a == Truth::unknown || b == Truth::unknown)
        return Truth::unknown;
    return Truth::no;
}

// Digit strings that are identifiers rather than quantities (a leading zero, or more digits than a double
// holds exactly) stay text, so two different 18-digit IDs never compare equal.
bool is_identifier_digits(const std::string& text) {
    const bool all_digits =
        std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
    return all_digits && (text.size() > 15 || (text.size() > 1 && text[0] == '0'));
}

Value typed(const std::string& raw) {
    if (raw.empty())
        return std::monostate{};
    if (auto date = parse_date(raw))
        return *date;
    if (is_identifier_digits(raw))
        return raw;
    double number = 0;
    auto [ptr, ec] = std::from_chars(raw.data(), raw.data() + raw.size(), number);
    if (ec == std::errc() && ptr == raw.data() + raw.size())
        return number;
    return raw;
}

Value constant_value(const Json& c) {
    if (c.is_number())
        return c.get<double>();
    if (c.is_boolean())
        return std::string(c.get<bool>() ? "yes" : "no");
    return typed(c.get<std::string>());
}

std::string constant_text(const Json& c) {
    if (c.is_number())
        return human_number(c.get<double>());
    if (c.is_boolean())
        return c.get<bool>() ? "yes" : "no";
    return c.get<std::string>();
}

// How a raw value of `field` reads: option labels for enums, masked Aadhaar, dates as people write them.
LocalizedText display(const FieldDefinition* field, const std::string& raw) {
    if (raw.empty())
        return text("missing", "उपलब्ध नहीं");
    if (raw == "yes" && (!field || field->type == "boolean"))
        return text("yes", "हाँ");
    if (raw == "no" && (!field || field->type == "boolean"))
        return text("no", "नहीं");
    if (field && field->type == "aadhaar") {
        std::string digits;
        for (char c : raw) {
            if (c >= '0' && c <= '9')
                digits += c;
        }
        return same_in_both("XXXX-XXXX-" + (digits.size() >= 4 ? digits.substr(digits.size() - 4) : "XXXX"));
    }
    if (field) {
        for (const auto& o : field->options) {
            if (o.code == raw)
                return o.label;
        }
    }
    if (auto d = parse_date(raw))
        return human_date(*d);
    return same_in_both(raw);
}

const char* symbol(const std::string& op) {
    if (op == "eq")
        return "=";
    if (op == "ne")
        return "≠";
    if (op == "lt")
        return "<";
    if (op == "le")
        return "≤";
    if (op == "gt")
        return ">";
    return "≥";
}

std::string negated(const std::string& op) {
    if (op == "eq")
        return "ne";
    if (op == "ne")
        return "eq";
    if (op == "lt")
        return "ge";
    if (op == "le")
        return "gt";
    if (op == "gt")
        return "le";
    return "lt";
}

class Explainer {
  public:
    Explainer(const model::Application& app, const ExplainContext& context) : app_(app), context_(context) {}

    // `row` and `table` are set inside exists/every/count.
    Explanation condition(const Json& node, const model::FieldValues* row, const FieldDefinition* table) {
        const std::string op = operator_of(node, {"where"});
        const Json& arg = node[op];
        if (op == "all" || op == "any")
            return logic(op, arg, row, table);
        if (op == "not") {
            Explanation e = condition(arg, row, table);
            if (e.truth != Truth::unknown)
                e.truth = from_bool(e.truth == Truth::no);
            return e;
        }
        if (is_comparison(op))
            return compare(op, value(arg[0], row, table), value(arg[1], row, table));
        if (op == "in")
            return membership(value(arg[0], row, table), arg[1]);
        if (op == "present") {
            const Described v = value(arg, row, table);
            if (std::holds_alternative<std::monostate>(v.value))
                return {Truth::no, v.missing + text(" is missing", " उपलब्ध नहीं")};
            return {Truth::yes, v.missing + text(" is given", " दिया गया है")};
        }
        if (op == "exists" || op == "every")
            return quantify(node, op);
        if (op == "once_per_financial_year")
            return once_per_year(arg["key"], row, table);
        return {Truth::unknown, text("unknown operator " + op, "अज्ञात संक्रिया " + op)};
    }

  private:
    Explanation logic(const std::string& op, const Json& parts, const model::FieldValues* row,
                      const FieldDefinition* table) {
        std::vector<Explanation> done;
        Truth acc = op == "all" ? Truth::yes : Truth::no;
        for (const auto& child : parts) {
            done.push_back(condition(child, row, table));
            acc = op == "all" ? truth_and(acc, done.back().truth) : truth_or(acc, done.back().truth);
        }
        std::vector<LocalizedText> reasons;
        for (const auto& e : done) {
            if (e.truth != acc)
                continue;
            reasons.push_back(e.because);
            if (op == "any" && acc == Truth::yes)
                break;  // one reason suffices for "any" to hold
        }
        // Every alternative of a failed "any" failed: " | " sets the alternatives apart.
        return {acc, join(reasons, op == "any" && acc == Truth::no ? " | " : "; ")};
    }

    Explanation compare(const std::string& op, const Described& a, const Described& b) {
        const bool a_missing = std::holds_alternative<std::monostate>(a.value);
        const bool b_missing = std::holds_alternative<std::monostate>(b.value);
        if (a_missing || b_missing) {
            std::vector<LocalizedText> missing;
            if (a_missing)
                missing.push_back(a.missing + text(" is missing", " उपलब्ध नहीं"));
            if (b_missing)
                missing.push_back(b.missing + text(" is missing", " उपलब्ध नहीं"));
            return {Truth::unknown, join(missing)};
        }
        Truth truth = Truth::unknown;
        int order = 0;
        if (a.value.index() != b.value.index()) {
            if (op == "eq")
                truth = Truth::no;
            if (op == "ne")
                truth = Truth::yes;
        } else if (auto* x = std::get_if<double>(&a.value)) {
            const double y = std::get<double>(b.value);
            order = *x < y ? -1 : *x > y ? 1 : 0;
            truth = ordered(op, order);
        } else if (auto* d = std::get_if<Date>(&a.value)) {
            const Date e = std::get<Date>(b.value);
            order = *d < e ? -1 : *d > e ? 1 : 0;
            truth = ordered(op, order);
        } else if (op == "eq" || op == "ne") {  // text has no order worth trusting
            truth =
                from_bool((std::get<std::string>(a.value) == std::get<std::string>(b.value)) == (op == "eq"));
        }
        if (truth == Truth::unknown)
            return {Truth::unknown,
                    a.shown + text(" cannot be compared with ", " की तुलना नहीं हो सकती: ") + other_side(b, a)};
        const std::string shown_op = truth == Truth::yes ? op : negated(op);
        return {truth, a.shown + same_in_both(std::string(" ") + symbol(shown_op) + " ") + other_side(b, a)};
    }

    static Truth ordered(const std::string& op, int order) {
        if (op == "eq")
            return from_bool(order == 0);
        if (op == "ne")
            return from_bool(order != 0);
        if (op == "lt")
            return from_bool(order < 0);
        if (op == "le")
            return from_bool(order <= 0);
        if (op == "gt")
            return from_bool(order > 0);
        return from_bool(order >= 0);
    }

    // The right-hand side as read beside the left: a constant takes the left's option labels or unit.
    static LocalizedText other_side(const Described& b, const Described& a) {
        if (!b.constant)
            return b.shown;
        if (a.field)
            return display(a.field, b.shown.en);
        if (a.unit && std::string(a.unit) == "years")
            return b.shown + text(" years", " वर्ष");
        if (a.unit && std::string(a.unit) == "days")
            return b.shown + text(" days", " दिन");
        return b.shown;
    }

    Explanation membership(const Described& v, const Json& constants) {
        if (std::holds_alternative<std::monostate>(v.value))
            return {Truth::unknown, v.missing + text(" is missing", " उपलब्ध नहीं")};
        Truth truth = Truth::no;
        std::vector<LocalizedText> listed;
        for (const auto& c : constants) {
            const Value cv = constant_value(c);
            if (cv.index() == v.value.index() && cv == v.value)
                truth = Truth::yes;
            listed.push_back(display(v.field, constant_text(c)));
        }
        const LocalizedText list = join(listed, ", ");
        if (truth == Truth::yes)
            return {truth, v.shown + text(" is one of: ", " इनमें से है: ") + list};
        return {truth, v.shown + text(" is none of: ", " इनमें से नहीं है: ") + list};
    }

    Explanation once_per_year(const Json& key, const model::FieldValues* row, const FieldDefinition* table) {
        const Described v = value(key, row, table);
        if (std::holds_alternative<std::monostate>(v.value))
            return {Truth::unknown, v.missing + text(" is missing", " उपलब्ध नहीं")};
        if (!context_.once_per_financial_year)
            return {Truth::unknown,
                    text("Needs the other applications of this service, which are not available here",
                         "इस सेवा के अन्य आवेदनों की आवश्यकता है, जो यहाँ उपलब्ध नहीं हैं")};
        const std::string field = key.contains("field") ? key["field"].get<std::string>() : std::string();
        const std::string raw = field.empty() ? v.shown.en : app_.field(field);
        return context_.once_per_financial_year(field, raw);
    }

    Described value(const Json& node, const model::FieldValues* row, const FieldDefinition* table) {
        const std::string op = operator_of(node, {"where"});
        const Json& arg = node[op];
        if (op == "field" || op == "col") {
            const std::string key = arg.get<std::string>();
            const FieldDefinition* def = op == "field" ? field_def(key) : column_def(table, key);
            std::string raw;
            if (op == "field") {
                raw = app_.field(key);
            } else if (auto it = row->find(key); it != row->end()) {
                raw = it->second;
            }
            const LocalizedText label = def ? def->label : same_in_both(key);
            return {typed(raw), label + same_in_both(": ") + display(def, raw), label, def, nullptr, false};
        }
        if (op == "const") {
            const std::string shown = constant_text(arg);
            return {constant_value(arg), same_in_both(shown), same_in_both(shown), nullptr, nullptr, true};
        }
        if (op == "date") {
            const Value v = typed(arg.get<std::string>());
            const Date* d = std::get_if<Date>(&v);
            return {v,    d ? human_date(*d) : same_in_both(arg.get<std::string>()), {}, nullptr, nullptr,
                    false};
        }
        if (op == "submitted") {
            const Date d = date_of(app_.submitted_at);
            return {d,
                    text("the submission date, ", "आवेदन तिथि, ") + human_date(d),
                    text("the submission date", "आवेदन तिथि"),
                    nullptr,
                    nullptr,
                    false};
        }
        if (op == "years_between" || op == "days_between")
            return between(op, arg, row, table);
        if (op == "count")
            return count(node, arg);
        return {};
    }

    Described between(const std::string& op, const Json& arg, const model::FieldValues* row,
                      const FieldDefinition* table) {
        const Described from = value(arg[0], row, table), to = value(arg[1], row, table);
        const Date* a = std::get_if<Date>(&from.value);
        const Date* b = std::get_if<Date>(&to.value);
        Described out;
        out.unit = op == "years_between" ? "years" : "days";
        if (a == nullptr || b == nullptr) {
            out.missing = a == nullptr ? from.missing : to.missing;
            return out;
        }
        const LocalizedText on = human_date(*b);
        if (op == "days_between") {
            const auto days = (std::chrono::sys_days{*b} - std::chrono::sys_days{*a}).count();
            out.value = static_cast<double>(days);
            out.shown = text(std::to_string(days) + " days from " + from.shown.en + " to " + on.en,
                             from.shown.hi + " से " + on.hi + " तक " + std::to_string(days) + " दिन");
            return out;
        }
        const int years = whole_years_between(*a, *b);
        out.value = static_cast<double>(years);
        if (*a == Date{std::chrono::year{1}, std::chrono::April, std::chrono::day{1}}) {
            // The catalogue's idiom for "the last completed financial year" (docs/forms.md#rules).
            const std::string fy =
                std::to_string(years) + "-" + std::to_string((years + 1) % 100 + 100).substr(1);
            out.shown =
                text("the financial year before " + on.en + ": " + fy, on.hi + " से पिछला वित्तीय वर्ष: " + fy);
            return out;
        }
        const bool birth = from.field && from.field->key.find("birth") != std::string::npos;
        if (birth) {
            out.shown = text("age " + std::to_string(years) + " on " + on.en,
                             on.hi + " को आयु " + std::to_string(years) + " वर्ष");
        } else {
            const LocalizedText span = human_span(*a, *b);
            out.shown = from.shown + text(", " + span.en + " by " + on.en, ", " + on.hi + " तक " + span.hi);
        }
        return out;
    }

    Described count(const Json& node, const Json& table_key) {
        const FieldDefinition* def = field_def(table_key.get<std::string>());
        const LocalizedText label = def ? def->label : same_in_both(table_key.get<std::string>());
        const model::TableRows* rows = table_rows(table_key);
        Described out;
        out.missing = label;
        double n = 0;
        const std::size_t total = rows ? rows->size() : 0;
        for (std::size_t i = 0; i < total; ++i) {
            const Explanation e = node.contains("where") ? condition(node["where"], &(*rows)[i], def)
                                                         : Explanation{Truth::yes, {}};
            if (e.truth == Truth::unknown) {
                out.missing = label + same_in_both(" " + row_label(def, (*rows)[i], i).en + ": ") + e.because;
                return out;
            }
            n += e.truth == Truth::yes ? 1 : 0;
        }
        out.value = n;
        const std::string nn = human_number(n), tt = std::to_string(total);
        out.shown = node.contains("where") ? label + text(": " + nn + " matching of " + tt + " rows",
                                                          ": " + tt + " में से " + nn + " पंक्तियाँ मेल खाती हैं")
                                           : label + text(": " + tt + " rows", ": " + tt + " पंक्तियाँ");
        return out;
    }

    Explanation quantify(const Json& node, const std::string& op) {
        const FieldDefinition* def = field_def(node[op].get<std::string>());
        const LocalizedText label = def ? def->label : same_in_both(node[op].get<std::string>());
        const model::TableRows* rows = table_rows(node[op]);
        const std::size_t total = rows ? rows->size() : 0;
        if (total == 0)
            return {from_bool(op == "every"), label + text(" has no rows", " में कोई पंक्ति नहीं")};
        Truth acc = op == "every" ? Truth::yes : Truth::no;
        std::vector<std::pair<std::size_t, Explanation>> results;
        for (std::size_t i = 0; i < total; ++i) {
            Explanation e = node.contains("where") ? condition(node["where"], &(*rows)[i], def)
                                                   : Explanation{Truth::yes, {}};
            acc = op == "every" ? truth_and(acc, e.truth) : truth_or(acc, e.truth);
            results.emplace_back(i, std::move(e));
        }
        // The rows that decided it: the failing rows of "every", the first matching row of "exists", the rows
        // that could not be decided when the answer is unknown.
        const Truth wanted = acc == Truth::unknown ? Truth::unknown : op == "every" ? Truth::no : acc;
        std::vector<LocalizedText> listed;
        std::size_t matching = 0;
        for (const auto& [i, e] : results) {
            if (e.truth != wanted)
                continue;
            ++matching;
            if (listed.size() < kRowsListed)
                listed.push_back(same_in_both(row_label(def, (*rows)[i], i).en + " ") + e.because);
            if (op == "exists" && acc == Truth::yes)
                break;
        }
        if (listed.size() < matching)
            listed.push_back(text("…", "…"));
        const std::string n = std::to_string(matching), t = std::to_string(total);
        LocalizedText head;
        if (acc == Truth::yes && op == "every") {
            return {acc, text("all " + t + " rows of ", "सभी " + t + " पंक्तियाँ: ") + label};
        } else if (acc == Truth::yes) {
            head = label + text(": ", ": ");
        } else if (acc == Truth::no && op == "every") {
            head = text(n + " of " + t + " rows of " + label.en + " fail: ",
                        label.hi + " की " + t + " में से " + n + " पंक्तियाँ विफल: ");
        } else if (acc == Truth::no) {
            head = text("none of the " + t + " rows of " + label.en + " matches: ",
                        label.hi + " की " + t + " पंक्तियों में से कोई मेल नहीं खाती: ");
        } else {
            head = text(n + " of " + t + " rows of " + label.en + " cannot be decided: ",
                        label.hi + " की " + t + " में से " + n + " पंक्तियों पर निर्णय संभव नहीं: ");
        }
        return {acc, head + join(listed)};
    }

    // "#3 (Sunita)": the row's number from 1 and its first text or year cell, to tell rows apart at a glance.
    static LocalizedText row_label(const FieldDefinition* table, const model::FieldValues& row,
                                   std::size_t index) {
        std::string label = "#" + std::to_string(index + 1);
        if (table != nullptr) {
            auto named = [&](auto&& wanted) -> const std::string* {
                for (const auto& column : table->columns) {
                    auto cell = row.find(column.key);
                    if (wanted(column) && cell != row.end() && !cell->second.empty())
                        return &cell->second;
                }
                return nullptr;
            };
            const std::string* name = named([](const FieldDefinition& c) { return c.key == "name"; });
            if (!name)
                name = named([](const FieldDefinition& c) { return c.type == "year"; });
            if (!name)
                name = named([](const FieldDefinition& c) { return c.type == "text"; });
            if (name)
                return same_in_both(label + " (" + *name + ")");
        }
        return same_in_both(label);
    }

    const FieldDefinition* field_def(const std::string& key) const {
        return context_.service ? context_.service->find_field(key) : nullptr;
    }

    static const FieldDefinition* column_def(const FieldDefinition* table, const std::string& key) {
        if (table == nullptr)
            return nullptr;
        for (const auto& c : table->columns) {
            if (c.key == key)
                return &c;
        }
        return nullptr;
    }

    const model::TableRows* table_rows(const Json& key) const {
        auto it = app_.tables.find(key.get<std::string>());
        return it == app_.tables.end() ? nullptr : &it->second;
    }

    const model::Application& app_;
    const ExplainContext& context_;
};

}  // namespace

Explanation explain_condition(const Json& condition, const model::Application& application,
                              const ExplainContext& context) {
    if (condition.is_null())
        return {Truth::yes, {}};
    return Explainer(application, context).condition(condition, nullptr, nullptr);
}

}  // namespace jaanch::catalogue
