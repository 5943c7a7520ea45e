// jaanch-cli's workspace commands against the real hub: login, sync, queue, show, decide (PKCS#12), outbox,
// recall, with --json output read back as JSON.
#include <boost/test/unit_test.hpp>

#include <fstream>

#include "sync_world.h"

using namespace jaanch;
using jaanch::sync::test::SyncWorld;

namespace {

json::Json run_json(SyncWorld& world, const std::vector<std::string>& words) {
    std::string out;
    const int rc = world.cli(words, &out);
    BOOST_REQUIRE_MESSAGE(rc == 0, out);
    return json::Json::parse(out);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(sync_cli)

BOOST_AUTO_TEST_CASE(login_sync_queue_show_decide_outbox) {
    SyncWorld world;
    world.file("RJ/CLI/1", 5000);
    world.file("RJ/CLI/2", 5000);
    const std::string ws = world.workspace_dir("vdo.in").string();
    std::ofstream(world.dir() / "pw") << "pw-vdo.in\n";
    std::string out;
    BOOST_REQUIRE_MESSAGE(world.cli({"login", "--hub", world.hub_url(), "--user", "vdo.in", "--password-file",
                                     (world.dir() / "pw").string(), "--workspace", ws},
                                    &out) == 0,
                          out);
    BOOST_TEST(out.find("Logged in") != std::string::npos);
    BOOST_TEST(out.find("pw-vdo.in") == std::string::npos);
    BOOST_REQUIRE_MESSAGE(world.cli({"sync", "--workspace", ws}, &out) == 0, out);
    BOOST_TEST(out.find("downloaded 4 document(s)") != std::string::npos, out);

    auto queue = run_json(world, {"queue", "--workspace", ws, "--json"});
    BOOST_TEST(queue["total"].get<int>() == 2);
    BOOST_TEST(queue["applications"][0]["number"].get<std::string>().rfind("RJ/CLI/", 0) == 0u);
    queue = run_json(world, {"queue", "--workspace", ws, "--json", "--service", "no.such-service"});
    BOOST_TEST(queue["total"].get<int>() == 0);

    auto shown = run_json(world, {"show", "RJ/CLI/1", "--workspace", ws, "--json"});
    BOOST_TEST(shown["number"].get<std::string>() == "RJ/CLI/1");
    BOOST_TEST(shown["documents"].size() == 2u);
    for (const auto& d : shown["documents"])
        BOOST_TEST(d["state"].get<std::string>() == "complete");

    // A reject without a valid reason is refused locally, before anything is signed.
    const auto& identity = hub::test::shared_pki().officers.front();
    BOOST_REQUIRE(identity.id == "vdo.in");
    const std::vector<std::string> signing{"--p12", identity.p12.string(), "--password-file",
                                           world.password_file().string()};
    auto words =
        std::vector<std::string>{"decide", "RJ/CLI/1", "--reject", "NOT-A-REASON", "--workspace", ws};
    words.insert(words.end(), signing.begin(), signing.end());
    BOOST_TEST(world.cli(words, &out) == 1);
    words = {"decide", "RJ/CLI/1", "--forward", "--remark", "Documents in order.", "--workspace", ws};
    words.insert(words.end(), signing.begin(), signing.end());
    BOOST_REQUIRE_MESSAGE(world.cli(words, &out) == 0, out);
    BOOST_TEST(out.find("Saved") != std::string::npos);
    words = {"decide", "RJ/CLI/2", "--forward", "--workspace", ws};
    words.insert(words.end(), signing.begin(), signing.end());
    BOOST_REQUIRE_MESSAGE(world.cli(words, &out) == 0, out);

    auto outbox = run_json(world, {"outbox", "--workspace", ws, "--json"});
    BOOST_TEST(outbox["waiting"].get<int>() == 2);
    BOOST_TEST(outbox["decisions"][0]["state"].get<std::string>() == "pending");
    // Take the second one back before it leaves.
    std::string recall_id;
    for (const auto& d : outbox["decisions"])
        if (d["application"] == "RJ/CLI/2")
            recall_id = d["id"].get<std::string>();
    BOOST_REQUIRE_MESSAGE(world.cli({"recall", recall_id, "--workspace", ws}, &out) == 0, out);
    // Once recalled it has left the outbox: a second recall says there is nothing to take back.
    BOOST_TEST(world.cli({"recall", recall_id, "--workspace", ws}, &out) == 1);
    BOOST_TEST(out.find("nothing to recall") != std::string::npos, out);

    BOOST_REQUIRE_MESSAGE(world.cli({"sync", "--workspace", ws}, &out) == 0, out);
    outbox = run_json(world, {"outbox", "--workspace", ws, "--json"});
    BOOST_TEST(outbox["waiting"].get<int>() == 0);
    BOOST_REQUIRE_EQUAL(outbox["decisions"].size(), 1u);
    BOOST_TEST(outbox["decisions"][0]["state"].get<std::string>() == "accepted");
    shown = run_json(world, {"show", "RJ/CLI/1", "--workspace", ws, "--json"});
    BOOST_TEST(shown["history"].size() == 1u);
    BOOST_TEST(shown["version"].get<int>() == 2);
    BOOST_TEST(world.hub_decision_counts().size() == 1u);

    // Offline: the sync says so and fails; the queue still answers from the workspace.
    world.proxy().go_down();
    BOOST_TEST(world.cli({"sync", "--workspace", ws}, &out) == 1);
    BOOST_TEST(out.find("Offline") != std::string::npos, out);
    BOOST_TEST(run_json(world, {"queue", "--workspace", ws, "--json"})["total"].get<int>() == 2);
    world.proxy().come_up();

    // Log out: the token is forgotten (and ended on the hub), so the next sync asks for a log-in.
    BOOST_REQUIRE_MESSAGE(world.cli({"logout", "--workspace", ws}, &out) == 0, out);
    BOOST_TEST(out.find("Logged out") != std::string::npos, out);
    BOOST_TEST(world.cli({"sync", "--workspace", ws}, &out) == 1);
    BOOST_TEST(out.find("not logged in") != std::string::npos, out);
}

BOOST_AUTO_TEST_SUITE_END()
