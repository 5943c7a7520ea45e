#include <boost/test/unit_test.hpp>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "catalogue/catalogue.h"
#include "core/workflow_fixtures.h"
#include "workflow/workflow.h"

using namespace jaanch;
using model::Action;
using workflow::Denial;

namespace {

const catalogue::Catalogue& shipped() {
    static const catalogue::LoadResult result = catalogue::load_catalogue(JAANCH_FORMS_DIR);
    return result.catalogue;
}

catalogue::ServiceDefinition sample_service() {
    const std::string dir = std::string(JAANCH_TEST_DATA_DIR) + "/broken-forms";
    std::ifstream in(dir + "/valid_sample.json");
    std::ostringstream text;
    text << in.rdbuf();
    auto roles = catalogue::load_catalogue(dir).catalogue.roles();
    auto load = catalogue::load_service_text(text.str(), "valid_sample.json", roles);
    BOOST_REQUIRE(load.service);
    return *load.service;
}

Denial denial_of(const catalogue::ServiceDefinition& s, const model::Application& app,
                 const model::Officer& o, const model::Decision& d) {
    return workflow::check_decision(s, app, o, d).denial;
}

// Walks every path of one service from submission to its terminal states, checking every forbidden move on
// the way. Returns the (level, action) pairs it applied and the outcomes it reached.
class WorkflowWalker {
  public:
    explicit WorkflowWalker(const catalogue::ServiceDefinition& s) : s_(s), roster_(test::make_roster(s)) {}

    void walk(model::Application app, int depth) {
        BOOST_REQUIRE_MESSAGE(depth < 12, s_.id << ": workflow deeper than 12 steps");
        if (!seen_.insert(state_key(app)).second)
            return;
        if (app.status != model::Status::pending)
            return finished(app);
        const model::Officer* actor = test::officer_for(s_, app, roster_.inside);
        BOOST_REQUIRE_MESSAGE(actor != nullptr, s_.id << ": nobody may act at level " << app.current_level);
        const auto allowed = workflow::allowed_actions(s_, app, *actor);
        BOOST_TEST_REQUIRE(!allowed.empty(), s_.id << ": no action allowed at " << app.current_level);
        forbidden_moves(app, *actor, allowed);
        for (Action action : allowed) {
            const auto decision = test::make_decision(s_, app, *actor, action, ++serial_);
            const auto next = workflow::apply_decision(s_, app, *actor, decision, std::string(64, 'c'),
                                                       decision.decided_at);
            BOOST_TEST(next.version == app.version + 1);
            BOOST_TEST(next.history.size() == app.history.size() + 1);
            applied_.insert(app.current_level + ":" + std::string(model::action_name(action)));
            walk(next, depth + 1);
        }
    }

    std::set<std::string> applied_;
    std::set<model::Status> outcomes_;

  private:
    static std::string state_key(const model::Application& app) {
        std::set<std::string> actors;
        for (const auto& r : app.history)
            actors.insert(r.decision.officer + "@" + r.decision.level);
        std::string key =
            app.number + "|" + std::string(model::status_name(app.status)) + "|" + app.current_level;
        for (const auto& a : actors)
            key += "|" + a;
        return key;
    }

    void finished(const model::Application& app) {
        outcomes_.insert(app.status);
        const model::Officer* any = &roster_.inside.front();
        for (Action action : model::all_actions()) {
            auto d = test::make_decision(s_, app, *any, action, ++serial_);
            BOOST_TEST((denial_of(s_, app, *any, d) == Denial::not_pending),
                       s_.id << ": terminal state accepted " << model::action_name(action));
        }
        if (app.status == model::Status::returned) {
            const auto again = workflow::resubmit(s_, app, app.submitted_at + std::chrono::hours(24 * 30));
            BOOST_TEST(again.current_level == s_.levels.front().id);
            BOOST_TEST((again.status == model::Status::pending));
        } else {
            BOOST_CHECK_THROW(workflow::resubmit(s_, app, app.submitted_at), workflow::WorkflowError);
        }
    }

    void forbidden_moves(const model::Application& app, const model::Officer& actor,
                         const std::vector<Action>& allowed) {
        const Action ok = allowed.front();
        for (const auto& other : roster_.inside) {  // everyone else at the wrong level or in the wrong role
            if (workflow::may_act(s_, app, other).ok())
                continue;
            auto d = test::make_decision(s_, app, other, ok, ++serial_);
            BOOST_TEST(
                (workflow::denial_class(denial_of(s_, app, other, d)) == workflow::DenialClass::forbidden),
                s_.id << ": " << other.id << " was not refused at " << app.current_level);
        }
        for (const auto& outsider : roster_.outside) {  // right role and level, wrong district
            if (outsider.role != actor.role || outsider.level != actor.level)
                continue;
            auto d = test::make_decision(s_, app, outsider, ok, ++serial_);
            BOOST_TEST((denial_of(s_, app, outsider, d) == Denial::outside_jurisdiction),
                       s_.id << ": " << outsider.id);
        }
        for (Action action : model::all_actions()) {  // actions this level does not offer now
            if (std::find(allowed.begin(), allowed.end(), action) != allowed.end())
                continue;
            auto d = test::make_decision(s_, app, actor, action, ++serial_);
            BOOST_TEST((denial_of(s_, app, actor, d) == Denial::action_not_allowed),
                       s_.id << ": " << model::action_name(action) << " at " << app.current_level);
        }
        auto stale = test::make_decision(s_, app, actor, ok, ++serial_);
        stale.application_version = app.version - 1;
        BOOST_TEST((denial_of(s_, app, actor, stale) == Denial::stale_version));
        reason_and_remark_rules(app, actor, allowed);
        separation_of_duties(app, actor, ok);
    }

    void reason_and_remark_rules(const model::Application& app, const model::Officer& actor,
                                 const std::vector<Action>& allowed) {
        for (Action action : allowed) {
            auto d = test::make_decision(s_, app, actor, action, ++serial_);
            const bool takes_reason = action == Action::reject || action == Action::return_to_applicant;
            d.reason_code = takes_reason ? "NOT-A-CODE" : "R-ANY";
            BOOST_TEST((denial_of(s_, app, actor, d) == Denial::invalid_reason), model::action_name(action));
            if (takes_reason) {
                d.reason_code.clear();
                BOOST_TEST((denial_of(s_, app, actor, d) == Denial::missing_reason));
            }
            if (action == Action::return_to_applicant || action == Action::escalate ||
                action == Action::send_back) {
                d = test::make_decision(s_, app, actor, action, ++serial_);
                d.remark = "  ";
                BOOST_TEST((denial_of(s_, app, actor, d) == Denial::missing_remark),
                           model::action_name(action));
            }
        }
    }

    void separation_of_duties(const model::Application& app, const model::Officer& actor, Action ok) {
        for (const auto& record : app.history) {
            if (record.decision.level == app.current_level)
                continue;
            model::Officer same_person = actor;  // holds this level's charge now, but acted below before
            same_person.id = record.decision.officer;
            auto d = test::make_decision(s_, app, same_person, ok, ++serial_);
            BOOST_TEST((denial_of(s_, app, same_person, d) == Denial::separation_of_duties), s_.id);
        }
    }

    const catalogue::ServiceDefinition& s_;
    test::Roster roster_;
    std::set<std::string> seen_;
    int serial_ = 0;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(workflow_rules)

BOOST_AUTO_TEST_CASE(every_path_of_every_shipped_service) {
    BOOST_REQUIRE(shipped().size() >= 1u);
    for (const auto* service : shipped().services()) {
        BOOST_TEST_CONTEXT("service " << service->key()) {
            WorkflowWalker walker(*service);
            for (auto area : {model::Area::rural, model::Area::urban}) {
                for (bool last : {false, true}) {
                    auto app = test::make_application(*service, area, last);
                    if (test::officer_for(*service, app, test::make_roster(*service).inside) == nullptr)
                        continue;
                    walker.walk(app, 0);
                }
            }
            for (const auto& level : service->levels) {
                for (const auto& action : level.actions)
                    BOOST_TEST(walker.applied_.contains(level.id + ":" + action),
                               level.id << " never took " << action);
            }
            BOOST_TEST(walker.outcomes_.contains(model::Status::approved));
            BOOST_TEST(walker.outcomes_.contains(model::Status::rejected));
        }
    }
}

BOOST_AUTO_TEST_CASE(mandatory_route_sends_other_reasons_to_the_collector) {
    const auto s = sample_service();
    auto roster = test::make_roster(s);
    auto app =
        test::make_application(s, model::Area::rural, /*last_option=*/true);  // reason "b": route applies
    const auto* l1 = test::officer_for(s, app, roster.inside);
    BOOST_REQUIRE(l1 != nullptr);
    app = workflow::apply_decision(s, app, *l1, test::make_decision(s, app, *l1, Action::forward, 1),
                                   std::string(64, 'a'), app.submitted_at);
    BOOST_TEST(app.current_level == "L2");
    const auto* l2 = test::officer_for(s, app, roster.inside);
    BOOST_REQUIRE(l2 != nullptr);
    const auto allowed = workflow::allowed_actions(s, app, *l2);
    BOOST_TEST((std::find(allowed.begin(), allowed.end(), Action::approve) == allowed.end()));
    BOOST_TEST((std::find(allowed.begin(), allowed.end(), Action::escalate) != allowed.end()));
    app = workflow::apply_decision(s, app, *l2, test::make_decision(s, app, *l2, Action::escalate, 2),
                                   std::string(64, 'b'), app.submitted_at);
    BOOST_TEST(app.current_level == "DC");
    const auto* dc = test::officer_for(s, app, roster.inside);
    BOOST_REQUIRE(dc != nullptr);
    BOOST_TEST(dc->role == "COLLECTOR");
    // The collector sends it back: it returns to the route's starting level, not to L1.
    app = workflow::apply_decision(s, app, *dc, test::make_decision(s, app, *dc, Action::send_back, 3),
                                   std::string(64, 'c'), app.submitted_at);
    BOOST_TEST(app.current_level == "L2");
    BOOST_TEST(app.version == 4u);
}

BOOST_AUTO_TEST_CASE(route_not_applying_keeps_approval_at_l2) {
    const auto s = sample_service();
    auto roster = test::make_roster(s);
    auto app = test::make_application(s, model::Area::rural, /*last_option=*/false);  // reason "a"
    const auto* l1 = test::officer_for(s, app, roster.inside);
    app = workflow::apply_decision(s, app, *l1, test::make_decision(s, app, *l1, Action::forward, 1),
                                   std::string(64, 'a'), app.submitted_at);
    const auto* l2 = test::officer_for(s, app, roster.inside);
    const auto allowed = workflow::allowed_actions(s, app, *l2);
    BOOST_TEST((allowed == std::vector<Action>{Action::approve, Action::reject, Action::send_back}));
    // Missing data counts as "the route applies": doubt goes to the collector.
    app.fields.erase("reason");
    const auto doubtful = workflow::allowed_actions(s, app, *l2);
    BOOST_TEST((std::find(doubtful.begin(), doubtful.end(), Action::escalate) != doubtful.end()));
    BOOST_TEST((std::find(doubtful.begin(), doubtful.end(), Action::approve) == doubtful.end()));
}

BOOST_AUTO_TEST_CASE(refusals_carry_specific_messages_and_classes) {
    const auto s = sample_service();
    auto roster = test::make_roster(s);
    auto app = test::make_application(s, model::Area::rural, false);
    const auto* l1 = test::officer_for(s, app, roster.inside);
    auto d = test::make_decision(s, app, *l1, Action::forward, 1);
    d.officer = "someone.else";
    auto v = workflow::check_decision(s, app, *l1, d);
    BOOST_TEST((v.denial == Denial::not_the_officer));
    BOOST_TEST(v.message.find("someone.else") != std::string::npos);
    d = test::make_decision(s, app, *l1, Action::forward, 2);
    d.application = "OTHER/1";
    BOOST_TEST((workflow::check_decision(s, app, *l1, d).denial == Denial::wrong_application));
    BOOST_TEST((workflow::denial_class(Denial::stale_version) == workflow::DenialClass::conflict));
    BOOST_TEST((workflow::denial_class(Denial::moved_on) == workflow::DenialClass::conflict));
    BOOST_TEST(workflow::denial_code(Denial::moved_on) == "moved_on");
    BOOST_TEST((workflow::denial_class(Denial::invalid_reason) == workflow::DenialClass::invalid));
    BOOST_TEST(workflow::denial_code(Denial::separation_of_duties) == "separation_of_duties");
    model::Officer wrong_service = *l1;
    wrong_service.services = {"another.service"};
    BOOST_TEST((workflow::may_act(s, app, wrong_service).denial == Denial::wrong_service));
    // apply_decision refuses with the verdict and leaves the input alone.
    const auto before = app;
    d = test::make_decision(s, app, *l1, Action::approve, 3);
    BOOST_CHECK_EXCEPTION(workflow::apply_decision(s, app, *l1, d, std::string(64, 'a'), app.submitted_at),
                          workflow::WorkflowError, [](const workflow::WorkflowError& e) {
                              return e.verdict().denial == Denial::action_not_allowed;
                          });
    BOOST_TEST((app == before));
}

BOOST_AUTO_TEST_SUITE_END()
