// The workstation's review features against the real hub: claims (mine, someone else's, released), the
// history signatures endpoint verified locally with crypto::Verifier (valid, tampered, not fetched, no trust
// folder) and fetched by a sync so that they verify offline, the per-document checklist carried into the
// signed decision the hub accepts, page views, saved filters, and recalling a decision that then never
// arrives.
#include <boost/test/unit_test.hpp>

#include <filesystem>

#include <SQLiteCpp/Statement.h>

#include "crypto/test_pki.h"
#include "store/review_store.h"
#include "sync/history_check.h"
#include "sync/sync_error.h"
#include "sync_world.h"

using namespace jaanch;
using namespace jaanch::sync;
using jaanch::sync::test::SyncWorld;

namespace {

std::unique_ptr<HubClient> client_for(store::Workspace& w) {
    auto c = std::make_unique<HubClient>(w.sync_value("hub_url"));
    c->set_token(w.sync_value("token"));
    return c;
}

void copy_trust(SyncWorld& world, store::Workspace& w) {
    std::filesystem::create_directories(trust_dir_of(w));
    for (const auto& f : std::filesystem::directory_iterator(world.hub().hub.data() / "trust"))
        std::filesystem::copy_file(f.path(), trust_dir_of(w) / f.path().filename(),
                                   std::filesystem::copy_options::overwrite_existing);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(sync_review)

BOOST_AUTO_TEST_CASE(claims_show_the_holder_and_are_released) {
    SyncWorld world;
    world.file("RJ/C/1");
    auto a = world.workspace("vdo.in");
    auto b = world.workspace("vdo.in2");
    world.login(*a, "vdo.in");
    world.login(*b, "vdo.in2");
    auto cap = client_for(*a);
    auto& ca = *cap;
    auto cbp = client_for(*b);
    auto& cb = *cbp;

    const auto mine = ca.claim("RJ/C/1", 10);
    BOOST_TEST(mine.mine);
    BOOST_TEST(mine.officer == "vdo.in");
    BOOST_TEST((mine.expires_at > now_utc() + std::chrono::minutes(9)));
    // The hub shows the claim to others, and a second officer's claim names the holder instead of taking it.
    BOOST_TEST(world.hub().application("vdo.in2", "RJ/C/1")["claim"]["officer"] == "vdo.in");
    const auto theirs = cb.claim("RJ/C/1");
    BOOST_TEST(!theirs.mine);
    BOOST_TEST(theirs.officer == "vdo.in");
    BOOST_TEST((theirs.expires_at == mine.expires_at));

    ca.release("RJ/C/1");
    ca.release("RJ/C/1");  // idempotent
    BOOST_TEST(world.hub().application("vdo.in2", "RJ/C/1")["claim"].is_null());
    BOOST_TEST(cb.claim("RJ/C/1").mine);
    // Outside the officer's area the hub says 404, which is an error, not a claim state.
    auto out = world.workspace("vdo.out");
    world.login(*out, "vdo.out");
    auto cop = client_for(*out);
    auto& co = *cop;
    BOOST_CHECK_THROW(co.claim("RJ/C/1"), HubRefused);
}

BOOST_AUTO_TEST_CASE(history_signatures_are_verified_locally) {
    SyncWorld world;
    world.file("RJ/H/1");
    world.file("RJ/H/2");
    auto vdo = world.workspace("vdo.in");
    world.login(*vdo, "vdo.in");
    world.sync(*vdo);
    const auto d = world.decide(*vdo, "RJ/H/1");
    BOOST_TEST(world.sync(*vdo).pushed.accepted == 1u);

    auto bso = world.workspace("bso.in");
    world.login(*bso, "bso.in");
    SyncOptions without_history;  // a sync does fetch them (the next test): here they come one by one
    without_history.history = false;
    world.sync(*bso, without_history);
    auto app = bso->application("RJ/H/1");
    BOOST_REQUIRE(app);
    BOOST_REQUIRE(app->history.size() == 1u);

    // Offline (nothing fetched yet): "not yet fetched".
    auto marks = check_history(*bso, *app);
    BOOST_REQUIRE(marks.size() == 1u);
    BOOST_TEST((marks[0].mark == SignatureMark::not_fetched));

    auto clientp = client_for(*bso);
    auto& client = *clientp;
    const auto fetched = client.history("RJ/H/1");
    BOOST_REQUIRE(fetched.size() == 1u);
    BOOST_TEST(fetched[0].decision_id == d.id);
    BOOST_TEST(fetched[0].signature_der.size() > 500u);
    BOOST_TEST(client_for(*vdo)->history("RJ/H/2").empty());
    store_history(*bso, "RJ/H/1", fetched, now_utc());

    // Fetched but the workspace has no trust folder: said so, not passed as valid.
    marks = check_history(*bso, *app);
    BOOST_TEST((marks[0].mark == SignatureMark::no_trust));

    copy_trust(world, *bso);
    marks = check_history(*bso, *app);
    BOOST_TEST((marks[0].mark == SignatureMark::valid), marks[0].message);

    // The record altered in the workspace (the remark of the signed decision): the verifier refuses it.
    auto tampered = *app;
    tampered.history[0].decision.remark = "Approved without looking";
    marks = check_history(*bso, tampered);
    BOOST_TEST((marks[0].mark == SignatureMark::invalid));
    BOOST_TEST(marks[0].reason == "content_mismatch");
    // Signature bytes that are not the ones the hub recorded with the decision.
    store::ReviewStore(*bso).put_signature(d.id, "RJ/H/1", fetched[0].signature_der + "x", now_utc());
    marks = check_history(*bso, *app);
    BOOST_TEST(marks[0].reason == "digest_mismatch");

    // Visibility as for the application: an officer of another sub-district gets 404.
    auto out = world.workspace("vdo.out");
    world.login(*out, "vdo.out");
    auto cop = client_for(*out);
    auto& co = *cop;
    BOOST_CHECK_THROW(co.history("RJ/H/1"), HubRefused);
}

BOOST_AUTO_TEST_CASE(a_sync_fetches_history_signatures_so_they_verify_offline) {
    SyncWorld world;
    for (const char* number : {"RJ/S/1", "RJ/S/2", "RJ/S/3"})
        world.file(number);
    auto vdo = world.workspace("vdo.in");
    world.login(*vdo, "vdo.in");
    world.sync(*vdo);
    const auto d1 = world.decide(*vdo, "RJ/S/1");
    world.decide(*vdo, "RJ/S/2");
    BOOST_TEST(world.sync(*vdo).pushed.accepted == 2u);

    // At most history_limit applications per sync, the rest at the next one even though it pulls nothing.
    auto bso = world.workspace("bso.in");
    world.login(*bso, "bso.in");
    copy_trust(world, *bso);
    SyncOptions one_at_a_time;
    one_at_a_time.history_limit = 1;
    auto first = world.sync(*bso, one_at_a_time);
    BOOST_TEST(first.problem == "");
    BOOST_TEST(first.histories_fetched == 1u);
    auto second = world.sync(*bso, one_at_a_time);
    BOOST_TEST(second.applications_pulled == 0u);
    BOOST_TEST(second.histories_fetched == 1u);
    BOOST_TEST(world.sync(*bso).histories_fetched == 0u);  // nothing left: RJ/S/3 has no history
    BOOST_TEST(store::ReviewStore(*bso).applications_lacking_signatures(10).empty());

    // The link gone: the history pane still verifies every earlier decision from the workspace alone.
    world.proxy().go_down();
    for (const char* number : {"RJ/S/1", "RJ/S/2"}) {
        const auto app = bso->application(number);
        BOOST_REQUIRE(app);
        const auto marks = check_history(*bso, *app);
        BOOST_REQUIRE(marks.size() == 1u);
        BOOST_TEST((marks[0].mark == SignatureMark::valid), number << ": " << marks[0].message);
    }
    BOOST_TEST(check_history(*bso, *bso->application("RJ/S/1"))[0].decision_id == d1.id);
    BOOST_TEST(world.sync(*bso).online == false);
}

BOOST_AUTO_TEST_CASE(history_revocation_is_judged_with_the_hubs_crls_at_the_applied_time) {
    SyncWorld world;
    world.file("RJ/S/1");
    auto vdo = world.workspace("vdo.in");
    world.login(*vdo, "vdo.in");
    world.sync(*vdo);
    world.decide(*vdo, "RJ/S/1");
    BOOST_TEST(world.sync(*vdo).pushed.accepted == 1u);

    auto bso = world.workspace("bso.in");
    world.login(*bso, "bso.in");
    copy_trust(world, *bso);
    BOOST_TEST(world.sync(*bso).problem == "");
    const auto app = bso->application("RJ/S/1");
    BOOST_REQUIRE(app && app->history.size() == 1u);
    const auto& record = app->history[0];
    BOOST_TEST(record.signer_key_sha256.size() == 64u);  // the hub recorded who signed, by key
    BOOST_TEST(std::filesystem::exists(crl_dir_of(*bso)));
    BOOST_TEST((check_history(*bso, *app)[0].mark == SignatureMark::valid),
               check_history(*bso, *app)[0].message);

    const auto& hub = world.hub().hub;
    const auto& pki = hub::test::shared_pki();
    std::filesystem::path vdo_certificate;
    for (const auto& i : pki.officers) {
        if (i.id == "vdo.in")
            vdo_certificate = i.certificate;
    }
    auto install = [&](Timestamp revoked_at, Timestamp this_update, const std::string& name) {
        crypto::TestCrlOptions crl;
        crl.revoked = {{vdo_certificate, revoked_at}};
        crl.this_update = this_update;
        const auto file = world.dir() / name;
        crypto::issue_test_crl(pki, crl, file);
        std::string out;
        BOOST_REQUIRE_MESSAGE(hub.admin({"crl", "add", file.string()}, &out) == 0, out);
        BOOST_TEST(world.sync(*bso).problem == "");
    };
    const Timestamp now = now_utc();
    // Revoked after the hub applied the decision: it stays valid.
    install(record.applied_at + std::chrono::hours(1), now - std::chrono::minutes(10), "later.crl.pem");
    auto marks = check_history(*bso, *app);
    BOOST_TEST((marks[0].mark == SignatureMark::valid), marks[0].message);
    // The CA dates the revocation back to before the decision (a key compromised earlier): invalid, offline.
    install(record.applied_at - std::chrono::hours(1), now - std::chrono::minutes(5), "backdated.crl.pem");
    world.proxy().go_down();
    marks = check_history(*bso, *app);
    BOOST_TEST((marks[0].mark == SignatureMark::invalid));
    BOOST_TEST(marks[0].reason == "revoked");
}

BOOST_AUTO_TEST_CASE(checklist_travels_in_the_signed_decision) {
    SyncWorld world;
    world.file("RJ/K/1");
    auto w = world.workspace("vdo.in");
    world.login(*w, "vdo.in");
    world.sync(*w);
    const auto app = w->application("RJ/K/1");
    BOOST_REQUIRE(app && app->documents.size() == 2u);
    store::ReviewStore review(*w);
    const std::string first = app->documents[0].id, second = app->documents[1].id;
    review.put_document_check("RJ/K/1", {first, model::DocumentMark::seen, ""});
    review.put_document_check("RJ/K/1", {first, model::DocumentMark::valid, ""});  // replaces "seen"
    BOOST_CHECK_THROW(review.put_document_check("RJ/K/1", {second, model::DocumentMark::invalid, ""}),
                      InputError);
    review.put_document_check("RJ/K/1", {second, model::DocumentMark::invalid, "Photo is of another person"});
    const auto checks = review.document_checks("RJ/K/1");
    BOOST_REQUIRE(checks.size() == 2u);

    BOOST_TEST(review.record_page_view("RJ/K/1", first, 0, 3, now_utc()));
    BOOST_TEST(!review.record_page_view("RJ/K/1", first, 0, 3, now_utc()));  // the first view only counts
    BOOST_TEST(review.record_page_view("RJ/K/1", first, 2, 3, now_utc()));
    const auto seen = review.pages_seen("RJ/K/1");
    BOOST_TEST(seen.at(first).pages.size() == 2u);
    BOOST_TEST(seen.at(first).page_count == 3);
    BOOST_TEST(!seen.contains(second));

    auto signer = world.signer("vdo.in");
    DecisionInput input;
    input.application = "RJ/K/1";
    input.action = model::Action::forward;
    input.document_checks = checks;
    const auto d = decide_locally(*w, world.catalogue(), session_officer(*w), *signer, input, now_utc());
    BOOST_TEST(world.sync(*w).pushed.accepted == 1u);
    // The hub's export holds the decision as signed, with the checklist in it.
    const auto r = world.hub().client->request("GET", "/v1/portal/decisions?limit=1000", "",
                                               {hub::test::bearer(world.hub().portal_key)});
    bool found = false;
    const auto exported = r.json();  // kept: a range-for over a temporary's member would dangle
    for (const auto& e : exported["decisions"]) {
        if (e["decision"]["id"] != d.id)
            continue;
        found = true;
        BOOST_TEST(e["decision"]["document_checks"].size() == 2u);
        BOOST_TEST(e["decision"]["document_checks"].dump().find("Photo is of another person") !=
                   std::string::npos);
    }
    BOOST_TEST(found, r.body.substr(0, 600));
    review.clear_review("RJ/K/1");
    BOOST_TEST(review.document_checks("RJ/K/1").empty());
    BOOST_TEST(review.pages_seen("RJ/K/1").empty());
}

BOOST_AUTO_TEST_CASE(recalled_decision_never_arrives) {
    SyncWorld world;
    world.file("RJ/R/1");
    auto w = world.workspace("vdo.in");
    world.login(*w, "vdo.in");
    world.sync(*w);
    const auto d = world.decide(*w, "RJ/R/1");
    recall_decision(*w, "vdo.in", d.id, now_utc());
    BOOST_TEST(w->outbox().list().empty());
    BOOST_TEST(w->activity().entries("RJ/R/1").back().kind == "recalled");
    BOOST_CHECK_THROW(recall_decision(*w, "vdo.in", d.id, now_utc()), SyncError);
    BOOST_TEST(world.sync(*w).pushed.accepted == 0u);
    BOOST_TEST(!world.hub_decision_counts().contains(d.id));
    // A sent decision cannot be recalled; the message names its state.
    const auto sent = world.decide(*w, "RJ/R/1");
    world.sync(*w);
    try {
        recall_decision(*w, "vdo.in", sent.id, now_utc());
        BOOST_FAIL("recalled a decision the hub accepted");
    } catch (const SyncError& e) {
        BOOST_TEST(std::string(e.what()).find("accepted") != std::string::npos, e.what());
    }
}

BOOST_AUTO_TEST_CASE(queue_sorts_filters_and_saved_filters) {
    SyncWorld world;
    for (int i = 1; i <= 5; ++i)
        world.file("RJ/Q/" + std::to_string(i));
    auto w = world.workspace("vdo.in");
    world.login(*w, "vdo.in");
    world.sync(*w);
    store::QueueFilter f;
    f.sort = store::QueueSort::number;
    f.descending = true;
    auto page = w->queue(f);
    BOOST_REQUIRE(page.rows.size() == 5u);
    BOOST_TEST(page.rows.front().number == "RJ/Q/5");
    f.sort = store::QueueSort::current_level;
    f.descending = false;
    BOOST_TEST(w->queue(f).rows.front().number == "RJ/Q/1");  // ties broken by number
    f.sort = store::QueueSort::claimed_by;
    BOOST_TEST(w->queue(f).total == 5u);

    const Date today = date_of(now_utc());
    store::QueueFilter saved;
    saved.status = "pending";
    saved.level = "L1";
    saved.due_by = Date(std::chrono::sys_days(today) + std::chrono::days(400));
    saved.sort = store::QueueSort::village;
    saved.descending = true;
    store::ReviewStore review(*w);
    review.save_filter("Due this year", saved, today);
    const auto back = review.saved_filter("Due this year", today);
    BOOST_REQUIRE(back);
    BOOST_TEST(back->level == "L1");
    BOOST_TEST((back->sort == store::QueueSort::village));
    BOOST_TEST(back->descending);
    BOOST_TEST((back->due_by == saved.due_by));
    BOOST_TEST(w->queue(*back).total == 5u);
    // Applied a day later, the window moves with the day.
    const Date tomorrow = Date(std::chrono::sys_days(today) + std::chrono::days(1));
    BOOST_TEST((*review.saved_filter("Due this year", tomorrow)->due_by ==
                Date(std::chrono::sys_days(*saved.due_by) + std::chrono::days(1))));
    store::QueueFilter none = saved;
    none.due_by = Date(std::chrono::sys_days(today) - std::chrono::days(400));
    BOOST_TEST(w->queue(none).total == 0u);
    BOOST_TEST(review.saved_filter_names() == std::vector<std::string>{"Due this year"});
    BOOST_TEST(review.delete_filter("Due this year"));
    BOOST_TEST(!review.saved_filter("Due this year", today));
}

BOOST_AUTO_TEST_SUITE_END()
