jaanch_gui_test(gui_main_window_opens ${CMAKE_CURRENT_SOURCE_DIR}/main_window_opens.sh $<TARGET_FILE:jaanch>
                ${CMAKE_CURRENT_BINARY_DIR}/screenshots)
jaanch_gui_test(gui_workstation_queue ${CMAKE_CURRENT_SOURCE_DIR}/workstation_queue.sh $<TARGET_FILE:jaanch>
                $<TARGET_FILE:make_test_workspace> ${CMAKE_CURRENT_BINARY_DIR}/screenshots)
jaanch_gui_test(gui_workstation_demo ${CMAKE_CURRENT_SOURCE_DIR}/workstation_demo.sh $<TARGET_FILE:jaanch>
                ${CMAKE_CURRENT_BINARY_DIR}/screenshots)
set_tests_properties(gui_workstation_demo PROPERTIES TIMEOUT 400)
# One seeded demo district shared by the tests that work against a real hub (they copy it).
add_test(NAME gui_demo_district COMMAND ${CMAKE_CURRENT_SOURCE_DIR}/seed_demo_district.sh $<TARGET_FILE:jaanch-hub>
         ${PROJECT_SOURCE_DIR}/forms ${CMAKE_CURRENT_BINARY_DIR}/demo-district)
set_tests_properties(gui_demo_district PROPERTIES LABELS gui FIXTURES_SETUP demo_district TIMEOUT 300)
foreach(flow e2e offline)
    jaanch_gui_test(gui_workstation_${flow} python3 ${CMAKE_CURRENT_SOURCE_DIR}/workstation_${flow}.py
                    $<TARGET_FILE:jaanch> $<TARGET_FILE:jaanch-cli> $<TARGET_FILE:jaanch-hub> ${PROJECT_SOURCE_DIR}/forms
                    ${CMAKE_CURRENT_BINARY_DIR}/screenshots ${CMAKE_CURRENT_BINARY_DIR}/demo-district)
    set_tests_properties(gui_workstation_${flow} PROPERTIES TIMEOUT 600 FIXTURES_REQUIRED demo_district)
endforeach()
