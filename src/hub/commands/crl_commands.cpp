// Revocation admin commands on a data folder: crl add|list|fetch|policy, ca allow-without-crl|require-crl.
// Each change is audited and bumps crl_generation, so a running `jaanch-hub serve` on the same folder uses it
// from its next decision (signature/crl_store.h).
#include <fstream>
#include <iostream>
#include <iterator>

#include "crypto/verifier.h"
#include "hub/commands/hub_commands.h"
#include "hub/hub_data.h"
#include "hub/signature/crl_fetch.h"
#include "hub/signature/crl_store.h"

namespace jaanch::hub {
namespace {

using cli::Args;
using cli::Io;
using cli::UsageError;

std::string read_bytes(const std::string& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw Error("Cannot read " + file + ".");
    return std::string(std::istreambuf_iterator<char>(in), {});
}

CrlStore store_of(const DataPaths& paths) {
    return CrlStore(paths.trust(), paths.crl());
}

std::string next_text(const crypto::CrlDescription& crl) {
    return crl.next_update ? format_timestamp(*crl.next_update) : "(none)";
}

int crl_add(const std::vector<std::string>& words, Io io) {
    const Args args(words, {"data"});
    if (args.positionals().empty())
        throw UsageError("give the CRL file(s) to add");
    const DataPaths paths{args.require("data")};
    auto storage = open_storage(paths);
    const CrlStore store = store_of(paths);
    for (const auto& file : args.positionals()) {
        const CrlAdded added = store.add(read_bytes(file), *storage, "admin", now_utc());
        const auto& crl = added.crl;
        switch (added.outcome) {
            case CrlAddition::added:
            case CrlAddition::replaced:
                io.out << (added.outcome == CrlAddition::added ? "Added" : "Replaced") << " the CRL of \""
                       << crl.issuer << "\" (issued " << format_timestamp(crl.this_update) << ", next update "
                       << next_text(crl) << ", " << crl.entries << " revoked).\n";
                break;
            case CrlAddition::already_held:
                io.out << "The CRL of \"" << crl.issuer << "\" in " << file << " is already held.\n";
                break;
            case CrlAddition::older:
                throw Error("The CRL in " + file + " (issued " + format_timestamp(crl.this_update) +
                            ") is older than the one held for \"" + crl.issuer + "\" (issued " +
                            added.held_this_update + "); it was not added.");
        }
    }
    return cli::kOk;
}

int crl_list(const std::vector<std::string>& words, Io io) {
    const Args args(words, {"data"}, {"json"});
    const DataPaths paths{args.require("data")};
    auto storage = open_storage(paths);
    const auto crls = store_of(paths).list();
    const RevocationSettings settings = revocation_settings(*storage);
    const Timestamp now = now_utc();
    for (const auto& crl : crls) {
        const bool stale = crl.next_update && *crl.next_update < now;
        io.out << crl.issuer << "\n  issued " << format_timestamp(crl.this_update) << ", next update "
               << next_text(crl) << (stale ? " (STALE)" : "") << ", " << crl.entries << " revoked, sha256 "
               << crl.sha256 << "\n";
    }
    for (const auto& subject : settings.allowed_without)
        io.out << subject << "\n  allowed without a CRL\n";
    io.out << "A CRL past its next update: " << (settings.stale == crypto::StaleCrl::warn ? "warn" : "refuse")
           << ".\n";
    return cli::kOk;
}

int crl_fetch(const std::vector<std::string>& words, Io io) {
    const Args args(words, {"data"});
    const DataPaths paths{args.require("data")};
    auto storage = open_storage(paths);
    const CrlFetchReport report = fetch_crls(store_of(paths), *storage, now_utc());
    for (const auto& problem : report.problems)
        io.err << "warning: " << problem << "\n";
    io.out << "Fetched from " << report.urls << " distribution point(s); " << report.added
           << " CRL(s) new or newer.\n";
    return report.problems.empty() ? cli::kOk : cli::kFailed;
}

int crl_policy(const std::vector<std::string>& words, Io io) {
    const Args args(words, {"data", "stale"});
    const std::string stale = args.require("stale");
    if (stale != "warn" && stale != "refuse")
        throw UsageError("--stale is warn or refuse");
    auto storage = open_storage(DataPaths{args.require("data")});
    set_stale_policy(*storage, stale == "warn" ? crypto::StaleCrl::warn : crypto::StaleCrl::refuse,
                     now_utc());
    io.out << (stale == "warn" ? "A decision checked against a CRL past its next update is now accepted and "
                                 "audited as crl_stale.\n"
                               : "A decision checked against a CRL past its next update is now refused "
                                 "(revocation_stale).\n");
    return cli::kOk;
}

std::string ca_subject(const Args& args) {
    if (args.has("subject") == args.has("certificate"))
        throw UsageError("give the CA's --subject or its --certificate");
    if (auto subject = args.get("subject"))
        return *subject;
    return crypto::describe_certificate(read_bytes(args.require("certificate"))).subject;
}

int ca_allow(const std::vector<std::string>& words, Io io, bool allow) {
    const Args args(words, {"data", "subject", "certificate"});
    const std::string subject = ca_subject(args);
    auto storage = open_storage(DataPaths{args.require("data")});
    set_allowed_without_crl(*storage, subject, allow, now_utc());
    io.out << (allow ? "Certificates issued by \"" + subject +
                           "\" are now accepted without a CRL (their revocation is not checked)."
                     : "Certificates issued by \"" + subject + "\" now need that CA's CRL.")
           << "\n";
    return cli::kOk;
}

}  // namespace

void add_crl_commands(cli::CommandList& commands) {
    commands.push_back({"crl add", "add CA CRLs (checked against the trust anchors; a running hub uses them)",
                        "--data DIR FILE...", crl_add});
    commands.push_back(
        {"crl list", "list the CRLs held and the CAs allowed without one", "--data DIR", crl_list});
    commands.push_back({"crl fetch", "fetch the CRLs named by the certificates' distribution points once",
                        "--data DIR", crl_fetch});
    commands.push_back({"crl policy", "what a CRL past its next update does: warn (audited) or refuse",
                        "--data DIR --stale warn|refuse", crl_policy});
    commands.push_back({"ca allow-without-crl", "accept a CA's certificates without a CRL (audited)",
                        "--data DIR (--subject RFC2253 | --certificate FILE)",
                        [](const std::vector<std::string>& w, Io io) { return ca_allow(w, io, true); }});
    commands.push_back({"ca require-crl", "undo allow-without-crl: the CA's certificates need its CRL",
                        "--data DIR (--subject RFC2253 | --certificate FILE)",
                        [](const std::vector<std::string>& w, Io io) { return ca_allow(w, io, false); }});
}

}  // namespace jaanch::hub
