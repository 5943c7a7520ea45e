// The Aadhaar Secure QR printed on Aadhaar letters and e-Aadhaar (UIDAI, 2019 onwards), and the older XML QR.
//
// Secure QR: the QR holds a big decimal number → its big-endian bytes → a gzip stream → fields separated by
// byte 255: (V2: "V2", then) e-mail/mobile indicator, reference ID (last 4 Aadhaar digits + timestamp
// YYYYMMDDHHMMSSmmm), name, date of birth, gender, care of, district, landmark, house, location, PIN code,
// post office, state, street, sub-district, VTC (V2: and the mobile's last 4 digits) — 16 fields, or 18 for
// V2. Then a JPEG 2000 photo that itself contains 255s (never split), the optional SHA-256 hashes of e-mail
// and mobile (32 bytes each, per the indicator) and a 256-byte RSA-SHA256 signature over everything before
// it. Text is ISO-8859-1 (converted to UTF-8 here).
//
// The XML QR (<PrintLetterBarcodeData uid=… name=… />) is unsigned and proves nothing; it is parsed so that
// the officer is told so. Its full Aadhaar number is masked on parsing and never kept.
//
// Pure functions and value types; thread-safe. Errors: QrError, with a sentence for the officer.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "catalogue/service_definition.h"
#include "util/error.h"
#include "util/time.h"

namespace jaanch::checks {

class QrError : public Error {
  public:
    using Error::Error;
};

using Bytes = std::vector<std::uint8_t>;

enum class QrKind { secure_v1, secure_v2, xml_unsigned };
std::string_view qr_kind_name(QrKind k);  // "secure", "secure-v2", "xml-unsigned"

struct AadhaarQr {
    QrKind kind = QrKind::secure_v1;
    int email_mobile_indicator = 0;  // 0 none, 1 e-mail, 2 mobile, 3 both
    std::string reference_id;        // secure QR: last 4 Aadhaar digits + timestamp
    std::string aadhaar_last4;
    std::optional<Timestamp> generated_at;  // the reference ID's timestamp (IST), as UTC
    std::string name, date_of_birth, gender;
    std::string care_of, district, landmark, house, location, pincode, post_office, state, street,
        sub_district, vtc;
    std::string mobile_last4;  // V2 only
    Bytes photo;               // JPEG 2000 as stored in the QR
    std::optional<Bytes> email_hash, mobile_hash;
    Bytes signed_data;  // everything before the signature
    Bytes signature;    // 256 bytes; empty for the XML QR

    // "XXXX-XXXX-1234" from the last four digits.
    std::string masked_aadhaar() const;
};

// Parses the text of a scanned Aadhaar QR: all digits → Secure QR, starting with "<" → XML QR. Throws QrError
// for anything else, a corrupt payload, or an unknown version.
AadhaarQr parse_aadhaar_qr(std::string_view qr_text);

// SHA-256 applied N times (N = the last Aadhaar digit; 0 and 1 mean once), each round over the previous
// round's lowercase hex, as the Secure QR stores contact hashes.
Bytes contact_hash(std::string_view email_or_mobile, char last_aadhaar_digit);
// Whether a stored hash belongs to this e-mail or mobile. False when the QR carries no such hash.
bool contact_matches(const AadhaarQr& qr, std::string_view email_or_mobile, bool is_mobile);

// UIDAI's signing certificates, several at once because UIDAI rotates them: each QR is checked against the
// certificates valid at the QR's timestamp.
class TrustStore {
  public:
    struct Certificate {
        std::string file;     // where it came from
        std::string subject;  // one-line subject name
        Timestamp not_before{}, not_after{};
        std::string der;
    };
    // Every *.pem, *.crt, *.cer file (PEM or DER) in `folder`. Throws QrError when the folder is missing or a
    // file there is not a certificate.
    static TrustStore load_folder(const std::filesystem::path& folder);
    void add(std::string_view pem_or_der, const std::string& file);
    const std::vector<Certificate>& certificates() const { return certificates_; }

  private:
    std::vector<Certificate> certificates_;
};

enum class QrSignature { valid, invalid, no_certificate_for_time, not_checked, unsigned_qr };
std::string_view qr_signature_name(QrSignature s);  // "valid", "invalid", "no-certificate-for-time" …

struct SignatureCheck {
    QrSignature verdict = QrSignature::not_checked;
    std::string certificate;  // subject of the certificate that verified it
    catalogue::LocalizedText reason;
};

// Verifies the RSA-SHA256 signature against the trusted certificates valid at the QR's time. Without a trust
// store the verdict is not_checked; an XML QR is unsigned_qr.
SignatureCheck verify_signature(const AadhaarQr& qr, const TrustStore* trust);

}  // namespace jaanch::checks
