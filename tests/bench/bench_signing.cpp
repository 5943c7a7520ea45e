// Decision signatures and verifications per second with a software RSA-2048 key (PKCS#12), single thread.
// Prints `sign_per_s=…` and `verify_per_s=…`; tests/bench/bench_signing.sh sets them beside `openssl speed
// rsa2048`.
#include <unistd.h>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include <openssl/evp.h>
#include <openssl/pkcs12.h>

#include "crypto/canonical_json.h"
#include "crypto/ossl.h"
#include "crypto/pkcs12_signer.h"
#include "crypto/test_pki.h"
#include "crypto/verifier.h"
#include "util/json_reader.h"

using namespace jaanch;
using Clock = std::chrono::steady_clock;

namespace {

// Runs `op` repeatedly for about `seconds`; returns operations per second.
template <class Op>
double rate(double seconds, Op op) {
    const auto start = Clock::now();
    long count = 0;
    double elapsed = 0;
    do {
        for (int i = 0; i < 20; ++i)
            op();
        count += 20;
        elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    } while (elapsed < seconds);
    return static_cast<double>(count) / elapsed;
}

}  // namespace

int main(int argc, char** argv) {
    const double seconds = argc > 1 ? std::atof(argv[1]) : 3.0;
    std::string dir = (std::filesystem::temp_directory_path() / "jaanch-bench-XXXXXX").string();
    if (mkdtemp(dir.data()) == nullptr)
        return 1;
    crypto::TestPkiOptions options;
    options.out_dir = std::filesystem::path(dir) / "pki";
    options.with_token = false;
    options.officers.resize(1);
    const crypto::TestPki pki = crypto::generate_test_pki(options);

    model::Decision d;
    d.id = "3f2b8c1e-9a4d-4e6b-8f1a-2c3d4e5f6a7b";
    d.application = "RJ/JPR/2026/004711";
    d.application_version = 3;
    d.officer = pki.officers.front().id;
    d.role = "VDO";
    d.level = "L1";
    d.remark = "सभी दस्तावेज़ सत्यापित";
    d.decided_at = now_utc();
    const std::string canonical = crypto::canonical_decision_bytes(d);

    crypto::Pkcs12Signer signer(pki.officers.front().p12, crypto::read_secret_file(pki.password_file));
    std::string der;
    const double sign_rate = rate(seconds, [&] { der = signer.sign(canonical); });

    // The same key and bytes through a bare EVP_DigestSign: what CMS adds on top of the RSA operation.
    const crypto::SecretString password = crypto::read_secret_file(pki.password_file);
    crypto::ossl::BioPtr p12_bio(BIO_new_file(pki.officers.front().p12.c_str(), "rb"));
    crypto::ossl::Pkcs12Ptr p12(d2i_PKCS12_bio(p12_bio.get(), nullptr));
    EVP_PKEY* raw_key = nullptr;
    X509* raw_cert = nullptr;
    PKCS12_parse(p12.get(), password.c_str(), &raw_key, &raw_cert, nullptr);
    crypto::ossl::EvpPkeyPtr key_holder(raw_key);
    crypto::ossl::X509Ptr cert_holder(raw_cert);
    const double raw_rate = rate(seconds, [&] {
        EVP_MD_CTX* ctx = EVP_MD_CTX_new();
        unsigned char sig[512];
        std::size_t len = sizeof sig;
        EVP_DigestSignInit(ctx, nullptr, EVP_sha256(), nullptr, raw_key);
        EVP_DigestSign(ctx, sig, &len, reinterpret_cast<const unsigned char*>(canonical.data()),
                       canonical.size());
        EVP_MD_CTX_free(ctx);
    });

    // And the bare RSA operation on a precomputed digest with one reused context, as `openssl speed` measures
    // it.
    crypto::ossl::EvpPkeyCtxPtr pctx(EVP_PKEY_CTX_new(raw_key, nullptr));
    EVP_PKEY_sign_init(pctx.get());
    EVP_PKEY_CTX_set_signature_md(pctx.get(), EVP_sha256());
    const unsigned char digest[32] = {1, 2, 3};
    const double bare_rate = rate(seconds, [&] {
        unsigned char sig[512];
        std::size_t len = sizeof sig;
        EVP_PKEY_sign(pctx.get(), sig, &len, digest, sizeof digest);
    });

    const crypto::Verifier verifier({pki.trust_dir, {pki.crl}, std::nullopt});
    bool all_ok = true;
    const double verify_rate = rate(seconds, [&] { all_ok = verifier.verify(canonical, der).ok && all_ok; });
    std::filesystem::remove_all(dir);
    if (!all_ok) {
        std::fprintf(stderr, "a verification failed\n");
        return 1;
    }
    std::printf("canonical_bytes=%zu signature_bytes=%zu\n", canonical.size(), der.size());
    std::printf("bare_rsa_sign_per_s=%.1f\n", bare_rate);
    std::printf("raw_evp_sign_per_s=%.1f\nsign_per_s=%.1f\nverify_per_s=%.1f\n", raw_rate, sign_rate,
                verify_rate);
    return 0;
}
