"""A real jaanch-hub with a seeded demo district, and officers working in the real workstation against it.

Shared by the GUI tests that need a hub (workstation_e2e.py, workstation_offline.py). The district is copied
from the folder the `gui_demo_district` fixture seeded, so each test starts from the same state.
"""
import json
import os
import pathlib
import shutil
import socket
import subprocess
import sys
import tempfile
import urllib.request


def run(*argv, **kw):
    result = subprocess.run([str(a) for a in argv], capture_output=True, text=True, **kw)
    if result.returncode != 0:
        sys.exit(f"FAIL: {' '.join(map(str, argv))}\n{result.stdout}\n{result.stderr}")
    return result.stdout


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class HubWorld:
    def __init__(self, app, cli, hub, forms, shots, seeded):
        self.app, self.cli, self.hub, self.forms = app, cli, hub, forms
        self.shots = pathlib.Path(shots)
        self.shots.mkdir(parents=True, exist_ok=True)
        self.work = pathlib.Path(tempfile.mkdtemp(prefix="jaanch-gui-"))
        self.data = self.work / "hub"
        shutil.copytree(seeded, self.data)
        self.officers = {o["user"]: o for o in json.loads((self.data / "demo-officers.json").read_text())}
        self.portal_key = run(hub, "portal", "add", "--data", self.data, "--name", "gui-test").splitlines()[0].strip()
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = None
        self.start_hub()

    def start_hub(self):
        self.server = subprocess.Popen([self.hub, "serve", "--data", self.data, "--forms", self.forms, "--listen",
                                        f"127.0.0.1:{self.port}"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                       text=True)
        if "listening on" not in self.server.stdout.readline():
            sys.exit("FAIL: the hub did not start")

    def stop_hub(self):
        if self.server:
            self.server.terminate()
            self.server.wait(timeout=30)
            self.server = None

    def close(self):
        self.stop_hub()
        shutil.rmtree(self.work, ignore_errors=True)

    def scalar_fields(self, service_id, count):
        definition = json.loads((pathlib.Path(self.forms) / f"{service_id}.json").read_text())
        return [f["key"] for f in definition["fields"] if f.get("type") != "table" and "columns" not in f][:count]

    def sign_in(self, user):
        """The officer's own workspace, logged in and synced (the login dialog has its own test).
        Returns (workspace, p12 password file, the officer's pending applications at their level)."""
        o = self.officers[user]
        workspace = self.work / user
        password = self.work / f"{user}.password"
        password.write_text(o["password"] + "\n")
        p12_password = self.work / f"{user}.p12-password"
        p12_password.write_text(o["p12_password"] + "\n")
        run(self.cli, "login", "--hub", self.url, "--user", user, "--password-file", password, "--workspace", workspace)
        run(self.cli, "sync", "--workspace", workspace)
        queue = json.loads(run(self.cli, "queue", "--workspace", workspace, "--status", "pending", "--level",
                               o["level"], "--limit", "500", "--json"))
        return workspace, p12_password, queue["applications"]

    def window(self, user, workspace, p12_password, steps, **popen):
        """Starts the workstation for `user` with a --script; the caller waits for it."""
        o = self.officers[user]
        return subprocess.Popen([self.app, "--workspace", workspace, "--forms", self.forms, "--p12", o["p12"],
                                 "--p12-password-file", p12_password, "--report-outbox", "--script", ";".join(steps),
                                 "--exit-after-ms", "800"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                **popen)

    def work_in_window(self, user, workspace, p12_password, steps, shot):
        """Runs the steps in the window, syncs, waits until the outbox is empty and saves a screenshot; every
        decision must end accepted by the hub. Returns the outbox."""
        steps = steps + ["app/sync", "wait-sent=60", f"shot={self.shots / shot}"]
        process = self.window(user, workspace, p12_password, steps)
        out, err = process.communicate(timeout=300)
        return self.accepted_outbox(user, process.returncode, out, err)

    @staticmethod
    def accepted_outbox(user, returncode, out, err):
        if returncode != 0:
            sys.exit(f"FAIL: the workstation run of {user} failed ({returncode}):\n{out}\n{err}")
        outbox = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
        for entry in outbox:
            if entry["state"] != "accepted":
                sys.exit(f"FAIL: {user}'s decision on {entry['number']} is {entry['state']}: {entry['hub_message']}")
        return outbox

    def export_after(self, cursor):
        """The portal export from `cursor` to its end: (the cursor after the last, the decisions)."""
        decisions = []
        while True:
            request = urllib.request.Request(f"{self.url}/v1/portal/decisions?limit=500&cursor={cursor}",
                                             headers={"Authorization": f"Bearer {self.portal_key}"})
            page = json.loads(urllib.request.urlopen(request, timeout=30).read())
            decisions += page["decisions"]
            cursor = page["cursor"] or cursor
            if not page["more"]:
                return cursor, decisions
