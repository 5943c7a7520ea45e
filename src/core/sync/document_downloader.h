// Background document downloads with libcurl's multi interface: several transfers at once over kept-alive
// connections, each into the document folder's partial file and resumed from where it stopped with an HTTP
// Range request. A document counts as complete only after DocumentFolder::complete_partial has checked its
// SHA-256; a mismatch is fetched once more from the start and reported.
//
// Threads: run() works on the calling thread and calls every callback there; one run() at a time per object.
// Errors: DiskFullError (store) as soon as a write hits a full disk, after closing every transfer;
// AuthExpired when the hub answers 401; Offline when the hub cannot be connected to (the documents not
// started stay as they are). Every other failure of one document is reported through on_done and the rest go
// on. Verifying and fsyncing finished documents runs on a two-thread async::Worker (util/worker.h) owned by
// run(), which collects the outcomes itself (nothing goes to the main thread) and joins it before returning.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "store/document_folder.h"

namespace jaanch::sync {

struct DownloadOptions {
    int parallel = 6;  // transfers at once (and connections to the hub) on a fast link
    // On a slow link more transfers only share it thinner, so the application due first takes longer to
    // become whole. Downloads start with `slow_link_parallel` transfers and widen to `parallel` once the last
    // second brought at least `fast_link_bytes_per_second`; they narrow again when it falls below.
    int slow_link_parallel = 2;
    std::uint64_t fast_link_bytes_per_second = 256 * 1024;
    std::uint64_t max_bytes_per_second = 0;  // 0 = no cap; else shared out between the transfers
    int attempts = 3;                        // per document in one run, including a re-fetch after a bad hash
    std::chrono::milliseconds connect_timeout{5000};
    std::chrono::seconds stall_timeout{30};  // less than 1 byte/s for this long: the transfer is broken
};

struct DownloadRequest {
    std::string sha256;
    std::uint64_t size = 0;
};

struct DownloadResult {
    std::string sha256;
    bool complete = false;
    bool damaged = false;  // at least one copy arrived with the wrong SHA-256
    std::string error;     // why it is not complete; empty on success
};

class DocumentDownloader {
  public:
    DocumentDownloader(std::string base_url, std::string token, store::DocumentFolder& folder,
                       DownloadOptions options = {});

    // Fetches `requests` in the given order (`parallel` at a time). on_bytes gets every received chunk's
    // size; on_done each document's outcome. Stops early (finishing nothing further) when `cancel` becomes
    // true.
    void run(const std::vector<DownloadRequest>& requests, const std::function<void(std::uint64_t)>& on_bytes,
             const std::function<void(const DownloadResult&)>& on_done,
             const std::atomic<bool>* cancel = nullptr);

  private:
    std::string base_url_;
    std::string token_;
    store::DocumentFolder& folder_;
    DownloadOptions options_;
};

}  // namespace jaanch::sync
