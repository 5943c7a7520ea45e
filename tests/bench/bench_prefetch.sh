#!/usr/bin/env bash
# Prefetch versus on-demand (docs/benchmarks.md, "prefetch vs on-demand"): an officer's waiting over 50
# applications on a 256 kbit/s, 300 ms link, Jaanch's background sync against fetching each application when
# opened. Time is compressed 20x (see the model in bench_prefetch.cpp); about 6 minutes.
set -euo pipefail
build=${1:?usage: bench_prefetch.sh BUILD_DIR}
echo "-- load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
"$build/tests/bench/bench_prefetch" --apps 50 --scale 20 --min-kb 40 --max-kb 200 --reading 60,20,5
echo "-- load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
