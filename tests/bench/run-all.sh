#!/usr/bin/env bash
# Runs every benchmark script (tests/bench/bench_*.sh) against a build folder. Results go to stdout; the figures
# quoted in docs/benchmarks.md come from these runs.
set -euo pipefail
build=${1:?usage: run-all.sh BUILD_DIR}
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "$build" && pwd)
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/{print $2}') GiB"
for script in "$here"/bench_*.sh; do
    [ -e "$script" ] || continue
    echo "== $(basename "$script") =="
    "$script" "$build"
done
