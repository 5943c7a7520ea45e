#!/usr/bin/env bash
# Log-in and keys through the real window against a real jaanch-hub (demo-seed data):
#  1. the log-in dialog: a wrong password shows the hub's sentence and the dialog stays; the right one logs in
#     and the settings file remembers hub and user but no password;
#  2. Preferences choose a SoftHSM2 token (holding the L1 officer's key and certificate); with the PIN policy
#     "every time" two decisions ask for the PIN twice, with "for this session" once; the hub accepts all four;
#  3. an account with TOTP: the code field appears when the hub asks for it, and the right code logs in;
#  4. `jaanch --demo`: Demo → Sign in as L2 officer / Collector changes the officer and the queue.
# The dialogs' screenshots go to the screenshots folder (login_dialog.png, login_error.png, preferences.png …).
set -euo pipefail
app=$1 hub=$2 shots=$3
mkdir -p "$shots"
tmp=$(mktemp -d)
hub_pid=
cleanup() { [ -n "$hub_pid" ] && kill "$hub_pid" 2>/dev/null && wait "$hub_pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
export JAANCH_CONFIG_DIR=$tmp/config XDG_DATA_HOME=$tmp/data

"$hub" demo-seed --data "$tmp/hub" --count 100 --kdf-iterations 1000 >/dev/null
officers=$tmp/hub/demo-officers.json
read -r user password p12 p12pw role level state district subdistrict services < <(python3 - "$officers" <<'PY'
import json, sys
o = max((o for o in json.load(open(sys.argv[1])) if o["level"] == "L1"), key=lambda o: len(o["services"]))
j = o["jurisdiction"]
print(o["user"], o["password"], o["p12"], o["p12_password"], o["role"], o["level"], j["state"], j["district"],
      j.get("subdistrict") or "-", ",".join(o["services"]))
PY
)
printf '%s\n' "$password" > "$tmp/good"
printf 'not-the-password\n' > "$tmp/bad"
# An officer with an authenticator (a fixed secret, so this test can compute the code).
secret=JBSWY3DPEHPK3PXPJBSWY3DP
sub_arg=(); [ "$subdistrict" != "-" ] && sub_arg=(--subdistrict "$subdistrict")
printf 'totp-password-1\n' > "$tmp/totp_pw"
"$hub" officer add --data "$tmp/hub" --id totp_officer --name "TOTP Officer" --role "$role" --level "$level" \
    --state "$state" --district "$district" "${sub_arg[@]}" --services "$services" --totp-secret "$secret" \
    --password-stdin < "$tmp/totp_pw" >/dev/null

"$hub" serve --data "$tmp/hub" --listen 127.0.0.1:0 > "$tmp/hub.out" 2>&1 &
hub_pid=$!
for _ in $(seq 100); do grep -q "listening on " "$tmp/hub.out" && break; sleep 0.1; done
url=$(sed -n 's/.*listening on \([^ ]*\).*/\1/p' "$tmp/hub.out" | head -1)
[ -n "$url" ] || { echo "FAIL: the hub did not start"; cat "$tmp/hub.out"; exit 1; }

# A SoftHSM2 token holding the L1 officer's key and certificate, as a DSC token would.
export SOFTHSM2_CONF=$tmp/softhsm2.conf
mkdir -p "$tmp/tokens"
printf 'directories.tokendir = %s\nobjectstore.backend = file\n' "$tmp/tokens" > "$SOFTHSM2_CONF"
module=/usr/lib/softhsm/libsofthsm2.so
softhsm2-util --init-token --free --label JAANCH-DSC --so-pin 87654321 --pin 246810 >/dev/null
printf '246810\n' > "$tmp/pin"
openssl pkcs12 -in "$p12" -passin "pass:$p12pw" -nocerts -nodes | openssl pkcs8 -topk8 -nocrypt -outform DER -out "$tmp/key.der"
openssl pkcs12 -in "$p12" -passin "pass:$p12pw" -clcerts -nokeys | openssl x509 -outform DER -out "$tmp/cert.der"
for kind in privkey cert; do
    f=$tmp/key.der; [ $kind = cert ] && f=$tmp/cert.der
    pkcs11-tool --module "$module" --token-label JAANCH-DSC --login --pin 246810 --write-object "$f" \
        --type $kind --id 01 --label officer >/dev/null 2>&1
done

ws=$tmp/ws
decide="queue/mine;queue/next;decide/allowed=Checked against the documents;queue/next;decide/allowed=Checked against the documents;app/sync;wait"
out1=$("$app" --workspace "$ws" --dialog-shots "$shots" --report-outbox \
    --script "login=$url|$user|$tmp/bad;login=$url|$user|$tmp/good;wait;pin=$tmp/pin;prefs=$module|JAANCH-DSC|every_time;$decide" \
    --screenshot "$shots/login_signed.png" --exit-after-ms 500 2>"$tmp/err1") || { cat "$tmp/err1"; exit 1; }
echo "$out1"
cp "$JAANCH_CONFIG_DIR/settings.json" "$tmp/settings_after_login.json"
# The second session syncs before it decides: the first one's last pull may not have reached the hub in time
# on a loaded machine, and deciding on what it left would decide the same applications again.
out2=$("$app" --workspace "$ws" --dialog-shots "$shots/session" --report-outbox \
    --script "app/sync;wait;pin=$tmp/pin;prefs=$module|JAANCH-DSC|session;$decide" --exit-after-ms 500 2>"$tmp/err2") || { cat "$tmp/err2"; exit 1; }
echo "$out2"
code() { python3 -c "import base64,hmac,struct,time,sys
k=base64.b32decode(sys.argv[1]); m=hmac.new(k,struct.pack('>Q',int(time.time())//30),'sha1').digest(); o=m[-1]&15
print('%06d'%((struct.unpack('>I',m[o:o+4])[0]&0x7fffffff)%1000000))" "$secret"; }
out3=$("$app" --workspace "$tmp/ws_totp" --dialog-shots "$shots" \
    --script "login=$url|totp_officer|$tmp/totp_pw;login=$url|totp_officer|$tmp/totp_pw|$(code)" --exit-after-ms 300 2>"$tmp/err3") || { cat "$tmp/err3"; exit 1; }
echo "$out3"

python3 - "$out1" "$out2" "$out3" "$tmp/settings_after_login.json" "$user" "$password" "$url" <<'PY'
import json, sys
out1, out2, out3, settings_file, user, password, url = sys.argv[1:]
lines1 = out1.splitlines()
first_login = [l for l in lines1 if l.startswith("login:")]
assert first_login[0].startswith("login: refused; dialog open; totp field hidden; error: "), first_login
assert "password" in first_login[0].lower(), first_login[0]
assert first_login[1].startswith(f"login: ok {user} L1"), first_login
settings = json.load(open(settings_file))
assert settings["hub_url"] == url and settings["user"] == user, settings
assert password not in open(settings_file).read(), "the password was written to the settings file"
assert settings["key_source"] == "token" and settings["token_label"] == "JAANCH-DSC", settings
def outbox(out):
    return [json.loads(l) for l in out.splitlines() if l.startswith("{")]
prompts1 = [l for l in lines1 if l.startswith("pin_prompt")]
assert len(prompts1) == 2, f"PIN policy 'every time': expected 2 prompts for 2 decisions, saw {prompts1}"
rows1 = outbox(out1)
assert len(rows1) == 2 and all(r["state"] == "accepted" for r in rows1), rows1
prompts2 = [l for l in out2.splitlines() if l.startswith("pin_prompt")]
assert len(prompts2) == 1, f"PIN policy 'session': expected 1 prompt for 2 decisions, saw {prompts2}"
rows2 = outbox(out2)
assert len(rows2) == 4 and all(r["state"] == "accepted" for r in rows2), rows2
assert any(l.startswith("token_watch: JAANCH-DSC") for l in lines1), "the token was not shown as present"
l3 = [l for l in out3.splitlines() if l.startswith("login:")]
assert l3[0].startswith("login: refused; dialog open; totp field shown"), l3
assert l3[1].startswith("login: ok totp_officer"), l3
assert json.load(open(settings_file.replace("settings_after_login.json", "config/settings.json")))["user"] == "totp_officer"
print("login dialog, TOTP, token signing with both PIN policies: OK")
PY

# Demo: the role switcher changes the officer and reloads the queue; the demo never writes the settings.
rm -f "$JAANCH_CONFIG_DIR/settings.json"
out4=$("$app" --demo --demo-count 20 --script "demo/as_L2;demo/as_DC" --screenshot "$shots/demo_role_dc.png" \
    --exit-after-ms 300 2>"$tmp/err4") || { cat "$tmp/err4"; exit 1; }
echo "$out4"
python3 - "$out4" <<'PY'
import sys
rows = [l.split() for l in sys.argv[1].splitlines() if l.startswith("demo: signed in as ")]
assert [r[5] for r in rows] == ["L2", "DC"], rows
assert rows[0][4] != rows[1][4], rows
assert int(rows[0][7]) > 0, f"the L2 officer's queue is empty after the switch: {rows}"
print("demo role switcher: OK")
PY
[ ! -e "$JAANCH_CONFIG_DIR/settings.json" ] || { echo "FAIL: the demo wrote the settings file"; exit 1; }
for f in login_dialog login_error preferences login_totp; do
    [ -s "$shots/$f.png" ] || { echo "FAIL: $f.png missing"; exit 1; }
done
echo "gui login: OK"
