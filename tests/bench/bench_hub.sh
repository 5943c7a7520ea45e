#!/usr/bin/env bash
# Hub benchmark (docs/benchmarks.md § hub): 100,000 stored applications, queue pages of 500 (p50, p95), and
# signed decisions per second from 50 concurrent clients on loopback, verification included.
# Usage: bench_hub.sh BUILD_DIR [APPLICATIONS] [DECISIONS]
set -euo pipefail
build=${1:?usage: bench_hub.sh BUILD_DIR [APPLICATIONS] [DECISIONS]}
here=$(cd "$(dirname "$0")" && pwd)
"$build/tests/bench/bench_hub" "$build/src/hub/jaanch-hub" "$here/../../forms" "${2:-100000}" "${3:-5000}"
