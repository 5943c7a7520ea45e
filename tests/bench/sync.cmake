# The sync benchmark links the hub test harness (to start a real hub and file applications) and the fault proxy.
jaanch_add_benchmark(bench_sync bench_sync.cpp ${PROJECT_SOURCE_DIR}/tests/hub/hub_harness.cpp
                     ${PROJECT_SOURCE_DIR}/tests/sync/fault_proxy.cpp)
target_link_libraries(bench_sync PRIVATE jaanch_hub_lib CURL::libcurl)
target_compile_definitions(bench_sync PRIVATE JAANCH_HUB_EXE="$<TARGET_FILE:jaanch-hub>"
                                              JAANCH_FORMS_DIR="${PROJECT_SOURCE_DIR}/forms")
add_dependencies(bench_sync jaanch-hub)
