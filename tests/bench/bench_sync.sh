#!/usr/bin/env bash
# Sync benchmark (docs/benchmarks.md, "sync"): initial sync against curl --parallel, incremental sync, throttled link.
# The full-size run (10,000 applications, 30,000 documents of 100 KB–2 MB, ~31 GB) is kept out: it needs the bytes
# twice at the peak (~62 GB; bench_sync refuses to leave less than 5 GB free) and ~30 minutes on this machine, so it
# runs in two halves that keep each property: every application and document count with small documents, and the
# real document sizes with a tenth of the applications. Full size by hand:
#   bench_sync --apps 10000 --min-kb 100 --max-kb 2048
set -euo pipefail
build=${1:?usage: bench_sync.sh BUILD_DIR}
bench=$build/tests/bench/bench_sync
echo "-- 10,000 applications, 30,000 documents of 4-64 KB"
"$bench" --apps 10000 --min-kb 4 --max-kb 64
echo "-- 1,000 applications, 3,000 documents of 100 KB-2 MB; then 8 applications over a 256 kbit/s, 300 ms link"
"$bench" --apps 1000 --min-kb 100 --max-kb 2048 --throttled --throttled-apps 8
