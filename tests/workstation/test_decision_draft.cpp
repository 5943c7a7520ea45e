// The decision's draft without a window (workstation/decision_draft.h): the scripted "CODE|remark" form, "*"
// as the service's first reason for the action, and the documents the officer never opened.
#include <boost/test/unit_test.hpp>

#include "workstation/decision_draft.h"

using namespace jaanch;

BOOST_AUTO_TEST_SUITE(decision_draft)

BOOST_AUTO_TEST_CASE(a_scripted_draft_splits_at_the_first_bar) {
    const auto both = workstation::parse_scripted_draft("R01|caste proof is of another person | see page 2");
    BOOST_TEST(both.reason_code == "R01");
    BOOST_TEST(both.remark == "caste proof is of another person | see page 2");
    const auto remark_only = workstation::parse_scripted_draft("|all documents checked");
    BOOST_TEST(remark_only.reason_code.empty());
    BOOST_TEST(remark_only.remark == "all documents checked");
    const auto reason_only = workstation::parse_scripted_draft("R02");
    BOOST_TEST(reason_only.reason_code == "R02");
    BOOST_TEST(reason_only.remark.empty());
}

BOOST_AUTO_TEST_CASE(a_star_becomes_the_first_reason_of_that_action) {
    catalogue::ServiceDefinition service;
    service.reject_reasons = {{"REJ_FAKE", {}}, {"REJ_OTHER", {}}};
    service.return_reasons = {{"RET_BLURRED", {}}};
    workstation::DecisionDraft reject{"*", ""};
    workstation::resolve_first_reason(reject, service, model::Action::reject);
    BOOST_TEST(reject.reason_code == "REJ_FAKE");
    workstation::DecisionDraft ret{"*", ""};
    workstation::resolve_first_reason(ret, service, model::Action::return_to_applicant);
    BOOST_TEST(ret.reason_code == "RET_BLURRED");
    workstation::DecisionDraft given{"REJ_OTHER", ""};
    workstation::resolve_first_reason(given, service, model::Action::reject);
    BOOST_TEST(given.reason_code == "REJ_OTHER");  // only "*" is replaced
    service.reject_reasons.clear();
    workstation::DecisionDraft none{"*", ""};
    workstation::resolve_first_reason(none, service, model::Action::reject);
    BOOST_TEST(none.reason_code.empty());
}

BOOST_AUTO_TEST_CASE(documents_without_a_page_seen_are_not_opened) {
    model::Application app;
    app.documents = {{"aadhaar", "aadhaar_letter", "aadhaar.pdf", "application/pdf", 10, ""},
                     {"photo", "photograph", "", "image/jpeg", 10, ""},
                     {"caste", "caste_proof", "caste.pdf", "application/pdf", 10, ""}};
    std::map<std::string, store::PagesSeen> seen;
    seen["aadhaar"].pages = {0};
    const auto not_opened = workstation::documents_not_opened(app, seen);
    BOOST_TEST(not_opened == (std::vector<std::string>{"photograph", "caste.pdf"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
