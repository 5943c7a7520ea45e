#!/usr/bin/env python3
"""The layering check must pass on a small tree that keeps every rule, and fail on each kind of violation.

Every case starts from a fresh copy of the clean tree, adds or changes one file, and expects the checker to
fail naming the rule. Usage: check_layers_selftest.py (finds check_layers.py beside itself).
"""
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CHECKER = os.path.join(HERE, "check_layers.py")

CLEAN = {
    "docs/architecture.md": "# Map\n\nCore order: `util` → `model` → `catalogue` → `crypto` → `checks` → `store`\n",
    "src/core/util/error.h": "#pragma once\n#include <string>\n",
    "src/core/model/application.h": '#include "util/error.h"\n#include <nlohmann/json.hpp>\n',
    "src/core/catalogue/service.h": '#include "model/application.h"\n',
    "src/core/catalogue/service.cpp": '#include "service.h"\n#include "util/error.h"\n',
    "src/core/crypto/token.cpp": "#include <libp11.h>\n#include <p11-kit/pkcs11.h>\n#include <openssl/evp.h>\n",
    "src/core/checks/qr.cpp": "#include <zlib.h>\n#include <ZXing/ReadBarcode.h>\n#include <openjpeg.h>\n"
    '#include "catalogue/service.h"\n',
    "src/core/store/workspace.h": '#include "checks/qr.h"\n#include "crypto/vault.h"\n#include <SQLiteCpp/Database.h>\n',
    "viewer/engine/engine.h": '#include "util/error.h"\n#include <poppler-document.h>\n',
    "viewer/render/render.h": '#include "viewer/engine/engine.h"\n',
    "viewer/sandbox/policy.cpp": '#include "viewer/engine/engine.h"\n#include <seccomp.h>\n',
    "viewer/wx/canvas.h": '#include <wx/window.h>\n#include "viewer/render/render.h"\n',
    "src/app/frame.h": '#include <wx/frame.h>\n#include "viewer/wx/canvas.h"\n#include "workstation/next.h"\n',
    "src/workstation/next.h": '#include "store/workspace.h"\n#include "viewer/render/render.h"\n'
    '#include "viewer/sandbox/isolated.h"\n',
    "src/cli/command.h": "#pragma once\n",
    "src/cli/main.cpp": '#include "command.h"\n#include "workstation/next.h"\n#include "viewer/engine/engine.h"\n',
    "src/hub/commands/hub_commands.h": '#include "command.h"\n#include "model/application.h"\n',
    "src/hub/http/server.cpp": "#include <httplib.h>\n",
}

# (what is broken, file, its contents, a part of the message the checker must print)
CASES = [
    ("a wx include in viewer/render", "viewer/render/bad.h", '  #  include "wx/string.h"\n', "never includes wx"),
    ("a wx include in src/core", "src/core/model/bad.h", "#include <wx/string.h>\n", "never includes wx"),
    ("a wx include in src/workstation", "src/workstation/bad.h", "#include <wx/event.h>\n", "never includes wx"),
    ("a wx include in src/hub", "src/hub/bad.cpp", "#include <wx/app.h>\n", "never includes wx"),
    ("Poppler in src/core", "src/core/store/bad.cpp", "#include <poppler-page.h>\n", "never includes Poppler"),
    ("zlib outside checks", "src/core/store/bad.cpp", "#include <zlib.h>\n", "zlib is included only in"),
    ("zxing-cpp outside checks", "viewer/engine/bad.cpp", "#include <ZXing/ReadBarcode.h>\n",
     "zxing-cpp is included only in"),
    ("libopenjp2 outside checks", "src/cli/bad.cpp", "#include <openjpeg.h>\n", "libopenjp2 is included only in"),
    ("libp11 outside crypto", "src/core/store/bad.cpp", "#include <libp11.h>\n", "libp11 is included only in"),
    ("src/hub including the viewer", "src/hub/bad.cpp", '#include "viewer/engine/engine.h"\n',
     "src/hub never includes viewer/engine"),
    ("src/hub including the rest of src/cli", "src/hub/bad.cpp", '#include "cli/main.h"\n',
     "src/hub never includes src/cli"),
    ("src/core including the viewer above it", "src/core/store/bad.h", '#include "viewer/render/render.h"\n',
     "src/core/store never includes viewer/render"),
    ("src/core including the hub above it", "src/core/util/bad.h", '#include "hub/storage/storage.h"\n',
     "src/core/util never includes src/hub"),
    ("viewer/engine including viewer/render", "viewer/engine/bad.h", '#include "viewer/render/render.h"\n',
     "viewer/engine never includes viewer/render"),
    ("src/workstation including src/app", "src/workstation/bad.cpp", '#include "../app/frame.h"\n',
     "src/workstation never includes src/app"),
    ("src/workstation including viewer/wx", "src/workstation/bad.cpp", '#include "viewer/wx/canvas.h"\n',
     "src/workstation never includes viewer/wx"),
    ("src/cli including src/app", "src/cli/bad.cpp", '#include "app/frame.h"\n', "src/cli never includes src/app"),
    ("a core folder including one after it", "src/core/model/bad.h", '#include "store/workspace.h"\n',
     "src/core/model may include only the core folders before it"),
    ("a cycle between core folders", "src/core/model/bad.cpp", '#include "catalogue/service.h"\n',
     "cycle between core folders src/core/catalogue ↔ src/core/model"),
    ("a core folder missing from the order", "src/core/extra/new.h", "#include <string>\n",
     "src/core/extra: a core folder missing from the core order"),
]


def write(root, rel, text):
    path = os.path.join(root, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def run(root):
    r = subprocess.run([sys.executable, CHECKER, root], capture_output=True, text=True)
    return r.returncode, r.stdout + r.stderr


def main():
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        clean = os.path.join(tmp, "clean")
        for rel, text in CLEAN.items():
            write(clean, rel, text)
        code, out = run(clean)
        if code != 0:
            failures.append(f"a clean tree was rejected:\n{out}")

        # A layer that does not exist yet has nothing to check.
        early = os.path.join(tmp, "early")
        shutil.copytree(clean, early)
        shutil.rmtree(os.path.join(early, "src/workstation"))
        with open(os.path.join(early, "src/cli/main.cpp"), "w", encoding="utf-8") as f:
            f.write('#include "command.h"\n')
        with open(os.path.join(early, "src/app/frame.h"), "w", encoding="utf-8") as f:
            f.write("#include <wx/frame.h>\n")
        code, out = run(early)
        if code != 0:
            failures.append(f"a tree without src/workstation was rejected:\n{out}")

        # The core order must be written down.
        unordered = os.path.join(tmp, "unordered")
        shutil.copytree(clean, unordered)
        write(unordered, "docs/architecture.md", "# Map\n")
        code, out = run(unordered)
        if code == 0 or "Core order:" not in out:
            failures.append(f"a tree without the core order in docs/architecture.md was accepted:\n{out}")

        for i, (what, rel, text, expected) in enumerate(CASES):
            tree = os.path.join(tmp, f"case{i}")
            shutil.copytree(clean, tree)
            write(tree, rel, text)
            code, out = run(tree)
            if code == 0:
                failures.append(f"{what} ({rel}) was not caught")
            elif expected not in out:
                failures.append(f"{what} ({rel}) failed without saying {expected!r}:\n{out}")

    for f in failures:
        print("FAIL: " + f)
    if failures:
        return 1
    print(f"layering self-test OK: a clean tree passes, a tree without src/workstation passes, and {len(CASES)} "
          "kinds of violation are caught")
    return 0


if __name__ == "__main__":
    sys.exit(main())
