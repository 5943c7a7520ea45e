# The automatic checks in the workstation: revealing a sealed Aadhaar number (recorded in the activity log
# without the number; the form stays masked) and flags on the document tabs, on a workspace made by
# make_checks_workspace (real SQLite, real vault key, a real signed Secure QR with a JPEG 2000 photo).
add_executable(make_checks_workspace ${CMAKE_CURRENT_LIST_DIR}/make_checks_workspace.cpp
                                     ${PROJECT_SOURCE_DIR}/tests/checks/qr_fixtures.cpp)
target_include_directories(make_checks_workspace PRIVATE ${PROJECT_SOURCE_DIR}/tests/checks)
target_link_libraries(make_checks_workspace PRIVATE jaanch_test_support jaanch_viewer_fixtures jaanch_warnings
                                                    OpenSSL::Crypto PkgConfig::ZXING PkgConfig::OPENJP2)
jaanch_gui_test(gui_checks python3 ${CMAKE_CURRENT_SOURCE_DIR}/workstation_checks.py $<TARGET_FILE:jaanch>
                $<TARGET_FILE:make_checks_workspace> ${PROJECT_SOURCE_DIR}/forms ${CMAKE_CURRENT_BINARY_DIR}/screenshots)
set_tests_properties(gui_checks PROPERTIES TIMEOUT 240)
