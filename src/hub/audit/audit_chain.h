// The hash chain over the audit log.
//
// Each entry's hash is SHA-256 over `PREV_HASH "\n" CANONICAL`, where CANONICAL is the compact JSON of
// {seq, at, actor, action, subject, details, prev_hash} with keys sorted (nlohmann-json's default object
// order) and PREV_HASH is the previous entry's hash (64 zeros for the first). Changing, inserting or deleting
// any entry breaks every later link; `jaanch-hub audit verify` recomputes the chain and names the first entry
// that fails. Pure functions; verify_audit_chain reads through Storage and is safe while the hub runs.
#pragma once

#include <cstdint>
#include <string>

#include "hub/storage/storage.h"

namespace jaanch::hub {

inline const std::string kAuditGenesisHash(64, '0');

std::string audit_hash(const AuditEntry& entry);

struct AuditVerification {
    bool ok = true;
    std::int64_t entries = 0;
    std::int64_t first_broken_seq = 0;  // 0 when ok
    std::string message;                // a sentence for the operator
};

AuditVerification verify_audit_chain(Storage& storage);

}  // namespace jaanch::hub
