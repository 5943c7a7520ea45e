#include "sync/history_check.h"

#include <optional>

#include "crypto/canonical_json.h"
#include "crypto/verifier.h"
#include "util/sha256.h"

namespace jaanch::sync {

std::filesystem::path trust_dir_of(const store::Workspace& workspace) {
    return workspace.dir() / "trust";
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
        verifier.emplace(crypto::VerifyOptions{trust_dir_of(workspace), {}, std::nullopt});
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
            const auto result = verifier->verify(crypto::canonical_decision_bytes(record.decision), *der);
            m.mark = result.ok ? SignatureMark::valid : SignatureMark::invalid;
            m.reason = std::string(crypto::reason_name(result.reason));
            m.message = result.message;
        }
        out.push_back(std::move(m));
    }
    return out;
}

}  // namespace jaanch::sync
