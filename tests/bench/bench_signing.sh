#!/usr/bin/env bash
# Decision signing and verification rates (jaanch, PKCS#12 RSA-2048, CMS CAdES-BES, full verification with chain and
# CRL) beside the limit on this machine: `openssl speed rsa2048` (raw RSA-2048 private and public operations).
set -euo pipefail
build=${1:?usage: bench_signing.sh BUILD_DIR}
seconds=${BENCH_SECONDS:-3}
out=$("$build/tests/bench/bench_signing" "$seconds")
echo "$out"
sign=$(echo "$out" | sed -n 's/^sign_per_s=//p')
verify=$(echo "$out" | sed -n 's/^verify_per_s=//p')
raw=$(echo "$out" | sed -n 's/^raw_evp_sign_per_s=//p')
read -r ref_sign ref_verify < <(openssl speed -seconds "$seconds" rsa2048 2>/dev/null | awk '/^rsa 2048 bits/ {print $6, $7}')
echo "openssl speed rsa2048: sign/s=$ref_sign verify/s=$ref_verify"
awk -v s="$sign" -v v="$verify" -v rs="$ref_sign" -v rv="$ref_verify" -v raw="$raw" 'BEGIN {
    printf "ratio sign: %.2f (jaanch %.0f/s vs openssl %.0f/s)\n", s / rs, s, rs;
    printf "ratio sign vs in-process EVP_DigestSign with the same key: %.2f (%.0f/s)\n", s / raw, raw;
    printf "ratio verify: %.3f (jaanch %.0f/s vs openssl %.0f/s)\n", v / rv, v, rv }'
