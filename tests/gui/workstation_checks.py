#!/usr/bin/env python3
"""The automatic checks in the workstation, in the real window on a real workspace (SQLite, sealed
Aadhaar under a real vault key, documents in the content-addressed folder) made by make_checks_workspace:

1. Reveal Aadhaar: the applicant's number and a family member's are revealed through the `reveal=` verb (the
   path the officer's confirmed choice takes); the dialog shows them grouped "XXXX XXXX XXXX"; the activity log
   records `revealed_aadhaar` with the officer and the field path but never the number; the form still shows
   only the mask, and no plain number is in the workspace file or on the window's output. A field that is not
   sealed cannot be revealed (the run fails).
2. Document tabs carry flags: the caste proof attached by two different applicants is "⚠" on both
   applications' tabs; the Aadhaar letter becomes "✗" once its Secure QR is read in the background (UIDAI's
   signature valid against WORKSPACE/uidai, the date of birth unlike the form's); the photo carries none.
3. The checks dialog shows the uploaded photo beside the photo decoded from the signed Secure QR on the
   Aadhaar letter (a PNG made by the seeding tool, read through the sandboxed renderer and zxing-cpp).

Usage: workstation_checks.py JAANCH MAKE_CHECKS_WORKSPACE FORMS_DIR SCREENSHOT_DIR
"""
import json
import pathlib
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile

app, make_ws, forms, shots = sys.argv[1:5]
shots = pathlib.Path(shots)
shots.mkdir(parents=True, exist_ok=True)
work = pathlib.Path(tempfile.mkdtemp(prefix="jaanch-checks-"))
APPLICANT, MEMBER = "234567890124", "456123789011"
PLAIN = [APPLICANT, MEMBER, "398712345601", "524680135794"]


def fail(message):
    shutil.rmtree(work, ignore_errors=True)
    sys.exit(f"FAIL: {message}")


def window(steps, expect_ok=True):
    run = subprocess.run([app, "--workspace", str(work / "ws"), "--forms", forms, "--script", ";".join(steps),
                          "--exit-after-ms", "500"], capture_output=True, text=True, timeout=240)
    if expect_ok and run.returncode != 0:
        fail(f"the window's script failed ({run.returncode}):\n{run.stdout}\n{run.stderr}")
    return run


def digits_only(text):
    return re.sub(r"\D", "", text)


try:
    seeded = subprocess.run([make_ws, str(work / "ws"), forms], capture_output=True, text=True)
    if seeded.returncode != 0:
        fail(f"make_checks_workspace: {seeded.stderr}")
    world = json.loads(seeded.stdout)
    officer = world["officer"]
    jh1, jh2, rj3 = world["applications"]

    run = window([f"open={jh1}", "report-checks", "reveal=aadhaar", "expect-revealed=2345 6789 0124", "report-checks",
                  f"shot={shots / 'checks_revealed_form.png'}", "wait-qr=60", "report-checks", "view/checks",
                  "wait-photos=30", "report-checks", f"shot-checks={shots / 'checks_photos.png'}", "close-checks",
                  f"open={jh2}", "report-checks", f"open={rj3}", "reveal=members[1].aadhaar",
                  "expect-revealed=4561 2378 9011", "report-checks"])
    reports = [json.loads(line[len("checks: "):]) for line in run.stdout.splitlines() if line.startswith("checks: ")]
    if [r["application"] for r in reports] != [jh1, jh1, jh1, jh1, jh2, rj3]:
        fail(f"expected six reports, got {[r['application'] for r in reports]}")
    read, with_photos = reports[2], reports[3]

    # The form shows masks only, before and after the reveal.
    for r in reports:
        for text in r["form_text"]:
            for number in PLAIN:
                if number in digits_only(text):
                    fail(f"{r['application']}'s form shows a full Aadhaar number: {text!r}")
    for r in reports[:4]:
        if "XXXX-XXXX-0124" not in r["form_text"]:
            fail(f"{jh1}'s form does not show the mask XXXX-XXXX-0124: {r['form_text']}")

    # Tabs: the caste proof another applicant attached is ⚠ at once; the Aadhaar letter, once its QR is read
    # (signature valid, date of birth unlike the form's), is ✗; the photo carries no flag.
    first, second = reports[0]["tabs"], reports[4]["tabs"]
    if len(first) != 3 or [t.startswith("⚠ ") for t in first] != [False, False, True] or "aste" not in first[2]:
        fail(f"{jh1}: exactly the caste proof tab should carry ⚠ before the QR is read: {first}")
    if [t[:2] for t in read["tabs"]] != ["✗ ", "Pa", "⚠ "]:
        fail(f"{jh1}: after reading the QR the Aadhaar letter should be ✗: {read['tabs']}")
    qr = read.get("qr", {})
    if qr.get("document") != "aadhaar" or qr.get("signature") != "valid":
        fail(f"the Aadhaar letter's QR should be read with a valid UIDAI signature: {qr}")
    if not any("date_of_birth" in label for label in qr.get("not_passing", [])):
        fail(f"the QR's date of birth differs from the form's, and nothing says so: {qr}")
    if any("signature" in label for label in qr["not_passing"]):
        fail(f"a valid signature is reported as not passing: {qr}")
    if not any(t.startswith("⚠ ") and "aste" in t for t in second):
        fail(f"{jh2}: the shared caste proof carries no ⚠: {second}")

    # The checks dialog shows the uploaded photo beside the QR's 48 × 60 photo; the strip goes with the dialog.
    if with_photos.get("photos") != {"finished": True, "uploaded_shown": True, "qr_photo": [48, 60]}:
        fail(f"the checks dialog should show the uploaded photo beside the QR's photo: {with_photos.get('photos')}")
    if any("photos" in r for r in reports if r is not with_photos):
        fail("a photo strip outlived its checks dialog")
    for shot in ("checks_revealed_form.png", "checks_photos.png"):
        if not (shots / shot).stat().st_size:
            fail(f"no screenshot {shot}")

    # The activity log records who revealed which field of which application, never the number.
    db = sqlite3.connect(work / "ws" / "workspace.db")
    rows = db.execute("SELECT officer, application, detail FROM activity_log WHERE kind = 'revealed_aadhaar' "
                      "ORDER BY seq").fetchall()
    if rows != [(officer, jh1, "aadhaar"), (officer, rj3, "members[1].aadhaar")]:
        fail(f"the activity log's reveals are {rows}")
    for row in db.execute("SELECT * FROM activity_log").fetchall():
        if any(n in digits_only(" ".join(map(str, row))) for n in PLAIN):
            fail(f"the activity log holds a full Aadhaar number: {row}")
    db.close()
    for f in (work / "ws").glob("workspace.db*"):
        content = f.read_bytes()
        if any(n.encode() in content for n in PLAIN):
            fail(f"{f.name} holds an Aadhaar number in plain text")
    if any(n in run.stdout + run.stderr for n in PLAIN):
        fail("the window printed a full Aadhaar number")

    # A field that is not sealed cannot be revealed, and nothing is recorded.
    refused = window([f"open={jh1}", "reveal=members[0].aadhaar"], expect_ok=False)
    if refused.returncode == 0:
        fail("revealing a field that holds no sealed value succeeded")
    db = sqlite3.connect(work / "ws" / "workspace.db")
    if db.execute("SELECT count(*) FROM activity_log WHERE kind = 'revealed_aadhaar'").fetchone()[0] != 2:
        fail("a refused reveal was recorded")
    db.close()
    # Without UIDAI's certificates in WORKSPACE/uidai the signature is "cannot tell", and counted as such.
    shutil.rmtree(work / "ws" / "uidai")
    untrusted = window([f"open={jh1}", "wait-qr=60", "report-checks"])
    qr = json.loads(next(l for l in untrusted.stdout.splitlines() if l.startswith("checks: "))[8:]).get("qr", {})
    if qr.get("signature") != "not-checked" or "Aadhaar QR: UIDAI signature" not in qr.get("not_passing", []):
        fail(f"with no UIDAI certificate the QR's signature should be not-checked and need a look: {qr}")
    print(f"reveals recorded for {officer}: {rows}")
    print(f"tabs of {jh1}: {first}")
    print("gui checks: OK")
finally:
    shutil.rmtree(work, ignore_errors=True)
