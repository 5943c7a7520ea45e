#!/usr/bin/env bash
# Seeds one demo district for the GUI tests that need a hub (a ctest fixture: seeding takes most of a minute,
# so the tests copy this folder instead of seeding their own).
set -euo pipefail
hub=$1 forms=$2 dir=$3
rm -rf "$dir"
"$hub" demo-seed --data "$dir" --count 120 --kdf-iterations 1000 --forms "$forms" >/dev/null
echo "demo district seeded in $dir"
