#include "sync/sync_engine.h"

#include <deque>
#include <memory>

#include "store/review_store.h"
#include "store/sqlite_database.h"
#include "sync/history_check.h"
#include "sync/sync_error.h"

namespace jaanch::sync {
namespace {

using Clock = std::chrono::steady_clock;

// Bytes per second over the last few seconds, for the rate and the time left.
class RateMeter {
  public:
    void add(std::uint64_t bytes) {
        const auto now = Clock::now();
        samples_.push_back({now, bytes});
        window_bytes_ += bytes;
        while (!samples_.empty() && now - samples_.front().first > std::chrono::seconds(5)) {
            window_bytes_ -= samples_.front().second;
            samples_.pop_front();
        }
    }
    double rate() const {
        if (samples_.size() < 2)
            return 0;
        const double seconds = std::chrono::duration<double>(Clock::now() - samples_.front().first).count();
        return seconds > 0.05 ? static_cast<double>(window_bytes_) / seconds : 0;
    }

  private:
    std::deque<std::pair<Clock::time_point, std::uint64_t>> samples_;
    std::uint64_t window_bytes_ = 0;
};

}  // namespace

void save_session(store::Workspace& workspace, const std::string& hub_url, const std::string& user,
                  const Login& login) {
    workspace.set_sync_values({{"hub_url", hub_url},
                               {"user", user},
                               {"token", login.token},
                               {"token_expires_at", format_timestamp(login.expires_at)},
                               {"officer", json::Json(login.officer).dump()},
                               {"supervisor", login.supervisor ? "true" : "false"}});
}

std::string end_session(store::Workspace& workspace, Timestamp now, HubClientOptions options) {
    const std::string hub = workspace.sync_value("hub_url"), token = workspace.sync_value("token");
    std::string officer;
    try {
        officer = session_officer(workspace).id;
    } catch (const SyncError&) {
        // Never logged in: there is no officer to name, and no token to end.
    }
    workspace.set_sync_values({{"token", ""}, {"token_expires_at", ""}});
    std::string problem;
    if (!hub.empty() && !token.empty()) {
        try {
            HubClient client(hub, options);
            client.set_token(token);
            client.logout();
        } catch (const std::exception& e) {
            problem = std::string("The hub could not be told (") + e.what() +
                      "); the session ends by itself when it expires.";
        }
    }
    workspace.activity().append(now, officer, "logged_out", "", problem.empty() ? hub : problem);
    return problem;
}

model::Officer session_officer(const store::Workspace& workspace) {
    const std::string text = workspace.sync_value("officer");
    if (text.empty())
        throw SyncError(
            "The workspace " + workspace.dir().string() +
            " has never been logged in to a hub. Run `jaanch-cli login --hub URL --user NAME` first.");
    model::Officer officer;
    model::read_value(json::parse_text(text, "stored officer"), "$", officer);
    return officer;
}

std::size_t decisions_waiting(store::Workspace& workspace) {
    return workspace.outbox().count(store::OutboxState::pending) +
           workspace.outbox().count(store::OutboxState::sending);
}

SyncEngine::SyncEngine(store::Workspace& workspace, SyncObserver& observer, SyncOptions options)
    : workspace_(workspace), observer_(observer), options_(options) {}

void SyncEngine::status(bool online, bool needs_login, const std::string& message) {
    observer_.on_status(SyncStatus{online, needs_login, decisions_waiting(workspace_), message});
}

SyncReport SyncEngine::run() {
    SyncReport report;
    const std::string hub_url = workspace_.sync_value("hub_url");
    const std::string token = workspace_.sync_value("token");
    if (hub_url.empty() || token.empty()) {
        report.needs_login = true;
        report.problem =
            "This workspace is not logged in to a hub. Run `jaanch-cli login --hub URL --user NAME`.";
        report.decisions_waiting = decisions_waiting(workspace_);
        status(false, true, report.problem);
        return report;
    }
    HubClient client(hub_url, options_.client);
    client.set_token(token);
    OutboxPusher pusher(workspace_, client, observer_, options_.backoff);
    pusher.recover();
    try {
        report.pushed = pusher.push(now_utc(), options_.ignore_backoff);
        if (report.pushed.offline)
            throw Offline("The hub at " + hub_url + " could not be reached.");
        report.online = true;
        status(true, false, "Online.");
        if (!cancel_) {
            pull(client, report);
            // The queue is as fresh as the hub's: what "Last sync" in the status bar and `jaanch-cli queue`
            // show.
            workspace_.set_sync_value("last_sync", format_timestamp(now_utc()));
        }
        if (!cancel_ && options_.documents)
            download(report);
        if (!cancel_ && options_.history) {
            fetch_crls(client, report);
            fetch_history(client, report);
        }
    } catch (const AuthExpired& e) {
        report.online = true;
        report.needs_login = true;
        report.problem = e.what();
        status(true, true, e.what());
    } catch (const Offline& e) {
        report.online = false;
        report.problem = e.what();
        status(false, false, e.what());
    } catch (const ServerError& e) {
        report.problem = e.what();
        status(true, false, e.what());
    } catch (const store::DiskFullError& e) {
        report.disk_full = true;
        report.problem = e.what();
        status(report.online, false, e.what());
    }
    report.decisions_waiting = decisions_waiting(workspace_);
    if (report.problem.empty())
        status(true, false,
               "Online; " + std::to_string(report.decisions_waiting) + " decision" +
                   (report.decisions_waiting == 1 ? "" : "s") + " waiting.");
    return report;
}

void SyncEngine::pull(HubClient& client, SyncReport& report) {
    SyncProgress progress;
    progress.phase = SyncPhase::pull;
    std::string cursor = workspace_.cursor();
    for (;;) {
        const QueueChanges page = client.queue(cursor, options_.page_size);
        std::vector<model::Application> apps;
        apps.reserve(page.entries.size());
        for (const auto& e : page.entries)
            apps.push_back(e.application);
        workspace_.store_applications(apps, page.cursor);
        std::vector<store::ClaimChange> claims;
        claims.reserve(page.entries.size());
        for (const auto& e : page.entries)
            claims.push_back({e.application.number, e.claimed_by});
        workspace_.set_claims(claims);
        report.applications_pulled += apps.size();
        progress.items_done = report.applications_pulled;
        observer_.on_progress(progress);
        cursor = page.cursor;
        if (!page.more || cancel_)
            break;
    }
}

void SyncEngine::fetch_crls(HubClient& client, SyncReport& report) {
    try {
        store_crls(workspace_, client.crls());
    } catch (const HubRefused&) {
        // A hub from before GET /v1/crls: history is then checked without revocation, as it was.
    } catch (const ServerError& e) {
        // The history signatures are still worth fetching; revocation is judged with the CRLs already here.
        report.problem = std::string("The hub could not send its revocation lists (") + e.what() +
                         "); earlier decisions are checked against the lists from the last sync.";
    }
}

void SyncEngine::fetch_history(HubClient& client, SyncReport& report) {
    // Looking costs a scan of every pending application's history (~0.5 s at 100,000): only when this sync
    // pulled something, or the last one stopped at the limit.
    if (report.applications_pulled == 0 && workspace_.sync_value("history_backlog") == "0")
        return;
    const auto lacking =
        store::ReviewStore(workspace_).applications_lacking_signatures(options_.history_limit);
    workspace_.set_sync_value("history_backlog", "1");  // until every one of them has been asked for
    for (const auto& number : lacking) {
        if (cancel_)
            break;
        try {
            store_history(workspace_, number, client.history(number), now_utc());
            ++report.histories_fetched;
        } catch (const HubRefused&) {
            // Moved out of this officer's reach since the pull: fetched if it comes back.
        }
    }
    if (!cancel_ && lacking.size() < options_.history_limit)
        workspace_.set_sync_value("history_backlog", "0");
}

void SyncEngine::download(SyncReport& report) {
    const auto wanted = workspace_.documents_to_fetch(std::numeric_limits<std::int32_t>::max());
    if (wanted.empty())
        return;
    std::vector<DownloadRequest> requests;
    requests.reserve(wanted.size());
    SyncProgress progress;
    progress.phase = SyncPhase::documents;
    progress.items_total = wanted.size();
    for (const auto& w : wanted) {
        requests.push_back({w.sha256, w.size});
        progress.bytes_total += w.size;
        // Bytes already on disk from an earlier, interrupted run count as done.
        progress.bytes_done += workspace_.documents().partial_size(w.sha256);
    }
    observer_.on_progress(progress);

    RateMeter meter;
    auto last_report = Clock::now();
    auto publish = [&](bool force) {
        const auto now = Clock::now();
        if (!force && now - last_report < std::chrono::milliseconds(200))
            return;
        last_report = now;
        progress.bytes_per_second = meter.rate();
        if (progress.bytes_per_second > 0 && progress.bytes_total >= progress.bytes_done)
            progress.eta = std::chrono::seconds(static_cast<std::int64_t>(
                static_cast<double>(progress.bytes_total - progress.bytes_done) / progress.bytes_per_second));
        observer_.on_progress(progress);
    };

    // Document states are written in batches: one fsync per batch rather than per document.
    std::vector<DownloadResult> finished;
    auto flush = [&] {
        if (finished.empty())
            return;
        std::vector<store::DocumentStateChange> states;
        states.reserve(finished.size());
        for (const auto& r : finished) {
            if (r.complete) {
                states.push_back({r.sha256, store::DocumentState::complete, ""});
            } else {
                const bool partial = workspace_.documents().partial_size(r.sha256) > 0;
                states.push_back(
                    {r.sha256,
                     r.damaged ? store::DocumentState::corrupt
                               : (partial ? store::DocumentState::partial : store::DocumentState::missing),
                     r.error});
            }
        }
        workspace_.set_document_states(states);
        finished.clear();
    };
    auto last_flush = Clock::now();

    DocumentDownloader downloader(workspace_.sync_value("hub_url"), workspace_.sync_value("token"),
                                  workspace_.documents(), options_.download);
    try {
        downloader.run(
            requests,
            [&](std::uint64_t bytes) {
                progress.bytes_done += bytes;
                report.bytes += bytes;
                meter.add(bytes);
                publish(false);
            },
            [&](const DownloadResult& r) {
                ++progress.items_done;
                if (r.complete) {
                    ++report.documents_fetched;
                    observer_.on_notice({SyncNotice::Kind::document_complete, r.sha256, ""});
                } else {
                    ++report.documents_failed;
                }
                if (r.damaged) {
                    ++report.documents_damaged;
                    observer_.on_notice(
                        {SyncNotice::Kind::document_damaged, r.sha256,
                         r.complete ? "Document " + r.sha256.substr(0, 12) +
                                          " arrived damaged and was fetched again."
                                    : "Document " + r.sha256.substr(0, 12) + " arrived damaged: " + r.error});
                } else if (!r.complete) {
                    observer_.on_notice(
                        {SyncNotice::Kind::document_failed, r.sha256,
                         "Document " + r.sha256.substr(0, 12) + " is not downloaded: " + r.error});
                }
                finished.push_back(r);
                if (finished.size() >= 256 || Clock::now() - last_flush > std::chrono::milliseconds(500)) {
                    flush();
                    last_flush = Clock::now();
                }
                publish(false);
            },
            &cancel_);
    } catch (...) {
        flush();
        throw;
    }
    flush();
    publish(true);
}

}  // namespace jaanch::sync
