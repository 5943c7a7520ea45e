// SandboxedEngine: a DocumentEngine whose parsing and rendering happen in a jaanch-render helper process
// (helper_process.h) under bubblewrap and seccomp. Callers use it like any engine; open it through
// sandbox::open_document (isolated_open.h) rather than directly, so the password flow stays the same.
//
// Helpers: each instance owns at most one helper, started on first need (open, then on the first request
// after a failure), so clones made by RenderService workers render in parallel in their own processes and a
// crash takes down only the instance that met it. The instances of one document share a small pool of idle
// helpers that already have the document open: a prototype parks its helper there (become_prototype), an
// instance that ends parks its healthy helper, and an instance that needs one takes it from there before
// starting a new one — so the first render after opening costs no new process and no second parse. Page count
// and sizes come back with the open reply and are shared (immutable) by all clones: page_count() and
// page_size() never talk to a helper.
//
// Threads: one thread per instance at a time; clone() is thread-safe (reads immutable shared state only).
// Errors: DocumentError / PasswordError / LimitError exactly as the in-process engines raise them (the
// helper's failures are re-raised by kind); SandboxFailure when the helper crashed, hung or broke protocol —
// the next call starts a fresh helper.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "viewer/engine/document_engine.h"
#include "viewer/sandbox/helper_process.h"

namespace jaanch::viewer::sandbox {

class SandboxedEngine : public DocumentEngine {
  public:
    // Starts (or takes the warm) helper and opens the bytes there as `format` (from sniff_format). An
    // encrypted PDF opens locked (see locked()/unlock()).
    static std::unique_ptr<SandboxedEngine> open(SharedBytes bytes, std::string_view format,
                                                 const EngineLimits& limits, const SandboxOptions& options);
    // For the test build of the helper only (jaanch-render-test opens one document after another; the real
    // helper serves one document per process so two citizens' uploads never share one): opens in `helper`
    // (started when null). On a document error the helper stays in `helper`; on a SandboxFailure it is gone.
    static std::unique_ptr<SandboxedEngine> open_reusing(SharedBytes bytes, std::string_view format,
                                                         const EngineLimits& limits,
                                                         const SandboxOptions& options,
                                                         std::unique_ptr<HelperProcess>& helper);
    // Hands this instance's helper back (null when none is running), e.g. to open_reusing.
    std::unique_ptr<HelperProcess> release_helper() { return std::move(helper_); }
    ~SandboxedEngine() override;

    bool locked() const { return !sizes_; }
    bool unlock(const std::string& password);
    const std::string& password() const { return password_; }
    Protection protection() const;

    std::string_view format() const override;
    int page_count() const override;
    SizeF page_size(int page) override;
    Bitmap render(const RenderRequest& request) override;
    std::vector<TextBox> text_boxes(int page) override;
    std::unique_ptr<DocumentEngine> clone() const override;
    void become_prototype() override;  // parks the helper for the first clone (only when unlocked)

    // Test hooks (honoured only by the jaanch-render-test build): crash or hang the helper, or run the
    // hostile self-test and return its report. Starts a helper when none is running.
    std::string test_hook(ipc::TestAction action, const std::string& argument = {});
    // The helper currently running for this instance (0 when none): tests check it is replaced.
    pid_t helper_pid() const { return helper_ ? helper_->pid() : 0; }

  private:
    struct Shared;
    explicit SandboxedEngine(std::shared_ptr<const Shared> shared);
    void ensure_helper();
    void park_helper();  // into the document's pool, when healthy and the pool has room; else ends it
    void start_helper(std::unique_ptr<HelperProcess> helper);  // opens (and unlocks) the document in it
    ipc::Reply call(const ipc::Request& request, UniqueFd* reply_fd = nullptr);
    ipc::Reply open_in(HelperProcess& helper);

    std::shared_ptr<const Shared> shared_;
    std::string password_;
    std::shared_ptr<const std::vector<SizeF>> sizes_;  // null while locked
    std::unique_ptr<HelperProcess> helper_;
};

}  // namespace jaanch::viewer::sandbox
