// The sync engine against the real hub: pull, download, decide, push; rejection, conflict, expired session,
// damaged and partial documents, and the outbox pusher's back-off.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <fstream>

#include <thread>

#include "store/sqlite_database.h"
#include "sync/background_sync.h"
#include "sync/outbox_pusher.h"
#include "sync/sync_error.h"
#include "sync_world.h"
#include "util/dispatch.h"
#include "util/sha256.h"
#include "workflow/workflow.h"

using namespace jaanch;
using namespace jaanch::sync;
using jaanch::sync::test::SyncWorld;

namespace {

std::size_t count_state(store::Workspace& w, store::OutboxState s) {
    return w.outbox().count(s);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(sync_flow)

BOOST_AUTO_TEST_CASE(pulls_downloads_decides_and_delivers) {
    SyncWorld world;
    std::vector<std::string> shas;
    for (int i = 1; i <= 6; ++i) {
        auto s = world.file("RJ/S/" + std::to_string(i), 40'000 + 5'000 * static_cast<std::size_t>(i));
        shas.insert(shas.end(), s.begin(), s.end());
    }
    auto w = world.workspace();
    world.login(*w);

    auto r = world.sync(*w);
    BOOST_TEST(r.problem == "");
    BOOST_TEST(r.online);
    BOOST_TEST(r.applications_pulled == 6u);
    BOOST_TEST(r.documents_fetched == 12u);
    BOOST_TEST(w->application_count() == 6u);
    for (const auto& sha : shas) {
        BOOST_TEST(store::document_state_name(w->document_state(sha)) == "complete");
        BOOST_TEST(w->documents().read(sha) == world.document_bytes(sha));
    }

    // Decided locally: in the outbox at once, with a "decided" entry in the activity log.
    const auto d1 = world.decide(*w, "RJ/S/1");
    const auto d2 = world.decide(*w, "RJ/S/2", model::Action::reject, "RJ-DEL-FORGED");
    BOOST_TEST(count_state(*w, store::OutboxState::pending) == 2u);
    const auto activity = w->activity().entries("RJ/S/1");
    BOOST_REQUIRE(!activity.empty());
    BOOST_TEST(activity.back().kind == "decided");
    BOOST_TEST(!w->activity().first_broken().has_value());

    r = world.sync(*w);
    BOOST_TEST(r.problem == "");
    BOOST_TEST(r.pushed.accepted == 2u);
    BOOST_TEST(r.decisions_waiting == 0u);
    BOOST_TEST(count_state(*w, store::OutboxState::accepted) == 2u);
    const auto counts = world.hub_decision_counts();
    BOOST_TEST(counts.at(d1.id) == 1);
    BOOST_TEST(counts.at(d2.id) == 1);
    // The decided applications came back from the hub in their new state.
    BOOST_TEST(model::status_name(w->application("RJ/S/2")->status) == "rejected");
    BOOST_TEST(w->application("RJ/S/1")->version == 2u);

    // Nothing new: an incremental sync pulls nothing and downloads nothing.
    r = world.sync(*w);
    BOOST_TEST(r.applications_pulled == 0u);
    BOOST_TEST(r.documents_fetched == 0u);
    BOOST_TEST(r.bytes == 0u);

    // A second decision on the same application is refused while the first waits; the rules are checked
    // locally.
    world.decide(*w, "RJ/S/3");
    BOOST_CHECK_THROW(world.decide(*w, "RJ/S/3"), SyncError);
    BOOST_CHECK_THROW(world.decide(*w, "RJ/S/4", model::Action::reject, "NOT-A-REASON"),
                      workflow::WorkflowError);
    BOOST_TEST(count_state(*w, store::OutboxState::pending) == 1u);
}

BOOST_AUTO_TEST_CASE(rejected_by_hub_and_conflict_are_kept_for_the_officer) {
    SyncWorld world;
    world.file("RJ/C/1");
    world.file("RJ/C/2");
    auto a = world.workspace("vdo.in");
    auto b = world.workspace("vdo.in2");
    world.login(*a, "vdo.in");
    world.login(*b, "vdo.in2");
    BOOST_TEST(world.sync(*a).problem == "");
    BOOST_TEST(world.sync(*b).problem == "");

    // vdo.in holds the claim on RJ/C/1 at the hub, so vdo.in2's offline decision arrives as a 409 conflict.
    const auto claim = world.hub().as("vdo.in").post("/v1/applications/RJ%2FC%2F1/claim", "{}");
    BOOST_REQUIRE_EQUAL(claim.status, 200);
    const auto second = world.decide(*b, "RJ/C/1", model::Action::reject, "RJ-DEL-FORGED", "vdo.in2");
    const auto r = world.sync(*b);
    BOOST_TEST(r.pushed.conflicts == 1u);
    const auto entry = b->outbox().find(second.id);
    BOOST_REQUIRE(entry.has_value());
    BOOST_TEST(store::outbox_state_name(entry->state) == "conflict");
    BOOST_TEST(entry->hub_message.find("claimed") != std::string::npos);
    store::QueueFilter filter;
    filter.search = "RJ/C/1";
    const auto rows = b->queue(filter).rows;
    BOOST_REQUIRE_EQUAL(rows.size(), 1u);
    BOOST_TEST(rows[0].claimed_by == "vdo.in");  // the latest state was pulled with the conflict
    BOOST_TEST(world.hub_decision_counts().count(second.id) == 0u);

    const auto first = world.decide(*a, "RJ/C/1", model::Action::forward, "", "vdo.in");
    BOOST_TEST(world.sync(*a).pushed.accepted == 1u);

    // A signature the hub cannot accept: a permanent refusal, with the hub's sentence kept for the officer.
    auto bad = first;
    bad.id = new_uuid();
    bad.application = "RJ/C/2";
    a->outbox().add(bad, "not a CMS signature", now_utc());
    BOOST_TEST(world.sync(*a).pushed.rejected == 1u);
    const auto rejected = a->outbox().find(bad.id);
    BOOST_TEST(store::outbox_state_name(rejected->state) == "rejected");
    BOOST_TEST(rejected->hub_message.find("signature") != std::string::npos);
    BOOST_TEST(world.hub_decision_counts().count(bad.id) == 0u);
}

BOOST_AUTO_TEST_CASE(two_officers_decide_offline_on_one_application_the_second_is_a_conflict) {
    SyncWorld world;
    world.file("RJ/RACE/1");
    auto a = world.workspace("vdo.in");
    auto b = world.workspace("vdo.in2");
    world.login(*a, "vdo.in");
    world.login(*b, "vdo.in2");
    BOOST_REQUIRE_EQUAL(world.sync(*a).problem, "");
    BOOST_REQUIRE_EQUAL(world.sync(*b).problem, "");

    // The link is down; both officers decide on version 1 at L1.
    world.proxy().go_down();
    const auto first = world.decide(*a, "RJ/RACE/1", model::Action::forward, "", "vdo.in");
    const auto second = world.decide(*b, "RJ/RACE/1", model::Action::reject, "RJ-DEL-FORGED", "vdo.in2");
    BOOST_TEST(!world.sync(*a).online);
    BOOST_TEST(!world.sync(*b).online);
    world.proxy().come_up();

    // vdo.in's forward lands first and moves the application to L2.
    BOOST_TEST(world.sync(*a).pushed.accepted == 1u);
    // vdo.in2's reject names a level the application has left: a conflict, not a refusal.
    const auto r = world.sync(*b);
    BOOST_TEST(r.pushed.conflicts == 1u);
    BOOST_TEST(r.pushed.rejected == 0u);
    const auto entry = b->outbox().find(second.id);
    BOOST_REQUIRE(entry.has_value());
    BOOST_TEST(store::outbox_state_name(entry->state) == "conflict");
    BOOST_TEST(entry->hub_message.find("moved on since you saw it") != std::string::npos, entry->hub_message);
    // The latest state was pulled: version 2 at L2, with vdo.in's forward in its history.
    const auto latest = b->application("RJ/RACE/1");
    BOOST_REQUIRE(latest.has_value());
    BOOST_TEST(latest->version == 2u);
    BOOST_TEST(latest->current_level == "L2");
    BOOST_REQUIRE_EQUAL(latest->history.size(), 1u);
    BOOST_TEST(latest->history[0].decision.id == first.id);
    const auto counts = world.hub_decision_counts();
    BOOST_TEST(counts.at(first.id) == 1);
    BOOST_TEST(counts.count(second.id) == 0u);
    BOOST_TEST(decisions_waiting(*b) == 0u);
}

BOOST_AUTO_TEST_CASE(expired_session_asks_for_login_and_keeps_the_outbox) {
    SyncWorld world;
    world.file("RJ/E/1");
    auto w = world.workspace();
    world.login(*w);
    world.sync(*w);
    const auto d = world.decide(*w, "RJ/E/1");
    w->set_sync_value("token", "expired-or-revoked-token");
    const auto r = world.sync(*w);
    BOOST_TEST(r.needs_login);
    BOOST_TEST(r.problem.find("Log in again") != std::string::npos);
    BOOST_TEST(r.problem.find("expired-or-revoked-token") == std::string::npos);  // the token is never echoed
    BOOST_TEST(store::outbox_state_name(w->outbox().find(d.id)->state) == "pending");
    world.login(*w);
    BOOST_TEST(world.sync(*w).pushed.accepted == 1u);
    BOOST_TEST(world.hub_decision_counts().at(d.id) == 1);
}

BOOST_AUTO_TEST_CASE(logging_out_ends_the_token_on_the_hub_and_keeps_the_outbox) {
    SyncWorld world;
    world.file("RJ/E/1");
    auto w = world.workspace();
    world.login(*w);
    world.sync(*w);
    const auto d = world.decide(*w, "RJ/E/1");
    const std::string token = w->sync_value("token");
    BOOST_REQUIRE(!token.empty());
    BOOST_TEST(end_session(*w, now_utc()).empty());  // the hub confirmed
    BOOST_TEST(w->sync_value("token").empty());
    // A copy of the token (a stolen workspace backup) no longer works on the hub.
    HubClient client(w->sync_value("hub_url"));
    client.set_token(token);
    BOOST_CHECK_THROW(client.me(), SyncError);
    const auto activity = w->activity().entries();
    BOOST_TEST((
        std::any_of(activity.begin(), activity.end(), [](const auto& e) { return e.kind == "logged_out"; })));
    BOOST_TEST(store::outbox_state_name(w->outbox().find(d.id)->state) == "pending");
    // Offline: the token is still forgotten here, and the officer is told the hub was not.
    world.login(*w);
    w->set_sync_value("hub_url", "http://127.0.0.1:9");
    const std::string problem = end_session(*w, now_utc());
    BOOST_TEST(problem.find("ends by itself when it expires") != std::string::npos);
    BOOST_TEST(w->sync_value("token").empty());
}

BOOST_AUTO_TEST_CASE(partial_documents_resume_and_damaged_ones_are_fetched_again) {
    SyncWorld world;
    const auto shas = world.file("RJ/D/1", 300'000);
    auto w = world.workspace();
    world.login(*w);
    SyncOptions no_docs;
    no_docs.documents = false;
    world.sync(*w, no_docs);

    // First: the first 100 KB arrived earlier; only the rest is fetched (HTTP Range).
    const std::string good = world.document_bytes(shas[0]);
    std::ofstream(w->documents().partial_path(shas[0]), std::ios::binary) << good.substr(0, 100'000);
    // Second: a partial file whose bytes are wrong: the hash check fails, it is fetched again from the start.
    std::string wrong = world.document_bytes(shas[1]);
    wrong[10] = static_cast<char>(wrong[10] ^ 0x55);
    std::ofstream(w->documents().partial_path(shas[1]), std::ios::binary) << wrong.substr(0, 200'000);

    const auto r = world.sync(*w);
    BOOST_TEST(r.problem == "");
    BOOST_TEST(r.documents_fetched == 2u);
    BOOST_TEST(r.documents_damaged == 1u);
    BOOST_TEST(r.bytes == (300'000u - 100'000u) + (300'000u - 200'000u) + 300'000u);
    for (const auto& sha : shas) {
        BOOST_TEST(store::document_state_name(w->document_state(sha)) == "complete");
        BOOST_TEST(sha256_file(w->documents().path_of(sha)) == sha);
    }
}

BOOST_AUTO_TEST_CASE(background_sync_reports_on_the_main_thread_only) {
    SyncWorld world;
    world.file("RJ/BG/1", 50'000);
    {
        auto w = world.workspace();
        world.login(*w);
    }
    struct Recorder : QuietObserver {
        std::thread::id main = std::this_thread::get_id();
        int calls = 0, off_main = 0, statuses = 0;
        void note() { ++calls, off_main += std::this_thread::get_id() != main; }
        void on_progress(const SyncProgress&) override { note(); }
        void on_status(const SyncStatus&) override { note(), ++statuses; }
        void on_notice(const SyncNotice&) override { note(); }
    } recorder;
    dispatch::MainQueue queue;
    queue.install();
    BackgroundSync background(world.workspace_dir("vdo.in"), world.catalogue(), recorder);
    std::optional<SyncReport> report;
    BOOST_REQUIRE(background.start([&](const SyncReport& r) { report = r; }));
    BOOST_TEST(!background.start([](const SyncReport&) {}));  // one at a time
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (!report && std::chrono::steady_clock::now() < deadline)
        queue.run_for(std::chrono::milliseconds(50));
    BOOST_REQUIRE(report.has_value());
    BOOST_TEST(report->problem == "");
    BOOST_TEST(report->documents_fetched == 2u);
    BOOST_TEST(recorder.calls > 0);
    BOOST_TEST(recorder.statuses > 0);
    BOOST_TEST(recorder.off_main == 0);
    dispatch::set_main_thread_poster({});  // the queue dies with this test
}

BOOST_AUTO_TEST_CASE(backoff_grows_with_jitter_up_to_the_ceiling) {
    std::mt19937_64 random(7);
    BackoffPolicy policy;
    policy.first = std::chrono::milliseconds(1000);
    policy.ceiling = std::chrono::milliseconds(60'000);
    std::set<std::int64_t> seen;
    for (int attempt = 0; attempt < 12; ++attempt) {
        const auto full = std::min<std::int64_t>(1000LL << attempt, 60'000);
        for (int i = 0; i < 20; ++i) {
            const auto d = backoff_delay(attempt, policy, random).count();
            BOOST_TEST(d >= full / 2);
            BOOST_TEST(d <= full);
            seen.insert(d);
        }
    }
    BOOST_TEST(seen.size() > 100u);  // jitter: not the same few values
}

BOOST_AUTO_TEST_SUITE_END()
