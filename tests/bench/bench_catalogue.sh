#!/usr/bin/env bash
# Catalogue at scale: 2,000 generated definitions loaded and validated by Jaanch, against Python's json module
# merely parsing the same files (no validation) as the reference.
set -euo pipefail
build=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$build/tests/bench/bench_catalogue" "$root/forms" "$work/defs" 2000 7 | tee "$work/out"
jaanch=$(awk '/median/ {for (i=1;i<=NF;i++) if ($i=="median") print $(i+1)}' "$work/out")
ref=$(python3 - "$work/defs" <<'PY'
import json, os, sys, time
d = sys.argv[1]; names = sorted(os.listdir(d)); best = 1e9
for _ in range(7):
    t = time.perf_counter()
    for n in names:
        with open(os.path.join(d, n), encoding='utf-8') as f: json.load(f)
    best = min(best, time.perf_counter() - t)
print(f"{best*1000:.1f}")
PY
)
echo "reference (python3 json.load of the same files, parse only, best of 7): $ref ms"
python3 -c "print(f'ratio jaanch/reference: {float(\"$jaanch\")/float(\"$ref\"):.2f}')"
