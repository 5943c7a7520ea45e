#!/usr/bin/env bash
# Queue sorting on 100,000 applications: the time to fetch one page of 200 rows (the virtual list's unit) sorted
# by each column, at the top and 50,000 rows down, with the exact SQL of Workspace::queue. Median of 5 runs of
# each query in one sqlite3 process (page cache warm). Reference: the default sort (level_due), indexed since the
# first workspace schema.
set -euo pipefail
build=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$build/tests/make_test_workspace" "$work/ws" 100000 >/dev/null
db="$work/ws/workspace.db"
cols="number, service_id, applicant_name, village, submitted_at, service_due, level_due, current_level, status, claimed_by, version"
page() {  # ORDER_COLUMN OFFSET → median ms of 5
    for _ in 1 2 3 4 5; do
        printf '.timer on\nSELECT %s FROM applications WHERE 1=1 ORDER BY %s ASC, number ASC LIMIT 200 OFFSET %s;\n' \
            "$cols" "$1" "$2" | sqlite3 "$db" | sed -n 's/^Run Time: real \([0-9.]*\).*/\1/p'
    done | sort -n | sed -n 3p | awk '{printf "%.1f", $1 * 1000}'
}
ref_top=$(page level_due 0); ref_mid=$(page level_due 50000)
echo "column | page at top (ms) | page 50,000 rows down (ms) | ratio to level_due (50,000 down)"
for c in number service_id name_key village submitted_at level_due service_due current_level status claimed_by; do
    top=$(page "$c" 0); mid=$(page "$c" 50000)
    python3 -c "print(f'$c | $top | $mid | {float(\"$mid\")/max(float(\"$ref_mid\"),0.1):.2f}')"
done
echo "reference level_due: top $ref_top ms, 50,000 down $ref_mid ms"
