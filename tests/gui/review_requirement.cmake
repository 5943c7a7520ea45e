# The review requirement as the officer meets it: forward held back and refused while mandatory documents are
# unopened, accepted by a real jaanch-hub (demo district on loopback) once every page was on screen.
jaanch_gui_test(gui_review_requirement ${CMAKE_CURRENT_SOURCE_DIR}/review_requirement.sh $<TARGET_FILE:jaanch>
                $<TARGET_FILE:jaanch-hub> $<TARGET_FILE:jaanch-cli> ${CMAKE_CURRENT_BINARY_DIR}/screenshots)
set_tests_properties(gui_review_requirement PROPERTIES TIMEOUT 400)
