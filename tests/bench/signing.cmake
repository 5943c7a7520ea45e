# Signing: signatures and verifications per second with a software RSA-2048 key (bench_signing.sh
# compares them with `openssl speed rsa2048`).
jaanch_add_benchmark(bench_signing ${CMAKE_CURRENT_LIST_DIR}/bench_signing.cpp)
