#!/usr/bin/env bash
# `jaanch-cli forms check` and `forms list` on the shipped catalogue and on the deliberately broken examples.
set -euo pipefail
cli=$1 root=$2
source "$(dirname "$0")/lib.sh"

expect_rc 0 "$cli" forms check "$root/forms"
contains "$out" "OK:"
lacks "$err" "problem"

expect_rc 0 "$cli" forms list "$root/forms"
contains "$out" "rj.jan-aadhaar-member-deletion@1"
contains "$out" "L1(VDO/EO)"

# Every expected problem is printed as FILE:LINE: PATH: MESSAGE, and the command fails.
expect_rc 1 "$cli" forms check "$root/tests/data/broken-forms"
python3 - "$root/tests/data/broken-forms.expected.json" "$err" <<'PY'
import json, sys
expected = json.load(open(sys.argv[1])); printed = sys.argv[2].splitlines()
missing = [e for e in expected
           if not any(f"/{e['file']}:" in l and (e['path'] + ": " in l or not e['path']) and e['message'] in l
                      for l in printed)]
for e in missing: print("FAIL: not reported:", e, file=sys.stderr)
sys.exit(1 if missing else 0)
PY
contains "$err" "unknown_field_type.json:44: \$.fields[1].type: unknown field type \"datetime\""
contains "$err" "1 of 24 services are usable"

# Usage errors are exit 2 with the usage line.
expect_rc 2 "$cli" forms check "$root/forms" --colour
contains "$err" "unknown option --colour"
expect_rc 1 "$cli" forms check "$tmpdir/no-such-folder"
contains "$err" "does not exist"
echo "cli forms: OK"
