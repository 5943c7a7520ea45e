// The workstation's own record of what the officer did: opened an application, viewed a document page,
// revealed an Aadhaar number, decided. Hash-chained: each entry's hash covers the previous hash, so an edited
// or deleted entry breaks the chain at that point. Same thread as its Workspace.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <SQLiteCpp/Database.h>

#include "util/time.h"

namespace jaanch::store {

struct ActivityEntry {
    std::int64_t seq = 0;
    Timestamp at{};
    std::string officer;
    std::string kind;  // "opened", "viewed_page", "revealed_aadhaar", "decided", "recalled" …
    std::string application;
    std::string detail;
    std::string prev_hash;
    std::string hash;
};

class ActivityLog {
  public:
    explicit ActivityLog(SQLite::Database& db) : db_(db) {}

    ActivityEntry append(Timestamp at, const std::string& officer, const std::string& kind,
                         const std::string& application, const std::string& detail);
    std::vector<ActivityEntry> entries(const std::string& application = "") const;

    // Recomputes the chain; returns the seq of the first entry that does not match, or nullopt if all do.
    std::optional<std::int64_t> first_broken() const;

    // The hash an entry must carry, from its fields and the previous hash.
    static std::string entry_hash(const ActivityEntry& e);

  private:
    SQLite::Database& db_;
};

}  // namespace jaanch::store
