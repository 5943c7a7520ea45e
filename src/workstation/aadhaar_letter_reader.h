// Reading the open application's Aadhaar letter in the background (read_letters, aadhaar_letter.h), on the
// project's one background-work primitive (util/worker.h).
//
// Reading takes a second or so a letter, so a request starts after a delay (the officer reads the form first,
// and "next application" keeps the machine to itself), and a newer request replaces one not read yet: a
// queued one is dropped and one waiting out its delay ends at once. A reading already under way finishes
// and its findings are delivered; the caller drops findings for an application no longer open.
//
// Threads: construct, request() and destroy on the main thread (the UI thread in the workstation); one
// worker thread waits and reads; the handler runs on the main thread (dispatch::to_main: a poster must be
// installed) and never after the destructor began. Ownership: the owner (MainFrame) holds the reader; the
// destructor ends a wait at once and joins the worker, waiting for a letter being read, if any.
// Errors: a document's fault arrives as findings (aadhaar_letter.h); anything else escaping a reading is
// rethrown on the main thread by the worker.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>

#include "util/worker.h"
#include "workstation/aadhaar_letter.h"

namespace jaanch::workstation {

class QrReader {
  public:
    using Handler = std::function<void(QrFindings)>;
    explicit QrReader(Handler on_findings);
    ~QrReader();
    QrReader(const QrReader&) = delete;
    QrReader& operator=(const QrReader&) = delete;

    // Reads `sources` once `delay` has passed, unless another request comes first.
    void request(LetterSources sources, std::chrono::milliseconds delay);

  private:
    // On the worker: false when a newer request or the destructor ended the wait.
    bool wait_out(std::uint64_t generation, std::chrono::milliseconds delay);
    // Ends any wait under way; returns the generation a new request waits under.
    std::uint64_t replace_waiting();

    Handler on_findings_;
    std::mutex mutex_;  // only for the wait: the generation changes under it so no wake-up is lost
    std::condition_variable wake_;
    async::Generation generation_;
    async::Worker worker_{"qr-reader"};  // last: its threads end before the members they use
};

}  // namespace jaanch::workstation
