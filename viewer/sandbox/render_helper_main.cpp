// jaanch-render: the sandboxed document renderer. Started by SandboxedEngine (helper_process.cpp) with its
// channel on fd 3, usually under bubblewrap. Before it reads any request it confines itself (seccomp filter,
// no core dumps, a memory ceiling, killed with its parent) and warms Poppler and fontconfig up, so a spare
// helper is ready for its first page. Then it serves one document: open, unlock, render, text.
//
// Built twice: `jaanch-render` (installed) and `jaanch-render-test` (tests only, JAANCH_RENDER_TEST_HOOKS),
// the only one that obeys test hooks (crash, hang, the hostile self-test).
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <malloc.h>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <new>
#include <sstream>

#include "viewer/engine/image_engine.h"
#include "viewer/engine/pdf_engine.h"
#include "viewer/sandbox/ipc_channel.h"
#include "viewer/sandbox/sandbox_policy.h"

namespace {

using namespace jaanch::viewer;
using namespace jaanch::viewer::sandbox;
constexpr int kChannel = 3;

// A one-page PDF with a line of Helvetica: the first text render loads fontconfig and its cache, which is
// most of a cold helper's first-page time. Poppler rebuilds the missing xref table.
const char* const kTextWarmUp =
    "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
    "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
    "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
    "/Resources << /Font << /F1 5 0 R >> >> >> endobj\n"
    "4 0 obj << /Length 33 >> stream\nBT /F1 10 Tf 2 6 Td (Warm) Tj ET\nendstream endobj\n"
    "5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj\n"
    "trailer << /Root 1 0 R >>\n%%EOF\n";

// A fresh process meets every big buffer (Splash's bitmap, the RGBA copy, the shared memory) as new pages
// that the kernel must fault in and zero: ~1.5 µs per 4 KB page, ~10 ms for an A4 page at 150 DPI, which
// is most of what the sandbox used to add to a small page. A spare helper has time to spare: it keeps big
// blocks on its heap (no mmap below 32 MB, no trimming) and faults them in while it waits.
void prefault_heap() {
    ::mallopt(M_MMAP_THRESHOLD, 32 << 20);
    ::mallopt(M_TRIM_THRESHOLD, 256 << 20);
    constexpr std::size_t kBlock = 12u << 20;
    std::vector<void*> blocks;
    for (int i = 0; i < 3; ++i) {
        void* p = std::malloc(kBlock);
        if (p == nullptr)
            break;
        std::memset(p, 0, kBlock);
        blocks.push_back(p);
    }
    for (void* p : blocks)
        std::free(p);
}

void warm_up() {
    prefault_heap();
    pdf_warm_up();
    const std::string pdf = kTextWarmUp;
    try {
        auto engine = PdfEngine::open(std::make_shared<Bytes>(pdf.begin(), pdf.end()));
        RenderRequest r;
        r.scale = 150.0 / 72.0;  // an A4 page at the viewer's usual size: its buffers and code paths
        engine->render(r);
    } catch (const std::exception&) {
        // Only a warm-up: the first real page pays the cost instead.
    }
}

void confine() {
    // Dies with its parent (the caller, or bubblewrap's init). Should the caller be gone already, the closed
    // channel ends the helper at its first read.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    rlimit none{0, 0};
    ::setrlimit(RLIMIT_CORE, &none);
#if !defined(__SANITIZE_ADDRESS__)
    // A decompression bomb meets this before it meets the machine's memory (the engine's own limits cap a
    // single bitmap at 256 MB; Poppler's working set stays far below).
    rlimit memory{4ull << 30, 4ull << 30};
    ::setrlimit(RLIMIT_AS, &memory);
#endif
    install_seccomp_filter();
}

void reply(const ipc::Reply& r, int attach = -1) {
    send_frame(kChannel, ipc::encode(r), attach);
}

ipc::FailureReply failure_of(const std::exception& e) {
    if (dynamic_cast<const PasswordError*>(&e) != nullptr)
        return {ipc::FailureKind::password, e.what()};
    if (dynamic_cast<const LimitError*>(&e) != nullptr)
        return {ipc::FailureKind::limit, e.what()};
    if (dynamic_cast<const std::bad_alloc*>(&e) != nullptr)
        return {ipc::FailureKind::limit, "The document needs more memory than the viewer allows."};
    return {ipc::FailureKind::document, e.what()};
}

#ifdef JAANCH_RENDER_TEST_HOOKS
// Each attempt a compromised renderer would make; the report gives errno per attempt (0 = it worked).
std::string hostile_self_test(const std::string& paths) {
    std::ostringstream report;
    auto record = [&](const std::string& name, int result) {
        report << name << '\t' << (result < 0 ? errno : 0) << '\n';
    };
    std::istringstream in(paths);
    for (std::string path; std::getline(in, path);) {
        if (path.empty())
            continue;
        const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        record("read " + path, fd);
        if (fd >= 0)
            ::close(fd);
    }
    const int s = ::socket(AF_INET, SOCK_STREAM, 0);
    record("socket", s);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(80);
    addr.sin_addr.s_addr = htonl(0x7F000001);
    record("connect",
           ::connect(s >= 0 ? s : kChannel, reinterpret_cast<const sockaddr*>(&addr), sizeof addr));
    char true_path[] = "/bin/true";
    char* argv[] = {true_path, nullptr};
    record("execve", ::execve(true_path, argv, environ));
    record("open-write", ::open("/tmp/jaanch-hostile-write", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600));
    record("open-rdwr", ::open("/etc/fonts/fonts.conf", O_RDWR | O_CLOEXEC));
    record("ptrace", static_cast<int>(::ptrace(PTRACE_TRACEME, 0, nullptr, nullptr)));
    return report.str();
}
#endif

std::string test_hook(const ipc::TestHookRequest& request) {
#ifdef JAANCH_RENDER_TEST_HOOKS
    switch (request.action) {
        case ipc::TestAction::crash:
            std::abort();
        case ipc::TestAction::hang:
            for (;;)
                ::pause();
        case ipc::TestAction::hostile:
            return hostile_self_test(request.argument);
    }
#endif
    (void)request;
    throw DocumentError("This renderer has no test hooks (they exist only in jaanch-render-test).");
}

// The memory file that carries pixels to the caller, reused for every page: a new one per page meant
// faulting in and zeroing fresh shared memory each time. It is not sealed: the caller reads it with pread
// and checks the length (ipc_channel.h), so it trusts neither its size nor its contents beyond bounds.
class PixelFile {
  public:
    PixelFile() : fd_(::memfd_create("jaanch-pixels", MFD_CLOEXEC)) {
        if (!fd_)
            throw jaanch::Error(
                "Could not create the renderer's pixel memory: " + std::string(std::strerror(errno)) + ".");
        reserve(kPrefaulted);
    }
    int fd() const { return fd_.get(); }
    void write(std::span<const std::uint8_t> bytes) {
        reserve(bytes.size());
        std::size_t done = 0;
        while (done < bytes.size()) {
            const ssize_t n =
                ::pwrite(fd_.get(), bytes.data() + done, bytes.size() - done, static_cast<off_t>(done));
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                throw jaanch::Error(
                    "Could not fill the renderer's pixel memory: " + std::string(std::strerror(errno)) + ".");
            done += static_cast<std::size_t>(n);
        }
    }

  private:
    // An A4 page at 150 DPI is 8.7 MB of RGBA; the spare helper allocates its pages while it waits.
    static constexpr std::size_t kPrefaulted = 12u << 20;
    void reserve(std::size_t size) {
        if (size <= reserved_)
            return;
        if (::ftruncate(fd_.get(), static_cast<off_t>(size)) != 0 ||
            ::fallocate(fd_.get(), 0, 0, static_cast<off_t>(size)) != 0)
            throw LimitError("The renderer could not reserve " + std::to_string(size >> 20) +
                             " MB for the page's pixels: " + std::string(std::strerror(errno)) + ".");
        reserved_ = size;
    }
    UniqueFd fd_;
    std::size_t reserved_ = 0;
};

class Session {
  public:
    void serve(ipc::Request request, UniqueFd attached) {
        std::visit([&](auto& r) { handle(r, attached); }, request);
    }

  private:
    // Page sizes the protocol can carry (the caller refuses anything else as malformed).
    std::vector<SizeF> sizes() {
        std::vector<SizeF> s;
        for (int i = 0; i < engine_->page_count(); ++i) {
            const SizeF size = engine_->page_size(i);
            if (!std::isfinite(size.width) || !std::isfinite(size.height) || size.width < 0 ||
                size.height < 0 || size.width > ipc::kMaxPoints || size.height > ipc::kMaxPoints)
                throw LimitError("Page " + std::to_string(i + 1) + " of the document has an absurd size.");
            s.push_back(size);
        }
        return s;
    }

    void handle(const ipc::OpenRequest& r, UniqueFd& attached) {
#ifdef JAANCH_RENDER_TEST_HOOKS
        constexpr bool one_document_only = false;  // the fuzz test reuses one helper across its files
#else
        constexpr bool one_document_only = true;  // two citizens' uploads never share a renderer
#endif
        if ((engine_ && one_document_only) || !attached)
            throw DocumentError(
                "The renderer was asked to open a second document, or one without its bytes.");
        engine_.reset();
        pdf_ = nullptr;
        struct stat st {};
        if (::fstat(attached.get(), &st) != 0 || st.st_size <= 0 ||
            static_cast<std::uint64_t>(st.st_size) > r.limits.max_file_bytes)
            throw LimitError("The document is empty or larger than the viewer's limit.");
        auto bytes = std::make_shared<Bytes>(static_cast<std::size_t>(st.st_size));
        read_exact_from(attached.get(), bytes->data(), bytes->size());
        if (r.format == "pdf") {
            auto pdf = PdfEngine::open(std::move(bytes), r.limits);
            pdf_ = pdf.get();
            engine_ = std::move(pdf);
            if (pdf_->locked())
                return reply(ipc::OpenedReply{true, {}});
        } else {
            engine_ = ImageEngine::open(std::move(bytes), r.format, r.limits);
        }
        reply(ipc::OpenedReply{false, sizes()});
    }
    void handle(const ipc::UnlockRequest& r, UniqueFd&) {
        if (pdf_ == nullptr)
            throw DocumentError("The renderer was asked to unlock a document that is not an open PDF.");
        const bool ok = pdf_->unlock(r.password);
        reply(ipc::UnlockedReply{ok, ok ? sizes() : std::vector<SizeF>{}});
    }
    void handle(const ipc::RenderPageRequest& r, UniqueFd&) {
        const Bitmap b = opened().render(r.request);
        pixels_.write(b.rgba);
        reply(ipc::PixelsReply{b.width, b.height}, pixels_.fd());
    }
    void handle(const ipc::TextRequest& r, UniqueFd&) {
        auto boxes = opened().text_boxes(r.page);
        // Runs placed by a broken text matrix (infinite or absurd boxes) cannot be shown or searched anyway.
        std::erase_if(boxes, [](const TextBox& b) {
            for (double v : {b.box.x, b.box.y, b.box.width, b.box.height})
                if (!std::isfinite(v) || std::abs(v) > ipc::kMaxPoints)
                    return true;
            return false;
        });
        if (boxes.size() > ipc::kMaxTextBoxes)
            throw LimitError("The page has more text runs than the viewer reads (" +
                             std::to_string(boxes.size()) + ").");
        reply(ipc::TextReply{std::move(boxes)});
    }
    void handle(const ipc::TestHookRequest& r, UniqueFd&) {
        reply(ipc::TestReport{test_hook(r)});
    }

    DocumentEngine& opened() {
        if (!engine_ || (pdf_ != nullptr && pdf_->locked()))
            throw DocumentError("The renderer has no open, unlocked document.");
        return *engine_;
    }

    std::unique_ptr<DocumentEngine> engine_;
    PdfEngine* pdf_ = nullptr;
    PixelFile pixels_;
};

int serve() {
    try {
        confine();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "jaanch-render: %s\n", e.what());
        return 3;
    }
    warm_up();
    Session session;
    for (;;) {
        Frame frame;
        ipc::Request request;
        try {
            frame = receive_frame(kChannel, true);
            request = ipc::parse_request(frame.header, frame.payload);
        } catch (const ChannelClosed&) {
            ::_exit(0);  // the caller is done with us
        } catch (const std::exception& e) {
            std::fprintf(stderr, "jaanch-render: %s\n", e.what());
            ::_exit(4);  // a malformed request: the stream cannot be trusted any more
        }
        try {
            session.serve(std::move(request), std::move(frame.attached));
        } catch (const ChannelClosed&) {
            ::_exit(0);
        } catch (const std::exception& e) {
            try {
                reply(failure_of(e));
            } catch (const std::exception&) {
                ::_exit(0);
            }
        }
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2 || std::string(argv[1]) != "--serve") {
        std::fprintf(stderr,
                     "jaanch-render renders documents for jaanch and jaanch-cli in a sandbox; they start it "
                     "themselves. It is not a command to run by hand.\n");
        return 2;
    }
    return serve();
}
