// Faults the sync must survive, against the real hub process: working with the hub unreachable, the hub
// killed and restarted mid-sync, a bad link (dropped connections, cut responses, 300 ms latency, 256 kbit/s),
// and the syncing process itself killed with SIGKILL at random moments. Afterwards the hub holds every
// decision exactly once and every document is intact.
#include <boost/test/unit_test.hpp>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>
#include <random>
#include <thread>

#include "sync/sync_error.h"
#include "sync_world.h"
#include "util/sha256.h"

using namespace jaanch;
using namespace jaanch::sync;
using jaanch::sync::test::FaultSettings;
using jaanch::sync::test::SyncWorld;

namespace {

// Every decision in the outbox accepted, each exactly once at the hub.
void check_exactly_once(SyncWorld& world, store::Workspace& w, std::size_t expected) {
    const auto counts = world.hub_decision_counts();
    const auto entries = w.outbox().list();
    BOOST_TEST(entries.size() == expected);
    for (const auto& e : entries) {
        BOOST_TEST(store::outbox_state_name(e.state) == "accepted", e.decision.id << " " << e.hub_message);
        const auto it = counts.find(e.decision.id);
        BOOST_TEST((it != counts.end() && it->second == 1),
                   "decision " << e.decision.id << " at the hub once");
    }
    std::size_t at_hub = 0;
    for (const auto& [id, n] : counts)
        at_hub += static_cast<std::size_t>(n);
    BOOST_TEST(at_hub == expected);
}

void check_documents(SyncWorld& world, store::Workspace& w, const std::vector<std::string>& shas) {
    for (const auto& sha : shas) {
        BOOST_TEST(store::document_state_name(w.document_state(sha)) == "complete", sha);
        if (w.documents().has(sha))
            BOOST_TEST(w.documents().read(sha) == world.document_bytes(sha));
    }
}

// Syncs until a sync ends cleanly with nothing waiting (bounded).
SyncReport sync_until_clean(SyncWorld& world, store::Workspace& w, int rounds, SyncOptions options = {}) {
    SyncReport r;
    for (int i = 0; i < rounds; ++i) {
        r = world.sync(w, options);
        if (r.problem.empty() && r.documents_failed == 0 && r.decisions_waiting == 0)
            return r;
    }
    return r;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(sync_faults)

BOOST_AUTO_TEST_CASE(works_offline_and_delivers_when_the_hub_returns) {
    SyncWorld world;
    std::vector<std::string> shas;
    for (int i = 1; i <= 3; ++i) {
        auto s = world.file("RJ/O/" + std::to_string(i), 10'000);
        shas.insert(shas.end(), s.begin(), s.end());
    }
    auto w = world.workspace();
    world.login(*w);
    BOOST_TEST(world.sync(*w).problem == "");

    world.proxy().go_down();
    // Browse, open documents, decide: all local.
    store::QueueFilter filter;
    BOOST_TEST(w->queue(filter).total == 3u);
    BOOST_TEST(w->documents().read(shas[0]) == world.document_bytes(shas[0]));
    for (int i = 1; i <= 3; ++i)
        world.decide(*w, "RJ/O/" + std::to_string(i));
    const auto r = world.sync(*w);
    BOOST_TEST(!r.online);
    BOOST_TEST(!r.problem.empty());
    BOOST_TEST(r.decisions_waiting == 3u);
    BOOST_TEST(w->outbox().count(store::OutboxState::pending) == 3u);
    BOOST_TEST(world.hub_decision_counts().empty());

    world.proxy().come_up();
    const auto back = world.sync(*w);
    BOOST_TEST(back.problem == "");
    BOOST_TEST(back.pushed.accepted == 3u);
    check_exactly_once(world, *w, 3);
}

BOOST_AUTO_TEST_CASE(hub_killed_and_restarted_in_the_middle_of_a_sync) {
    SyncWorld world;
    std::vector<std::string> shas;
    for (int i = 1; i <= 8; ++i) {
        auto s = world.file("RJ/R/" + std::to_string(i), 150'000);
        shas.insert(shas.end(), s.begin(), s.end());
    }
    {
        auto w = world.workspace();
        world.login(*w);
        SyncOptions no_docs;
        no_docs.documents = false;
        world.sync(*w, no_docs);
        for (int i = 1; i <= 6; ++i)
            world.decide(*w, "RJ/R/" + std::to_string(i));
    }
    // Slow enough (1.2 MB/s) that the hub dies while documents are on their way.
    world.proxy().set(FaultSettings{0, 0, 0, 1'200'000});
    SyncReport during;
    std::thread syncing([&] {
        auto w = world.workspace();  // the engine's own connection, on its own thread
        during = world.sync(*w);
    });
    const auto t0 = std::chrono::steady_clock::now();
    auto ms = [&] {
        return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0)
            .count();
    };
    std::this_thread::sleep_for(std::chrono::milliseconds(700));
    world.crash_and_restart_hub();
    BOOST_TEST_MESSAGE("restarted at " << ms());
    syncing.join();
    BOOST_TEST_MESSAGE("joined at " << ms());
    BOOST_TEST_MESSAGE("sync during the crash: " << during.documents_fetched
                                                 << " documents, problem: " << during.problem);
    world.proxy().set(FaultSettings{});

    auto w = world.workspace();
    const auto r = sync_until_clean(world, *w, 5);
    BOOST_TEST(r.problem == "");
    check_documents(world, *w, shas);
    check_exactly_once(world, *w, 6);
}

BOOST_AUTO_TEST_CASE(bad_link_drops_cuts_delays_and_throttles) {
    SyncWorld world;
    std::vector<std::string> shas;
    for (int i = 1; i <= 3; ++i) {
        auto s = world.file("RJ/B/" + std::to_string(i), 24'000);
        shas.insert(shas.end(), s.begin(), s.end());
    }
    auto w = world.workspace();
    world.login(*w);
    SyncOptions no_docs;
    no_docs.documents = false;
    BOOST_TEST(world.sync(*w, no_docs).problem == "");
    for (int i = 1; i <= 3; ++i)
        world.decide(*w, "RJ/B/" + std::to_string(i));

    // 256 kbit/s with 300 ms latency; a fifth of the connections dropped, a third of the answers cut short.
    world.proxy().set(FaultSettings{0.2, 0.33, 300, 32'000});
    const auto before = world.proxy().connections();
    const auto r = sync_until_clean(world, *w, 40);
    BOOST_TEST_MESSAGE("bad link: " << world.proxy().connections() - before << " connections");
    BOOST_TEST(r.problem == "");
    world.proxy().set(FaultSettings{});
    check_documents(world, *w, shas);
    check_exactly_once(world, *w, 3);
}

BOOST_AUTO_TEST_CASE(pushing_process_killed_at_random_moments) {
    SyncWorld world;
    constexpr int kIterations = 100;
    for (int i = 0; i < kIterations; ++i)
        world.file("RJ/K/" + std::to_string(i), 600);
    const std::string ws = world.workspace_dir("vdo.in").string();
    std::string out;
    BOOST_REQUIRE_MESSAGE(world.cli({"login", "--hub", world.hub_url(), "--user", "vdo.in", "--password-file",
                                     (world.dir() / "pw").string(), "--workspace", ws},
                                    &out) != 0,
                          "a missing password file is an error");
    std::ofstream(world.dir() / "pw") << "pw-vdo.in\n";
    BOOST_REQUIRE_MESSAGE(world.cli({"login", "--hub", world.hub_url(), "--user", "vdo.in", "--password-file",
                                     (world.dir() / "pw").string(), "--workspace", ws},
                                    &out) == 0,
                          out);
    BOOST_REQUIRE_MESSAGE(world.cli({"sync", "--workspace", ws, "--no-documents", "--quiet"}, &out) == 0,
                          out);

    // Each round: one more decision, then a sync killed somewhere in its first 60 ms (start-up, login check,
    // marking it sending, the request in flight, recording the answer).
    std::mt19937 random(20261121);
    int killed_sending = 0;
    for (int i = 0; i < kIterations; ++i) {
        {
            auto w = world.workspace();
            world.decide(*w, "RJ/K/" + std::to_string(i));
        }
        const pid_t pid = fork();
        if (pid == 0) {
            std::vector<std::string> words{JAANCH_CLI_EXE,   "sync",    "--workspace", ws,
                                           "--no-documents", "--quiet", "--forms",     JAANCH_FORMS_DIR};
            std::vector<char*> argv;
            for (auto& s : words)
                argv.push_back(s.data());
            argv.push_back(nullptr);
            const int null = ::open("/dev/null", O_WRONLY);
            dup2(null, 1);
            dup2(null, 2);
            execv(argv[0], argv.data());
            _exit(127);
        }
        std::this_thread::sleep_for(
            std::chrono::microseconds(std::uniform_int_distribution<int>(0, 60'000)(random)));
        ::kill(pid, SIGKILL);
        int status = 0;
        waitpid(pid, &status, 0);
        auto w = world.workspace();
        killed_sending += static_cast<int>(w->outbox().count(store::OutboxState::sending));
    }
    BOOST_TEST_MESSAGE(kIterations << " kills, " << killed_sending << " while a decision was being sent");
    BOOST_REQUIRE_MESSAGE(world.cli({"sync", "--workspace", ws, "--no-documents"}, &out) == 0, out);
    auto w = world.workspace();
    check_exactly_once(world, *w, kIterations);
    // The hub applied each decision once: every application moved exactly one level.
    for (int i = 0; i < kIterations; i += 17) {
        const auto app = world.hub().application("vdo.in", "RJ/K/" + std::to_string(i));
        BOOST_TEST(app["application"]["version"].get<int>() == 2);
        BOOST_TEST(app["application"]["history"].size() == 1u);
    }
}

BOOST_AUTO_TEST_SUITE_END()
