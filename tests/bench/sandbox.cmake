# The document sandbox's benchmark (docs/benchmarks.md, "## sandbox"); run by tests/bench/bench_sandbox.sh.
jaanch_add_benchmark(bench_sandbox ${CMAKE_CURRENT_LIST_DIR}/bench_sandbox.cpp)
target_link_libraries(bench_sandbox PRIVATE jaanch_viewer_sandbox jaanch_viewer_fixtures)
add_dependencies(bench_sandbox jaanch-render)
