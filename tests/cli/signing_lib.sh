# Shared helpers for the signing CLI tests (sourced). Each test runs in its own temp folder, removed at exit.
set -euo pipefail
cli=$(realpath "${1:?usage: $0 JAANCH_CLI SOURCE_DIR}")
src=$(realpath "${2:?usage: $0 JAANCH_CLI SOURCE_DIR}")
work=$(mktemp -d "${TMPDIR:-/tmp}/jaanch-cli-signing.XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work"
decision=$src/docs/examples/decision.json

fail() { echo "FAIL: $*" >&2; exit 1; }
step() { echo "-- $*"; }
# Runs a command that must fail; its output goes to out.txt for later greps.
must_fail() { if "$@" >out.txt 2>&1; then cat out.txt; fail "expected failure: $*"; fi; }
must_say() { grep -qF -- "$1" out.txt || { cat out.txt; fail "expected \"$1\" in the output"; }; }

# A CA and an officer certificate made by the openssl command alone (keys encrypted under pass.txt).
# make_openssl_pki DIR
make_openssl_pki() {
    local d=$1
    mkdir -p "$d/trust"
    echo "openssl-test-only" > "$d/pass.txt"
    cp "$d/pass.txt" "$d/out-pass.txt"  # openssl reads line 2 when -passin and -passout name one file
    openssl req -x509 -newkey rsa:2048 -passout "file:$d/pass.txt" -keyout "$d/ca.key" -out "$d/trust/ca.pem" \
        -days 3650 -subj "/C=IN/O=OpenSSL Test CA (TEST ONLY)/CN=OpenSSL Test Root" \
        -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
    openssl req -new -newkey rsa:2048 -passout "file:$d/pass.txt" -keyout "$d/officer.key" -out "$d/officer.csr" \
        -subj "/C=IN/ST=Jharkhand/O=Government of Jharkhand/title=Circle Officer/CN=Rekha Kumari (OpenSSL TEST)" 2>/dev/null
    printf 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\n' > "$d/ext.cnf"
    openssl x509 -req -in "$d/officer.csr" -CA "$d/trust/ca.pem" -CAkey "$d/ca.key" -passin "file:$d/pass.txt" \
        -CAcreateserial -days 30 -extfile "$d/ext.cnf" -out "$d/officer.pem" 2>/dev/null
}
