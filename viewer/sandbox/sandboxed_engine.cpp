#include "viewer/sandbox/sandboxed_engine.h"

#include <sys/stat.h>

#include <mutex>
#include <variant>

namespace jaanch::viewer::sandbox {
namespace {

[[noreturn]] void rethrow(const ipc::FailureReply& f) {
    switch (f.kind) {
        case ipc::FailureKind::password:
            throw PasswordError(f.message);
        case ipc::FailureKind::limit:
            throw LimitError(f.message);
        case ipc::FailureKind::document:
            break;
    }
    throw DocumentError(f.message);
}

// The reply `R`, or the failure it carries re-raised, or a protocol failure for anything else.
template <typename R>
R expect(ipc::Reply reply) {
    if (auto* f = std::get_if<ipc::FailureReply>(&reply))
        rethrow(*f);
    if (auto* r = std::get_if<R>(&reply))
        return std::move(*r);
    throw SandboxFailure(SandboxFailure::Reason::protocol,
                         "This document could not be displayed safely: the sandboxed renderer answered with "
                         "the wrong kind of message.");
}

std::shared_ptr<const std::vector<SizeF>> checked_sizes(std::vector<SizeF> sizes,
                                                        const EngineLimits& limits) {
    if (sizes.empty() || static_cast<long long>(sizes.size()) > limits.max_pages)
        throw SandboxFailure(SandboxFailure::Reason::protocol,
                             "This document could not be displayed safely: the sandboxed renderer reported " +
                                 std::to_string(sizes.size()) + " pages.");
    return std::make_shared<const std::vector<SizeF>>(std::move(sizes));
}

}  // namespace

struct SandboxedEngine::Shared {
    UniqueFd document;  // sealed memfd, sent to every helper of this document
    std::string format;
    EngineLimits limits;
    SandboxOptions options;
    Protection protection = Protection::bubblewrap_seccomp;
    // Idle helpers with this document open (and unlocked), for the next instance that needs one. Each
    // helper holds a warmed heap of a few tens of MB, so only one waits per document.
    static constexpr std::size_t kIdleHelpers = 1;
    mutable std::mutex pool_mutex;
    mutable std::vector<std::unique_ptr<HelperProcess>> idle;
};

SandboxedEngine::SandboxedEngine(std::shared_ptr<const Shared> shared) : shared_(std::move(shared)) {}

SandboxedEngine::~SandboxedEngine() {
    park_helper();
}

void SandboxedEngine::park_helper() {
    if (!helper_ || locked() || !helper_->answered() || !helper_->running()) {
        helper_.reset();
        return;
    }
    std::unique_ptr<HelperProcess> surplus;
    {
        std::lock_guard lock(shared_->pool_mutex);
        if (shared_->idle.size() < Shared::kIdleHelpers)
            shared_->idle.push_back(std::move(helper_));
        else
            surplus = std::move(helper_);
    }
    // Ended outside the lock: a helper may take up to 200 ms to exit.
}

void SandboxedEngine::become_prototype() {
    park_helper();
}

std::unique_ptr<SandboxedEngine> SandboxedEngine::open(SharedBytes bytes, std::string_view format,
                                                       const EngineLimits& limits,
                                                       const SandboxOptions& options) {
    auto helper = HelperProcess::start(options);
    auto shared = std::make_shared<Shared>();
    shared->document = sealed_memfd("jaanch-document", *bytes);
    shared->format = std::string(format);
    shared->limits = limits;
    shared->options = options;
    shared->protection = helper->protection();
    std::unique_ptr<SandboxedEngine> engine(new SandboxedEngine(std::move(shared)));
    engine->start_helper(std::move(helper));
    return engine;
}

std::unique_ptr<SandboxedEngine> SandboxedEngine::open_reusing(SharedBytes bytes, std::string_view format,
                                                               const EngineLimits& limits,
                                                               const SandboxOptions& options,
                                                               std::unique_ptr<HelperProcess>& helper) {
    if (!helper)
        helper = HelperProcess::start(options);
    auto shared = std::make_shared<Shared>();
    shared->document = sealed_memfd("jaanch-document", *bytes);
    shared->format = std::string(format);
    shared->limits = limits;
    shared->options = options;
    shared->protection = helper->protection();
    std::unique_ptr<SandboxedEngine> engine(new SandboxedEngine(std::move(shared)));
    try {
        engine->open_in(*helper);
    } catch (const SandboxFailure&) {
        helper.reset();  // gone; a document error instead leaves the helper with the caller
        throw;
    }
    engine->helper_ = std::move(helper);
    return engine;
}

void SandboxedEngine::start_helper(std::unique_ptr<HelperProcess> helper) {
    try {
        open_in(*helper);
    } catch (const SandboxFailure&) {
        if (helper->answered())
            throw;
        // A warm spare dies with the thread that started it (its parent-death signal); a fresh helper of
        // our own settles whether the document or the spare was at fault.
        SandboxOptions fresh = shared_->options;
        fresh.keep_warm_helper = false;
        helper = HelperProcess::start(fresh);
        open_in(*helper);
    }
    helper_ = std::move(helper);
}

ipc::Reply SandboxedEngine::open_in(HelperProcess& helper) {
    auto opened = expect<ipc::OpenedReply>(
        helper.call(ipc::OpenRequest{shared_->format, shared_->limits}, shared_->document.get()));
    if (!opened.locked) {
        if (!sizes_)
            sizes_ = checked_sizes(std::move(opened.page_sizes), shared_->limits);
        return opened;
    }
    if (!sizes_)
        return opened;  // the first open of an encrypted PDF: the caller's password flow follows
    auto unlocked = expect<ipc::UnlockedReply>(helper.call(ipc::UnlockRequest{password_}));
    if (!unlocked.ok)
        throw SandboxFailure(
            SandboxFailure::Reason::protocol,
            "This document could not be displayed safely: the sandboxed renderer refused the "
            "password that opened the document before.");
    return unlocked;
}

void SandboxedEngine::ensure_helper() {
    if (helper_)
        return;
    for (;;) {
        std::unique_ptr<HelperProcess> parked;
        {
            std::lock_guard lock(shared_->pool_mutex);
            if (shared_->idle.empty() || locked())
                break;
            parked = std::move(shared_->idle.back());
            shared_->idle.pop_back();
        }
        // A parked helper dies with the thread that started it; then try the next or start one.
        if (parked->running()) {
            helper_ = std::move(parked);
            return;
        }
    }
    start_helper(HelperProcess::start(shared_->options));
}

ipc::Reply SandboxedEngine::call(const ipc::Request& request, UniqueFd* reply_fd) {
    ensure_helper();
    try {
        return helper_->call(request, -1, reply_fd);
    } catch (const SandboxFailure&) {
        helper_.reset();  // the next request starts a fresh one
        throw;
    }
}

bool SandboxedEngine::unlock(const std::string& password) {
    if (!locked())
        return true;
    ensure_helper();
    ipc::UnlockedReply reply;
    try {
        reply = expect<ipc::UnlockedReply>(helper_->call(ipc::UnlockRequest{password}));
    } catch (const SandboxFailure&) {
        helper_.reset();
        throw;
    }
    if (!reply.ok)
        return false;
    password_ = password;
    sizes_ = checked_sizes(std::move(reply.page_sizes), shared_->limits);
    return true;
}

Protection SandboxedEngine::protection() const {
    return shared_->protection;
}

std::string_view SandboxedEngine::format() const {
    return shared_->format;
}

int SandboxedEngine::page_count() const {
    return sizes_ ? static_cast<int>(sizes_->size()) : 0;
}

SizeF SandboxedEngine::page_size(int page) {
    if (locked())
        throw PasswordError("The PDF is password-protected and has not been unlocked.");
    check_page(page);
    return (*sizes_)[static_cast<std::size_t>(page)];
}

Bitmap SandboxedEngine::render(const RenderRequest& request) {
    const SizeF size = page_size(request.page);
    if (!(request.scale > 1e-6 && request.scale <= ipc::kMaxScale))
        throw LimitError("A scale of " + std::to_string(request.scale) +
                         " pixels per point is outside what the "
                         "viewer renders.");
    const PixelSize full = device_size(size, request.scale, request.rotation);
    if (request.region) {
        const PixelRect& r = *request.region;
        if (r.x < 0 || r.y < 0 || r.width < 0 || r.height < 0 || r.x > ipc::kMaxPixelSide ||
            r.y > ipc::kMaxPixelSide || r.width > ipc::kMaxPixelSide || r.height > ipc::kMaxPixelSide)
            throw DocumentError("The region asked for lies outside the page.");
    }
    UniqueFd pixels;
    const auto reply = expect<ipc::PixelsReply>(call(ipc::RenderPageRequest{request}, &pixels));
    // The helper may only answer with at most the page's device size, within the render limit.
    const auto bytes = static_cast<std::uint64_t>(reply.width) * static_cast<std::uint64_t>(reply.height) * 4;
    struct stat st {};
    if (!pixels || reply.width > full.width + 1 || reply.height > full.height + 1 ||
        bytes > shared_->limits.max_render_pixels * 4 || ::fstat(pixels.get(), &st) != 0 ||
        static_cast<std::uint64_t>(st.st_size) < bytes) {
        helper_.reset();
        throw SandboxFailure(
            SandboxFailure::Reason::protocol,
            "This document could not be displayed safely: the sandboxed renderer sent a bitmap "
            "that does not match the page it was asked for.");
    }
    Bitmap out;
    out.width = reply.width;
    out.height = reply.height;
    out.rgba.resize(bytes);
    read_exact_from(pixels.get(), out.rgba.data(), out.rgba.size());
    return out;
}

std::vector<TextBox> SandboxedEngine::text_boxes(int page) {
    page_size(page);
    return expect<ipc::TextReply>(call(ipc::TextRequest{page})).boxes;
}

std::unique_ptr<DocumentEngine> SandboxedEngine::clone() const {
    std::unique_ptr<SandboxedEngine> copy(new SandboxedEngine(shared_));
    copy->password_ = password_;
    copy->sizes_ = sizes_;
    return copy;
}

std::string SandboxedEngine::test_hook(ipc::TestAction action, const std::string& argument) {
    return expect<ipc::TestReport>(call(ipc::TestHookRequest{action, argument})).text;
}

}  // namespace jaanch::viewer::sandbox
