# The sync benchmarks link the hub test harness (to start a real hub and file applications) and the fault proxy.
foreach(bench bench_sync bench_prefetch)
    jaanch_add_benchmark(${bench} ${bench}.cpp sync_bench_data.cpp ${PROJECT_SOURCE_DIR}/tests/hub/hub_harness.cpp
                         ${PROJECT_SOURCE_DIR}/tests/sync/fault_proxy.cpp)
    target_link_libraries(${bench} PRIVATE jaanch_hub_lib CURL::libcurl)
    target_compile_definitions(${bench} PRIVATE JAANCH_HUB_EXE="$<TARGET_FILE:jaanch-hub>"
                                                JAANCH_FORMS_DIR="${PROJECT_SOURCE_DIR}/forms")
    add_dependencies(${bench} jaanch-hub)
endforeach()
