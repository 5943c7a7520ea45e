#include "crypto/verifier.h"

#include <algorithm>
#include <fstream>
#include <iterator>

#include <openssl/err.h>
#include <openssl/ess.h>
#include <openssl/pem.h>
#include <openssl/sha.h>
#include <openssl/x509v3.h>

#include "crypto/crypto_error.h"
#include "crypto/ossl.h"
#include "util/enum_names.h"

namespace jaanch::crypto {
namespace {

constexpr EnumNames<VerifyReason, 12> kReasonNames{{{VerifyReason::none, "none"},
                                                    {VerifyReason::malformed, "malformed"},
                                                    {VerifyReason::content_mismatch, "content_mismatch"},
                                                    {VerifyReason::bad_signature, "bad_signature"},
                                                    {VerifyReason::signer_mismatch, "signer_mismatch"},
                                                    {VerifyReason::untrusted, "untrusted"},
                                                    {VerifyReason::outside_validity, "outside_validity"},
                                                    {VerifyReason::key_usage, "key_usage"},
                                                    {VerifyReason::revoked, "revoked"},
                                                    {VerifyReason::revocation_unknown, "revocation_unknown"},
                                                    {VerifyReason::not_registered, "not_registered"},
                                                    {VerifyReason::revocation_stale, "revocation_stale"}}};

std::string read_file(const std::filesystem::path& path, const char* what) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw CryptoError("Cannot read the " + std::string(what) + " " + path.string() + ".");
    return std::string(std::istreambuf_iterator<char>(in), {});
}

bool looks_like_pem(const std::string& bytes) {
    return bytes.find("-----BEGIN") != std::string::npos;
}

std::vector<ossl::X509Ptr> read_certificates(const std::filesystem::path& path) {
    const std::string bytes = read_file(path, "trust anchor");
    std::vector<ossl::X509Ptr> out;
    if (looks_like_pem(bytes)) {
        ossl::BioPtr bio = ossl::memory_bio(bytes);
        while (X509* cert = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr))
            out.emplace_back(cert);
        ERR_clear_error();  // the loop ends on "no start line"
    } else if (auto cert = ossl::x509_from_der(bytes)) {
        out.push_back(std::move(cert));
    }
    if (out.empty()) {
        ERR_clear_error();
        throw CryptoError(
            "The trust anchor file " + path.string() +
            " holds no certificate (PEM or DER expected). Remove it from the trust folder or replace it.");
    }
    return out;
}

ossl::X509CrlPtr parse_crl(const std::string& bytes, const std::string& what) {
    ossl::BioPtr bio = ossl::memory_bio(bytes);
    X509_CRL* crl = looks_like_pem(bytes) ? PEM_read_bio_X509_CRL(bio.get(), nullptr, nullptr, nullptr)
                                          : d2i_X509_CRL_bio(bio.get(), nullptr);
    if (crl == nullptr) {
        const std::string detail = ossl::take_errors();
        throw CryptoError(what + " is not a certificate revocation list (" + detail +
                          "). Download it again from the certifying authority.");
    }
    return ossl::X509CrlPtr(crl);
}

ossl::X509CrlPtr read_crl(const std::filesystem::path& path) {
    return parse_crl(read_file(path, "CRL file"), "The CRL file " + path.string());
}

std::vector<std::filesystem::path> trust_files(const std::filesystem::path& dir) {
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) {
        throw CryptoError("The trust folder " + dir.string() +
                          " does not exist. Give a folder holding the CA certificates (CCA India's root and "
                          "the licensed CAs).");
    }
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        std::string ext = entry.path().extension().string();
        std::transform(ext.begin(), ext.end(), ext.begin(),
                       [](unsigned char ch) { return std::tolower(ch); });
        if (entry.is_regular_file() && (ext == ".pem" || ext == ".crt" || ext == ".cer" || ext == ".der"))
            files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::string spki_sha256(X509* cert) {
    unsigned char* der = nullptr;
    const int size = i2d_X509_PUBKEY(X509_get_X509_PUBKEY(cert), &der);
    if (size <= 0)
        return {};
    std::string bytes(reinterpret_cast<char*>(der), static_cast<std::size_t>(size));
    OPENSSL_free(der);
    return ossl::sha256_hex(bytes);
}

SignerDetails describe(X509* cert) {
    SignerDetails d;
    d.certificate_der = ossl::to_der(cert);
    d.certificate_sha256 = ossl::sha256_hex(d.certificate_der);
    d.common_name = ossl::name_entry(X509_get_subject_name(cert), NID_commonName);
    d.subject = ossl::name_text(X509_get_subject_name(cert));
    d.issuer = ossl::name_text(X509_get_issuer_name(cert));
    d.serial = ossl::serial_hex(cert);
    d.public_key_sha256 = spki_sha256(cert);
    d.not_before = ossl::to_timestamp(X509_get0_notBefore(cert)).value_or(Timestamp{});
    d.not_after = ossl::to_timestamp(X509_get0_notAfter(cert)).value_or(Timestamp{});
    return d;
}

std::optional<Timestamp> signing_time_of(CMS_SignerInfo* si) {
    const int index = CMS_signed_get_attr_by_NID(si, NID_pkcs9_signingTime, -1);
    if (index < 0)
        return std::nullopt;
    X509_ATTRIBUTE* attr = CMS_signed_get_attr(si, index);
    ASN1_TYPE* value = X509_ATTRIBUTE_get0_type(attr, 0);
    if (value == nullptr || (value->type != V_ASN1_UTCTIME && value->type != V_ASN1_GENERALIZEDTIME))
        return std::nullopt;
    return ossl::to_timestamp(value->value.utctime);
}

// The messageDigest signed attribute.
const ASN1_OCTET_STRING* message_digest_of(CMS_SignerInfo* si) {
    return static_cast<const ASN1_OCTET_STRING*>(
        CMS_signed_get0_data_by_OBJ(si, OBJ_nid2obj(NID_pkcs9_messageDigest), -3, V_ASN1_OCTET_STRING));
}

std::string who(const SignerDetails& d) {
    return d.common_name + " (serial " + d.serial + ")";
}

struct Check {
    VerifyResult result;
    bool failed(VerifyReason reason, std::string message) {
        result.ok = false;
        result.reason = reason;
        result.message = std::move(message);
        return false;
    }
};

}  // namespace

std::string_view reason_name(VerifyReason r) {
    return enum_name(kReasonNames, r);
}

struct Verifier::Impl {
    VerifyOptions options;
    ossl::X509StorePtr store{X509_STORE_new()};
    std::vector<ossl::X509CrlPtr> crls;

    VerifyResult run(std::string_view canonical, std::string_view der_cms, std::optional<Timestamp> at_time,
                     const VerifyExpectations& expect) const;
    bool check_cms(Check& c, CMS_ContentInfo* cms, CMS_SignerInfo*& si, X509*& signer) const;
    // `at_is_signing_time` only words the message.
    bool check_chain(Check& c, X509* signer, STACK_OF(X509) * untrusted, Timestamp at,
                     bool at_is_signing_time, X509** issuer_out) const;
    bool check_revocation(Check& c, X509* signer, X509* issuer, Timestamp revocation_time) const;
    X509_CRL* newest_crl_of(X509* signer, X509* issuer) const;
};

Verifier::Verifier(const VerifyOptions& options) : impl_(std::make_unique<Impl>()) {
    impl_->options = options;
    const std::vector<std::filesystem::path> files = trust_files(options.trust_dir);
    int anchors = 0;
    for (const auto& file : files) {
        for (auto& cert : read_certificates(file)) {
            if (X509_STORE_add_cert(impl_->store.get(), cert.get()) == 1)
                ++anchors;
            ERR_clear_error();  // a duplicate across files is fine
        }
    }
    if (anchors == 0) {
        throw CryptoError(
            "The trust folder " + options.trust_dir.string() +
            " holds no CA certificate (*.pem, *.crt, *.cer, *.der). Put CCA India's root and the "
            "licensed CAs' certificates there.");
    }
    for (const auto& file : options.crl_files)
        impl_->crls.push_back(read_crl(file));
}

Verifier::~Verifier() = default;
Verifier::Verifier(Verifier&&) noexcept = default;
Verifier& Verifier::operator=(Verifier&&) noexcept = default;

VerifyResult Verifier::verify(std::string_view canonical, std::string_view der_cms,
                              const VerifyExpectations& expect) const {
    return impl_->run(canonical, der_cms, impl_->options.at_time, expect);
}

VerifyResult Verifier::verify_at(std::string_view canonical, std::string_view der_cms, Timestamp at_time,
                                 const VerifyExpectations& expect) const {
    return impl_->run(canonical, der_cms, at_time, expect);
}

namespace {

// A certificate given as PEM or DER; CryptoError when it is neither.
ossl::X509Ptr certificate_from(std::string_view bytes) {
    ossl::X509Ptr cert;
    if (bytes.find("-----BEGIN") != std::string_view::npos) {
        ossl::BioPtr bio = ossl::memory_bio(bytes);
        cert.reset(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
    } else {
        cert = ossl::x509_from_der(bytes);
    }
    ERR_clear_error();
    if (!cert)
        throw CryptoError("The data given is not an X.509 certificate (PEM or DER).");
    return cert;
}

}  // namespace

SignerDetails describe_certificate(std::string_view bytes) {
    const ossl::X509Ptr cert = certificate_from(bytes);
    return describe(cert.get());
}

VerifyResult verify(std::string_view canonical, std::string_view der_cms, const VerifyOptions& options,
                    const VerifyExpectations& expect) {
    return Verifier(options).verify(canonical, der_cms, expect);
}

bool Verifier::Impl::check_cms(Check& c, CMS_ContentInfo* cms, CMS_SignerInfo*& si, X509*& signer) const {
    if (OBJ_obj2nid(CMS_get0_type(cms)) != NID_pkcs7_signed)
        return c.failed(VerifyReason::malformed, "The signature is a CMS structure but not SignedData.");
    if (CMS_is_detached(cms) != 1)
        return c.failed(
            VerifyReason::malformed,
            "The signature embeds its content; a decision signature must be detached (the decision "
            "travels beside it).");
    STACK_OF(CMS_SignerInfo)* infos = CMS_get0_SignerInfos(cms);
    if (sk_CMS_SignerInfo_num(infos) != 1) {
        return c.failed(VerifyReason::malformed,
                        "The signature has " + std::to_string(sk_CMS_SignerInfo_num(infos)) +
                            " signers; a decision carries exactly one officer's signature.");
    }
    si = sk_CMS_SignerInfo_value(infos, 0);
    // Finds the signer's certificate among those the CMS carries.
    CMS_set1_signers_certs(cms, nullptr, 0);
    ERR_clear_error();
    X509_ALGOR* digest_alg = nullptr;
    CMS_SignerInfo_get0_algs(si, nullptr, &signer, &digest_alg, nullptr);
    if (signer == nullptr) {
        return c.failed(
            VerifyReason::malformed,
            "The signature does not include the signer's certificate; sign again with the certificate "
            "embedded.");
    }
    c.result.signer = describe(signer);
    c.result.signer->signing_time = signing_time_of(si);
    const ASN1_OBJECT* md = nullptr;
    X509_ALGOR_get0(&md, nullptr, nullptr, digest_alg);
    if (OBJ_obj2nid(md) != NID_sha256) {
        char name[80];
        OBJ_obj2txt(name, sizeof name, md, 0);
        return c.failed(VerifyReason::malformed, std::string("The signature uses the digest ") + name +
                                                     "; decisions are signed with SHA-256.");
    }
    if (CMS_signed_get_attr_count(si) <= 0 || message_digest_of(si) == nullptr)
        return c.failed(
            VerifyReason::malformed,
            "The signature has no signed attributes (message digest, signing time); it is not CAdES.");
    if (!c.result.signer->signing_time)
        return c.failed(VerifyReason::malformed, "The signature carries no signing time.");
    return true;
}

bool Verifier::Impl::check_chain(Check& c, X509* signer, STACK_OF(X509) * untrusted, Timestamp at,
                                 bool at_is_signing_time, X509** issuer_out) const {
    ossl::X509StoreCtxPtr ctx(X509_STORE_CTX_new());
    if (!ctx || X509_STORE_CTX_init(ctx.get(), store.get(), signer, untrusted) != 1)
        return c.failed(VerifyReason::untrusted,
                        "Cannot set up certificate verification (" + ossl::take_errors() + ").");
    X509_VERIFY_PARAM_set_time(X509_STORE_CTX_get0_param(ctx.get()), ossl::to_time_t(at));
    const int ok = X509_verify_cert(ctx.get());
    ERR_clear_error();
    const std::string subject = c.result.signer->common_name;
    if (ok != 1) {
        const int err = X509_STORE_CTX_get_error(ctx.get());
        const int depth = X509_STORE_CTX_get_error_depth(ctx.get());
        X509* at_fault = X509_STORE_CTX_get_current_cert(ctx.get());
        const std::string whose =
            depth == 0
                ? "the signer's certificate"
                : "the CA certificate \"" +
                      (at_fault ? ossl::name_entry(X509_get_subject_name(at_fault), NID_commonName) : "?") +
                      "\"";
        const std::string why = X509_verify_cert_error_string(err);
        if (err == X509_V_ERR_CERT_HAS_EXPIRED || err == X509_V_ERR_CERT_NOT_YET_VALID) {
            return c.failed(VerifyReason::outside_validity,
                            "At " + format_timestamp(at) + " (" +
                                (at_is_signing_time ? "the signing time" : "the validation time") + "), " +
                                whose + " was " +
                                (err == X509_V_ERR_CERT_HAS_EXPIRED ? "expired" : "not yet valid") +
                                ". A decision must be signed while the DSC is valid.");
        }
        return c.failed(VerifyReason::untrusted,
                        "The certificate of " + subject + " does not chain to a trusted CA (" + why +
                            ", at " + whose +
                            "). Only DSCs issued under the configured trust anchors are accepted.");
    }
    STACK_OF(X509)* chain = X509_STORE_CTX_get0_chain(ctx.get());
    *issuer_out = sk_X509_num(chain) > 1 ? sk_X509_value(chain, 1) : signer;
    X509_up_ref(*issuer_out);
    return true;
}

X509_CRL* Verifier::Impl::newest_crl_of(X509* signer, X509* issuer) const {
    const X509_NAME* issuer_name = X509_get_issuer_name(signer);
    X509_CRL* best = nullptr;
    EVP_PKEY* issuer_key = X509_get0_pubkey(issuer);
    for (const auto& crl : crls) {
        if (X509_NAME_cmp(X509_CRL_get_issuer(crl.get()), issuer_name) != 0)
            continue;
        if (issuer_key == nullptr || X509_CRL_verify(crl.get(), issuer_key) != 1)
            continue;
        // Not the whole of the CA's revocations (check_crl refuses these): never the CA's CRL.
        if (X509_CRL_get_ext_by_NID(crl.get(), NID_delta_crl, -1) >= 0 ||
            X509_CRL_get_ext_by_NID(crl.get(), NID_issuing_distribution_point, -1) >= 0)
            continue;
        if (best == nullptr ||
            ASN1_TIME_compare(X509_CRL_get0_lastUpdate(crl.get()), X509_CRL_get0_lastUpdate(best)) > 0)
            best = crl.get();
    }
    ERR_clear_error();
    return best;
}

bool Verifier::Impl::check_revocation(Check& c, X509* signer, X509* issuer, Timestamp revocation_time) const {
    if (crls.empty() && !options.require_revocation)
        return true;
    X509_CRL* best = newest_crl_of(signer, issuer);
    const std::string& issuer_text = c.result.signer->issuer;
    if (best == nullptr) {
        const auto& exempt = options.issuers_without_crl;
        if (std::find(exempt.begin(), exempt.end(), issuer_text) != exempt.end())
            return true;
        return c.failed(VerifyReason::revocation_unknown,
                        "There is no valid CRL of the issuer \"" + issuer_text +
                            "\", so whether the certificate of " + who(*c.result.signer) +
                            " was revoked is unknown. Add that CA's current CRL.");
    }
    X509_REVOKED* entry = nullptr;
    if (X509_CRL_get0_by_cert(best, &entry, signer) == 1 && entry != nullptr) {
        const auto when = ossl::to_timestamp(X509_REVOKED_get0_revocationDate(entry));
        // Revoked only after the time asked about: what was signed and received before still stands.
        if (!when || *when <= revocation_time)
            return c.failed(VerifyReason::revoked,
                            "The certificate of " + who(*c.result.signer) + " was revoked" +
                                (when ? " on " + format_timestamp(*when) : std::string()) +
                                " by its CA, before " + format_timestamp(revocation_time) +
                                ". Its signatures from then on are not accepted.");
    }

    const auto next_update = ossl::to_timestamp(X509_CRL_get0_nextUpdate(best));
    if (next_update && *next_update < revocation_time) {
        const std::string sentence =
            "The newest CRL of \"" + issuer_text + "\" was due to be replaced at " +
            format_timestamp(*next_update) + ", before " + format_timestamp(revocation_time) +
            "; a revocation since then would not be known. Add that CA's current CRL.";
        if (options.stale_crl == StaleCrl::refuse)
            return c.failed(VerifyReason::revocation_stale, sentence);
        c.result.crl_stale = true;
        c.result.crl_warning = sentence;
    }
    return true;
}

CrlDescription check_crl(std::string_view bytes, const std::filesystem::path& trust_dir) {
    ossl::X509CrlPtr crl = parse_crl(std::string(bytes), "The file given");
    CrlDescription d;
    d.issuer = ossl::name_text(X509_CRL_get_issuer(crl.get()));
    // One CRL per CA stands for the whole of that CA's revocations: a delta CRL or one partitioned by an
    // issuing distribution point lists only some of them, and taking it as the CA's CRL would un-revoke the
    // rest.
    if (X509_CRL_get_ext_by_NID(crl.get(), NID_delta_crl, -1) >= 0)
        throw CryptoError(
            "The CRL of \"" + d.issuer +
            "\" is a delta CRL (it lists only the changes since a base CRL). Use the CA's full CRL.");
    if (X509_CRL_get_ext_by_NID(crl.get(), NID_issuing_distribution_point, -1) >= 0)
        throw CryptoError(
            "The CRL of \"" + d.issuer +
            "\" covers only part of that CA's certificates (it has an issuing distribution point). "
            "Use the CA's full CRL.");
    bool named = false;
    for (const auto& file : trust_files(trust_dir)) {
        for (auto& cert : read_certificates(file)) {
            if (X509_NAME_cmp(X509_get_subject_name(cert.get()), X509_CRL_get_issuer(crl.get())) != 0)
                continue;
            named = true;
            EVP_PKEY* key = X509_get0_pubkey(cert.get());
            if (key == nullptr || X509_CRL_verify(crl.get(), key) != 1)
                continue;
            ERR_clear_error();
            unsigned char* der = nullptr;
            const int size = i2d_X509_CRL(crl.get(), &der);
            if (size <= 0)
                throw CryptoError("The CRL of \"" + d.issuer + "\" cannot be encoded as DER.");
            d.der.assign(reinterpret_cast<char*>(der), static_cast<std::size_t>(size));
            OPENSSL_free(der);
            d.sha256 = ossl::sha256_hex(d.der);
            d.this_update = ossl::to_timestamp(X509_CRL_get0_lastUpdate(crl.get())).value_or(Timestamp{});
            d.next_update = ossl::to_timestamp(X509_CRL_get0_nextUpdate(crl.get()));
            const auto* revoked = X509_CRL_get_REVOKED(crl.get());
            d.entries = revoked ? static_cast<std::size_t>(sk_X509_REVOKED_num(revoked)) : 0;
            return d;
        }
    }
    ERR_clear_error();
    if (!named)
        throw CryptoError("The CRL is issued by \"" + d.issuer +
                          "\", which is not a CA of the trust folder " + trust_dir.string() +
                          ". Add that CA's certificate first, or use that CA's own CRL.");
    throw CryptoError("The CRL names \"" + d.issuer +
                      "\" as its issuer but is not signed by that CA's key; it is forged or damaged. "
                      "Download it again from the certifying authority.");
}

std::vector<std::string> crl_distribution_points(std::string_view bytes) {
    const ossl::X509Ptr cert = certificate_from(bytes);
    std::vector<std::string> out;
    auto* points = static_cast<CRL_DIST_POINTS*>(
        X509_get_ext_d2i(cert.get(), NID_crl_distribution_points, nullptr, nullptr));
    if (points == nullptr)
        return out;
    for (int i = 0; i < sk_DIST_POINT_num(points); ++i) {
        DIST_POINT* point = sk_DIST_POINT_value(points, i);
        if (point->distpoint == nullptr || point->distpoint->type != 0)
            continue;
        GENERAL_NAMES* names = point->distpoint->name.fullname;
        for (int j = 0; j < sk_GENERAL_NAME_num(names); ++j) {
            GENERAL_NAME* name = sk_GENERAL_NAME_value(names, j);
            if (name->type != GEN_URI)
                continue;
            const ASN1_IA5STRING* uri = name->d.uniformResourceIdentifier;
            std::string text(reinterpret_cast<const char*>(ASN1_STRING_get0_data(uri)),
                             static_cast<std::size_t>(ASN1_STRING_length(uri)));
            if (text.rfind("http://", 0) == 0 || text.rfind("https://", 0) == 0)
                out.push_back(std::move(text));
        }
    }
    CRL_DIST_POINTS_free(points);
    return out;
}

VerifyResult Verifier::Impl::run(std::string_view canonical, std::string_view der_cms,
                                 std::optional<Timestamp> at_time, const VerifyExpectations& expect) const {
    Check c;
    ERR_clear_error();
    const auto* p = reinterpret_cast<const unsigned char*>(der_cms.data());
    ossl::CmsPtr cms(d2i_CMS_ContentInfo(nullptr, &p, static_cast<long>(der_cms.size())));
    if (!cms || p != reinterpret_cast<const unsigned char*>(der_cms.data() + der_cms.size())) {
        ERR_clear_error();
        c.failed(VerifyReason::malformed, "The signature is not a DER CMS structure.");
        return c.result;
    }
    CMS_SignerInfo* si = nullptr;
    X509* signer = nullptr;
    if (!check_cms(c, cms.get(), si, signer))
        return c.result;
    const SignerDetails& d = *c.result.signer;

    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char*>(canonical.data()), canonical.size(), digest);
    const ASN1_OCTET_STRING* signed_digest = message_digest_of(si);
    if (ASN1_STRING_length(signed_digest) != SHA256_DIGEST_LENGTH ||
        CRYPTO_memcmp(ASN1_STRING_get0_data(signed_digest), digest, sizeof digest) != 0) {
        c.failed(VerifyReason::content_mismatch,
                 "The decision is not the one " + who(d) +
                     " signed: its canonical bytes differ from the signed ones (the decision was altered).");
        return c.result;
    }
    if (CMS_SignerInfo_verify(si) != 1) {
        ERR_clear_error();
        c.failed(VerifyReason::bad_signature,
                 "The signature value does not verify with the public key of " + who(d) + "'s certificate.");
        return c.result;
    }
    // CAdES: when signingCertificateV2 is present it must name this very certificate.
    const auto* ess = static_cast<const ASN1_STRING*>(CMS_signed_get0_data_by_OBJ(
        si, OBJ_nid2obj(NID_id_smime_aa_signingCertificateV2), -3, V_ASN1_SEQUENCE));
    if (ess != nullptr) {
        const unsigned char* q = ASN1_STRING_get0_data(ess);
        ESS_SIGNING_CERT_V2* sc = d2i_ESS_SIGNING_CERT_V2(nullptr, &q, ASN1_STRING_length(ess));
        ossl::X509StackPtr just_signer(sk_X509_new_null());
        X509_up_ref(signer);
        sk_X509_push(just_signer.get(), signer);
        const int match = sc ? OSSL_ESS_check_signing_certs(nullptr, sc, just_signer.get(), 0) : 0;
        ESS_SIGNING_CERT_V2_free(sc);
        ERR_clear_error();
        if (match <= 0) {
            c.failed(
                VerifyReason::signer_mismatch,
                "The signature's signingCertificateV2 attribute names another certificate than the one that "
                "signed (" +
                    who(d) + ").");
            return c.result;
        }
    }
    const Timestamp at = at_time.value_or(*d.signing_time);
    X509* issuer = nullptr;
    ossl::X509StackPtr cms_certs(CMS_get1_certs(cms.get()));
    if (!check_chain(c, signer, cms_certs.get(), at, !at_time.has_value(), &issuer))
        return c.result;
    ossl::X509Ptr issuer_holder(issuer);
    const uint32_t usage = X509_get_key_usage(signer);
    if ((X509_get_extension_flags(signer) & EXFLAG_KUSAGE) == 0 ||
        (usage & (KU_DIGITAL_SIGNATURE | KU_NON_REPUDIATION)) == 0) {
        c.failed(VerifyReason::key_usage,
                 "The certificate of " + who(d) +
                     " is not for signing: its key usage has neither digitalSignature "
                     "nor nonRepudiation.");
        return c.result;
    }
    if (!check_revocation(c, signer, issuer, expect.revocation_time.value_or(at)))
        return c.result;
    if (!expect.certificate_sha256.empty() && expect.certificate_sha256 != d.certificate_sha256) {
        c.failed(VerifyReason::not_registered,
                 "The decision is signed with " + who(d) + "'s certificate " + d.certificate_sha256 +
                     ", which is not the certificate registered for this officer (" +
                     expect.certificate_sha256 + ").");
        return c.result;
    }
    c.result.ok = true;
    c.result.reason = VerifyReason::none;
    c.result.message = "Valid signature by " + who(d) + ", issued by " + d.issuer + ", signed at " +
                       format_timestamp(*d.signing_time) + ".";
    return c.result;
}

}  // namespace jaanch::crypto
