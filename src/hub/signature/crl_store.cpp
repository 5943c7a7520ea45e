#include "hub/signature/crl_store.h"

#include <algorithm>
#include <fstream>
#include <iterator>

#include "hub/util/crypto_util.h"

namespace jaanch::hub {
namespace {

void bump_generation(Transaction& txn) {
    const std::string current = txn.setting("crl_generation", "0");
    txn.put_setting("crl_generation", std::to_string(std::stoll(current) + 1));
}

std::string read_bytes(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw Error("Cannot read the CRL file " + file.string() + ".");
    return std::string(std::istreambuf_iterator<char>(in), {});
}

std::string optional_time(const std::optional<Timestamp>& t) {
    return t ? format_timestamp(*t) : std::string();
}

std::vector<std::string> read_allowed(const std::string& text) {
    std::vector<std::string> out;
    if (text.empty())
        return out;
    for (const auto& item : json::parse_text(text, "setting crl_allow_without"))
        out.push_back(item.get<std::string>());
    return out;
}

}  // namespace

RevocationSettings revocation_settings(Storage& storage) {
    RevocationSettings s;
    s.generation = storage.setting("crl_generation", "");
    s.stale =
        storage.setting("crl_stale", "refuse") == "warn" ? crypto::StaleCrl::warn : crypto::StaleCrl::refuse;
    s.allowed_without = read_allowed(storage.setting("crl_allow_without", ""));
    return s;
}

CrlStore::CrlStore(std::filesystem::path trust_dir, std::filesystem::path crl_dir)
    : trust_dir_(std::move(trust_dir)), crl_dir_(std::move(crl_dir)) {}

std::vector<std::filesystem::path> CrlStore::files() const {
    std::vector<std::filesystem::path> out;
    std::error_code ec;
    if (!std::filesystem::is_directory(crl_dir_, ec))
        return out;
    for (const auto& entry : std::filesystem::directory_iterator(crl_dir_)) {
        // A name starting with "." is a CRL being written.
        if (entry.is_regular_file() && entry.path().filename().string().front() != '.')
            out.push_back(entry.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<crypto::CrlDescription> CrlStore::list(std::vector<std::string>* unusable) const {
    std::vector<crypto::CrlDescription> out;
    for (const auto& file : files()) {
        try {
            out.push_back(crypto::check_crl(read_bytes(file), trust_dir_));
        } catch (const std::exception& e) {
            const std::string why = "The CRL file " + file.string() + " cannot be used: " + e.what();
            if (unusable == nullptr)
                throw Error(why);
            unusable->push_back(why);
        }
    }
    return out;
}

CrlAdded CrlStore::add(std::string_view bytes, Storage& storage, const std::string& actor,
                       Timestamp now) const {
    CrlAdded result;
    result.crl = crypto::check_crl(bytes, trust_dir_);
    const auto& crl = result.crl;
    std::filesystem::create_directories(crl_dir_);
    auto txn = storage.begin();  // also serialises two adders of the same CA
    std::vector<std::filesystem::path> superseded;
    for (const auto& file : files()) {
        crypto::CrlDescription held;
        try {
            held = crypto::check_crl(read_bytes(file), trust_dir_);
        } catch (const std::exception&) {
            continue;  // not a trusted CA's CRL: the verifier never uses it either
        }
        if (held.issuer != crl.issuer)
            continue;
        if (held.sha256 == crl.sha256 || held.this_update > crl.this_update) {
            result.outcome = held.sha256 == crl.sha256 ? CrlAddition::already_held : CrlAddition::older;
            result.held_this_update = format_timestamp(held.this_update);
            return result;
        }
        superseded.push_back(file);
    }
    const std::string name = sha256_hex(crl.issuer).substr(0, 16) + ".crl";
    const auto temp = crl_dir_ / ("." + name + ".tmp");
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        out.write(crl.der.data(), static_cast<std::streamsize>(crl.der.size()));
        if (!out.flush())
            throw Error("Cannot write " + temp.string() + "; check the folder's permissions and free space.");
    }
    std::filesystem::rename(temp, crl_dir_ / name);
    for (const auto& file : superseded) {
        if (file != crl_dir_ / name)
            std::filesystem::remove(file);
    }
    result.outcome = superseded.empty() ? CrlAddition::added : CrlAddition::replaced;
    bump_generation(*txn);
    txn->append_audit(actor, "crl_add", crl.issuer,
                      {{"sha256", crl.sha256},
                       {"this_update", format_timestamp(crl.this_update)},
                       {"next_update", optional_time(crl.next_update)},
                       {"entries", crl.entries},
                       {"replaced", !superseded.empty()}},
                      now);
    txn->commit();
    return result;
}

void set_allowed_without_crl(Storage& storage, const std::string& subject, bool allow, Timestamp now) {
    auto txn = storage.begin();
    auto allowed = read_allowed(txn->setting("crl_allow_without", ""));
    allowed.erase(std::remove(allowed.begin(), allowed.end(), subject), allowed.end());
    if (allow)
        allowed.push_back(subject);
    txn->put_setting("crl_allow_without", json::Json(allowed).dump());
    bump_generation(*txn);
    txn->append_audit("admin", allow ? "ca_allow_without_crl" : "ca_require_crl", subject,
                      json::Json::object(), now);
    txn->commit();
}

void set_stale_policy(Storage& storage, crypto::StaleCrl policy, Timestamp now) {
    auto txn = storage.begin();
    const std::string value = policy == crypto::StaleCrl::warn ? "warn" : "refuse";
    txn->put_setting("crl_stale", value);
    bump_generation(*txn);
    txn->append_audit("admin", "crl_stale_policy", value, json::Json::object(), now);
    txn->commit();
}

}  // namespace jaanch::hub
