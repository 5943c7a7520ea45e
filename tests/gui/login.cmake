# Log-in dialog, preferences with a SoftHSM2 token, PIN policies and the demo role switcher, against a real
# jaanch-hub (tests/gui/login.sh).
jaanch_gui_test(gui_login ${CMAKE_CURRENT_SOURCE_DIR}/login.sh $<TARGET_FILE:jaanch> $<TARGET_FILE:jaanch-hub>
                ${CMAKE_CURRENT_BINARY_DIR}/screenshots)
set_tests_properties(gui_login PROPERTIES TIMEOUT 300)

# The account logic of the workstation without a window (no display needed): settings, log-in outcomes and
# the PIN policy against the test PKI's SoftHSM2 token.
add_executable(account_logic_test ${CMAKE_CURRENT_LIST_DIR}/account_logic_test.cpp
                                  ${PROJECT_SOURCE_DIR}/src/app/account_settings.cpp
                                  ${PROJECT_SOURCE_DIR}/src/app/policy_signer.cpp)
target_include_directories(account_logic_test PRIVATE ${PROJECT_SOURCE_DIR}/src/app ${PROJECT_SOURCE_DIR}/tests)
target_link_libraries(account_logic_test PRIVATE jaanch_test_support jaanch_warnings Boost::unit_test_framework)
target_compile_definitions(account_logic_test PRIVATE BOOST_TEST_DYN_LINK)
add_test(NAME account_logic COMMAND account_logic_test --report_level=short)
set_tests_properties(account_logic PROPERTIES LABELS core)
