// Small helpers over OpenSSL's C API for the crypto module: owning pointers, the error queue as text,
// time conversions and hex. Internal to src/core/crypto (and its tests); nothing here is a public contract.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/evp.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include "util/time.h"

namespace jaanch::crypto::ossl {

template <class T, void (*Free)(T*)>
struct Deleter {
    void operator()(T* p) const { Free(p); }
};

inline void free_x509_stack(STACK_OF(X509) * s) {
    sk_X509_pop_free(s, X509_free);
}
inline void free_bio(BIO* b) {
    BIO_free_all(b);
}

using X509Ptr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using X509StackPtr = std::unique_ptr<STACK_OF(X509), Deleter<STACK_OF(X509), free_x509_stack>>;
using X509CrlPtr = std::unique_ptr<X509_CRL, Deleter<X509_CRL, X509_CRL_free>>;
using X509StorePtr = std::unique_ptr<X509_STORE, Deleter<X509_STORE, X509_STORE_free>>;
using X509StoreCtxPtr = std::unique_ptr<X509_STORE_CTX, Deleter<X509_STORE_CTX, X509_STORE_CTX_free>>;
using X509NamePtr = std::unique_ptr<X509_NAME, Deleter<X509_NAME, X509_NAME_free>>;
using EvpPkeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using EvpPkeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, Deleter<EVP_PKEY_CTX, EVP_PKEY_CTX_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO, free_bio>>;
using CmsPtr = std::unique_ptr<CMS_ContentInfo, Deleter<CMS_ContentInfo, CMS_ContentInfo_free>>;
using Pkcs12Ptr = std::unique_ptr<PKCS12, Deleter<PKCS12, PKCS12_free>>;
using Asn1TimePtr = std::unique_ptr<ASN1_TIME, Deleter<ASN1_TIME, ASN1_TIME_free>>;
using Asn1IntegerPtr = std::unique_ptr<ASN1_INTEGER, Deleter<ASN1_INTEGER, ASN1_INTEGER_free>>;
using BignumPtr = std::unique_ptr<BIGNUM, Deleter<BIGNUM, BN_free>>;

// Drains OpenSSL's error queue of this thread into one line ("error:…; error:…"); "" when empty.
std::string take_errors();

// A read-only memory BIO over bytes that outlive it.
BioPtr memory_bio(std::string_view bytes);
// Everything written into a memory BIO so far.
std::string bio_contents(BIO* bio);

std::string to_der(X509* cert);
X509Ptr x509_from_der(std::string_view der);

std::string sha256_hex(std::string_view bytes);
std::string hex(const unsigned char* data, std::size_t size, bool upper = false);

// ASN1_TIME (UTCTime or GeneralizedTime) to a timestamp; nullopt when it does not parse.
std::optional<Timestamp> to_timestamp(const ASN1_TIME* t);
Asn1TimePtr to_asn1_time(Timestamp t);
time_t to_time_t(Timestamp t);

// RFC 2253 text of a name, and the first value of one attribute (e.g. NID_commonName), UTF-8.
std::string name_text(const X509_NAME* name);
std::string name_entry(const X509_NAME* name, int nid);
std::string serial_hex(const X509* cert);  // uppercase, no separators

}  // namespace jaanch::crypto::ossl
