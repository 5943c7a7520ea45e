#include "hub/audit/audit_chain.h"

#include "hub/util/crypto_util.h"

namespace jaanch::hub {

std::string audit_hash(const AuditEntry& entry) {
    const json::Json canonical{{"seq", entry.seq},
                               {"at", format_timestamp(entry.at)},
                               {"actor", entry.actor},
                               {"action", entry.action},
                               {"subject", entry.subject},
                               {"details", entry.details},
                               {"prev_hash", entry.prev_hash}};
    return sha256_hex(entry.prev_hash + "\n" + canonical.dump());
}

AuditVerification verify_audit_chain(Storage& storage) {
    AuditVerification out;
    std::string expected_prev = kAuditGenesisHash;
    std::int64_t expected_seq = 1;
    for (;;) {
        const auto batch = storage.audit_after(expected_seq - 1, 1000);
        if (batch.empty())
            break;
        for (const auto& entry : batch) {
            std::string problem;
            if (entry.seq != expected_seq)
                problem = "entry " + std::to_string(expected_seq) + " is missing (the next one is " +
                          std::to_string(entry.seq) + ")";
            else if (entry.prev_hash != expected_prev)
                problem = "it does not link to the entry before it (prev_hash differs)";
            else if (audit_hash(entry) != entry.hash)
                problem = "its content does not match its hash (the entry was changed)";
            if (!problem.empty()) {
                out.ok = false;
                out.first_broken_seq = entry.seq;
                out.message =
                    "The audit chain is broken at entry " + std::to_string(entry.seq) + " (" + entry.action +
                    " by " + entry.actor + " at " + format_timestamp(entry.at) + "): " + problem +
                    ". Entries from there on cannot be trusted; restore the database from a backup and "
                    "compare.";
                return out;
            }
            ++out.entries;
            expected_prev = entry.hash;
            ++expected_seq;
        }
    }
    out.message = "The audit chain is intact: " + std::to_string(out.entries) + " entries verified.";
    return out;
}

}  // namespace jaanch::hub
