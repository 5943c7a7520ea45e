// How the sync engine tells whoever shows it what is happening, without knowing what a UI is. The CLI prints
// a progress bar; the workstation shows a status-bar item; both get the same numbers from here.
//
// Threads: the engine calls the observer on the thread that runs it. A background runner (the workstation)
// wraps its observer so calls reach the UI thread through dispatch::to_main (docs/architecture.md,
// "Threads").
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace jaanch::sync {

enum class SyncPhase { login, push, pull, documents, idle };

struct SyncProgress {
    SyncPhase phase = SyncPhase::idle;
    std::uint64_t items_done = 0;
    std::uint64_t items_total = 0;  // 0 when unknown (pull: the hub does not say how many pages)
    std::uint64_t bytes_done = 0;
    std::uint64_t bytes_total = 0;
    double bytes_per_second = 0;              // over the last few seconds
    std::optional<std::chrono::seconds> eta;  // unknown until a rate is measured
};

struct SyncStatus {
    bool online = false;
    bool needs_login = false;           // the session expired: ask for the password again
    std::size_t decisions_waiting = 0;  // pending or sending in the outbox
    std::string message;  // one sentence: "Online; 3 decisions waiting." / the reason it is offline
};

// Something the officer should know that does not stop the sync: a decision the hub rejected, a document that
// arrived damaged and was fetched again, a conflict.
struct SyncNotice {
    enum class Kind {
        decision_accepted,
        decision_rejected,
        decision_conflict,
        document_complete,  // verified and in the document folder: the viewer may open it now
        document_damaged,
        document_failed
    };
    Kind kind;
    std::string subject;  // decision id or document SHA-256
    std::string message;
};

class SyncObserver {
  public:
    virtual ~SyncObserver() = default;
    virtual void on_progress(const SyncProgress& progress) = 0;
    virtual void on_status(const SyncStatus& status) = 0;
    virtual void on_notice(const SyncNotice& notice) = 0;
};

// An observer that ignores everything (for callers that only want the final report).
class QuietObserver : public SyncObserver {
  public:
    void on_progress(const SyncProgress&) override {}
    void on_status(const SyncStatus&) override {}
    void on_notice(const SyncNotice&) override {}
};

}  // namespace jaanch::sync
