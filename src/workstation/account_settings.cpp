#include "workstation/account_settings.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "sync/sync_error.h"
#include "util/error.h"
#include "util/json_reader.h"
#include "util/time.h"

namespace jaanch::workstation {
namespace {

std::filesystem::path home_or(const char* xdg, const char* fallback) {
    if (const char* v = std::getenv(xdg); v != nullptr && *v != '\0')
        return v;
    const char* home = std::getenv("HOME");
    return std::filesystem::path(home != nullptr ? home : "/tmp") / fallback;
}

const char* policy_name(PinPolicy p) {
    return p == PinPolicy::session ? "session" : "every_time";
}
const char* source_name(KeySource s) {
    return s == KeySource::token ? "token" : s == KeySource::p12 ? "p12" : "none";
}

}  // namespace

std::filesystem::path settings_file() {
    if (const char* dir = std::getenv("JAANCH_CONFIG_DIR"); dir != nullptr && *dir != '\0')
        return std::filesystem::path(dir) / "settings.json";
    return home_or("XDG_CONFIG_HOME", ".config") / "jaanch" / "settings.json";
}

AccountSettings load_settings(const std::filesystem::path& file) {
    AccountSettings s;
    std::ifstream in(file);
    if (!in)
        return s;
    std::ostringstream text;
    text << in.rdbuf();
    const auto j = json::parse_text(text.str(), file.string());
    json::ObjectReader r(j, "$");
    s.hub_url = r.optional_or<std::string>("hub_url", "");
    s.user = r.optional_or<std::string>("user", "");
    s.workspace = r.optional_or<std::string>("workspace", "");
    s.language = r.optional_or<std::string>("language", "en") == "hi" ? "hi" : "en";
    const auto source = r.optional_or<std::string>("key_source", "none");
    s.key_source = source == "token" ? KeySource::token : source == "p12" ? KeySource::p12 : KeySource::none;
    s.pkcs11_module = r.optional_or<std::string>("pkcs11_module", "");
    s.token_label = r.optional_or<std::string>("token_label", "");
    s.token_serial = r.optional_or<std::string>("token_serial", "");
    s.p12_file = r.optional_or<std::string>("p12_file", "");
    s.pin_policy = r.optional_or<std::string>("pin_policy", "every_time") == "session"
                       ? PinPolicy::session
                       : PinPolicy::every_time;
    r.finish();
    return s;
}

void save_settings(const std::filesystem::path& file, const AccountSettings& s) {
    const json::Json j{{"hub_url", s.hub_url},
                       {"user", s.user},
                       {"workspace", s.workspace},
                       {"language", s.language},
                       {"key_source", source_name(s.key_source)},
                       {"pkcs11_module", s.pkcs11_module},
                       {"token_label", s.token_label},
                       {"token_serial", s.token_serial},
                       {"p12_file", s.p12_file},
                       {"pin_policy", policy_name(s.pin_policy)}};
    std::error_code ec;
    std::filesystem::create_directories(file.parent_path(), ec);
    const auto tmp = file.string() + ".tmp";
    {
        std::ofstream out(tmp, std::ios::trunc);
        out << j.dump(2) << "\n";
        if (!out.flush())
            throw Error("Cannot write the settings file " + tmp + "; check that the folder is writable.");
    }
    std::filesystem::rename(tmp, file, ec);
    if (ec)
        throw Error("Cannot save the settings to " + file.string() + " (" + ec.message() + ").");
}

std::vector<std::string> installed_pkcs11_modules() {
    // Drivers of the DSC tokens common in Indian offices, then OpenSC and SoftHSM2.
    static const char* candidates[] = {"/usr/lib/WatchData/ProxKey/lib/libwdpkcs_SignatureP11.so",
                                       "/usr/lib/libcastle.so.1.0.0", "/usr/lib/libeToken.so",
                                       "/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so",
                                       "/usr/lib/softhsm/libsofthsm2.so"};
    std::vector<std::string> out;
    std::error_code ec;
    for (const char* c : candidates)
        if (std::filesystem::exists(c, ec))
            out.emplace_back(c);
    return out;
}

std::filesystem::path default_workspace_dir(const std::string& user) {
    return home_or("XDG_DATA_HOME", ".local/share") / "jaanch" / (user.empty() ? "workspace" : user);
}

LoginAttempt attempt_login(const std::string& hub_url, const std::string& user,
                           const crypto::SecretString& password, const std::string& totp) {
    LoginAttempt a;
    if (hub_url.empty() || user.empty()) {
        a.message = "Give the hub address and your user name.";
        return a;
    }
    try {
        sync::HubClient client(hub_url);
        a.login = client.login(user, std::string(password.view()), totp);
        a.outcome = LoginOutcome::ok;
    } catch (const sync::HubAnswerError& e) {
        a.outcome = e.code() == "totp_required"  ? LoginOutcome::totp_required
                    : e.code() == "invalid_totp" ? LoginOutcome::wrong_totp
                                                 : LoginOutcome::refused;
        a.message = e.hub_message().empty() ? e.what() : e.hub_message();
    } catch (const sync::Offline& e) {
        a.outcome = LoginOutcome::unreachable;
        a.message = std::string("The hub cannot be reached: ") + e.what();
    } catch (const Error& e) {  // not a Jaanch hub, a malformed address …: the sentence says which
        a.outcome = LoginOutcome::refused;
        a.message = e.what();
    }
    return a;
}

bool has_live_session(const store::Workspace& workspace) {
    if (workspace.sync_value("token").empty() || workspace.sync_value("officer").empty())
        return false;
    const auto expires = parse_timestamp(workspace.sync_value("token_expires_at"));
    return expires && *expires > now_utc();
}

}  // namespace jaanch::workstation
