// The decision's draft without a window (workstation/decision_draft.h): the scripted "CODE|remark" form, "*"
// as the service's first reason for the action, the documents the officer never opened, and what the level's
// review requirement still asks to be opened (on the shipped Jharkhand caste certificate form).
#include <boost/test/unit_test.hpp>

#include "catalogue/catalogue.h"
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

namespace {

const catalogue::ServiceDefinition& caste_certificate() {
    static const auto loaded = catalogue::load_catalogue(JAANCH_FORMS_DIR);
    const auto* service = loaded.catalogue.find("jh.caste-certificate", 1);
    BOOST_REQUIRE(service != nullptr);
    return *service;
}

// Mandatory: aadhaar, photo, caste_proof; voter_id is optional.
model::Application caste_application(const std::string& level) {
    model::Application app;
    app.number = "JH/Ran/2026/000001";
    app.service_id = "jh.caste-certificate";
    app.current_level = level;
    const std::string digest(64, 'a');
    app.documents = {{"aadhaar", "aadhaar", "aadhaar.pdf", "application/pdf", 10, digest},
                     {"photo", "photo", "photo.jpg", "image/jpeg", 10, digest},
                     {"caste_proof", "caste_proof", "khatiyan.pdf", "application/pdf", 10, digest},
                     {"voter_id", "voter_id", "voter.pdf", "application/pdf", 10, digest}};
    return app;
}

}  // namespace

BOOST_AUTO_TEST_CASE(review_gaps_name_each_mandatory_document_not_fully_opened_at_L1) {
    const auto app = caste_application("L1");
    std::map<std::string, store::PagesSeen> seen;
    seen["aadhaar"] = {{0, 1}, 2};   // every page
    seen["caste_proof"] = {{0}, 3};  // one of three
    seen["voter_id"] = {{}, 0};      // optional: never asked for
    const auto gaps = workstation::review_gaps(caste_certificate(), app, seen);
    BOOST_TEST_REQUIRE(gaps.size() == 2u);
    BOOST_TEST(gaps[0].document == "photo");
    BOOST_TEST(gaps[0].pages_total == 0u);  // never opened
    BOOST_TEST(gaps[1].document == "caste_proof");
    BOOST_TEST(gaps[1].pages_opened == 1u);
    BOOST_TEST(gaps[1].pages_total == 3u);
    BOOST_TEST(workflow::describe_gaps(gaps) == "photo (never opened), caste_proof (1 of 3 pages opened)");

    seen["photo"] = {{0}, 1};
    seen["caste_proof"] = {{0, 1, 2}, 3};
    BOOST_TEST(workstation::review_gaps(caste_certificate(), app, seen).empty());
}

BOOST_AUTO_TEST_CASE(at_L2_one_page_of_each_mandatory_document_is_enough) {
    const auto app = caste_application("L2");
    std::map<std::string, store::PagesSeen> seen;
    seen["aadhaar"] = {{1}, 2};
    seen["photo"] = {{0}, 1};
    const auto gaps = workstation::review_gaps(caste_certificate(), app, seen);
    BOOST_TEST_REQUIRE(gaps.size() == 1u);
    BOOST_TEST(gaps[0].document == "caste_proof");
    seen["caste_proof"] = {{2}, 3};
    BOOST_TEST(workstation::review_gaps(caste_certificate(), app, seen).empty());
}

BOOST_AUTO_TEST_CASE(the_gaps_count_pages_as_the_decision_binds_them) {
    // The check before deciding and the decision itself read the same DocumentReview list.
    const auto app = caste_application("L1");
    std::map<std::string, store::PagesSeen> seen;
    seen["caste_proof"] = {{0, 2}, 3};
    const auto reviewed = sync::documents_reviewed(app, seen);
    BOOST_TEST_REQUIRE(reviewed.size() == app.documents.size());
    BOOST_TEST(reviewed[2].document == "caste_proof");
    BOOST_TEST(reviewed[2].sha256 == app.documents[2].sha256);
    BOOST_TEST(reviewed[2].pages_opened == 2u);
    BOOST_TEST(reviewed[2].pages_total == 3u);
    BOOST_TEST(reviewed[0].pages_total == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
