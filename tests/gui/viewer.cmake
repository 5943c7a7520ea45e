# The document viewer's widgets on generated documents: zoom, keys, rotation, search, loupe, compare; asserts
# on the pixels of real screenshots, which it leaves in build/default/tests/gui/screenshots for people to look at.
add_executable(viewer_gui_test ${CMAKE_CURRENT_LIST_DIR}/viewer_gui_test.cpp)
target_link_libraries(viewer_gui_test PRIVATE jaanch_viewer_wx jaanch_viewer_fixtures jaanch_warnings)
add_test(NAME viewer_gui
         COMMAND ${XVFB_RUN} -a -s "-screen 0 1280x1024x24" $<TARGET_FILE:viewer_gui_test>
                 ${CMAKE_CURRENT_BINARY_DIR}/screenshots)
set_tests_properties(viewer_gui PROPERTIES LABELS gui TIMEOUT 180)
