#!/usr/bin/env bash
# End to end through the real window: `jaanch --demo` seeds a demo district, starts a real jaanch-hub on
# loopback, signs in as an L1 officer and syncs. The script opens the officer's pending applications, forwards
# one, rejects one with the service's first reason, syncs, and prints the outbox. Both decisions must come back
# "accepted" from the hub, which checked the officer's signature against its trust anchors and the workflow.
# Between the first and the second application the script checks the prefetch: the second application's first
# document was opened while the officer read the first, and its first paint has every tile already rendered.
# expect-accessible: every control the keyboard reaches in the window has a name a screen reader speaks.
set -euo pipefail
app=$1 shots=$2
mkdir -p "$shots"
out=$("$app" --demo --demo-count 40 --report-outbox \
      --script "wait;queue/mine;queue/next;expect-accessible;expect-prefetched-next;decide/forward=|Documents match the form;queue/next;decide/reject=*|Proof is of another person;app/sync;wait" \
      --screenshot "$shots/demo_decided.png" --exit-after-ms 500 2>"$shots/demo.stderr") ||
    { echo "FAIL: the script stopped; the window said:"; grep -v "Gtk-WARNING\|^$" "$shots/demo.stderr" | tail -20; exit 1; }
echo "$out"
python3 - "$out" <<'PY'
import json, sys
rows = [json.loads(l) for l in sys.argv[1].splitlines() if l.startswith("{")]
assert len(rows) == 2, f"expected exactly 2 decisions in the outbox, found {len(rows)}"
assert sorted(r["action"] for r in rows) == ["forward", "reject"], rows
for r in rows:
    assert r["state"] == "accepted", f"{r['number']}: {r['state']} {r['hub_message']}"
    answer = json.loads(r["hub_message"])
    assert answer["decision"] == r["decision"] and len(answer["signature_sha256"]) == 64, answer
    print(f"{r['number']}: {r['action']} accepted by the hub, now {answer['application']['status']} at "
          f"{answer['application']['current_level']}")
PY
[ -s "$shots/demo_decided.png" ] || { echo "FAIL: no screenshot"; exit 1; }
echo "gui workstation demo: OK"
