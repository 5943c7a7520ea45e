#include "sync/document_downloader.h"

#include <curl/curl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <deque>
#include <filesystem>
#include <memory>
#include <mutex>

#include "store/sqlite_database.h"
#include "sync/sync_error.h"
#include "util/json_reader.h"
#include "util/worker.h"

namespace jaanch::sync {
namespace {

constexpr std::size_t kMaxErrorBody = 4096;

struct Transfer {
    DownloadRequest request;
    int attempt = 0;
    bool damaged = false;
    CURL* easy = nullptr;
    curl_slist* headers = nullptr;
    std::FILE* file = nullptr;
    std::uint64_t offset = 0;    // bytes already in the partial file when this attempt started
    std::uint64_t received = 0;  // bytes written in this attempt
    bool started = false;
    long status = 0;
    std::string error_body;
    bool disk_full = false;
    std::string write_error;
    const std::function<void(std::uint64_t)>* on_bytes = nullptr;
    std::string url;
    std::string range;
    std::string auth;

    ~Transfer() { close(); }
    void close() {
        if (easy != nullptr)
            curl_easy_cleanup(easy);
        easy = nullptr;
        curl_slist_free_all(headers);
        headers = nullptr;
        if (file != nullptr)
            std::fclose(file);
        file = nullptr;
    }
    // Closes the file and reports whether everything written reached it.
    bool finish_file() {
        if (file == nullptr)
            return true;
        const bool ok = std::fflush(file) == 0;
        if (!ok && errno == ENOSPC)
            disk_full = true;
        const bool closed = std::fclose(file) == 0;
        if (!closed && errno == ENOSPC)
            disk_full = true;
        file = nullptr;
        return ok && closed;
    }
};

size_t write_chunk(char* data, size_t size, size_t count, void* user) {
    auto* t = static_cast<Transfer*>(user);
    const size_t len = size * count;
    if (!t->started) {
        t->started = true;
        curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &t->status);
        if (t->status == 200 && t->offset > 0) {
            // The server sent the whole file instead of the range: start the partial file over.
            if (::ftruncate(fileno(t->file), 0) != 0 || std::fseek(t->file, 0, SEEK_SET) != 0) {
                t->write_error = std::strerror(errno);
                return 0;
            }
            t->offset = 0;
        }
    }
    if (t->status != 200 && t->status != 206) {
        if (t->error_body.size() < kMaxErrorBody)
            t->error_body.append(data, std::min(len, kMaxErrorBody));
        return len;
    }
    if (std::fwrite(data, 1, len, t->file) != len) {
        if (errno == ENOSPC)
            t->disk_full = true;
        else
            t->write_error = std::strerror(errno);
        return 0;  // aborts the transfer
    }
    t->received += len;
    (*t->on_bytes)(len);
    return len;
}

std::string hub_message(const std::string& body) {
    try {
        const auto j = json::Json::parse(body);
        if (j.is_object() && j.contains("message") && j["message"].is_string())
            return j["message"].get<std::string>();
    } catch (const json::Json::exception&) {
    }
    return "no explanation";
}

// Verifies finished downloads and moves them into place on an async::Worker's threads (a SHA-256 pass and two
// fsyncs per document), so the network keeps flowing meanwhile. Results are collected by the downloading
// thread, not the main thread, so they wait here rather than travel through dispatch::to_main.
class Finisher {
  public:
    struct Result {
        std::unique_ptr<Transfer> transfer;
        bool ok = false;
        bool disk_full = false;
        std::string error;
    };

    Finisher(store::DocumentFolder& folder, CURLM* multi, unsigned threads)
        : folder_(folder), multi_(multi), worker_("doc-finish", threads) {}
    void submit(std::unique_ptr<Transfer> t) {
        {
            std::lock_guard lock(mutex_);
            ++in_flight_;
        }
        // std::function needs a copyable task, so the transfer travels in a shared holder.
        auto held = std::make_shared<std::unique_ptr<Transfer>>(std::move(t));
        worker_.post([this, held] { finish(std::move(*held)); });
    }
    std::vector<Result> take() {
        std::lock_guard lock(mutex_);
        std::vector<Result> out = std::move(results_);
        results_.clear();
        in_flight_ -= out.size();
        return out;
    }
    std::size_t in_flight() {
        std::lock_guard lock(mutex_);
        return in_flight_;
    }
    void wait_for_result(std::chrono::milliseconds timeout) {
        std::unique_lock lock(mutex_);
        done_.wait_for(lock, timeout, [this] { return !results_.empty(); });
    }

  private:
    void finish(std::unique_ptr<Transfer> t) {
        Result r;
        try {
            r.ok = folder_.complete_partial(t->request.sha256);
        } catch (const store::DiskFullError&) {
            r.disk_full = true;
        } catch (const std::exception& e) {
            r.error = e.what();
        }
        r.transfer = std::move(t);
        {
            std::lock_guard lock(mutex_);
            results_.push_back(std::move(r));
        }
        done_.notify_all();
        curl_multi_wakeup(multi_);
    }

    store::DocumentFolder& folder_;
    CURLM* multi_;
    std::mutex mutex_;
    std::condition_variable done_;
    std::vector<Result> results_;  // guarded by mutex_
    std::size_t in_flight_ = 0;    // submitted and not yet taken; guarded by mutex_
    async::Worker worker_;         // last: drains and joins before the results it fills are destroyed
};

}  // namespace

DocumentDownloader::DocumentDownloader(std::string base_url, std::string token, store::DocumentFolder& folder,
                                       DownloadOptions options)
    : base_url_(std::move(base_url)), token_(std::move(token)), folder_(folder), options_(options) {
    while (!base_url_.empty() && base_url_.back() == '/')
        base_url_.pop_back();
    if (options_.parallel < 1)
        options_.parallel = 1;
    if (options_.attempts < 1)
        options_.attempts = 1;
}

void DocumentDownloader::run(const std::vector<DownloadRequest>& requests,
                             const std::function<void(std::uint64_t)>& on_bytes,
                             const std::function<void(const DownloadResult&)>& on_done,
                             const std::atomic<bool>* cancel) {
    CURLM* multi = curl_multi_init();
    if (multi == nullptr)
        throw SyncError("libcurl could not start the document downloads; the process is out of memory.");
    struct MultiGuard {
        CURLM* m;
        ~MultiGuard() { curl_multi_cleanup(m); }
    } multi_guard{multi};
    curl_multi_setopt(multi, CURLMOPT_MAX_HOST_CONNECTIONS, static_cast<long>(options_.parallel));
    curl_multi_setopt(multi, CURLMOPT_MAXCONNECTS, static_cast<long>(options_.parallel));
    Finisher finisher(folder_, multi, 2);

    // Bytes of the last second, to tell a fast link from a slow one.
    using Clock = std::chrono::steady_clock;
    const auto started = Clock::now();
    std::deque<std::pair<Clock::time_point, std::uint64_t>> recent;
    std::uint64_t recent_bytes = 0;
    const std::function<void(std::uint64_t)> count_bytes = [&](std::uint64_t n) {
        recent.emplace_back(Clock::now(), n);
        recent_bytes += n;
        on_bytes(n);
    };
    auto concurrency = [&] {
        const auto now = Clock::now();
        while (!recent.empty() && now - recent.front().first > std::chrono::seconds(1)) {
            recent_bytes -= recent.front().second;
            recent.pop_front();
        }
        const int slow = std::clamp(options_.slow_link_parallel, 1, options_.parallel);
        if (now - started < std::chrono::milliseconds(100))
            return slow;
        const double window = std::min(1.0, std::chrono::duration<double>(now - started).count());
        return static_cast<double>(recent_bytes) / window >=
                       static_cast<double>(options_.fast_link_bytes_per_second)
                   ? options_.parallel
                   : slow;
    };

    std::deque<std::unique_ptr<Transfer>> waiting;
    for (const auto& r : requests) {
        auto t = std::make_unique<Transfer>();
        t->request = r;
        t->on_bytes = &count_bytes;
        waiting.push_back(std::move(t));
    }
    std::vector<std::unique_ptr<Transfer>> active;
    bool disk_full = false, auth_expired = false, offline = false;
    std::string offline_reason;
    std::string auth_message;
    // A cap below the fast-link rate keeps the downloads in slow-link mode: share it among those transfers.
    const int capped_transfers = options_.max_bytes_per_second < options_.fast_link_bytes_per_second
                                     ? std::clamp(options_.slow_link_parallel, 1, options_.parallel)
                                     : options_.parallel;
    const curl_off_t per_transfer_cap =
        options_.max_bytes_per_second == 0
            ? 0
            : static_cast<curl_off_t>(std::max<std::uint64_t>(
                  1024, options_.max_bytes_per_second / static_cast<std::uint64_t>(capped_transfers)));

    // Starts one attempt; false when the document needs no transfer (already complete, or finished from its
    // partial file).
    auto start = [&](std::unique_ptr<Transfer> t) {
        const std::string& sha = t->request.sha256;
        if (folder_.has(sha)) {
            on_done(DownloadResult{sha, true, t->damaged, ""});
            return;
        }
        std::uint64_t have = folder_.partial_size(sha);
        if (t->request.size > 0 && have >= t->request.size) {
            if (have == t->request.size && folder_.complete_partial(sha)) {
                on_done(DownloadResult{sha, true, t->damaged, ""});
                return;
            }
            std::filesystem::remove(folder_.partial_path(sha));
            have = 0;
        }
        t->file = std::fopen(folder_.partial_path(sha).c_str(), "ab");
        if (t->file == nullptr) {
            if (errno == ENOSPC) {
                disk_full = true;
                return;
            }
            on_done(DownloadResult{
                sha, false, t->damaged,
                "Cannot write " + folder_.partial_path(sha).string() + ": " + std::strerror(errno)});
            return;
        }
        t->offset = have;
        t->received = 0;
        t->started = false;
        t->status = 0;
        t->error_body.clear();
        t->easy = curl_easy_init();
        t->url = base_url_ + "/v1/documents/" + sha;
        t->auth = "Authorization: Bearer " + token_;
        t->headers = curl_slist_append(nullptr, t->auth.c_str());
        curl_easy_setopt(t->easy, CURLOPT_URL, t->url.c_str());
        curl_easy_setopt(t->easy, CURLOPT_HTTPHEADER, t->headers);
        curl_easy_setopt(t->easy, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(t->easy, CURLOPT_CONNECTTIMEOUT_MS,
                         static_cast<long>(options_.connect_timeout.count()));
        curl_easy_setopt(t->easy, CURLOPT_LOW_SPEED_LIMIT, 1L);
        curl_easy_setopt(t->easy, CURLOPT_LOW_SPEED_TIME, static_cast<long>(options_.stall_timeout.count()));
        curl_easy_setopt(t->easy, CURLOPT_WRITEFUNCTION, write_chunk);
        curl_easy_setopt(t->easy, CURLOPT_WRITEDATA, t.get());
        curl_easy_setopt(t->easy, CURLOPT_PRIVATE, t.get());
        if (per_transfer_cap > 0)
            curl_easy_setopt(t->easy, CURLOPT_MAX_RECV_SPEED_LARGE, per_transfer_cap);
        if (have > 0) {
            t->range = std::to_string(have) + "-";
            curl_easy_setopt(t->easy, CURLOPT_RANGE, t->range.c_str());
        }
        curl_multi_add_handle(multi, t->easy);
        active.push_back(std::move(t));
    };

    auto retry_or_fail = [&](std::unique_ptr<Transfer> t, const std::string& why, bool count_attempt) {
        if (count_attempt)
            ++t->attempt;
        if (t->attempt < options_.attempts) {
            waiting.push_front(std::move(t));
        } else {
            on_done(DownloadResult{t->request.sha256, false, t->damaged, why});
        }
    };

    // One finished attempt: verify, retry or report.
    auto finished = [&](std::unique_ptr<Transfer> t, CURLcode rc) {
        curl_multi_remove_handle(multi, t->easy);
        const bool no_progress = t->received == 0;
        const bool file_ok = t->finish_file();
        if (t->disk_full) {
            disk_full = true;
            return;
        }
        if (t->status == 0)
            curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &t->status);
        curl_easy_cleanup(t->easy);
        t->easy = nullptr;
        curl_slist_free_all(t->headers);
        t->headers = nullptr;
        const std::string& sha = t->request.sha256;
        if (rc != CURLE_OK || !file_ok) {
            const std::string why = !t->write_error.empty() ? "writing failed: " + t->write_error
                                                            : std::string(curl_easy_strerror(rc));
            // A transfer that moved bytes made progress (the partial file keeps them): not a lost attempt.
            const bool unreachable = rc == CURLE_COULDNT_CONNECT || rc == CURLE_COULDNT_RESOLVE_HOST;
            if (unreachable) {  // the rest would fail the same way: stop starting transfers
                offline = true;
                offline_reason = why;
                waiting.push_front(std::move(t));
                return;
            }
            retry_or_fail(std::move(t), "The download broke off (" + why + ").", no_progress);
            return;
        }
        if (t->status == 401) {
            auth_expired = true;
            auth_message = hub_message(t->error_body);
            return;
        }
        if (t->status == 416) {  // the partial file is longer than the document: start over
            std::filesystem::remove(folder_.partial_path(sha));
            retry_or_fail(std::move(t), "The hub refused the resume range.", true);
            return;
        }
        if (t->status >= 500 || t->status == 429) {
            const std::string why = "The hub failed to send it (HTTP " + std::to_string(t->status) + ": " +
                                    hub_message(t->error_body) + ").";
            retry_or_fail(std::move(t), why, true);
            return;
        }
        if (t->status != 200 && t->status != 206) {
            on_done(DownloadResult{sha, false, t->damaged,
                                   "The hub refused it (HTTP " + std::to_string(t->status) + ": " +
                                       hub_message(t->error_body) + ")."});
            return;
        }
        if (t->request.size > 0 && folder_.partial_size(sha) < t->request.size) {
            retry_or_fail(std::move(t), "The download ended early.", no_progress);
            return;
        }
        finisher.submit(std::move(t));
    };

    auto verified = [&](Finisher::Result r) {
        std::unique_ptr<Transfer> t = std::move(r.transfer);
        const std::string sha = t->request.sha256;
        if (r.disk_full) {
            disk_full = true;
        } else if (!r.error.empty()) {
            on_done(DownloadResult{sha, false, t->damaged, r.error});
        } else if (r.ok) {
            on_done(DownloadResult{sha, true, t->damaged, ""});
        } else {
            t->damaged = true;  // complete_partial deleted the bad copy; the next attempt starts from byte 0
            retry_or_fail(std::move(t),
                          "Every copy received had the wrong SHA-256; the hub's copy may be damaged.", true);
        }
    };

    while ((!waiting.empty() || !active.empty() || finisher.in_flight() > 0) && !disk_full && !auth_expired) {
        for (auto& r : finisher.take())
            verified(std::move(r));
        const bool cancelled = cancel != nullptr && cancel->load();
        const int limit = concurrency();
        while (!cancelled && !offline && !disk_full && static_cast<int>(active.size()) < limit &&
               !waiting.empty()) {
            auto t = std::move(waiting.front());
            waiting.pop_front();
            start(std::move(t));
        }
        if ((cancelled || offline) && active.empty() && finisher.in_flight() == 0)
            break;
        if (active.empty()) {
            if (!waiting.empty() && !cancelled && !offline)
                continue;
            finisher.wait_for_result(std::chrono::milliseconds(50));
            continue;
        }
        int running = 0;
        curl_multi_perform(multi, &running);
        int left = 0;
        while (CURLMsg* msg = curl_multi_info_read(multi, &left)) {
            if (msg->msg != CURLMSG_DONE)
                continue;
            Transfer* raw = nullptr;
            curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, &raw);
            const CURLcode rc = msg->data.result;
            for (auto it = active.begin(); it != active.end(); ++it) {
                if (it->get() != raw)
                    continue;
                auto t = std::move(*it);
                active.erase(it);
                finished(std::move(t), rc);
                break;
            }
        }
        if (!active.empty() && running > 0)
            curl_multi_poll(multi, nullptr, 0, 100, nullptr);
    }
    for (auto& t : active) {
        curl_multi_remove_handle(multi, t->easy);
        t->finish_file();  // keep what arrived: the next run resumes from it
    }
    active.clear();
    if (disk_full)
        throw store::DiskFullError(
            "The disk holding the workspace is full, so document downloads stopped. Free some "
            "space (or move the workspace with --workspace) and sync again; partial downloads "
            "resume where they stopped.");
    if (offline)
        throw Offline("The hub could not be reached for documents (" + offline_reason +
                      "); the rest follow at the next sync.");
    if (auth_expired)
        throw AuthExpired("The hub no longer accepts this session (" + auth_message +
                          ") Log in again with `jaanch-cli login`; downloaded documents are kept.");
}

}  // namespace jaanch::sync
