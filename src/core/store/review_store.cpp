#include "store/review_store.h"

#include <algorithm>

#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include "util/enum_names.h"
#include "util/error.h"

namespace jaanch::store {
namespace {

constexpr EnumNames<QueueSort, 10> kSorts{{{QueueSort::level_due, "level_due"},
                                           {QueueSort::service_due, "service_due"},
                                           {QueueSort::submitted_at, "submitted_at"},
                                           {QueueSort::number, "number"},
                                           {QueueSort::applicant_name, "applicant_name"},
                                           {QueueSort::service_id, "service_id"},
                                           {QueueSort::village, "village"},
                                           {QueueSort::status, "status"},
                                           {QueueSort::current_level, "current_level"},
                                           {QueueSort::claimed_by, "claimed_by"}}};

constexpr EnumNames<model::DocumentMark, 3> kMarks{{{model::DocumentMark::seen, "seen"},
                                                    {model::DocumentMark::valid, "valid"},
                                                    {model::DocumentMark::invalid, "invalid"}}};

int days_between(Date from, Date to) {
    return static_cast<int>((std::chrono::sys_days(to) - std::chrono::sys_days(from)).count());
}

Date plus_days(Date d, int days) {
    return Date(std::chrono::sys_days(d) + std::chrono::days(days));
}

}  // namespace

std::string_view queue_sort_name(QueueSort sort) {
    return enum_name(kSorts, sort);
}
std::optional<QueueSort> queue_sort_from_name(std::string_view name) {
    return enum_from_name(kSorts, name);
}
std::string_view document_mark_name(model::DocumentMark mark) {
    return enum_name(kMarks, mark);
}

void ReviewStore::put_signature(const std::string& decision_id, const std::string& application,
                                const std::string& der, Timestamp fetched_at) {
    SQLite::Statement q(db_, R"sql(
        INSERT INTO history_signatures (decision_id, application, signature, fetched_at) VALUES (?, ?, ?, ?)
        ON CONFLICT(decision_id) DO UPDATE SET signature = excluded.signature, fetched_at = excluded.fetched_at)sql");
    q.bind(1, decision_id);
    q.bind(2, application);
    q.bind(3, der.data(), static_cast<int>(der.size()));
    q.bind(4, format_timestamp(fetched_at));
    q.exec();
}

std::optional<std::string> ReviewStore::signature(const std::string& decision_id) const {
    SQLite::Statement q(db_, "SELECT signature FROM history_signatures WHERE decision_id = ?");
    q.bind(1, decision_id);
    if (!q.executeStep())
        return std::nullopt;
    const auto column = q.getColumn(0);
    return std::string(static_cast<const char*>(column.getBlob()),
                       static_cast<std::size_t>(column.getBytes()));
}

std::vector<std::string> ReviewStore::applications_lacking_signatures(std::size_t limit) const {
    // The history is inside each application's JSON body: SQLite's json_each reads it in place.
    SQLite::Statement q(db_, R"sql(
        SELECT a.number FROM applications a
        WHERE a.status = 'pending' AND EXISTS (
            SELECT 1 FROM json_each(a.body, '$.history') h
            WHERE NOT EXISTS (SELECT 1 FROM history_signatures s
                              WHERE s.decision_id = json_extract(h.value, '$.decision.id')))
        ORDER BY a.level_due, a.number LIMIT ?)sql");
    q.bind(1, static_cast<std::int64_t>(limit));
    std::vector<std::string> out;
    while (q.executeStep())
        out.push_back(q.getColumn(0).getString());
    return out;
}

void ReviewStore::put_document_check(const std::string& application, const model::DocumentCheck& check) {
    if (check.mark == model::DocumentMark::invalid && check.reason.empty())
        throw InputError("$.reason", "a document marked invalid needs the reason it is invalid");
    SQLite::Statement q(db_, R"sql(
        INSERT INTO document_checks (application, document_id, mark, reason) VALUES (?, ?, ?, ?)
        ON CONFLICT(application, document_id) DO UPDATE SET mark = excluded.mark, reason = excluded.reason)sql");
    q.bind(1, application);
    q.bind(2, check.document);
    q.bind(3, std::string(document_mark_name(check.mark)));
    q.bind(4, check.reason);
    q.exec();
}

void ReviewStore::clear_document_check(const std::string& application, const std::string& document_id) {
    SQLite::Statement q(db_, "DELETE FROM document_checks WHERE application = ? AND document_id = ?");
    q.bind(1, application);
    q.bind(2, document_id);
    q.exec();
}

std::vector<model::DocumentCheck> ReviewStore::document_checks(const std::string& application) const {
    SQLite::Statement q(db_,
                        "SELECT document_id, mark, reason FROM document_checks WHERE application = ? "
                        "ORDER BY document_id");
    q.bind(1, application);
    std::vector<model::DocumentCheck> out;
    while (q.executeStep()) {
        const auto mark = enum_from_name(kMarks, q.getColumn(1).getString());
        if (!mark)
            throw StoreError("The workspace holds an unknown document mark; the workspace may be damaged.");
        out.push_back({q.getColumn(0).getString(), *mark, q.getColumn(2).getString()});
    }
    return out;
}

void ReviewStore::clear_review(const std::string& application) {
    SQLite::Transaction txn(db_);
    for (const char* sql : {"DELETE FROM document_checks WHERE application = ?",
                            "DELETE FROM page_views WHERE application = ?"}) {
        SQLite::Statement q(db_, sql);
        q.bind(1, application);
        q.exec();
    }
    txn.commit();
}

bool ReviewStore::record_page_view(const std::string& application, const std::string& document_id, int page,
                                   int page_count, Timestamp at) {
    SQLite::Statement q(
        db_,
        "INSERT OR IGNORE INTO page_views (application, document_id, page, first_at, page_count) "
        "VALUES (?, ?, ?, ?, ?)");
    q.bind(1, application);
    q.bind(2, document_id);
    q.bind(3, page);
    q.bind(4, format_timestamp(at));
    q.bind(5, page_count);
    return q.exec() > 0;
}

std::map<std::string, PagesSeen> ReviewStore::pages_seen(const std::string& application) const {
    SQLite::Statement q(db_, "SELECT document_id, page, page_count FROM page_views WHERE application = ?");
    q.bind(1, application);
    std::map<std::string, PagesSeen> out;
    while (q.executeStep()) {
        PagesSeen& seen = out[q.getColumn(0).getString()];
        seen.pages.insert(q.getColumn(1).getInt());
        seen.page_count = std::max(seen.page_count, q.getColumn(2).getInt());
    }
    return out;
}

json::Json filter_to_json(const QueueFilter& f, Date today) {
    json::Json j{{"service_id", f.service_id},
                 {"status", f.status},
                 {"level", f.level},
                 {"search", f.search},
                 {"sort", std::string(queue_sort_name(f.sort))},
                 {"descending", f.descending}};
    j["overdue_days"] = f.overdue_on ? json::Json(days_between(today, *f.overdue_on)) : json::Json(nullptr);
    j["due_within_days"] = f.due_by ? json::Json(days_between(today, *f.due_by)) : json::Json(nullptr);
    return j;
}

QueueFilter filter_from_json(const json::Json& j, Date today) {
    json::ObjectReader r(j, "$");
    QueueFilter f;
    f.service_id = r.required<std::string>("service_id");
    f.status = r.required<std::string>("status");
    f.level = r.required<std::string>("level");
    f.search = r.required<std::string>("search");
    const auto sort = queue_sort_from_name(r.required<std::string>("sort"));
    if (!sort)
        throw InputError("$.sort", "not a queue column this workstation knows");
    f.sort = *sort;
    f.descending = r.required<bool>("descending");
    if (const auto days = r.optional<int>("overdue_days"))
        f.overdue_on = plus_days(today, *days);
    if (const auto days = r.optional<int>("due_within_days"))
        f.due_by = plus_days(today, *days);
    r.finish();
    return f;
}

void ReviewStore::save_filter(const std::string& name, const QueueFilter& filter, Date today) {
    if (name.empty())
        throw InputError("$.name", "a saved filter needs a name");
    SQLite::Statement q(db_,
                        "INSERT INTO saved_filters (name, filter) VALUES (?, ?) "
                        "ON CONFLICT(name) DO UPDATE SET filter = excluded.filter");
    q.bind(1, name);
    q.bind(2, filter_to_json(filter, today).dump());
    q.exec();
}

std::optional<QueueFilter> ReviewStore::saved_filter(const std::string& name, Date today) const {
    SQLite::Statement q(db_, "SELECT filter FROM saved_filters WHERE name = ?");
    q.bind(1, name);
    if (!q.executeStep())
        return std::nullopt;
    return filter_from_json(json::parse_text(q.getColumn(0).getString(), "saved filter " + name), today);
}

std::vector<std::string> ReviewStore::saved_filter_names() const {
    SQLite::Statement q(db_, "SELECT name FROM saved_filters ORDER BY name");
    std::vector<std::string> out;
    while (q.executeStep())
        out.push_back(q.getColumn(0).getString());
    return out;
}

bool ReviewStore::delete_filter(const std::string& name) {
    SQLite::Statement q(db_, "DELETE FROM saved_filters WHERE name = ?");
    q.bind(1, name);
    return q.exec() > 0;
}

}  // namespace jaanch::store
