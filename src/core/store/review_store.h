// What the officer's review of one application leaves in the workspace before it is decided, and what the
// history pane needs: the signatures of earlier decisions fetched from the hub, the per-document checklist
// (seen / valid / invalid with a reason), the pages the officer actually looked at, and named queue filters.
// Tables from workspace migration "review" (store/workspace_schema.h).
//
// Threads: a ReviewStore is a view on its Workspace's connection; same thread as that Workspace. Each method
// is one statement or one transaction. Errors: StoreError subclasses from SQLiteCpp failures rise unchanged.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>

#include "model/decision.h"
#include "store/workspace.h"
#include "util/time.h"

namespace jaanch::store {

struct PagesSeen {
    std::set<int> pages;  // 0-based page indexes the officer has had on screen
    int page_count = 0;   // the document's pages, as the viewer counted them; 0 when unknown
};

class ReviewStore {
  public:
    explicit ReviewStore(Workspace& workspace) : db_(*workspace.db_) {}

    // History signatures (DER CMS) by decision id.
    void put_signature(const std::string& decision_id, const std::string& application, const std::string& der,
                       Timestamp fetched_at);
    std::optional<std::string> signature(const std::string& decision_id) const;
    // Pending applications with an earlier decision whose signature is not here yet, due soonest first: what
    // a sync fetches so that the history pane can verify offline (sync_engine.h).
    std::vector<std::string> applications_lacking_signatures(std::size_t limit) const;

    // The checklist: one mark per document of an application; putting a mark replaces the earlier one.
    void put_document_check(const std::string& application, const model::DocumentCheck& check);
    void clear_document_check(const std::string& application, const std::string& document_id);
    std::vector<model::DocumentCheck> document_checks(const std::string& application) const;
    void clear_review(const std::string& application);  // after the decision: checklist and pages seen go

    // Records that a page of a document with `page_count` pages was on screen; true the first time (the
    // caller logs "viewed_page" then).
    bool record_page_view(const std::string& application, const std::string& document_id, int page,
                          int page_count, Timestamp at);
    std::map<std::string, PagesSeen> pages_seen(const std::string& application) const;  // document id → pages

    // Saved queue filters, by name. The overdue/due-soon parts are stored relative to the day they are
    // applied.
    void save_filter(const std::string& name, const QueueFilter& filter, Date today);
    std::optional<QueueFilter> saved_filter(const std::string& name, Date today) const;
    std::vector<std::string> saved_filter_names() const;
    bool delete_filter(const std::string& name);

  private:
    SQLite::Database& db_;
};

// QueueFilter ↔ JSON (names of the sort and relative deadline days); paging is not saved.
json::Json filter_to_json(const QueueFilter& filter, Date today);
QueueFilter filter_from_json(const json::Json& j, Date today);

std::string_view queue_sort_name(QueueSort sort);
std::optional<QueueSort> queue_sort_from_name(std::string_view name);
std::string_view document_mark_name(model::DocumentMark mark);

}  // namespace jaanch::store
