#!/usr/bin/env bash
# Signed decisions per second of two hub builds in one run (docs/benchmarks.md § hub): bench_hub of BEFORE and
# AFTER alternately, ROUNDS times each, so the machine's load falls on both alike; prints each round and the
# medians' ratio.
# Usage: bench_hub_compare.sh BEFORE_BUILD AFTER_BUILD [ROUNDS] [APPLICATIONS] [DECISIONS]
# Each BUILD is SOURCE/build/PRESET with bench_hub built (`cmake --build BUILD --target bench_hub jaanch-hub`),
# e.g. a `git worktree` of the commit before the change.
set -euo pipefail
before=${1:?usage: bench_hub_compare.sh BEFORE_BUILD AFTER_BUILD [ROUNDS] [APPLICATIONS] [DECISIONS]}
after=${2:?usage: bench_hub_compare.sh BEFORE_BUILD AFTER_BUILD [ROUNDS] [APPLICATIONS] [DECISIONS]}
rounds=${3:-3} apps=${4:-20000} decisions=${5:-2000}
results=$(mktemp)
trap 'rm -f "$results"' EXIT
for round in $(seq "$rounds"); do
    for side in before after; do
        build=$before
        [ "$side" = after ] && build=$after
        # Each build with its own sources' forms and script (BUILD is SOURCE/build/PRESET).
        source_dir=$(cd "$build/../.." && pwd)
        line=$("$source_dir/tests/bench/bench_hub.sh" "$build" "$apps" "$decisions" | grep '^decisions:')
        rate=$(sed -n 's/.* = \([0-9.]*\) decisions\/s.*/\1/p' <<<"$line")
        echo "round $round $side: $line"
        echo "$side $rate" >>"$results"
    done
done
python3 - "$results" <<'PY'
import statistics, sys
rates = {"before": [], "after": []}
for line in open(sys.argv[1]):
    side, rate = line.split()
    rates[side].append(float(rate))
b, a = statistics.median(rates["before"]), statistics.median(rates["after"])
print(f"median decisions/s: before {b:.0f}, after {a:.0f}, after/before {a / b:.3f} ({(a / b - 1) * 100:+.1f} %)")
PY
