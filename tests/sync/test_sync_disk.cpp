// A full disk, for real: the workspace's document folder (and, in the second case, the whole workspace) sits
// on a tmpfs of a few megabytes mounted for the test, beside a "ballast" file standing for everything else on
// that disk. The downloads fill it; the sync must say so plainly, count nothing partial as complete and keep
// the outbox and database whole; once the ballast is deleted the next sync finishes. A decision committed on
// a full disk must fail with a clear error and leave no trace. Mounting needs root (CAP_SYS_ADMIN), as CI
// has: without it these tests fail and say why; they are never skipped.
#include <boost/test/unit_test.hpp>

#include <SQLiteCpp/Database.h>

#include <sys/mount.h>
#include <sys/statvfs.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "store/sqlite_database.h"
#include "sync/sync_error.h"
#include "sync_world.h"

using namespace jaanch;
using namespace jaanch::sync;
using jaanch::sync::test::SyncWorld;

namespace {

// A tmpfs of `bytes` mounted at `dir` for the object's life.
class TinyDisk {
  public:
    TinyDisk(std::filesystem::path dir, std::size_t bytes) : dir_(std::move(dir)) {
        std::filesystem::create_directories(dir_);
        const std::string options = "size=" + std::to_string(bytes) + ",mode=0700";
        if (::mount("jaanch-test-disk", dir_.c_str(), "tmpfs", MS_NOSUID | MS_NODEV, options.c_str()) != 0) {
            const int err = errno;
            BOOST_FAIL("Could not mount a "
                       << bytes << "-byte tmpfs at " << dir_ << ": " << std::strerror(err)
                       << ". The full-disk tests need to mount a small filesystem, which "
                          "takes root (CAP_SYS_ADMIN) as in CI; run them as root. They are "
                          "not skipped.");
        }
    }
    ~TinyDisk() { ::umount2(dir_.c_str(), MNT_DETACH); }
    TinyDisk(const TinyDisk&) = delete;
    TinyDisk& operator=(const TinyDisk&) = delete;

    std::uint64_t free_bytes() const {
        struct statvfs s {};
        BOOST_REQUIRE(::statvfs(dir_.c_str(), &s) == 0);
        return static_cast<std::uint64_t>(s.f_bavail) * s.f_frsize;
    }
    // Other files on the same disk: `bytes` of them, or (0) as much as fits, to the last block.
    void put_ballast(std::size_t bytes = 0) {
        std::ofstream out(ballast(), std::ios::binary);
        const std::string block(4096, 'B');
        for (std::size_t written = 0; bytes == 0 || written < bytes; written += block.size()) {
            out.write(block.data(), static_cast<std::streamsize>(block.size()));
            out.flush();
            if (!out)
                break;
        }
        BOOST_REQUIRE(std::filesystem::exists(ballast()));
    }
    void free_ballast() { std::filesystem::remove(ballast()); }

  private:
    std::filesystem::path ballast() const { return dir_ / "ballast.bin"; }
    std::filesystem::path dir_;
};

// A connection of the test's own beside the workspace's, as another process would open the file.
SQLite::Database own_connection(const store::Workspace& w) {
    return SQLite::Database(w.dir() / "workspace.db", SQLite::OPEN_READWRITE);
}

std::string integrity(store::Workspace& w) {
    return own_connection(w).execAndGet("PRAGMA integrity_check").getString();
}

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(sync_disk)

BOOST_AUTO_TEST_CASE(documents_fill_a_tiny_disk_and_complete_once_space_is_freed) {
    SyncWorld world;
    std::vector<std::string> shas;
    for (int i = 1; i <= 10; ++i) {
        const auto s = world.file("RJ/FULL/" + std::to_string(i), 60'000);
        shas.insert(shas.end(), s.begin(), s.end());
    }
    // 2 MB disk, 1.5 MB of it taken: room for about 8 of the 20 documents (1.2 MB).
    TinyDisk disk(world.workspace_dir("vdo.in") / "documents", 2 << 20);
    disk.put_ballast(1'500'000);
    BOOST_REQUIRE_LT(disk.free_bytes(), 20u * 60'000u);
    auto w = world.workspace();
    world.login(*w);
    SyncOptions no_documents;
    no_documents.documents = false;
    BOOST_REQUIRE_EQUAL(world.sync(*w, no_documents).problem, "");
    const auto before = world.decide(*w, "RJ/FULL/1");

    auto r = world.sync(*w);
    BOOST_TEST(r.disk_full);
    BOOST_TEST_CONTEXT(r.problem) {  // what happened, why, what to do
        BOOST_TEST(has(r.problem, "disk holding the workspace is full"));
        BOOST_TEST(has(r.problem, "Free some space"));
        BOOST_TEST(has(r.problem, "sync again"));
    }
    // The decision left before the downloads; the database and the activity chain are whole.
    BOOST_TEST(store::outbox_state_name(w->outbox().find(before.id)->state) == "accepted");
    BOOST_TEST(integrity(*w) == "ok");
    BOOST_TEST(!w->activity().first_broken().has_value());
    // Nothing partial counts as complete: a complete document has its exact bytes. Any other has no file, or
    // (a transfer that finished while another hit the full disk, before its state was recorded) exactly its
    // bytes, never part of them: the next sync checks and adopts it.
    std::size_t complete = 0;
    for (const auto& sha : shas) {
        if (w->document_state(sha) == store::DocumentState::complete) {
            ++complete;
            BOOST_TEST(w->documents().read(sha) == world.document_bytes(sha));
        } else if (std::filesystem::exists(w->documents().path_of(sha))) {
            BOOST_TEST(w->documents().read(sha) == world.document_bytes(sha), sha);
        }
    }
    BOOST_TEST(complete > 0u);
    BOOST_TEST(complete < shas.size());  // the disk really filled mid-way

    // Deciding still works (the database is on another disk), and the CLI tells the officer the same story.
    const auto during = world.decide(*w, "RJ/FULL/2");
    std::string out;
    BOOST_TEST(world.cli({"sync", "--workspace", world.workspace_dir("vdo.in").string()}, &out) == 1);
    BOOST_TEST(has(out, "disk holding the workspace is full"), out);

    // Space freed: the next sync resumes and completes every document.
    disk.free_ballast();
    r = world.sync(*w);
    BOOST_TEST(r.problem == "");
    BOOST_TEST(!r.disk_full);
    BOOST_TEST(r.documents_failed == 0u);
    for (const auto& sha : shas) {
        BOOST_TEST(store::document_state_name(w->document_state(sha)) == "complete");
        BOOST_TEST(w->documents().read(sha) == world.document_bytes(sha));
    }
    BOOST_TEST(std::filesystem::is_empty(w->dir() / "documents" / "partial"));
    const auto counts = world.hub_decision_counts();
    BOOST_TEST(counts.at(before.id) == 1);
    BOOST_TEST(counts.at(during.id) == 1);
    BOOST_TEST(integrity(*w) == "ok");
}

BOOST_AUTO_TEST_CASE(a_decision_on_a_full_disk_is_refused_plainly_and_leaves_no_trace) {
    SyncWorld world;
    world.file("RJ/DBFULL/1", 4000);
    const auto ws = world.workspace_dir("vdo.in");
    TinyDisk disk(ws, 4 << 20);
    auto w = world.workspace();
    world.login(*w);
    BOOST_REQUIRE_EQUAL(world.sync(*w).problem, "");
    const auto entries_before = w->activity().entries("").size();
    // Checkpointing empties the write-ahead log, as SQLite does from time to time, so the next commit needs
    // new space; then everything else fills the disk to its last block.
    own_connection(*w).exec("PRAGMA wal_checkpoint(TRUNCATE)");
    disk.put_ballast();
    BOOST_REQUIRE_LT(disk.free_bytes(), 4096u);

    // Through the CLI, as the officer would: a clear error, and no "Saved".
    const auto& identity = hub::test::shared_pki().officers.front();
    BOOST_REQUIRE(identity.id == "vdo.in");
    const std::vector<std::string> decide{"decide",
                                          "RJ/DBFULL/1",
                                          "--forward",
                                          "--workspace",
                                          ws.string(),
                                          "--p12",
                                          identity.p12.string(),
                                          "--password-file",
                                          world.password_file().string()};
    std::string out;
    BOOST_TEST(world.cli(decide, &out) == 1);
    BOOST_TEST_CONTEXT(out) {
        BOOST_TEST(has(out, "is full, so the decision on RJ/DBFULL/1 was NOT saved"));
        BOOST_TEST(has(out, "Free some space"));
        BOOST_TEST(!has(out, "Saved"));
    }
    // The same through the library the workstation calls.
    BOOST_CHECK_EXCEPTION(world.decide(*w, "RJ/DBFULL/1"), store::DiskFullError,
                          [](const store::DiskFullError& e) { return has(e.what(), "was NOT saved"); });

    // Space freed, the workspace opened afresh: intact, and no trace of either attempt.
    disk.free_ballast();
    w.reset();
    w = world.workspace();
    BOOST_TEST(integrity(*w) == "ok");
    BOOST_TEST(w->outbox().list().empty());
    BOOST_TEST(w->activity().entries("").size() == entries_before);
    BOOST_TEST(!w->activity().first_broken().has_value());
    // Deciding again works, and the decision reaches the hub once.
    const auto d = world.decide(*w, "RJ/DBFULL/1");
    const auto r = world.sync(*w);
    BOOST_TEST(r.pushed.accepted == 1u);
    BOOST_TEST(world.hub_decision_counts().at(d.id) == 1);
}

BOOST_AUTO_TEST_SUITE_END()
