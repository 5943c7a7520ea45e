#!/usr/bin/env bash
# Workstation cold start to a usable queue with 100,000 applications in the workspace (median of 7, page cache
# warm), against the same program opening an empty workspace as the reference: the ratio is what the data costs.
set -euo pipefail
build=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$build/tests/make_test_workspace" "$work/ws100k" 100000 >/dev/null
"$build/tests/make_test_workspace" "$work/empty" 0 >/dev/null
run() {  # run WORKSPACE → median ms of 7 starts
    for i in 1 2 3 4 5 6 7; do
        xvfb-run -a "$build/src/app/jaanch" --workspace "$1" --report-startup --exit-after-ms 800 | awk '{print $2}'
    done | sort -n | sed -n 4p
}
full=$(run "$work/ws100k")
empty=$(run "$work/empty")
echo "startup to usable queue, 100,000 applications: ${full} ms (median of 7)"
echo "reference, same program with an empty workspace: ${empty} ms"
python3 -c "print(f'ratio: {float(\"$full\")/float(\"$empty\"):.2f}  (target: 100,000 rows under 1500 ms)')"
