# Hub benchmark: queue page latency with 100,000 applications and signed decisions/s with 50 clients.
jaanch_add_benchmark(bench_hub bench_hub.cpp)
target_link_libraries(bench_hub PRIVATE jaanch_hub_lib CURL::libcurl)
add_dependencies(bench_hub jaanch-hub)
