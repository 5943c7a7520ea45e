#!/usr/bin/env bash
# Sandbox benchmark: first-page time (open + page 1 at 150 DPI) through jaanch-render under bubblewrap +
# seccomp against the in-process engine, on the viewer benchmark's documents.
# Usage: bench_sandbox.sh BUILD_DIR
set -euo pipefail
build=${1:?usage: bench_sandbox.sh BUILD_DIR}
bin="$build/tests/bench/bench_sandbox"
[ -x "$bin" ] || { echo "build the benchmarks first: cmake --build --preset default --target benchmarks" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin" generate "$work"
JAANCH_RENDER_HELPER="$build/src/cli/jaanch-render" "$bin" first-page "$work"
