#!/usr/bin/env python3
"""End to end through the real window against a real jaanch-hub process.

A demo district is seeded and served on loopback. Three Jan Aadhaar officers work in the workstation, each in
their own workspace, signing with their own PKCS#12 key, and mark two fields of every application they open:
  the VDO of Sanganer (L1) forwards one application;
  the BSO of Sanganer (L2) approves it and one more, and rejects a third with the service's reason;
  the SDO of Jaipur City (L2) escalates a member deletion for marriage to the Collector.
(No shipped workflow lets one officer both forward, which is L1's act, and approve, which is L2's, and the rules
send only deletions for reasons other than death to the Collector: the five decisions are spread
over the officers whose level and area allow them, as they are in an office.)
Then the hub is asked through the portal export, the channel a state portal uses: exactly these five
decisions, each by the officer who made it, with the marks set in the window, and a signature that
`openssl cms -verify` accepts over the decision's canonical bytes with the demo trust anchors.
Screenshots go to the folder given (docs/user-guide.md shows them).

Usage: workstation_e2e.py JAANCH JAANCH_CLI JAANCH_HUB FORMS_DIR SCREENSHOT_DIR SEEDED_DISTRICT_DIR
"""
import base64
import json
import os
import sys
import time

from hub_world import HubWorld, run

world = HubWorld(*sys.argv[1:7])
started = time.monotonic()
try:
    seeded_cursor, _ = world.export_after("")
    # L1: the VDO of Sanganer forwards an application with two fields marked as matching the documents.
    vdo_ws, vdo_pw, vdo_queue = world.sign_in("vdo.l1.sanganer")
    first = next(a for a in vdo_queue if a["service"] != "rj.jan-aadhaar-member-deletion")
    vdo_marks = world.scalar_fields(first["service"], 2)
    vdo_steps = [f"open={first['number']}"] + [f"mark={k}|match" for k in vdo_marks] + \
                ["decide/forward=|Documents match the form, recommended."]
    expected = [(first["number"], "forward", "vdo.l1.sanganer", vdo_marks)]
    vdo_outbox = world.work_in_window("vdo.l1.sanganer", vdo_ws, vdo_pw, vdo_steps, "e2e_vdo_forwarded.png")

    def l2_session(user, plan, shot):
        steps = []
        for i, (entry, decision) in enumerate(plan):
            marks = world.scalar_fields(entry["service"], 2)
            steps += [f"open={entry['number']}", f"mark={marks[0]}|match", f"mark={marks[1]}|mismatch"]
            if i == 0 and shot:
                steps.append(f"shot={world.shots / shot}")
            steps.append(f"decide/{decision}")
            expected.append((entry["number"], decision.split("=")[0], user, marks))
        return steps

    # L2: the BSO approves the application the VDO forwarded and one more, and rejects a third.
    bso_ws, bso_pw, bso_queue = world.sign_in("bso.l2.sanganer")
    if first["number"] not in [a["number"] for a in bso_queue]:
        sys.exit(f"FAIL: the forwarded {first['number']} did not reach the BSO's queue")
    others = [a for a in bso_queue if a["number"] != first["number"]
              and a["service"] != "rj.jan-aadhaar-member-deletion"][:2]
    if len(others) < 2:
        sys.exit(f"FAIL: the demo district gave the BSO only {len(bso_queue)} pending applications at L2")
    bso_steps = l2_session("bso.l2.sanganer", [(first, "approve=|Verified against the documents."),
                                                (others[0], "approve=|Verified."),
                                                (others[1], "reject=*|The proof belongs to another person.")],
                           "e2e_form_marked.png")
    bso_outbox = world.work_in_window("bso.l2.sanganer", bso_ws, bso_pw, bso_steps, "e2e_bso_decided.png")

    # L2 in Jaipur City: the SDO escalates a member deletion for marriage, which the rules send to the Collector.
    sdo_ws, sdo_pw, sdo_queue = world.sign_in("sdo.l2.jaipur")
    deletion = next(a for a in sdo_queue if a["service"] == "rj.jan-aadhaar-member-deletion")
    sdo_steps = l2_session("sdo.l2.jaipur", [(deletion, "escalate=|Deletion on marriage: for the Collector.")], "")
    sdo_outbox = world.work_in_window("sdo.l2.jaipur", sdo_ws, sdo_pw, sdo_steps, "e2e_sdo_escalated.png")
    if len(vdo_outbox) + len(bso_outbox) + len(sdo_outbox) != 5:
        sys.exit("FAIL: expected 5 decisions in the three outboxes")

    # Ask the hub what it holds, through the export a state portal reads: everything after the seeded history.
    exported = {"decisions": world.export_after(seeded_cursor)[1]}
    users = {"vdo.l1.sanganer", "bso.l2.sanganer", "sdo.l2.jaipur"}
    mine = [d for d in exported["decisions"] if d["decision"]["officer"] in users]
    got = sorted((d["decision"]["application"], d["decision"]["action"], d["decision"]["officer"]) for d in mine)
    want = sorted((number, action, user) for number, action, user, _ in expected)
    if got != want:
        sys.exit(f"FAIL: the hub holds {got}, expected exactly {want}")
    ca = world.data / "demo" / "pki" / "ca.pem"
    for d, (number, action, user, marks) in zip(sorted(mine, key=lambda d: (d["decision"]["application"], d["decision"]["action"])),
                                               sorted(expected, key=lambda e: (e[0], e[1]))):
        decision = d["decision"]
        marked = {c["field"] for c in decision.get("field_checks", [])}
        if not set(marks) <= marked:
            sys.exit(f"FAIL: {number}: the marks {marks} set in the window are not in the signed decision ({marked})")
        folder = world.work / "verify" / decision["id"]
        folder.mkdir(parents=True)
        (folder / "decision.json").write_text(json.dumps(decision, ensure_ascii=False))
        (folder / "signature.der").write_bytes(base64.b64decode(d["signature"]))
        run(world.cli, "canonical", "--in", folder / "decision.json", "--out", folder / "canonical.json")
        run("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in", folder / "signature.der",
            "-content", folder / "canonical.json", "-CAfile", ca, "-purpose", "any", "-out", os.devnull)
        print(f"{number}: {action} by {user}, marks {sorted(marked)}; openssl cms -verify: OK")
    print(f"gui workstation e2e: OK ({time.monotonic() - started:.0f} s)")
finally:
    world.close()
