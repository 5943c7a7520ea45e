# Shared helpers for CLI test scripts: fail with a message, and assertions on text and exit codes.
fail() { echo "FAIL: $*" >&2; exit 1; }
expect_rc() {  # expect_rc WANT CMD...  — runs CMD, captures stdout/stderr into $out/$err
    local want=$1; shift
    out=$("$@" 2>"$tmpdir/stderr") && rc=0 || rc=$?
    err=$(cat "$tmpdir/stderr")
    [ "$rc" -eq "$want" ] || fail "exit $rc, wanted $want: $*\nstdout: $out\nstderr: $err"
}
contains() { grep -qF -- "$2" <<<"$1" || fail "expected to find: $2\nin:\n$1"; }
lacks() { ! grep -qF -- "$2" <<<"$1" || fail "did not expect: $2\nin:\n$1"; }
tmpdir=$(mktemp -d)
trap 'rm -rf "$tmpdir"' EXIT
