jaanch_add_benchmark(bench_catalogue ${CMAKE_CURRENT_LIST_DIR}/bench_catalogue.cpp)
