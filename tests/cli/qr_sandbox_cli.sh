#!/usr/bin/env bash
# `jaanch-cli qr` and `check --qr` parse the citizen's file in the sandboxed jaanch-render helper by default:
# the protection is named on stderr, the JSON is the same as with --no-sandbox, and with a helper that cannot
# render (a stand-in that exits at once) the default run fails with the sandbox's error while --no-sandbox,
# which never starts a helper, still reads the QR. Run again with JAANCH_SANDBOX_NO_BWRAP=1 for the
# seccomp-only level.
set -euo pipefail
cli=$1 root=$2 make_qr=$3
source "$(dirname "$0")/lib.sh"

protection="bubblewrap+seccomp"
[ "${JAANCH_SANDBOX_NO_BWRAP:-}" = 1 ] && protection="seccomp only"

mkdir -p "$tmpdir/trust"
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$tmpdir/key.pem" -out "$tmpdir/trust/uidai-test.pem" \
    -days 2 -subj "/CN=Test UIDAI" 2>/dev/null
"$make_qr" "$tmpdir/key.pem" >"$tmpdir/qr.txt"
qrencode -s 4 -m 4 -o "$tmpdir/qr.png" -r "$tmpdir/qr.txt"
qrencode -t ASCII -m 2 -r "$tmpdir/qr.txt" >"$tmpdir/qr.ascii"
python3 "$root/tests/cli/qr_pdf.py" "$tmpdir/qr.ascii" "$tmpdir/letter.pdf"

for file in qr.png letter.pdf; do
    expect_rc 0 "$cli" qr "$tmpdir/$file" --trust "$tmpdir/trust"
    sandboxed=$out
    # The first line: under the sanitizers LeakSanitizer may add its report of suppressed leaks after it.
    [ "${err%%$'\n'*}" = "protection: $protection" ] || fail "$file: stderr was \"$err\", wanted the protection line"
    contains "$sandboxed" '"verdict": "valid"'
    expect_rc 0 "$cli" qr "$tmpdir/$file" --trust "$tmpdir/trust" --no-sandbox
    [ "${err%%$'\n'*}" = "protection: none (--no-sandbox)" ] || fail "$file --no-sandbox: stderr was \"$err\""
    [ "$out" = "$sandboxed" ] || fail "$file: the sandboxed and in-process runs differ"

    # The helper is what parses the file: when it cannot, the default run has nothing to show.
    expect_rc 1 env JAANCH_RENDER_HELPER=/bin/false "$cli" qr "$tmpdir/$file" --trust "$tmpdir/trust"
    contains "$err" "could not be displayed safely: the sandboxed renderer exited"
    lacks "$out" '"verdict"'
    expect_rc 0 env JAANCH_RENDER_HELPER=/bin/false "$cli" qr "$tmpdir/$file" --trust "$tmpdir/trust" --no-sandbox
    [ "$out" = "$sandboxed" ] || fail "$file --no-sandbox: a missing helper changed the in-process run"
done

# A .txt of a QR's content is not a document: no helper is needed for it.
expect_rc 0 env JAANCH_RENDER_HELPER=/bin/false "$cli" qr "$tmpdir/qr.txt" --trust "$tmpdir/trust"
contains "$out" '"verdict": "valid"'

app="$root/tests/cli/data/hr-application.json"
expect_rc 0 "$cli" check "$app" --forms "$root/forms" --today 2026-01-20 --qr "$tmpdir/qr.png" --trust "$tmpdir/trust"
contains "$out" "ok   aadhaar_qr: Signed by UIDAI"
contains "$err" "protection: $protection"
expect_rc 1 env JAANCH_RENDER_HELPER=/bin/false "$cli" check "$app" --forms "$root/forms" --today 2026-01-20 \
    --qr "$tmpdir/qr.png" --trust "$tmpdir/trust"
contains "$err" "could not be displayed safely"
echo "cli qr sandbox: OK"
