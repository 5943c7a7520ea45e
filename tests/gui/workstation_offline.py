#!/usr/bin/env python3
"""Going offline mid-session: the hub stops while the officer works; deciding goes on, the status bar
says offline with the number of decisions waiting, and when the hub is back the workstation's own sync schedule
delivers them — exactly once, with nobody pressing a button.

The test and the window meet through `say=` lines the script prints: the test stops the real hub when the
window says it is online, and starts it again (same data, same port) when the window says it is offline.

Usage: workstation_offline.py JAANCH JAANCH_CLI JAANCH_HUB FORMS_DIR SCREENSHOT_DIR SEEDED_DISTRICT_DIR
"""
import json
import sys
import threading
import time

from hub_world import HubWorld

world = HubWorld(*sys.argv[1:7])
try:
    cursor, _ = world.export_after("")
    user = "vdo.l1.sanganer"
    workspace, p12_password, queue = world.sign_in(user)
    first, second = queue[0], queue[1]
    steps = [
        "app/sync", "wait", "expect-status=Online", "say=online",
        "sleep=2500",  # the test stops the hub meanwhile
        f"open={first['number']}", "decide/forward=|Documents match the form.",
        f"open={second['number']}", "decide/reject=*|The proof belongs to another person.",
        "sleep=4000", "wait",  # the schedule tries to send 2 s after a decision, and finds the hub gone
        "expect-status=Offline", "expect-status=2 decisions waiting", f"shot={world.shots / 'offline_waiting.png'}",
        "say=offline",
        "wait-sent=120",  # the test starts the hub again; the schedule's retry delivers
        "expect-status=Online", "expect-status=Nothing waiting", f"shot={world.shots / 'offline_delivered.png'}",
    ]
    window = world.window(user, workspace, p12_password, steps)
    seen, lines = [], []

    def follow():
        for line in window.stdout:
            lines.append(line)
            if line.startswith("script: "):
                seen.append(line[8:].strip())

    reader = threading.Thread(target=follow, daemon=True)
    reader.start()

    def wait_for(word, limit):
        deadline = time.monotonic() + limit
        while word not in seen:
            if window.poll() is not None or time.monotonic() > deadline:
                window.kill()
                sys.exit(f"FAIL: the window never said '{word}':\n{''.join(lines)}\n{window.stderr.read()}")
            time.sleep(0.05)

    wait_for("online", 120)
    world.stop_hub()
    stopped = time.monotonic()
    wait_for("offline", 120)
    world.start_hub()
    restarted = time.monotonic()
    window.wait(timeout=240)
    reader.join(timeout=10)
    back = time.monotonic()
    outbox = world.accepted_outbox(user, window.returncode, "".join(lines), window.stderr.read())
    if sorted(e["action"] for e in outbox) != ["forward", "reject"]:
        sys.exit(f"FAIL: the outbox holds {outbox}")
    _, after = world.export_after(cursor)
    got = sorted((d["decision"]["application"], d["decision"]["action"]) for d in after)
    want = sorted([(first["number"], "forward"), (second["number"], "reject")])
    if got != want:
        sys.exit(f"FAIL: the hub holds {got}, expected exactly {want}")
    print(f"hub down for {restarted - stopped:.1f} s; both decisions arrived {back - restarted:.1f} s after it "
          f"came back (window closed included), each exactly once")
    print("gui workstation offline: OK")
finally:
    world.close()
