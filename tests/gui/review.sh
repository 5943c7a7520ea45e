#!/usr/bin/env bash
# Review features through real windows against a real hub (a demo district on loopback):
#  1. officer A opens a pending application: the hub shows A's claim; officer B (same desk, same queue) opens it
#     read-only with A named; when A's window closes the claim is released;
#  2. the history pane shows ✓ for a valid earlier signature and ✗ content_mismatch once the record is altered;
#  3. checklist marks and pages seen: the decision the hub accepted carries the document checks; after the sync
#     the open application says it is no longer in the queue and the decision bar is empty;
#  4. with the hub stopped, a decision is recalled from the outbox and nothing arrives when the hub is back;
#  5. sort by column (twice = descending), filter, save the filter, clear, apply it again; compare mode.
set -euo pipefail
app=$1 hub=$2 cli=$3 shots=$4
mkdir -p "$shots"
tmp=$(mktemp -d /tmp/jaanch-review-XXXXXX)
hub_pid=""
cleanup() { [ -n "$hub_pid" ] && kill "$hub_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$hub" demo-seed --data "$tmp/hub" --count 40 --kdf-iterations 1000 >/dev/null
python3 - "$tmp" <<'PY'
import json, sys
tmp = sys.argv[1]
officers = json.load(open(f"{tmp}/hub/demo-officers.json"))
l1 = [o for o in officers if o["level"] == "L1"]
a = max(l1, key=lambda o: (len(o["services"]) == 0, len(o["services"])))
json.dump(a, open(f"{tmp}/a.json", "w"))
open(f"{tmp}/a.pw", "w").write(a["password"])
open(f"{tmp}/a.p12pw", "w").write(a["p12_password"])
open(f"{tmp}/b.pw", "w").write("twin-password-1")
j = a["jurisdiction"]
args = ["--id", "twin." + a["user"], "--name", "Twin of " + a["name"], "--role", a["role"], "--level", "L1",
        "--state", j["state"], "--district", j["district"]]
for key in ("subdistrict", "village", "area"):
    if j.get(key): args += ["--" + key, j[key]]
if a["services"]: args += ["--services", ",".join(a["services"])]
open(f"{tmp}/twin.args", "w").write("\n".join(args))
PY
mapfile -t twin_args < "$tmp/twin.args"
"$hub" officer add --data "$tmp/hub" "${twin_args[@]}" --password twin-password-1 >/dev/null
user_a=$(python3 -c "import json;print(json.load(open('$tmp/a.json'))['user'])")
user_b="twin.$user_a"
p12_a=$(python3 -c "import json;print(json.load(open('$tmp/a.json'))['p12'])")

start_hub() {
    "$hub" serve --data "$tmp/hub" --listen "${1:-127.0.0.1:0}" >"$tmp/hub.log" 2>&1 &
    hub_pid=$!
    for _ in $(seq 100); do grep -q "listening on" "$tmp/hub.log" && break; sleep 0.1; done
    url=$(sed -n 's/.*listening on \([^ ]*\).*/\1/p' "$tmp/hub.log" | head -1)
    [ -n "$url" ] || fail "hub did not start: $(cat "$tmp/hub.log")"
}
start_hub
port=${url##*:}
for who in a b; do
    user=$user_a; [ $who = b ] && user=$user_b
    "$cli" login --hub "$url" --user "$user" --password-file "$tmp/$who.pw" --workspace "$tmp/ws-$who" >/dev/null
    "$cli" sync --workspace "$tmp/ws-$who" >/dev/null
    mkdir -p "$tmp/ws-$who/trust" && cp "$tmp/hub/trust/"* "$tmp/ws-$who/trust/"
done

# Applications from A's workspace: pending ones A may decide, and one with signed history.
read -r n1 n2 n3 nh < <(python3 - "$tmp/ws-a/workspace.db" <<'PY'
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
pending = [r[0] for r in db.execute("SELECT number FROM applications WHERE status='pending' AND current_level='L1' "
                                    "AND body NOT LIKE '%\"history\":[{%' ORDER BY number")]
withdocs = [n for n in pending if len(json.loads(db.execute("SELECT body FROM applications WHERE number=?", (n,)).fetchone()[0])["documents"]) >= 2]
hist = [r[0] for r in db.execute("SELECT number FROM applications WHERE body LIKE '%\"history\":[{%' ORDER BY number")]
assert len(pending) >= 3 and withdocs and hist, (len(pending), len(withdocs), len(hist))
n1 = pending[0]; n3 = withdocs[0]; n2 = [n for n in pending if n not in (n1, n3)][0]
print(n1, n2, n3, hist[0])
PY
)
token() { sqlite3 "$tmp/ws-$1/workspace.db" "SELECT value FROM sync_state WHERE key='token'"; }
enc() { python3 -c "import urllib.parse,sys;print(urllib.parse.quote(sys.argv[1], safe=''))" "$1"; }
hub_get() { curl -s -H "Authorization: Bearer $(token "$1")" "$url/v1/applications/$(enc "$2")$3"; }
run_a() { "$app" --workspace "$tmp/ws-a" --p12 "$p12_a" --p12-password-file "$tmp/a.p12pw" --exit-after-ms 300 "$@" 2>>"$tmp/gui.err"; }
run_b() { "$app" --workspace "$tmp/ws-b" --exit-after-ms 300 "$@" 2>>"$tmp/gui.err"; }
state() { grep '^{"review"' | sed -n "${1:-1}p"; }
check() { python3 -c "import json,sys; r=json.loads(sys.argv[1])['review']; v=eval(sys.argv[2]); assert v, sys.argv[1]" "$1" "$2" || fail "$3"; }

echo "1. claims"
run_a --script "review/open=$n1;review/wait;review/print;review/hold=9000" >"$tmp/a1.out" &
gui_a=$!
for _ in $(seq 150); do grep -q '^{"review"' "$tmp/a1.out" 2>/dev/null && break; sleep 0.1; done
s=$(state <"$tmp/a1.out")
check "$s" "r['claim']['mine'] and r['held'] == '$n1' and 'forward' in r['allowed']" "A did not hold the claim on $n1"
claim=$(hub_get b "$n1" "" | python3 -c "import json,sys;print((json.load(sys.stdin)['claim'] or {}).get('officer',''))")
[ "$claim" = "$user_a" ] || fail "the hub does not show A's claim on $n1 (got '$claim')"
b=$(run_b --script "review/open=$n1;review/wait;review/print" --screenshot "$shots/review_claimed_read_only.png")
s=$(state <<<"$b")
check "$s" "r['allowed'] == [] and '$user_a' in r['banner'] and not r['claim']['mine']" "B was not read-only with A named"
wait $gui_a
claim=$(hub_get b "$n1" "" | python3 -c "import json,sys;print(json.load(sys.stdin)['claim'])")
[ "$claim" = "None" ] || fail "A's claim was not released when the window closed: $claim"

echo "2. history signatures"
out=$(run_a --script "review/open=$nh;review/wait;review/tab=2;review/print" --screenshot "$shots/review_history.png")
s=$(state <<<"$out")
check "$s" "len(r['history']) >= 1 and all('✓' in h for h in r['history'])" "history of $nh not all ✓"
sqlite3 "$tmp/ws-a/workspace.db" \
  "UPDATE applications SET body = json_set(body, '\$.history[0].decision.remark', 'altered afterwards') WHERE number = '$nh'"
out=$(run_a --script "review/open=$nh;review/print")
s=$(state <<<"$out")
check "$s" "'✗ content_mismatch' in r['history'][0]" "tampered history of $nh not marked ✗"

echo "3. checklist, pages seen, decision, moved on"
out=$(run_a --report-outbox --script "review/open=$n3;review/wait;review/check=0:valid;review/check=1:invalid:Scan is unreadable;review/tab=1;review/print;review/shot=$shots/review_checklist.png;decide/forward=|Checked;app/sync;wait;review/print")
s1=$(state 1 <<<"$out"); s2=$(state 2 <<<"$out")
check "$s1" "len(r['checks']) == 2 and any(v.startswith('1/') for v in r['pages'].values()) and len(r['not_opened']) >= 1" "checklist or pages seen wrong"
check "$s2" "r['allowed'] == [] and 'No longer in your queue' in r['banner']" "the decided application was not marked as moved on"
hub_get a "$n3" /history | python3 -c "
import json,sys
recs = json.load(sys.stdin)['records']
checks = recs[-1]['decision']['document_checks']
assert len(checks) == 2 and {c['mark'] for c in checks} == {'valid','invalid'}, checks
assert any(c['reason'] == 'Scan is unreadable' for c in checks), checks
" || fail "the hub's decision on $n3 lacks the checklist"

echo "4. recall with the hub offline"
kill "$hub_pid"; wait "$hub_pid" 2>/dev/null || true; hub_pid=""
out=$(run_a --report-outbox --script "review/open=$n2;decide/forward=|Looks right;review/print;decide/recall;review/print;app/outbox;review/shot=$shots/review_outbox.png")
s1=$(state 1 <<<"$out"); s2=$(state 2 <<<"$out")
check "$s1" "r['allowed'] == []" "after deciding the bar should be empty"
check "$s2" "'forward' in r['allowed'] and 'recalled' in r['banner']" "recall did not restore the decision bar"
grep -q "\"number\":\"$n2\".*\"state\":\"pending\"" <<<"$out" && fail "the recalled decision is still in the outbox"
start_hub "127.0.0.1:$port"
"$cli" sync --workspace "$tmp/ws-a" >/dev/null
n=$(hub_get a "$n2" /history | python3 -c "import json,sys;print(len(json.load(sys.stdin)['records']))")
[ "$n" = "0" ] || fail "a recalled decision reached the hub ($n records on $n2)"

echo "5. sort, filter, saved filter, compare"
total=$(sqlite3 "$tmp/ws-a/workspace.db" "SELECT COUNT(*) FROM applications WHERE status='pending' AND current_level='L1'")
last=$(sqlite3 "$tmp/ws-a/workspace.db" "SELECT number FROM applications ORDER BY number DESC LIMIT 1")
out=$(run_a --script "review/sort=number;review/sort=number;review/print;review/filter=status:pending,level:L1;review/save_filter=Pending L1;queue/clear_filter;review/print;review/apply_filter=Pending L1;review/print" --screenshot "$shots/review_filtered.png")
check "$(state 1 <<<"$out")" "r['queue_first'][0] == '$last'" "sorting by number twice is not descending"
check "$(state 3 <<<"$out")" "r['queue_total'] == $total and r['queue_first'][0] >= r['queue_first'][-1]" "the saved filter did not come back with its sort"
check "$(state 2 <<<"$out")" "r['queue_total'] > $total" "clearing the filter did not show everything"
run_a --script "review/open=$n3;review/compare=0,1;review/shot=$shots/review_compare.png" >/dev/null
[ -s "$shots/review_compare.png" ] || fail "no compare screenshot"
echo "gui review: OK"
