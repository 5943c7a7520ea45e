#!/usr/bin/env bash
# jaanch-cli signing with a real SoftHSM2 token whose keys and certificates were put there by softhsm2-util and
# pkcs11-tool (one key imported, one generated on the token as on a real DSC token), checked by openssl; and every
# token failure the CLI reports. Also the token that `pki demo` makes.
source "$(dirname "$0")/signing_lib.sh"
module=/usr/lib/softhsm/libsofthsm2.so
export SOFTHSM2_CONF=$work/softhsm2.conf
mkdir tokens
printf 'directories.tokendir = %s/tokens\nobjectstore.backend = file\nlog.level = ERROR\n' "$work" > "$SOFTHSM2_CONF"
echo 246810 > pin.txt
p11() { pkcs11-tool --module "$module" --token-label OFFICER-TOKEN --login --pin 246810 "$@" >/dev/null 2>&1; }

step "token made by softhsm2-util; key imported by softhsm2-util, certificate written by pkcs11-tool"
softhsm2-util --init-token --free --label OFFICER-TOKEN --so-pin 87654321 --pin 246810 >/dev/null
make_openssl_pki ossl
openssl pkcs8 -topk8 -v2 aes-256-cbc -in ossl/officer.key -passin file:ossl/pass.txt -passout file:ossl/out-pass.txt \
    -out ossl/officer.pk8.pem
softhsm2-util --import ossl/officer.pk8.pem --file-pin "$(cat ossl/pass.txt)" --token OFFICER-TOKEN --pin 246810 \
    --label dsc --id 01 >/dev/null
openssl x509 -in ossl/officer.pem -outform DER -out ossl/officer.der
p11 --write-object ossl/officer.der --type cert --id 01 --label dsc || fail "pkcs11-tool could not write the certificate"

"$cli" canonical --in "$decision" > canonical.json
"$cli" sign --in "$decision" --out token.p7s --pkcs11-module "$module" --token OFFICER-TOKEN --key-label dsc \
    --pin-file pin.txt >out.txt || { cat out.txt; fail "token signing"; }
must_say "token \"OFFICER-TOKEN\""
openssl cms -verify -binary -inform DER -in token.p7s -content canonical.json -CAfile ossl/trust/ca.pem -out /dev/null \
    2>/dev/null || fail "openssl refused the token signature"
"$cli" verify --in "$decision" --sig token.p7s --trust ossl/trust >out.txt || { cat out.txt; fail "verify"; }
must_say "Signer:      Rekha Kumari (OpenSSL TEST)"

step "a key generated on the token by pkcs11-tool, certified through openssl's pkcs11 engine"
p11 --keypairgen --key-type rsa:2048 --id 03 --label onchip || fail "pkcs11-tool --keypairgen"
OPENSSL_CONF=/dev/null openssl req -new -engine pkcs11 -keyform engine \
    -key "pkcs11:token=OFFICER-TOKEN;object=onchip;type=private;pin-value=246810" \
    -subj "/C=IN/O=Government of Rajasthan/CN=On-Token Officer (TEST)" -out onchip.csr 2>/dev/null \
    || fail "openssl could not make a CSR with the token key"
openssl x509 -req -in onchip.csr -CA ossl/trust/ca.pem -CAkey ossl/ca.key -passin file:ossl/pass.txt \
    -CAcreateserial -days 30 -extfile ossl/ext.cnf -outform DER -out onchip.der 2>/dev/null
p11 --write-object onchip.der --type cert --id 03 --label onchip || fail "pkcs11-tool could not write the certificate"
"$cli" sign --in "$decision" --out onchip.p7s --pkcs11-module "$module" --token OFFICER-TOKEN --key-id 03 \
    --pin-file pin.txt >/dev/null || fail "signing with the on-token key"
openssl cms -verify -binary -inform DER -in onchip.p7s -content canonical.json -CAfile ossl/trust/ca.pem -out /dev/null \
    2>/dev/null || fail "openssl refused the on-token signature"

step "token failures"
echo 999999 > wrong.txt
must_fail "$cli" sign --in "$decision" --out x.p7s --pkcs11-module "$module" --token OFFICER-TOKEN --key-label dsc --pin-file wrong.txt
must_say "PIN was refused"
must_say "not tried again"
must_fail "$cli" sign --in "$decision" --out x.p7s --pkcs11-module /usr/lib/no-such-vendor/libpkcs11.so --token OFFICER-TOKEN --pin-file pin.txt
must_say "does not exist"
must_fail "$cli" sign --in "$decision" --out x.p7s --pkcs11-module "$module" --token EPASS2003 --pin-file pin.txt
must_say "No token labelled \"EPASS2003\""
must_fail "$cli" sign --in "$decision" --out x.p7s --pkcs11-module "$module" --token OFFICER-TOKEN --key-label nope --pin-file pin.txt
must_say "no private key labelled \"nope\""
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -pass file:ossl/pass.txt -aes-256-cbc -out lone.pem 2>/dev/null
softhsm2-util --import lone.pem --file-pin "$(cat ossl/pass.txt)" --token OFFICER-TOKEN --pin 246810 --label lone --id 02 >/dev/null
must_fail "$cli" sign --in "$decision" --out x.p7s --pkcs11-module "$module" --token OFFICER-TOKEN --key-id 02 --pin-file pin.txt
must_say "no certificate for it"
must_fail "$cli" sign --in "$decision" --out x.p7s --pkcs11-module "$module" --token OFFICER-TOKEN --pin-file pin.txt
must_say "several private keys"
[ ! -e x.p7s ] || fail "a failed signing left a signature file"

step "the token made by pki demo signs as its officer"
"$cli" pki demo --out pki >/dev/null
export SOFTHSM2_CONF=$work/pki/token/softhsm2.conf
"$cli" sign --in "$decision" --out demo.p7s --pkcs11-module "$module" --token JAANCH-TEST --pin-file pki/token/pin.txt >/dev/null
sha=$(openssl x509 -in pki/officers/vdo.jaipur.1.pem -outform DER | openssl dgst -sha256 -r | cut -d' ' -f1)
"$cli" verify --in "$decision" --sig demo.p7s --trust pki/trust --crl pki/crl/sub-ca.crl.pem --expect-cert "$sha" >out.txt \
    || { cat out.txt; fail "the demo token's signature"; }
openssl cms -verify -binary -inform DER -in demo.p7s -content canonical.json -CAfile pki/ca.pem -out /dev/null 2>/dev/null \
    || fail "openssl refused the demo token's signature"
echo "PASS"
