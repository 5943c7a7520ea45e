#include "sync/history_check.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <optional>

#include "crypto/canonical_json.h"
#include "crypto/verifier.h"
#include "util/sha256.h"

namespace jaanch::sync {

std::filesystem::path trust_dir_of(const store::Workspace& workspace) {
    return workspace.dir() / "trust";
}

std::filesystem::path crl_dir_of(const store::Workspace& workspace) {
    return workspace.dir() / "crl";
}

namespace {

void write_file(const std::filesystem::path& file, std::string_view bytes) {
    const auto temp = file.parent_path() / ("." + file.filename().string() + ".tmp");
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        if (!out.flush())
            throw Error("Cannot write " + temp.string() + "; check the disk's free space and permissions.");
    }
    std::filesystem::rename(temp, file);
}

constexpr const char* kAllowedFile = "allowed-without-crl.json";

crypto::VerifyOptions options_for(const store::Workspace& workspace) {
    crypto::VerifyOptions o;
    o.trust_dir = trust_dir_of(workspace);
    const auto dir = crl_dir_of(workspace);
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec))
        return o;  // never synced with a hub that serves CRLs: revocation is not checked
    o.require_revocation = true;
    o.stale_crl = crypto::StaleCrl::warn;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.path().extension() == ".crl")
            o.crl_files.push_back(entry.path());
    }
    std::sort(o.crl_files.begin(), o.crl_files.end());
    std::ifstream in(dir / kAllowedFile);
    if (in) {
        const std::string text((std::istreambuf_iterator<char>(in)), {});
        for (const auto& subject : json::parse_text(text, (dir / kAllowedFile).string()))
            o.issuers_without_crl.push_back(subject.get<std::string>());
    }
    return o;
}

}  // namespace

void store_crls(store::Workspace& workspace, const HubCrls& crls) {
    const auto dir = crl_dir_of(workspace);
    std::filesystem::create_directories(dir);
    // CRLs are only ever added: the verifier judges by the newest valid CRL of each CA among all it holds,
    // so a hub that sends an older CRL, or none, cannot take back a revocation this workstation has seen.
    for (const auto& der : crls.crls_der)
        write_file(dir / (sha256_hex(der).substr(0, 32) + ".crl"), der);
    write_file(dir / kAllowedFile, json::Json(crls.allowed_without_crl).dump());
}

void store_history(store::Workspace& workspace, const std::string& number,
                   const std::vector<HistorySignature>& signatures, Timestamp now) {
    store::ReviewStore review(workspace);
    for (const auto& s : signatures)
        review.put_signature(s.decision_id, number, s.signature_der, now);
}

std::vector<HistoryMark> check_history(store::Workspace& workspace, const model::Application& app) {
    std::vector<HistoryMark> out;
    if (app.history.empty())
        return out;
    std::optional<crypto::Verifier> verifier;
    std::string trust_problem;
    try {
        verifier.emplace(options_for(workspace));
    } catch (const std::exception& e) {
        trust_problem = std::string("The signature cannot be checked: ") + e.what();
    }
    store::ReviewStore review(workspace);
    for (const auto& record : app.history) {
        HistoryMark m;
        m.decision_id = record.decision.id;
        const auto der = review.signature(record.decision.id);
        if (!der) {
            m.message = "The signature of this decision has not been fetched from the hub yet.";
        } else if (!verifier) {
            m.mark = SignatureMark::no_trust;
            m.reason = "no_trust";
            m.message = trust_problem;
        } else if (sha256_hex(*der) != record.signature_sha256) {
            // The bytes are not the ones the hub recorded beside this decision.
            m.mark = SignatureMark::invalid;
            m.reason = "digest_mismatch";
            m.message = "The signature held for this decision is not the one the hub recorded with it.";
        } else {
            crypto::VerifyExpectations expect;
            expect.revocation_time = record.applied_at;  // as the hub judged it on receipt
            const auto result =
                verifier->verify(crypto::canonical_decision_bytes(record.decision), *der, expect);
            m.mark = result.ok ? SignatureMark::valid : SignatureMark::invalid;
            m.reason = std::string(crypto::reason_name(result.reason));
            m.message = result.message;
            if (result.ok && result.crl_stale)
                m.message += " " + result.crl_warning;
        }
        out.push_back(std::move(m));
    }
    return out;
}

}  // namespace jaanch::sync
