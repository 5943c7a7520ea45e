// Admin commands that work on a data folder directly: init, officer add|list|disable, portal add, audit
// verify. They use the same storage and audit chain as the running hub (SQLite allows them while it serves).
#include <iomanip>
#include <iostream>
#include <sstream>

#include "catalogue/catalogue.h"
#include "crypto/verifier.h"
#include "hub/audit/audit_chain.h"
#include "hub/auth/password.h"
#include "hub/auth/totp.h"
#include "hub/commands/hub_commands.h"
#include "hub/hub_data.h"
#include "hub/util/crypto_util.h"
#include "model/identifiers.h"

namespace jaanch::hub {
namespace {

using cli::Args;
using cli::Io;
using cli::UsageError;

DataPaths data_paths(const Args& args) {
    return DataPaths{args.require("data")};
}

// The data folder's storage, with the Aadhaar key of --vault-key or the one the folder records.
std::unique_ptr<SqliteStorage> storage_of(const Args& args) {
    return open_storage(data_paths(args), args.get("vault-key").value_or(""));
}

std::vector<std::string> split_list(const std::string& text) {
    std::vector<std::string> out;
    std::stringstream in(text);
    for (std::string item; std::getline(in, item, ',');) {
        if (!item.empty())
            out.push_back(item);
    }
    return out;
}

int init(const std::vector<std::string>& words, Io io) {
    const Args args(words, {"data", "kdf-iterations", "vault-key"});
    const DataPaths paths = data_paths(args);
    const int iterations =
        std::stoi(args.get("kdf-iterations").value_or(std::to_string(kDefaultPbkdf2Iterations)));
    init_data(paths, iterations, args.get("vault-key").value_or(""));
    io.out << "Created a hub data folder at " << paths.root.string() << " (schema "
           << SqliteStorage::schema_version() << ", PBKDF2-SHA256 " << iterations << " iterations).\n"
           << "Aadhaar key: " << vault_key_file(paths).string()
           << " (outside the data folder; back it up apart from the data: without it the sealed Aadhaar "
              "numbers cannot be read).\n"
           << "Next: put CA certificates into " << paths.trust().string() << ", add officers with "
           << "`jaanch-hub officer add`, then `jaanch-hub serve --data " << paths.root.string() << "`.\n";
    return cli::kOk;
}

std::string read_password(const Args& args) {
    if (args.has("password") && args.has("password-stdin"))
        throw UsageError("give --password or --password-stdin");
    std::string password;
    if (args.has("password-stdin"))
        std::getline(std::cin, password);
    else
        password = args.require("password");
    if (password.size() < 8)
        throw UsageError("a password needs at least 8 characters");
    return password;
}

void check_role_and_level(const model::Officer& o, const std::filesystem::path& forms) {
    const auto loaded = catalogue::load_catalogue(forms);
    if (loaded.catalogue.find_role(o.role) == nullptr)
        throw UsageError("role \"" + o.role + "\" is not in " + (forms / "roles.json").string());
    for (const auto* service : loaded.catalogue.services()) {
        if (!o.handles_service(service->id))
            continue;
        const auto* level = service->find_level(o.level);
        if (level == nullptr)
            continue;
        for (const auto& r : level->roles) {
            if (r.code == o.role)
                return;
        }
    }
    throw UsageError("no service " + std::string(o.services.empty() ? "" : "of --services ") + "has role " +
                     o.role + " at level " + o.level +
                     "; check --role, --level and --services against `jaanch-cli forms list`");
}

// One person, one account: the certificate (same subject and serial, or the same public key under a
// re-issued certificate) may not already be registered to another active account, or separation of duties
// between the levels of an application would only separate accounts.
void refuse_shared_certificate(Storage& storage, const OfficerAccount& a) {
    if (a.certificate_pem.empty())
        return;
    const crypto::SignerDetails mine = crypto::describe_certificate(a.certificate_pem);
    for (const auto& other : storage.officers()) {
        if (other.officer.id == a.officer.id || other.disabled || other.certificate_pem.empty())
            continue;
        crypto::SignerDetails theirs;
        try {
            theirs = crypto::describe_certificate(other.certificate_pem);
        } catch (const std::exception&) {
            continue;
        }
        const bool same_certificate = theirs.subject == mine.subject && theirs.serial == mine.serial;
        if (same_certificate || theirs.public_key_sha256 == mine.public_key_sha256)
            throw Error("The certificate of " + mine.common_name + " (serial " + mine.serial + ") " +
                        (same_certificate ? "is" : "has the same key as the certificate") +
                        " already registered to officer " + other.officer.id +
                        ". One person has one account: use --replace on " + other.officer.id +
                        " for a transfer or promotion, or disable that account first.");
    }
}

int officer_add(const std::vector<std::string>& words, Io io) {
    const Args args(words,
                    {"data", "forms", "id", "name", "role", "level", "state", "district", "subdistrict",
                     "village", "area", "services", "certificate", "password", "totp-secret", "vault-key"},
                    {"password-stdin", "totp", "supervisor", "replace"});
    OfficerAccount a;
    a.officer.id = args.require("id");
    if (!model::is_identifier(a.officer.id))
        throw UsageError("--id must be letters, digits, _ - . (at most 64)");
    a.officer.name = args.require("name");
    a.officer.role = args.require("role");
    a.officer.level = args.require("level");
    a.officer.jurisdiction.state = args.require("state");
    a.officer.jurisdiction.district = args.get("district").value_or("");
    a.officer.jurisdiction.subdistrict = args.get("subdistrict").value_or("");
    a.officer.jurisdiction.village = args.get("village").value_or("");
    a.officer.jurisdiction.area = args.get("area").value_or("");
    if (a.officer.jurisdiction.area != "" && a.officer.jurisdiction.area != "rural" &&
        a.officer.jurisdiction.area != "urban")
        throw UsageError("--area is rural or urban");
    a.officer.services = split_list(args.get("services").value_or(""));
    check_role_and_level(a.officer, args.get("forms").value_or(catalogue::default_catalogue_dir().string()));
    if (auto cert = args.get("certificate")) {
        const std::string der = read_certificate_der(*cert);
        a.officer.certificate_sha256 = sha256_hex(der);
        a.certificate_pem =
            "-----BEGIN CERTIFICATE-----\n" + base64_encode(der) + "\n-----END CERTIFICATE-----\n";
    }
    a.supervisor = args.has("supervisor");
    if (args.has("totp") && args.has("totp-secret"))
        throw UsageError("give --totp or --totp-secret, not both");
    if (args.has("totp"))
        a.totp_secret = new_totp_secret();
    if (auto secret = args.get("totp-secret")) {
        if (!base32_decode(*secret) || base32_decode(*secret)->size() < 10)
            throw UsageError("--totp-secret must be base32 of at least 10 bytes");
        a.totp_secret = *secret;
    }
    const std::string password = read_password(args);
    auto storage = storage_of(args);
    const int iterations =
        std::stoi(storage->setting("kdf_iterations", std::to_string(kDefaultPbkdf2Iterations)));
    a.password_hash = hash_password(password, iterations);
    auto txn = storage->begin();
    const bool exists = txn->officer(a.officer.id).has_value();
    if (exists && !args.has("replace"))
        throw Error("An officer " + a.officer.id +
                    " already exists on this hub; add --replace to re-register them "
                    "(a transfer or promotion keeps their history).");
    refuse_shared_certificate(*storage, a);  // inside the transaction: no other writer meanwhile
    txn->put_officer(a);
    txn->append_audit(
        "admin", exists ? "officer_replace" : "officer_add", a.officer.id,
        {{"officer", a.officer}, {"supervisor", a.supervisor}, {"totp", !a.totp_secret.empty()}}, now_utc());
    txn->commit();
    io.out << "Added officer " << a.officer.id << " (" << a.officer.role << ", " << a.officer.level << ").\n";
    if (args.has("totp"))
        io.out << "TOTP secret: " << a.totp_secret << "\notpauth://totp/Jaanch:" << a.officer.id
               << "?secret=" << a.totp_secret << "&issuer=Jaanch\n";
    return cli::kOk;
}

std::string scope_text(const model::JurisdictionScope& s) {
    std::string out = s.state;
    for (const auto* part : {&s.district, &s.subdistrict, &s.village}) {
        if (!part->empty())
            out += "/" + *part;
    }
    if (!s.area.empty())
        out += " (" + s.area + ")";
    return out;
}

int officer_list(const std::vector<std::string>& words, Io io) {
    const Args args(words, {"data", "vault-key"}, {"json"});
    auto storage = storage_of(args);
    const auto officers = storage->officers();
    if (args.has("json")) {
        json::Json out = json::Json::array();
        for (const auto& a : officers)
            out.push_back({{"officer", a.officer},
                           {"supervisor", a.supervisor},
                           {"disabled", a.disabled},
                           {"totp", !a.totp_secret.empty()}});
        io.out << out.dump(2) << "\n";
        return cli::kOk;
    }
    io.out << std::left << std::setw(24) << "ID" << std::setw(12) << "ROLE" << std::setw(6) << "LEVEL"
           << std::setw(28) << "JURISDICTION" << std::setw(10) << "CERT"
           << "FLAGS\n";
    for (const auto& a : officers) {
        std::string flags;
        if (a.disabled)
            flags += "disabled ";
        if (a.supervisor)
            flags += "supervisor ";
        if (!a.totp_secret.empty())
            flags += "totp ";
        io.out << std::setw(24) << a.officer.id << std::setw(12) << a.officer.role << std::setw(6)
               << a.officer.level << std::setw(28) << scope_text(a.officer.jurisdiction) << std::setw(10)
               << (a.officer.certificate_sha256.empty() ? "-" : a.officer.certificate_sha256.substr(0, 8))
               << flags << "\n";
    }
    return cli::kOk;
}

int officer_disable(const std::vector<std::string>& words, Io io) {
    const Args args(words, {"data", "id", "vault-key"});
    const std::string id = args.require("id");
    auto storage = storage_of(args);
    auto txn = storage->begin();
    auto a = txn->officer(id);
    if (!a)
        throw Error("There is no officer " + id + " on this hub; `jaanch-hub officer list` shows them.");
    a->disabled = true;
    txn->put_officer(*a);
    txn->append_audit("admin", "officer_disable", id, json::Json::object(), now_utc());
    txn->commit();
    io.out << "Disabled officer " << id << "; their sessions stop working at once.\n";
    return cli::kOk;
}

int portal_add(const std::vector<std::string>& words, Io io) {
    const Args args(words, {"data", "name", "vault-key"});
    const std::string name = args.require("name");
    if (!model::is_identifier(name))
        throw UsageError("--name must be letters, digits, _ - . (at most 64)");
    auto storage = storage_of(args);
    const std::string key = random_token();
    auto txn = storage->begin();
    txn->put_portal_key(PortalKey{name, sha256_hex(key), now_utc()});
    txn->append_audit("admin", "portal_add", name, json::Json::object(), now_utc());
    txn->commit();
    io.out << key << "\n";
    io.err << "The line above is portal " << name << "'s key; it is shown once. Send it as a bearer token.\n";
    return cli::kOk;
}

int vault_key_create(const std::vector<std::string>& words, Io io) {
    const Args args(words, {"data"});
    if (args.positionals().size() != 1)
        throw UsageError("give the key file to create, e.g. /etc/jaanch-hub/vault.key");
    const std::filesystem::path file = args.positionals().front();
    if (!args.has("data")) {
        create_vault_key_file(file, {});
        io.out << "Created the Aadhaar key " << file.string()
               << " (mode 0600). Back it up apart from the hub's data.\n";
        return cli::kOk;
    }
    const DataPaths paths = data_paths(args);
    try {
        const auto current = vault_key_file(paths);
        if (std::filesystem::exists(current))
            throw Error("The data folder " + paths.root.string() + " already has its Aadhaar key " +
                        current.string() +
                        "; replacing it would make every sealed number unreadable. Keep using it.");
    } catch (const VaultKeyError&) {
        // The folder names no key yet: the case this command is for.
    }
    create_vault_key_file(file, paths.root);
    record_vault_key(paths, file);
    io.out << "Created the Aadhaar key " << file.string() << " (mode 0600) for " << paths.root.string()
           << ". The next `jaanch-hub serve` seals the Aadhaar numbers already stored. Back the key up apart "
              "from the data.\n";
    return cli::kOk;
}

// Whether decisions signed before decisions bound their content (format 1) are still taken: yes while
// workstations in the field may hold them in their outboxes; refuse once every workstation is updated, so
// that no client can skip the content binding.
int decisions_policy(const std::vector<std::string>& words, Io io) {
    const Args args(words, {"data", "format-1"});
    const std::string format_1 = args.require("format-1");
    if (format_1 != "accept" && format_1 != "refuse")
        throw cli::UsageError("--format-1 is accept or refuse");
    auto storage = open_storage(data_paths(args));
    auto txn = storage->begin();
    txn->put_setting("decision_format_1", format_1);
    txn->append_audit("admin", "decision_format_policy", format_1, json::Json::object(), now_utc());
    txn->commit();
    io.out
        << (format_1 == "accept"
                ? "Format 1 decisions (made by workstations older than the content binding) are accepted.\n"
                : "Format 1 decisions are now refused (422 format_outdated): only decisions that bind the "
                  "content they were made on are taken.\n");
    return cli::kOk;
}

int audit_verify(const std::vector<std::string>& words, Io io) {
    const Args args(words, {"data", "vault-key"});
    auto storage = storage_of(args);
    const AuditVerification v = verify_audit_chain(*storage);
    (v.ok ? io.out : io.err) << v.message << "\n";
    return v.ok ? cli::kOk : cli::kFailed;
}

}  // namespace

void add_admin_commands(cli::CommandList& commands) {
    commands.push_back({"init", "create a hub data folder (database, documents, trust anchors)",
                        "--data DIR [--kdf-iterations N] [--vault-key FILE]", init});
    commands.push_back({"vault-key create",
                        "make a new Aadhaar key file (0600), outside the data folder; with --data, make it "
                        "that folder's key",
                        "FILE [--data DIR]", vault_key_create});
    commands.push_back(
        {"officer add", "register an officer (role, level, jurisdiction, certificate, password)",
         "--data DIR --id ID --name NAME --role ROLE --level LEVEL --state CODE [--district CODE] "
         "[--subdistrict CODE] [--village CODE] [--area rural|urban] [--services ID,ID] "
         "[--certificate FILE] (--password P | --password-stdin) [--totp | --totp-secret B32] "
         "[--supervisor] [--replace] [--forms DIR]",
         officer_add});
    commands.push_back({"officer list", "list the officers", "--data DIR [--json]", officer_list});
    commands.push_back({"officer disable", "disable an officer's account and sessions", "--data DIR --id ID",
                        officer_disable});
    commands.push_back({"portal add", "create a portal key for ingest and export (printed once)",
                        "--data DIR --name NAME", portal_add});
    commands.push_back({"audit verify", "recompute the audit hash chain and name the first broken entry",
                        "--data DIR", audit_verify});
    commands.push_back({"decisions policy",
                        "accept or refuse format 1 decisions (signed before decisions bound their content)",
                        "--data DIR --format-1 accept|refuse", decisions_policy});
}

}  // namespace jaanch::hub
