#!/usr/bin/env bash
# Builds the IPC parser's libFuzzer harness with clang in BUILD_DIR and runs it from a seed corpus of valid
# frames. Extra arguments go to libFuzzer (ctest: -runs=200000; make fuzz: -max_total_time=300).
# Usage: run_ipc_fuzzer.sh SOURCE_DIR BUILD_DIR [libFuzzer options…]
set -euo pipefail
src=${1:?usage: run_ipc_fuzzer.sh SOURCE_DIR BUILD_DIR [options]}
build=${2:?usage: run_ipc_fuzzer.sh SOURCE_DIR BUILD_DIR [options]}
shift 2
cxx=${JAANCH_FUZZ_CXX:-clang++-14}
command -v "$cxx" >/dev/null || { echo "$cxx is missing: apt-get install clang-14 libfuzzer-14-dev" >&2; exit 1; }
cmake -S "$src/tests/sandbox/fuzz" -B "$build" -DCMAKE_CXX_COMPILER="$cxx" -DJAANCH_SOURCE_DIR="$src" \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$build" -j 2 >/dev/null
corpus="$build/corpus"
mkdir -p "$corpus"
JAANCH_FUZZ_SEEDS="$corpus" "$build/fuzz_ipc_protocol"
# Leaks count as findings; new inputs found are kept in the corpus for the next run.
"$build/fuzz_ipc_protocol" -seed=1 -max_len=4096 -detect_leaks=1 "$@" "$corpus" 2>&1 | tail -n 5
test "${PIPESTATUS[0]}" -eq 0
