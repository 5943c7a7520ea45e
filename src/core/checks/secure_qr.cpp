#include "checks/secure_qr.h"

#include <openssl/bn.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <zlib.h>

#include <algorithm>
#include <ctime>
#include <fstream>
#include <memory>
#include <sstream>

#include "catalogue/explain_text.h"

namespace jaanch::checks {

namespace {

constexpr std::uint8_t kDelimiter = 255;
constexpr std::size_t kSignatureSize = 256, kHashSize = 32;
constexpr std::size_t kMaxInflated = 1 << 20;  // real payloads are a few kilobytes; refuse gzip bombs

template <class T, void (*Free)(T*)>
struct Deleter {
    void operator()(T* p) const { Free(p); }
};
using BnPtr = std::unique_ptr<BIGNUM, Deleter<BIGNUM, BN_free>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509, X509_free>>;
using PkeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, Deleter<EVP_MD_CTX, EVP_MD_CTX_free>>;
using BioPtr = std::unique_ptr<BIO, Deleter<BIO, BIO_free_all>>;

std::string trim(std::string_view s) {
    const auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos)
        return {};
    const auto last = s.find_last_not_of(" \t\r\n");
    return std::string(s.substr(first, last - first + 1));
}

Bytes decimal_to_bytes(const std::string& digits) {
    BIGNUM* raw = nullptr;
    if (BN_dec2bn(&raw, digits.c_str()) != static_cast<int>(digits.size()))
        throw QrError("The QR's number could not be read as a decimal number; rescan the Aadhaar QR code.");
    BnPtr bn(raw);
    Bytes out(static_cast<std::size_t>(BN_num_bytes(bn.get())));
    BN_bn2bin(bn.get(), out.data());
    return out;
}

Bytes gunzip(const Bytes& in) {
    z_stream z{};
    if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK)
        throw QrError("zlib could not start inflating the QR payload.");
    Bytes out;
    std::uint8_t chunk[16384];
    z.next_in = const_cast<Bytef*>(in.data());
    z.avail_in = static_cast<uInt>(in.size());
    int rc = Z_OK;
    while (rc == Z_OK) {
        z.next_out = chunk;
        z.avail_out = sizeof chunk;
        rc = inflate(&z, Z_NO_FLUSH);
        out.insert(out.end(), chunk, chunk + (sizeof chunk - z.avail_out));
        if (out.size() > kMaxInflated)
            rc = Z_MEM_ERROR;
        if (rc == Z_BUF_ERROR && z.avail_in == 0)
            break;
    }
    inflateEnd(&z);
    if (rc != Z_STREAM_END)
        throw QrError(
            "The QR's payload is not a complete gzip stream: the QR is damaged or is not an Aadhaar "
            "Secure QR.");
    return out;
}

std::string latin1_to_utf8(const std::uint8_t* begin, const std::uint8_t* end) {
    std::string out;
    for (const auto* p = begin; p != end; ++p) {
        if (*p < 0x80) {
            out += static_cast<char>(*p);
        } else {
            out += static_cast<char>(0xC0 | (*p >> 6));
            out += static_cast<char>(0x80 | (*p & 0x3F));
        }
    }
    return out;
}

// The reference ID's timestamp, YYYYMMDDHHMMSSmmm in India Standard Time, as UTC.
std::optional<Timestamp> reference_time(const std::string& reference_id) {
    if (reference_id.size() < 4 + 14)
        return std::nullopt;
    const std::string t = reference_id.substr(4, 14);
    if (!std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    const std::string rfc = t.substr(0, 4) + "-" + t.substr(4, 2) + "-" + t.substr(6, 2) + "T" +
                            t.substr(8, 2) + ":" + t.substr(10, 2) + ":" + t.substr(12, 2) + "+05:30";
    return parse_timestamp(rfc);
}

AadhaarQr parse_secure(const std::string& digits) {
    const Bytes data = gunzip(decimal_to_bytes(digits));
    AadhaarQr qr;
    const bool v2 = data.size() > 3 && data[0] == 'V' && data[1] == '2' && data[2] == kDelimiter;
    if (!v2 && data.size() > 2 && data[0] == 'V' && data[2] == kDelimiter)
        throw QrError("This Aadhaar Secure QR is of version V" + std::string(1, static_cast<char>(data[1])) +
                      ", which Jaanch does not know yet; compare it by eye and report it to support.");
    qr.kind = v2 ? QrKind::secure_v2 : QrKind::secure_v1;
    const std::size_t field_count = v2 ? 18 : 16;
    std::vector<std::string> fields;
    std::size_t start = 0;
    for (std::size_t i = 0; i < data.size() && fields.size() < field_count; ++i) {
        if (data[i] != kDelimiter)
            continue;
        fields.push_back(latin1_to_utf8(data.data() + start, data.data() + i));
        start = i + 1;
    }
    if (fields.size() < field_count)
        throw QrError("The Aadhaar QR has " + std::to_string(fields.size()) + " text fields where " +
                      std::to_string(field_count) +
                      " were expected: it is damaged or not an Aadhaar Secure QR.");
    const std::size_t o = v2 ? 1 : 0;  // V2 puts its version marker first
    const std::string& indicator = fields[o];
    if (indicator.size() != 1 || indicator[0] < '0' || indicator[0] > '3')
        throw QrError("The Aadhaar QR's e-mail/mobile indicator \"" + indicator + "\" is not 0 to 3.");
    qr.email_mobile_indicator = indicator[0] - '0';
    qr.reference_id = fields[o + 1];
    qr.aadhaar_last4 = qr.reference_id.substr(0, std::min<std::size_t>(4, qr.reference_id.size()));
    qr.generated_at = reference_time(qr.reference_id);
    std::string* targets[] = {&qr.name,     &qr.date_of_birth, &qr.gender,       &qr.care_of, &qr.district,
                              &qr.landmark, &qr.house,         &qr.location,     &qr.pincode, &qr.post_office,
                              &qr.state,    &qr.street,        &qr.sub_district, &qr.vtc};
    for (std::size_t k = 0; k < std::size(targets); ++k)
        *targets[k] = fields[o + 2 + k];
    if (v2)
        qr.mobile_last4 = fields[17];

    const std::size_t hashes = (qr.email_mobile_indicator == 3 ? 2 : qr.email_mobile_indicator == 0 ? 0 : 1);
    const std::size_t tail = kSignatureSize + hashes * kHashSize;
    if (data.size() < start + tail)
        throw QrError("The Aadhaar QR ends before its signature: it is truncated or damaged.");
    const std::size_t signature_at = data.size() - kSignatureSize;
    qr.signed_data.assign(data.begin(), data.begin() + static_cast<long>(signature_at));
    qr.signature.assign(data.begin() + static_cast<long>(signature_at), data.end());
    std::size_t photo_end = signature_at;
    auto take_hash = [&]() {
        photo_end -= kHashSize;
        return Bytes(data.begin() + static_cast<long>(photo_end),
                     data.begin() + static_cast<long>(photo_end + kHashSize));
    };
    if (qr.email_mobile_indicator == 2 || qr.email_mobile_indicator == 3)
        qr.mobile_hash = take_hash();
    if (qr.email_mobile_indicator == 1 || qr.email_mobile_indicator == 3)
        qr.email_hash = take_hash();
    qr.photo.assign(data.begin() + static_cast<long>(start), data.begin() + static_cast<long>(photo_end));
    return qr;
}

// The attributes of the one element of an XML QR, entity references decoded.
std::string xml_attribute(const std::string& xml, const std::string& name) {
    for (std::size_t at = xml.find(name + "="); at != std::string::npos; at = xml.find(name + "=", at + 1)) {
        const char before = at == 0 ? ' ' : xml[at - 1];
        if (before != ' ' && before != '\t' && before != '\n' && before != '\r')
            continue;
        const std::size_t q = at + name.size() + 1;
        if (q >= xml.size() || (xml[q] != '"' && xml[q] != '\''))
            continue;
        const std::size_t end = xml.find(xml[q], q + 1);
        if (end == std::string::npos)
            return {};
        std::string value = xml.substr(q + 1, end - q - 1);
        static const std::pair<const char*, const char*> kEntities[] = {
            {"&quot;", "\""}, {"&apos;", "'"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&amp;", "&"}};
        for (const auto& [entity, plain] : kEntities) {
            for (auto p = value.find(entity); p != std::string::npos; p = value.find(entity, p + 1))
                value.replace(p, std::string_view(entity).size(), plain);
        }
        return value;
    }
    return {};
}

AadhaarQr parse_xml(const std::string& xml) {
    if (xml.find("PrintLetterBarcodeData") == std::string::npos)
        throw QrError("The QR holds XML, but not an Aadhaar letter's PrintLetterBarcodeData.");
    AadhaarQr qr;
    qr.kind = QrKind::xml_unsigned;
    std::string uid;
    for (char c : xml_attribute(xml, "uid")) {
        if (c >= '0' && c <= '9')
            uid += c;
    }
    qr.aadhaar_last4 = uid.size() >= 4 ? uid.substr(uid.size() - 4) : "";
    qr.name = xml_attribute(xml, "name");
    qr.gender = xml_attribute(xml, "gender");
    qr.date_of_birth = xml_attribute(xml, "dob");
    if (qr.date_of_birth.empty())
        qr.date_of_birth = xml_attribute(xml, "yob");
    qr.care_of = xml_attribute(xml, "co");
    qr.house = xml_attribute(xml, "house");
    qr.street = xml_attribute(xml, "street");
    qr.landmark = xml_attribute(xml, "lm");
    qr.location = xml_attribute(xml, "loc");
    qr.vtc = xml_attribute(xml, "vtc");
    qr.post_office = xml_attribute(xml, "po");
    qr.district = xml_attribute(xml, "dist");
    qr.sub_district = xml_attribute(xml, "subdist");
    qr.state = xml_attribute(xml, "state");
    qr.pincode = xml_attribute(xml, "pc");
    return qr;
}

Timestamp asn1_time(const ASN1_TIME* t) {
    std::tm tm{};
    if (ASN1_TIME_to_tm(t, &tm) != 1)
        throw QrError("A trusted certificate has an unreadable validity date.");
    return Timestamp{std::chrono::seconds{timegm(&tm)}};
}

X509Ptr read_certificate(std::string_view bytes) {
    BioPtr bio(BIO_new_mem_buf(bytes.data(), static_cast<int>(bytes.size())));
    X509Ptr cert(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
    if (!cert) {
        const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
        cert.reset(d2i_X509(nullptr, &p, static_cast<long>(bytes.size())));
    }
    return cert;
}

bool rsa_sha256_verifies(const std::string& der, const Bytes& data, const Bytes& signature) {
    X509Ptr cert = read_certificate(der);
    if (!cert)
        return false;
    PkeyPtr key(X509_get_pubkey(cert.get()));
    MdCtxPtr ctx(EVP_MD_CTX_new());
    return key && ctx && EVP_DigestVerifyInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key.get()) == 1 &&
           EVP_DigestVerify(ctx.get(), signature.data(), signature.size(), data.data(), data.size()) == 1;
}

std::string hex(const unsigned char* p, std::size_t n) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (std::size_t i = 0; i < n; ++i) {
        out += kHex[p[i] >> 4];
        out += kHex[p[i] & 15];
    }
    return out;
}

}  // namespace

std::string_view qr_kind_name(QrKind k) {
    switch (k) {
        case QrKind::secure_v1:
            return "secure";
        case QrKind::secure_v2:
            return "secure-v2";
        case QrKind::xml_unsigned:
            return "xml-unsigned";
    }
    return "secure";
}

std::string_view qr_signature_name(QrSignature s) {
    switch (s) {
        case QrSignature::valid:
            return "valid";
        case QrSignature::invalid:
            return "invalid";
        case QrSignature::no_certificate_for_time:
            return "no-certificate-for-time";
        case QrSignature::not_checked:
            return "not-checked";
        case QrSignature::unsigned_qr:
            return "unsigned";
    }
    return "not-checked";
}

std::string AadhaarQr::masked_aadhaar() const {
    return "XXXX-XXXX-" + (aadhaar_last4.size() == 4 ? aadhaar_last4 : std::string("XXXX"));
}

AadhaarQr parse_aadhaar_qr(std::string_view qr_text) {
    std::string text = trim(qr_text);
    if (text.rfind("\xEF\xBB\xBF", 0) == 0)
        text = trim(text.substr(3));
    if (!text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return parse_secure(text);
    if (!text.empty() && text[0] == '<')
        return parse_xml(text);
    throw QrError("This QR code is not an Aadhaar QR: it holds neither a Secure QR number nor Aadhaar XML.");
}

Bytes contact_hash(std::string_view value, char last_aadhaar_digit) {
    const int rounds = last_aadhaar_digit >= '2' && last_aadhaar_digit <= '9' ? last_aadhaar_digit - '0' : 1;
    std::string current(value);
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    for (int i = 0; i < rounds; ++i) {
        if (i > 0)
            current = hex(digest, length);
        EVP_Digest(current.data(), current.size(), digest, &length, EVP_sha256(), nullptr);
    }
    return Bytes(digest, digest + length);
}

bool contact_matches(const AadhaarQr& qr, std::string_view email_or_mobile, bool is_mobile) {
    const auto& stored = is_mobile ? qr.mobile_hash : qr.email_hash;
    if (!stored || qr.aadhaar_last4.size() != 4)
        return false;
    return contact_hash(email_or_mobile, qr.aadhaar_last4.back()) == *stored;
}

TrustStore TrustStore::load_folder(const std::filesystem::path& folder) {
    std::error_code ec;
    if (!std::filesystem::is_directory(folder, ec))
        throw QrError("The trust folder " + folder.string() +
                      " does not exist; put UIDAI's signing certificates "
                      "(.pem, .crt or .cer) there.");
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) {
        const auto ext = entry.path().extension().string();
        if (entry.is_regular_file() && (ext == ".pem" || ext == ".crt" || ext == ".cer"))
            files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    TrustStore store;
    for (const auto& file : files) {
        std::ifstream in(file, std::ios::binary);
        std::stringstream s;
        s << in.rdbuf();
        store.add(s.str(), file.string());
    }
    return store;
}

void TrustStore::add(std::string_view pem_or_der, const std::string& file) {
    X509Ptr cert = read_certificate(pem_or_der);
    if (!cert)
        throw QrError(file + " is not an X.509 certificate (PEM or DER); remove it from the trust folder.");
    Certificate c;
    c.file = file;
    char subject[512];
    X509_NAME_oneline(X509_get_subject_name(cert.get()), subject, sizeof subject);
    c.subject = subject;
    c.not_before = asn1_time(X509_get0_notBefore(cert.get()));
    c.not_after = asn1_time(X509_get0_notAfter(cert.get()));
    unsigned char* der = nullptr;
    const int length = i2d_X509(cert.get(), &der);
    c.der.assign(reinterpret_cast<char*>(der), static_cast<std::size_t>(length));
    OPENSSL_free(der);
    certificates_.push_back(std::move(c));
}

SignatureCheck verify_signature(const AadhaarQr& qr, const TrustStore* trust) {
    if (qr.kind == QrKind::xml_unsigned)
        return {
            QrSignature::unsigned_qr,
            {},
            {"An old XML QR carries no signature: it proves nothing; check the printed letter and the photo.",
             "पुराने XML क्यूआर पर कोई हस्ताक्षर नहीं होता: यह कुछ सिद्ध नहीं करता; मुद्रित पत्र और फ़ोटो जाँचें।"}};
    if (trust == nullptr || trust->certificates().empty())
        return {QrSignature::not_checked,
                {},
                {"The signature was not checked: no UIDAI certificate is configured.",
                 "हस्ताक्षर की जाँच नहीं हुई: कोई यूआईडीएआई प्रमाणपत्र विन्यस्त नहीं है।"}};
    std::vector<const TrustStore::Certificate*> in_time;
    for (const auto& c : trust->certificates()) {
        if (!qr.generated_at || (*qr.generated_at >= c.not_before && *qr.generated_at <= c.not_after))
            in_time.push_back(&c);
    }
    for (const auto* c : in_time) {
        if (rsa_sha256_verifies(c->der, qr.signed_data, qr.signature))
            return {QrSignature::valid,
                    c->subject,
                    {"Signed by UIDAI (" + c->subject + "); the data has not been altered.",
                     "यूआईडीएआई द्वारा हस्ताक्षरित (" + c->subject + "); डेटा में कोई परिवर्तन नहीं हुआ है।"}};
    }
    if (in_time.empty()) {
        const auto when = catalogue::human_date(date_of(*qr.generated_at));
        return {QrSignature::no_certificate_for_time,
                {},
                {"No trusted UIDAI certificate was valid when this QR was made (" + when.en +
                     "); add that period's certificate to the trust folder.",
                 "यह क्यूआर बनने के समय (" + when.hi +
                     ") कोई विश्वसनीय यूआईडीएआई प्रमाणपत्र मान्य नहीं था; उस अवधि का प्रमाणपत्र ट्रस्ट फ़ोल्डर में जोड़ें।"}};
    }
    return {QrSignature::invalid,
            {},
            {"The signature does not match: the QR was altered or not made by UIDAI. Treat the document as "
             "suspect.",
             "हस्ताक्षर मेल नहीं खाता: क्यूआर बदला गया है या यूआईडीएआई द्वारा नहीं बना। दस्तावेज़ को संदिग्ध मानें।"}};
}

}  // namespace jaanch::checks
