jaanch_add_benchmark(bench_checks ${CMAKE_CURRENT_LIST_DIR}/bench_checks.cpp ${PROJECT_SOURCE_DIR}/tests/core/workflow_fixtures.cpp)
