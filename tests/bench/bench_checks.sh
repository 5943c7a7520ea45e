#!/usr/bin/env bash
# Duplicates at scale: one application against 100,000 in the workspace, through the identity index, beside an
# unindexed scan of every application body (the reference).
set -euo pipefail
build=$1
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$build/tests/bench/bench_checks" "$root/forms" "$work" 100000 9
