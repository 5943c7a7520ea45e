# Log-in dialog, preferences with a SoftHSM2 token, PIN policies and the demo role switcher, against a real
# jaanch-hub (tests/gui/login.sh).
jaanch_gui_test(gui_login ${CMAKE_CURRENT_SOURCE_DIR}/login.sh $<TARGET_FILE:jaanch> $<TARGET_FILE:jaanch-hub>
                ${CMAKE_CURRENT_BINARY_DIR}/screenshots)
set_tests_properties(gui_login PROPERTIES TIMEOUT 300)
