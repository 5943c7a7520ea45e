# The viewer's benchmarks (docs/benchmarks.md, "## viewer"); run by tests/bench/bench_viewer.sh.
jaanch_add_benchmark(bench_viewer ${CMAKE_CURRENT_LIST_DIR}/bench_viewer.cpp)
target_link_libraries(bench_viewer PRIVATE jaanch_viewer_render jaanch_viewer_fixtures)
