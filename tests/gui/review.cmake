# The review part of the workstation: claims, history signature marks, document checklist and pages seen,
# recall from the outbox, sort, filters and saved filters, compare mode, and the open application moving on.
# Two officers' windows against one real jaanch-hub (demo district) on loopback.
jaanch_gui_test(gui_review ${CMAKE_CURRENT_SOURCE_DIR}/review.sh $<TARGET_FILE:jaanch> $<TARGET_FILE:jaanch-hub>
                $<TARGET_FILE:jaanch-cli> ${CMAKE_CURRENT_BINARY_DIR}/screenshots)
set_tests_properties(gui_review PROPERTIES TIMEOUT 400)
