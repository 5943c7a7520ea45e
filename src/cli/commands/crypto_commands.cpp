// `sign`, `verify`, `canonical` and `pki demo`: decision signatures from the command line
// (docs/signatures.md).
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <memory>
#include <optional>

#include <openssl/crypto.h>

#include "command.h"
#include "crypto/application_content.h"
#include "crypto/canonical_json.h"
#include "crypto/pkcs11_signer.h"
#include "crypto/pkcs12_signer.h"
#include "crypto/test_pki.h"
#include "crypto/verifier.h"
#include "util/error.h"
#include "util/sha256.h"
#include "workspace_options.h"

namespace jaanch::cli {
namespace {

std::string read_file(const std::string& path, const char* what) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw Error("Cannot read the " + std::string(what) + " " + path + ". Check the path.");
    return std::string(std::istreambuf_iterator<char>(in), {});
}

void write_file(const std::string& path, std::string_view bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out)
        throw Error("Cannot write " + path + ". Check the folder and its permissions.");
}

std::string canonical_of(const std::string& path) {
    return crypto::canonical_decision_bytes_from_text(read_file(path, "decision file"), path);
}

// A PIN or password from a file, or from standard input when the file is "-".

int sign(const std::vector<std::string>& words, Io io) {
    const Args args(words, {"in", "out", "p12", "password-file", "pkcs11-module", "token", "token-serial",
                            "key-label", "key-id", "pin-file"});
    const std::string in = args.require("in"), out = args.require("out");
    const std::string canonical = canonical_of(in);
    auto signer = open_signer_from(args);
    const std::string der = signer->sign(canonical);
    write_file(out, der);
    const crypto::SignerDetails who = crypto::describe_certificate(signer->certificate_der());
    io.out << "Signed " << in << " as " << who.common_name << " (serial " << who.serial
           << ", certificate SHA-256 " << who.certificate_sha256 << ")\n  with " << signer->description()
           << "\n  -> " << out << " (" << der.size() << " bytes, DER CMS)\n";
    return kOk;
}

void print_signer(const crypto::SignerDetails& s, std::ostream& out) {
    out << "Signer:      " << s.common_name << "\n"
        << "Subject:     " << s.subject << "\n"
        << "Serial:      " << s.serial << "\n"
        << "Issuer:      " << s.issuer << "\n"
        << "Valid:       " << format_timestamp(s.not_before) << " to " << format_timestamp(s.not_after)
        << "\n"
        << "Signed at:   " << (s.signing_time ? format_timestamp(*s.signing_time) : std::string("(none)"))
        << "\n"
        << "Certificate: SHA-256 " << s.certificate_sha256 << "\n";
}

std::string format_line(const model::Decision& d) {
    if (d.format == model::kDecisionFormatFirst)
        return "1 (signed before decisions bound the content: it names only the application and its version)";
    return std::to_string(d.format) + " (binds the application's content and documents)";
}

// The bytes held for a document: DIR/ID, DIR/SHA256, or the hub's layout DIR/ab/cdef….
std::optional<std::string> document_bytes(const std::filesystem::path& dir,
                                          const model::DocumentReview& doc) {
    for (const auto& candidate :
         {dir / doc.document, dir / doc.sha256, dir / doc.sha256.substr(0, 2) / doc.sha256.substr(2)}) {
        std::error_code ec;
        if (std::filesystem::is_regular_file(candidate, ec))
            return read_file(candidate.string(), "document file");
    }
    return std::nullopt;
}

// Compares the application (and the documents' bytes, when given) with what the decision bound.
bool content_verdict(const model::Decision& d, const Args& args, std::ostream& out) {
    const std::string app_path = args.require("application");
    if (d.format == model::kDecisionFormatFirst) {
        out << "Content:     NOT BOUND. A format 1 decision does not say what content it was made on; only "
               "the application number and version can be compared.\n";
        return false;
    }
    // The application alone, or the portal's answer {"application", "recorded_content_sha256"} as it came.
    const json::Json given = json::parse_text(read_file(app_path, "application file"), app_path);
    const bool wrapped = given.is_object() && given.contains("recorded_content_sha256");
    model::Application app;
    model::read_value(wrapped ? given.at("application") : given, wrapped ? "$.application" : "$", app);
    std::map<std::string, std::string> bytes_sha256;
    std::vector<std::string> missing;
    if (auto dir = args.get("documents")) {
        for (const auto& doc : d.documents) {
            if (auto bytes = document_bytes(*dir, doc))
                bytes_sha256[doc.document] = sha256_hex(*bytes);
            else
                missing.push_back(doc.document);
        }
    }
    const crypto::ContentComparison comparison = crypto::compare_content(d, app, bytes_sha256);
    for (const auto& id : missing)
        out << "Document:    " << id << " not found under " << *args.get("documents")
            << " (its bytes were not compared)\n";
    if (comparison.matches()) {
        out << "Content:     MATCHES what the officer signed (content SHA-256 " << d.content_sha256 << ", "
            << d.documents.size() << " document" << (d.documents.size() == 1 ? "" : "s")
            << (args.get("documents") && missing.empty() ? ", bytes compared" : "") << ").\n";
        return true;
    }
    out << "Content:     DIFFERS from what the officer signed: " << crypto::describe(comparison) << ".\n";
    return false;
}

int verify(const std::vector<std::string>& words, Io io) {
    const Args args(words, {"in", "sig", "trust", "crl", "at", "expect-cert", "application", "documents"});
    crypto::VerifyOptions options;
    options.trust_dir = args.require("trust");
    if (auto crl = args.get("crl"))
        options.crl_files.emplace_back(*crl);
    if (auto at = args.get("at")) {
        options.at_time = parse_timestamp(*at);
        if (!options.at_time)
            throw UsageError("--at needs an RFC 3339 time such as 2026-11-20T10:15:00Z");
    }
    crypto::VerifyExpectations expect;
    expect.certificate_sha256 = args.get("expect-cert").value_or("");
    const std::string in = args.require("in");
    const std::string text = read_file(in, "decision file");
    const std::string canonical = crypto::canonical_decision_bytes_from_text(text, in);
    const model::Decision decision = model::parse_decision(text, in);
    const std::string der = read_file(args.require("sig"), "signature file");
    const crypto::VerifyResult result = crypto::Verifier(options).verify(canonical, der, expect);
    io.out << "Format:      " << format_line(decision) << "\n";
    if (result.signer)
        print_signer(*result.signer, io.out);
    if (result.ok) {
        io.out << "Verdict:     VALID. " << result.message << "\n";
        if (args.get("application"))
            return content_verdict(decision, args, io.out) ? kOk : kFailed;
        return kOk;
    }
    io.out << "Verdict:     INVALID (" << crypto::reason_name(result.reason) << "). " << result.message
           << "\n";
    return kFailed;
}

int canonical(const std::vector<std::string>& words, Io io) {
    const Args args(words, {"in", "out"});
    const std::string bytes = canonical_of(args.require("in"));
    if (auto out = args.get("out")) {
        write_file(*out, bytes);
    } else {
        io.out << bytes;  // exactly the signed bytes: no newline added
    }
    return kOk;
}

int pki_demo(const std::vector<std::string>& words, Io io) {
    const Args args(words, {"out", "softhsm-module"}, {"no-token"});
    crypto::TestPkiOptions options;
    options.out_dir = args.require("out");
    options.with_token = !args.has("no-token");
    if (auto module = args.get("softhsm-module"))
        options.softhsm_module = *module;
    const crypto::TestPki pki = crypto::generate_test_pki(options);
    io.out << "TEST ONLY PKI written to " << pki.dir.string() << "\n"
           << "  trust anchors: " << pki.trust_dir.string() << "  (openssl: " << pki.ca_bundle.string()
           << ")\n"
           << "  CRL:           " << pki.crl.string() << "\n"
           << "  passwords:     " << pki.password_file.string() << "\n";
    for (const auto& o : pki.officers)
        io.out << "  officer " << o.id << " (" << o.role << ", " << o.level << "): " << o.p12.string()
               << "\n";
    if (pki.has_token) {
        io.out << "  token \"" << pki.token.label << "\" (key \"" << pki.token.key_label << "\", PIN in "
               << pki.token.pin_file.string() << "): export SOFTHSM2_CONF=" << pki.token.config.string()
               << "\n";
    }
    return kOk;
}

}  // namespace

void add_crypto_commands(CommandList& commands) {
    commands.push_back({"sign",
                        "sign a decision (its RFC 8785 canonical bytes) with a DSC: detached CMS, DER",
                        "--in DECISION.json --out SIG.p7s (--p12 FILE --password-file F | --pkcs11-module SO "
                        "[--token LABEL | --token-serial S] [--key-label L | --key-id HEX] --pin-file F)",
                        sign});
    commands.push_back(
        {"verify", "verify a decision's signature: content, chain, validity, key usage, revocation",
         "--in DECISION.json --sig SIG.p7s --trust DIR [--crl FILE] [--at TIME] [--expect-cert SHA256] "
         "[--application APPLICATION.json [--documents DIR]]",
         verify});
    commands.push_back({"canonical", "print the canonical bytes (RFC 8785 JCS) of a decision: what is signed",
                        "--in DECISION.json [--out FILE]", canonical});
    commands.push_back({"pki demo",
                        "create a TEST-ONLY PKI: CAs, officer DSCs, CRL, PKCS#12 files, SoftHSM2 token",
                        "--out DIR [--no-token] [--softhsm-module SO]", pki_demo});
}

}  // namespace jaanch::cli
