// The viewer's per-document memory kept in a real workspace (workstation/document_memory.h): a password and
// the rotation of each page survive closing and opening the workspace again, keyed by the document's SHA-256,
// and a note this version cannot read is left alone rather than applied wrongly.
#include <cstdlib>
#include <filesystem>

#include <boost/test/unit_test.hpp>

#include "core/temp_dir.h"

#include "catalogue/catalogue.h"
#include "store/workspace.h"
#include "workstation/document_memory.h"

using namespace jaanch;
namespace fs = std::filesystem;

namespace {

const catalogue::Catalogue& shipped() {
    static const auto result = catalogue::load_catalogue(JAANCH_FORMS_DIR);
    return result.catalogue;
}

const std::string kDocument(64, 'a');
const std::string kOther(64, 'b');

}  // namespace

BOOST_AUTO_TEST_SUITE(document_memory)

BOOST_AUTO_TEST_CASE(passwords_and_rotations_survive_reopening_the_workspace) {
    test::TempDir dir("jaanch-memory");
    {
        store::Workspace workspace(dir.path, shipped());
        workstation::WorkspaceDocumentMemory memory(workspace);
        BOOST_TEST(!memory.recall(kDocument).has_value());
        memory.remember(kDocument, "SANT2001");
        memory.set_rotation(kDocument, 0, viewer::Rotation::r90);
        memory.set_rotation(kDocument, 2, viewer::Rotation::r270);
        memory.set_rotation(kDocument, 2, viewer::Rotation::r180);  // the last turn counts
    }
    store::Workspace workspace(dir.path, shipped());
    workstation::WorkspaceDocumentMemory memory(workspace);
    BOOST_TEST(memory.recall(kDocument).value_or("") == "SANT2001");
    const auto rotations = memory.rotations(kDocument);
    BOOST_TEST(rotations.size() == 2u);
    BOOST_TEST(static_cast<int>(rotations.at(0)) == 90);
    BOOST_TEST(static_cast<int>(rotations.at(2)) == 180);
    BOOST_TEST(memory.rotations(kOther).empty());  // keyed per document
    BOOST_TEST(!memory.recall(kOther).has_value());
}

BOOST_AUTO_TEST_CASE(a_rotation_note_it_cannot_read_is_left_alone) {
    test::TempDir dir("jaanch-memory");
    store::Workspace workspace(dir.path, shipped());
    workspace.set_document_note(kDocument, "rotation:1", "45");  // not a multiple of 90
    workspace.set_document_note(kDocument, "rotation:x", "90");  // not a page
    workstation::WorkspaceDocumentMemory memory(workspace);
    memory.set_rotation(kDocument, 3, viewer::Rotation::r90);
    const auto rotations = memory.rotations(kDocument);
    BOOST_TEST(rotations.size() == 1u);
    BOOST_TEST(static_cast<int>(rotations.at(3)) == 90);
}

BOOST_AUTO_TEST_SUITE_END()
