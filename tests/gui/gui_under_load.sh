#!/usr/bin/env bash
# The GUI label N times in a row while `stress -c 2` keeps both cores busy: the proof that no GUI test
# depends on timing. Stops at the first failing run and says which one it was.
# Usage: tests/gui/gui_under_load.sh [RUNS] [BUILD_DIR]   (defaults: 30, build/default; run from the source root)
# JOBS=N runs N GUI tests at once (default 2, as make test does; more adds load).
set -euo pipefail
runs=${1:-30}
build=${2:-build/default}
jobs=${JOBS:-2}
command -v stress >/dev/null || { echo "gui_under_load: stress is not installed (make deps installs it)" >&2; exit 2; }
stress -c 2 >/dev/null 2>&1 &
load=$!
trap 'pkill -P $load 2>/dev/null; kill $load 2>/dev/null || true' EXIT
started=$(date +%s)
for run in $(seq "$runs"); do
    if ! ctest --test-dir "$build" -L gui -j"$jobs" --output-on-failure >"$build/gui_under_load.log" 2>&1; then
        tail -40 "$build/gui_under_load.log"
        echo "gui_under_load: run $run of $runs FAILED (log: $build/gui_under_load.log)" >&2
        exit 1
    fi
    echo "gui_under_load: run $run of $runs passed ($(( $(date +%s) - started )) s so far)"
done
echo "gui_under_load: $runs runs of the GUI label (-j$jobs) under stress -c 2 passed in $(( $(date +%s) - started )) s"
