#!/usr/bin/env bash
# `jaanch-cli qr` on QR images made by qrencode from test QR content signed with a key made by `openssl`, and
# `jaanch-cli check` on a Haryana application: reasons, eligibility numbers, Aadhaar never printed in full.
set -euo pipefail
cli=$1 root=$2 make_qr=$3 make_ws=$4
source "$(dirname "$0")/lib.sh"

mkdir -p "$tmpdir/trust" "$tmpdir/other"
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$tmpdir/key.pem" -out "$tmpdir/trust/uidai-test.pem" \
    -days 2 -subj "/CN=Test UIDAI" 2>/dev/null
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$tmpdir/other.pem" -out "$tmpdir/other/not-uidai.pem" \
    -days 2 -subj "/CN=Not UIDAI" 2>/dev/null

"$make_qr" "$tmpdir/key.pem" >"$tmpdir/qr.txt"
qrencode -s 4 -m 4 -o "$tmpdir/qr.png" -r "$tmpdir/qr.txt"
expect_rc 0 "$cli" qr "$tmpdir/qr.png" --trust "$tmpdir/trust" --photo "$tmpdir/photo.jp2"
python3 - "$out" <<'PY'
import json, sys
j = json.loads(sys.argv[1])
assert j["kind"] == "secure-v2", j["kind"]
assert j["signature"]["verdict"] == "valid", j["signature"]
assert "Test UIDAI" in j["signature"]["certificate"]
assert j["aadhaar"] == "XXXX-XXXX-0124"
assert j["name"] == "Sunita Kumari" and j["date_of_birth"] == "12-03-1994" and j["address"]["pincode"] == "834008"
assert j["photo"]["bytes"] == 506 and j["mobile_hash"] and j["email_hash"]
PY
[ "$(head -c 2 "$tmpdir/photo.jp2" | od -An -tx1 | tr -d ' ')" = "ff4f" ] || fail "photo is not a JPEG 2000 codestream"

# Without a trust folder the signature is not checked; with the wrong certificate it is invalid (exit 1).
expect_rc 0 "$cli" qr "$tmpdir/qr.png"
contains "$out" '"verdict": "not-checked"'
expect_rc 1 "$cli" qr "$tmpdir/qr.png" --trust "$tmpdir/other"
contains "$out" '"verdict": "invalid"'

# Tampered after signing: the data reads, the signature fails.
"$make_qr" "$tmpdir/key.pem" --tamper >"$tmpdir/tampered.txt"
qrencode -s 4 -o "$tmpdir/tampered.png" -r "$tmpdir/tampered.txt"
expect_rc 1 "$cli" qr "$tmpdir/tampered.png" --trust "$tmpdir/trust"
contains "$out" '"name": "Sanita Kumari"'
contains "$out" '"verdict": "invalid"'

# The old XML QR is shown as unsigned, its Aadhaar masked.
"$make_qr" "$tmpdir/key.pem" --xml >"$tmpdir/xml.txt"
qrencode -s 4 -o "$tmpdir/xml.png" -r "$tmpdir/xml.txt"
expect_rc 0 "$cli" qr "$tmpdir/xml.png" --trust "$tmpdir/trust"
contains "$out" '"verdict": "unsigned"'
contains "$out" '"aadhaar": "XXXX-XXXX-0124"'
lacks "$out" "234567890124"

# Not a QR at all; a usage error.
python3 - "$tmpdir/blank.png" <<'PY'
import sys, zlib, struct
w = h = 64
raw = b"".join(b"\x00" + b"\xff" * w for _ in range(h))
def chunk(t, d): return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
open(sys.argv[1], "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0))
                              + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
PY
expect_rc 1 "$cli" qr "$tmpdir/blank.png"
contains "$err" "No QR code found"
# A PDF letter (QR on page 2, drawn as vectors): every page is rendered at 300 DPI by the viewer engine.
qrencode -t ASCII -m 2 -r "$tmpdir/qr.txt" >"$tmpdir/qr.ascii"
python3 "$root/tests/cli/qr_pdf.py" "$tmpdir/qr.ascii" "$tmpdir/letter.pdf"
pdftoppm -r 300 -f 2 -l 2 -png "$tmpdir/letter.pdf" "$tmpdir/referee" || fail "pdftoppm cannot read the test PDF"
expect_rc 0 "$cli" qr "$tmpdir/letter.pdf" --trust "$tmpdir/trust"
contains "$out" '"verdict": "valid"'
contains "$out" '"aadhaar": "XXXX-XXXX-0124"'
contains "$out" '"name": "Sunita Kumari"'
# Password-protected, as e-Aadhaar is: opened with --password, refused without.
qpdf --encrypt SUNI1994 owner 256 -- "$tmpdir/letter.pdf" "$tmpdir/locked.pdf"
expect_rc 0 "$cli" qr "$tmpdir/locked.pdf" --trust "$tmpdir/trust" --password SUNI1994
contains "$out" '"verdict": "valid"'
expect_rc 1 "$cli" qr "$tmpdir/locked.pdf" --trust "$tmpdir/trust"
# A PDF page without a QR.
python3 "$root/tests/cli/qr_pdf.py" /dev/null "$tmpdir/empty.pdf"
expect_rc 1 "$cli" qr "$tmpdir/empty.pdf"
contains "$err" "No QR code found"
expect_rc 2 "$cli" qr
contains "$err" "Usage: jaanch-cli qr FILE"

# `check`: identifier reasons, eligibility with its numbers, the QR compared with the form.
app="$root/tests/cli/data/hr-application.json"
expect_rc 0 "$cli" check "$app" --forms "$root/forms" --today 2026-01-20 --qr "$tmpdir/qr.png" --trust "$tmpdir/trust"
contains "$out" "checks need attention"
contains "$out" "FAIL pan: The fourth letter \"C\" means the PAN belongs to: a company"
contains "$out" "FAIL ifsc: An IFSC is 4 capital letters"
contains "$out" "ok   aadhaar: 12 digits with a valid check digit."
contains "$out" "ok   aadhaar_qr: Signed by UIDAI"
contains "$out" "ok   employee_name: Aadhaar QR: the name matches \"Sunita Kumari\""
contains "$out" "ok   aadhaar: Aadhaar QR: the last four digits match (XXXX-XXXX-0124)."
contains "$out" "10 Jan 2020, 4 years 7 months by 15 Aug 2024 < 5 years"
contains "$out" "2 of 5 rows of"
contains "$out" "#1 (2020) Paid days in that year: 201 < 240; #3 (2022) Paid days in that year: 233 < 240"
lacks "$out" "district: Aadhaar QR"
lacks "$out" "234567890124"
expect_rc 0 "$cli" check "$app" --forms "$root/forms" --today 2026-01-20 --json
python3 - "$out" <<'PY'
import json, sys
j = json.loads(sys.argv[1])
fields = {f["field"]: f for f in j["fields"]}
assert fields["pan"]["status"] == "fail" and fields["mobile"]["status"] == "pass"
assert fields["service_years[0].paid_days"]["status"] == "pass"
rules = {r["rule"]: r for r in j["eligibility"]}
assert rules["five-years-by-cutoff"]["status"] == "fail"
assert "4 वर्ष 7 माह" in rules["five-years-by-cutoff"]["because_hi"]
assert j["attention"] == sum(f["status"] == "fail" for f in j["fields"]) + sum(r["status"] != "pass" for r in j["eligibility"])
PY
expect_rc 1 "$cli" check "$root/tests/cli/data/hr-application.json" --forms "$tmpdir/other"
# `show APP` on a real workspace lists the checks; Aadhaar sealed on disk; `reveal` prints it and logs it.
# (make_test_workspace gives every application the same Aadhaar number, so duplicates are found.)
export JAANCH_KEY_DIR="$tmpdir/keys"
"$make_ws" "$tmpdir/ws" 40 --forms "$root/forms" >/dev/null
number=$(python3 - "$tmpdir/ws/workspace.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
print(db.execute("SELECT number FROM applications WHERE service_id = 'jh.caste-certificate' ORDER BY number LIMIT 1").fetchone()[0])
db.execute("INSERT OR REPLACE INTO sync_state (key, value) VALUES ('user', 'vdo.test')")
db.commit()
PY
)
for f in "$tmpdir"/ws/workspace.db*; do
    for form in 234567890124 "2345 6789 0124" "2345-6789-0124"; do
        ! grep -qaF "$form" "$f" || fail "$form is in plain text in $f"
    done
done
[ "$(stat -c %a "$tmpdir"/keys/*.key)" = 600 ] || fail "the key file is not 0600"
expect_rc 0 "$cli" show "$number" --workspace "$tmpdir/ws" --forms "$root/forms"
contains "$out" "XXXX-XXXX-0124"
contains "$out" "Checks: "
contains "$out" "checks need attention"
contains "$out" "LOOK aadhaar: The Aadhaar number XXXX-XXXX-0124 of the applicant is also in"
lacks "$out" "234567890124"
expect_rc 0 "$cli" show "$number" --workspace "$tmpdir/ws" --forms "$root/forms" --json
python3 - "$out" <<'PY'
import json, sys
j = json.loads(sys.argv[1])
c = j["checks"]
assert c["attention"] > 0 and c["summary"] == f'{c["attention"]} checks need attention', c["summary"]
assert any(f["subject"] == "aadhaar" and f["status"] == "pass" for f in c["fields"]), c["fields"]
assert any(d["subject"] == "aadhaar" and d["status"] == "attention" for d in c["duplicates"])
assert {"fields", "documents", "eligibility", "duplicates"} <= c.keys()
assert j["fields"]["aadhaar"] == "XXXX-XXXX-0124"
PY
expect_rc 0 "$cli" reveal "$number" aadhaar --workspace "$tmpdir/ws" --forms "$root/forms"
[ "$out" = 234567890124 ] || fail "reveal printed $out"
python3 - "$tmpdir/ws/workspace.db" "$number" <<'PY'
import sqlite3, sys
row = sqlite3.connect(sys.argv[1]).execute(
    "SELECT officer, kind, application, detail FROM activity_log ORDER BY seq DESC LIMIT 1").fetchone()
assert row == ("vdo.test", "revealed_aadhaar", sys.argv[2], "aadhaar"), row
PY
expect_rc 1 "$cli" reveal "$number" mobile --workspace "$tmpdir/ws" --forms "$root/forms"
contains "$err" "no sealed value"
echo "cli checks: OK"
