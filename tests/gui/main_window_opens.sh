#!/usr/bin/env bash
# The workstation's window opens, shows its version, and closes cleanly; the screenshot is not blank.
# Also: without a display it says so clearly instead of crashing.
set -euo pipefail
app=$1 shots=$2
mkdir -p "$shots"
shot="$shots/main_window.png"
rm -f "$shot"
"$app" --screenshot "$shot" --exit-after-ms 800
[ -s "$shot" ] || { echo "FAIL: no screenshot written"; exit 1; }
python3 - "$shot" <<'PY'
import sys, zlib, struct
data = open(sys.argv[1], 'rb').read()
assert data[:8] == b'\x89PNG\r\n\x1a\n', "not a PNG"
w, h = struct.unpack('>II', data[16:24])
assert w >= 600 and h >= 400, f"window too small: {w}x{h}"
# Decode enough to see that something was drawn: the raw scanlines must not all be one byte value.
idat = b''.join(data[i+8:i+8+struct.unpack('>I', data[i:i+4])[0]]
                for i in range(8, len(data)) if data[i+4:i+8] == b'IDAT')
raw = zlib.decompress(idat)
assert len(set(raw)) > 8, "screenshot looks blank"
print(f"screenshot {w}x{h}, {len(set(raw))} distinct byte values")
PY
out=$(env -u DISPLAY -u WAYLAND_DISPLAY "$app" 2>&1) && rc=0 || rc=$?
[ "$rc" -eq 3 ] || { echo "FAIL: without a display exit code $rc, wanted 3"; exit 1; }
grep -q "no display" <<<"$out" || { echo "FAIL: no clear message without a display: $out"; exit 1; }
echo "gui main window: OK"
