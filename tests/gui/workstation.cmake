jaanch_gui_test(gui_main_window_opens ${CMAKE_CURRENT_SOURCE_DIR}/main_window_opens.sh $<TARGET_FILE:jaanch>
                ${CMAKE_CURRENT_BINARY_DIR}/screenshots)
jaanch_gui_test(gui_workstation_queue ${CMAKE_CURRENT_SOURCE_DIR}/workstation_queue.sh $<TARGET_FILE:jaanch>
                $<TARGET_FILE:make_test_workspace> ${CMAKE_CURRENT_BINARY_DIR}/screenshots)
jaanch_gui_test(gui_workstation_demo ${CMAKE_CURRENT_SOURCE_DIR}/workstation_demo.sh $<TARGET_FILE:jaanch>
                ${CMAKE_CURRENT_BINARY_DIR}/screenshots)
set_tests_properties(gui_workstation_demo PROPERTIES TIMEOUT 400)
jaanch_gui_test(gui_workstation_e2e python3 ${CMAKE_CURRENT_SOURCE_DIR}/workstation_e2e.py $<TARGET_FILE:jaanch>
                $<TARGET_FILE:jaanch-cli> $<TARGET_FILE:jaanch-hub> ${PROJECT_SOURCE_DIR}/forms
                ${CMAKE_CURRENT_BINARY_DIR}/screenshots)
set_tests_properties(gui_workstation_e2e PROPERTIES TIMEOUT 600)
