#!/usr/bin/env bash
# jaanch-cli and the stock openssl command as independent referees of each other's decision signatures,
# with PKCS#12 files made by Jaanch (pki demo) and by openssl, and every verdict the CLI prints.
source "$(dirname "$0")/signing_lib.sh"

step "pki demo and canonical bytes"
"$cli" pki demo --out pki --no-token >/dev/null
grep -q "TEST ONLY" pki/README.txt || fail "the demo PKI is not marked test-only"
"$cli" canonical --in "$decision" > canonical.json
cmp canonical.json "$src/docs/examples/decision.canonical.json" || fail "canonical bytes differ from docs/examples"

step "the worked example of docs/signatures.md verifies with the documented commands"
ex=$src/docs/examples
"$cli" verify --in "$ex/decision.json" --sig "$ex/decision.p7s" --trust "$ex/trust" >out.txt || { cat out.txt; fail "docs example"; }
must_say "Verdict:     VALID"
openssl cms -verify -binary -inform DER -in "$ex/decision.p7s" -content "$ex/decision.canonical.json" \
    -CAfile "$ex/trust/ca.pem" -attime "$(date -u -d 2026-11-21T05:57:18Z +%s)" -out /dev/null 2>/dev/null \
    || fail "the documented openssl command refuses the example"

step "Jaanch signs with a PKCS#12 file; openssl cms -verify accepts it (the documented command)"
"$cli" sign --in "$decision" --out decision.p7s --p12 pki/officers/vdo.jaipur.1.p12 --password-file pki/password.txt >/dev/null
openssl cms -verify -binary -inform DER -in decision.p7s -content canonical.json -CAfile pki/ca.pem -out /dev/null 2>/dev/null \
    || fail "openssl refused Jaanch's signature"
"$cli" verify --in "$decision" --sig decision.p7s --trust pki/trust --crl pki/crl/sub-ca.crl.pem >out.txt || { cat out.txt; fail "verify"; }
must_say "Verdict:     VALID"
must_say "Signer:      Suresh Kumar Meena"
must_say "Issuer:      CN=Jaanch Test Licensed CA 2026"
sha=$(openssl x509 -in pki/officers/vdo.jaipur.1.pem -outform DER | openssl dgst -sha256 -r | cut -d' ' -f1)
must_say "Certificate: SHA-256 $sha"
"$cli" verify --in "$decision" --sig decision.p7s --trust pki/trust --expect-cert "$sha" >/dev/null || fail "expect-cert"

step "a tampered decision fails with both"
sed 's/"forward"/"approve"/' "$decision" > tampered.json
"$cli" canonical --in tampered.json > tampered.canonical.json
must_fail openssl cms -verify -binary -inform DER -in decision.p7s -content tampered.canonical.json -CAfile pki/ca.pem -out /dev/null
must_fail "$cli" verify --in tampered.json --sig decision.p7s --trust pki/trust
must_say "INVALID (content_mismatch)"

step "revoked, expired, not for signing, untrusted, not registered"
"$cli" sign --in "$decision" --out revoked.p7s --p12 pki/special/revoked.p12 --password-file pki/password.txt >/dev/null
must_fail "$cli" verify --in "$decision" --sig revoked.p7s --trust pki/trust --crl pki/crl/sub-ca.crl.pem
must_say "INVALID (revoked)"
must_fail openssl cms -verify -binary -inform DER -in revoked.p7s -content canonical.json -CAfile pki/ca.pem \
    -crl_check -CRLfile pki/crl/sub-ca.crl.pem -out /dev/null
"$cli" sign --in "$decision" --out expired.p7s --p12 pki/special/expired.p12 --password-file pki/password.txt >/dev/null
must_fail "$cli" verify --in "$decision" --sig expired.p7s --trust pki/trust
must_say "INVALID (outside_validity)"
must_fail openssl cms -verify -binary -inform DER -in expired.p7s -content canonical.json -CAfile pki/ca.pem -out /dev/null
"$cli" sign --in "$decision" --out encipher.p7s --p12 pki/special/encipher-only.p12 --password-file pki/password.txt >/dev/null
must_fail "$cli" verify --in "$decision" --sig encipher.p7s --trust pki/trust
must_say "INVALID (key_usage)"
"$cli" sign --in "$decision" --out untrusted.p7s --p12 pki/special/untrusted.p12 --password-file pki/password.txt >/dev/null
must_fail "$cli" verify --in "$decision" --sig untrusted.p7s --trust pki/trust
must_say "INVALID (untrusted)"
must_fail openssl cms -verify -binary -inform DER -in untrusted.p7s -content canonical.json -CAfile pki/ca.pem -out /dev/null
must_fail "$cli" verify --in "$decision" --sig decision.p7s --trust pki/trust --expect-cert "$(printf '0%.0s' {1..64})"
must_say "INVALID (not_registered)"

step "signing failures are clear"
echo "wrong" > wrong.txt
must_fail "$cli" sign --in "$decision" --out x.p7s --p12 pki/officers/vdo.jaipur.1.p12 --password-file wrong.txt
must_say "password for the PKCS#12 file"
must_fail "$cli" sign --in "$decision" --out x.p7s --p12 pki/special/key-only.p12 --password-file pki/password.txt
must_say "no certificate"
[ ! -e x.p7s ] || fail "a failed signing left a signature file"

step "keys and certificates made by openssl: openssl cms -sign verifies with Jaanch"
make_openssl_pki ossl
for cades in -cades ""; do
    openssl cms -sign -binary -in canonical.json -signer ossl/officer.pem -inkey ossl/officer.key \
        -passin file:ossl/pass.txt -md sha256 $cades -outform DER -out openssl.p7s
    "$cli" verify --in "$decision" --sig openssl.p7s --trust ossl/trust >out.txt || { cat out.txt; fail "Jaanch refused openssl's signature ($cades)"; }
    must_say "Signer:      Rekha Kumari (OpenSSL TEST)"
done

step "a PKCS#12 made by openssl (also the legacy RC2 format) signs with Jaanch; openssl verifies"
openssl pkcs12 -export -inkey ossl/officer.key -passin file:ossl/pass.txt -in ossl/officer.pem \
    -certfile ossl/trust/ca.pem -passout file:ossl/out-pass.txt -out ossl/officer.p12
openssl pkcs12 -export -legacy -inkey ossl/officer.key -passin file:ossl/pass.txt -in ossl/officer.pem \
    -passout file:ossl/out-pass.txt -out ossl/legacy.p12
for p12 in officer legacy; do
    "$cli" sign --in "$decision" --out "$p12.p7s" --p12 "ossl/$p12.p12" --password-file ossl/pass.txt >/dev/null
    openssl cms -verify -binary -inform DER -in "$p12.p7s" -content canonical.json -CAfile ossl/trust/ca.pem \
        -out /dev/null 2>/dev/null || fail "openssl refused Jaanch's signature with $p12.p12"
done
echo "PASS"
