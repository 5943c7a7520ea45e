#!/usr/bin/env bash
# Viewer benchmarks: generates the documents (scanned and text PDFs, a 200-page scan) in a temp folder, then
# measures first-page time against pdftoppm, cache hits, scrolling memory and next-application latency.
# Usage: bench_viewer.sh BUILD_DIR
set -euo pipefail
build=${1:?usage: bench_viewer.sh BUILD_DIR}
bin="$build/tests/bench/bench_viewer"
[ -x "$bin" ] || { echo "build the benchmarks first: cmake --build --preset default --target benchmarks" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin" generate "$work"
# Each measurement in its own process, so peak memory is the measurement's own.
"$bin" first-page "$work"
"$bin" cache-hit "$work"
"$bin" scroll "$work"
"$bin" next-application "$work"
