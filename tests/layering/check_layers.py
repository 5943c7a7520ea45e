#!/usr/bin/env python3
"""Fails when an #include crosses the layering of docs/architecture.md ("What may include what").

Checked, for every source file under src/ and viewer/ (tests are not checked):
  - project includes: each layer includes only itself and the layers its row allows (so nothing reaches up);
  - libraries: wx, Poppler, cpp-httplib, libseccomp only where the table allows them; zlib, zxing-cpp and
    libopenjp2 only in src/core/checks; libp11 and the PKCS#11 headers only in src/core/crypto;
  - src/core's folders: each includes only the folders before it in the core order, which is read from the
    line of docs/architecture.md that starts with "Core order:"; and the folder graph has no cycle.
A layer whose folder does not exist (yet) has nothing to check.

Usage: check_layers.py SOURCE_ROOT. Prints every violation as FILE:LINE: what and why; exit status 1 if any.
"""
import os
import re
import sys

SOURCE_EXTENSIONS = (".h", ".hpp", ".hh", ".c", ".cc", ".cpp", ".cxx", ".ipp", ".in")
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^">]+)[">]')

CORE = "src/core"
VIEWER = ["viewer/engine", "viewer/render", "viewer/sandbox", "viewer/wx"]
TOP = ["src/app", "src/cli", "src/hub", "src/workstation"]
ANY_CORE = "core"  # stands for every src/core folder in the rules below

# Project layers each layer may include besides itself. src/core's folders follow the core order instead;
# src/app may include everything.
MAY_INCLUDE = {
    "viewer/engine": [ANY_CORE],
    "viewer/render": [ANY_CORE, "viewer/engine"],
    "viewer/sandbox": [ANY_CORE, "viewer/engine"],
    "viewer/wx": [ANY_CORE, "viewer/engine", "viewer/render"],
    "src/cli": [ANY_CORE, "viewer/engine", "viewer/render", "viewer/sandbox", "src/workstation"],
    "src/hub": [ANY_CORE],
    "src/workstation": [ANY_CORE, "viewer/engine", "viewer/render", "viewer/sandbox"],
}
# Single files a layer may include from a layer it otherwise may not: the hub shares the CLI's command
# framework.
MAY_INCLUDE_FILES = {"src/hub": ["src/cli/command.h"]}

# Libraries: (name, pattern on the include path, layers allowed to include it; None = any layer not listed
# in NEVER below).
ONLY_IN = [
    ("zlib", re.compile(r"^zlib\.h$"), ["src/core/checks"]),
    ("zxing-cpp", re.compile(r"^ZXing/"), ["src/core/checks"]),
    ("libopenjp2", re.compile(r"^(openjpeg[^/]*/)?openjpeg\.h$|^opj_"), ["src/core/checks"]),
    ("libp11", re.compile(r"^libp11\.h$|^p11-kit/|^pkcs11\.h$"), ["src/core/crypto"]),
]
WX = ("wx", re.compile(r"^wx/"))
POPPLER = ("Poppler", re.compile(r"(^|/)poppler"))
HTTPLIB = ("cpp-httplib", re.compile(r"^httplib\.h$"))
SECCOMP = ("libseccomp", re.compile(r"^seccomp(-syscalls)?\.h$"))
NEVER = {
    ANY_CORE: [WX, POPPLER, HTTPLIB, SECCOMP],
    "viewer/engine": [WX],
    "viewer/render": [WX],
    "viewer/sandbox": [WX],
    "src/cli": [WX],
    "src/hub": [WX],
    "src/workstation": [WX],
}


def read_core_order(root):
    doc = os.path.join(root, "docs", "architecture.md")
    try:
        with open(doc, encoding="utf-8") as f:
            for line in f:
                if line.startswith("Core order:"):
                    order = re.findall(r"`([A-Za-z0-9_]+)`", line)
                    if order:
                        return order
    except OSError as e:
        sys.exit(f"check_layers: cannot read {doc} ({e.strerror}); it holds the order of src/core's folders.")
    sys.exit(f'check_layers: {doc} has no line starting with "Core order:" naming src/core\'s folders in '
             "`backticks`, lowest first.")


def core_folders(root):
    base = os.path.join(root, CORE)
    if not os.path.isdir(base):
        return []
    return sorted(d for d in os.listdir(base) if os.path.isdir(os.path.join(base, d)))


def layer_of(rel, folders):
    """The layer of a path relative to the root, or None when it is in none."""
    parts = rel.split("/")
    if rel.startswith(CORE + "/") and len(parts) >= 4 and parts[2] in folders:
        return CORE + "/" + parts[2]
    for layer in VIEWER + TOP:
        if rel == layer or rel.startswith(layer + "/"):
            return layer
    return None


def resolve(root, source_rel, source_layer, path, quoted, folders):
    """(layer, file relative to the root) of a project include; (None, None) for a library or unknown header."""

    def found(rel):
        return not rel.startswith("..") and os.path.isfile(os.path.join(root, rel))

    # Next to the including file.
    if quoted:
        rel = os.path.normpath(os.path.join(os.path.dirname(source_rel), path)).replace(os.sep, "/")
        if found(rel):
            return layer_of(rel, folders), rel
    # By its first folder, as the include roots (src/core, src, the source root) give it; whether or not the
    # file exists, the folder names the layer.
    parts = path.split("/")
    if len(parts) > 1:
        rel = None
        if parts[0] == "viewer":
            rel = path
        elif parts[0] in ("app", "cli", "hub", "workstation"):
            rel = "src/" + path
        elif parts[0] in folders:
            rel = CORE + "/" + path
        layer = layer_of(rel, folders) if rel else None
        if layer is not None:
            return layer, rel
    # A top layer's own folder on the include path (its own first; the hub adds src/cli's).
    if quoted:
        own = [source_layer] if source_layer in TOP else []
        for base in own + [t for t in TOP if t not in own]:
            rel = base + "/" + os.path.normpath(path).replace(os.sep, "/")
            if found(rel):
                return layer_of(rel, folders), rel
    return None, None


def allowed(source_layer, target_layer, target_rel, order):
    if target_layer == source_layer or source_layer == "src/app":
        return True
    if source_layer.startswith(CORE + "/"):
        if not target_layer.startswith(CORE + "/"):
            return False
        mine, theirs = source_layer.split("/")[2], target_layer.split("/")[2]
        return mine in order and theirs in order and order.index(theirs) < order.index(mine)
    rules = MAY_INCLUDE.get(source_layer, [])
    if target_layer in rules or (ANY_CORE in rules and target_layer.startswith(CORE + "/")):
        return True
    return target_rel in MAY_INCLUDE_FILES.get(source_layer, [])


def find_cycles(edges):
    """Strongly connected components of more than one folder (or a folder on a loop), each as a list."""
    index, low, stack, on_stack, out = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return out


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: check_layers.py SOURCE_ROOT")
    root = os.path.abspath(sys.argv[1])
    folders = core_folders(root)
    order = read_core_order(root) if folders else []
    problems = []
    for folder in folders:
        if folder not in order:
            problems.append(f"{CORE}/{folder}: a core folder missing from the core order in "
                            "docs/architecture.md (add it where it belongs)")

    core_edges, edge_example = {}, {}
    checked = [d for d in [CORE] + VIEWER + TOP if os.path.isdir(os.path.join(root, d))]
    for top in checked:
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
            dirnames.sort()
            for name in sorted(filenames):
                if not name.endswith(SOURCE_EXTENSIONS):
                    continue
                full = os.path.join(dirpath, name)
                rel = os.path.relpath(full, root).replace(os.sep, "/")
                source_layer = layer_of(rel, folders)
                if source_layer is None:
                    continue
                with open(full, encoding="utf-8", errors="replace") as f:
                    lines = f.readlines()
                for number, line in enumerate(lines, 1):
                    m = INCLUDE.match(line)
                    if not m:
                        continue
                    quoted, path = m.group(1) == '"', m.group(2).strip()
                    where = f"{rel}:{number}: {line.strip()}"
                    general = ANY_CORE if source_layer.startswith(CORE + "/") else source_layer
                    for lib, pattern in NEVER.get(general, []):
                        if pattern.search(path):
                            problems.append(f"{where}: {source_layer} never includes {lib}")
                    for lib, pattern, only in ONLY_IN:
                        if pattern.search(path) and source_layer not in only:
                            problems.append(f"{where}: {lib} is included only in {', '.join(only)}")
                    target_layer, target_rel = resolve(root, rel, source_layer, path, quoted, folders)
                    if target_layer is None:
                        continue
                    if source_layer.startswith(CORE + "/") and target_layer.startswith(CORE + "/") \
                            and target_layer != source_layer:
                        core_edges.setdefault(source_layer, set()).add(target_layer)
                        edge_example.setdefault((source_layer, target_layer), where)
                    if not allowed(source_layer, target_layer, target_rel, order):
                        if source_layer.startswith(CORE + "/") and target_layer.startswith(CORE + "/"):
                            why = (f"{source_layer} may include only the core folders before it "
                                   f"({' → '.join(order)})")
                        else:
                            why = f"{source_layer} never includes {target_layer}"
                        problems.append(f"{where}: {why}")

    for cycle in find_cycles(core_edges):
        links = [edge_example[(a, b)] for a in cycle for b in cycle if (a, b) in edge_example]
        problems.append("cycle between core folders " + " ↔ ".join(cycle) + ":\n    " + "\n    ".join(links))

    for p in problems:
        print(f"layering violation: {p} (see docs/architecture.md)")
    if problems:
        return 1
    print(f"layering OK: {', '.join(checked)}; core order {' → '.join(order)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
