// Log-in, log-out and bearer-token checks: PBKDF2 passwords, optional TOTP, lock-out after repeated failures.
#include <algorithm>

#include "hub/auth/password.h"
#include "hub/auth/totp.h"
#include "hub/service/hub_service.h"
#include "hub/util/crypto_util.h"

namespace jaanch::hub {
namespace {

std::int64_t unix_seconds(Timestamp t) {
    return t.time_since_epoch().count();
}

ApiError invalid_credentials() {
    return ApiError(401, "invalid_credentials", "The user name or password is wrong.");
}

}  // namespace

HubService::HubService(Storage& storage, DocumentStore& documents, const catalogue::Catalogue& catalogue,
                       const SignatureCheck& signatures, HubOptions options)
    : storage_(storage),
      documents_(documents),
      catalogue_(catalogue),
      signatures_(signatures),
      options_(options) {
    const int iterations =
        std::max(kMinimumPbkdf2Iterations,
                 std::stoi(storage_.setting("kdf_iterations", std::to_string(kDefaultPbkdf2Iterations))));
    dummy_password_hash_ = hash_password("no such officer", iterations);
}

LoginResult HubService::login(const std::string& user, const std::string& password, const std::string& totp,
                              Timestamp now) {
    const auto found = storage_.officer(user);
    if (!found) {
        verify_password(password, dummy_password_hash_);
        throw invalid_credentials();
    }
    if (found->disabled)
        throw ApiError(403, "account_disabled",
                       "The account " + user + " is disabled; ask the hub administrator to enable it.");
    if (found->locked_until > now)
        throw ApiError(429, "account_locked",
                       "The account " + user + " is locked after repeated failed log-ins until " +
                           format_timestamp(found->locked_until) +
                           "; try again then or ask the administrator.",
                       {{"locked_until", format_timestamp(found->locked_until)},
                        {"retry_after_seconds", unix_seconds(found->locked_until) - unix_seconds(now)}});

    // The slow KDF runs outside the writer lock; the outcome is recorded in one transaction.
    const bool password_ok = verify_password(password, found->password_hash);
    std::optional<std::int64_t> step;
    if (password_ok && !found->totp_secret.empty() && !totp.empty()) {
        if (auto key = base32_decode(found->totp_secret))
            step = totp_match(*key, totp, unix_seconds(now));
    }

    auto txn = storage_.begin();
    auto account = txn->officer(user);
    if (!account)
        throw invalid_credentials();
    std::optional<ApiError> refusal;
    if (!password_ok) {
        refusal = invalid_credentials();
    } else if (!account->totp_secret.empty() && totp.empty()) {
        // Not a failure: the client learns that a code is needed and asks the officer for it.
        throw ApiError(401, "totp_required",
                       "This account needs a one-time code from its authenticator app.");
    } else if (!account->totp_secret.empty() && (!step || *step <= account->totp_last_step)) {
        refusal = ApiError(401, "invalid_totp", "The one-time code is wrong, expired or already used.");
    }
    if (refusal) {
        account->failed_logins += 1;
        json::Json details{{"failed_logins", account->failed_logins}};
        if (account->failed_logins >= options_.lockout_threshold) {
            account->locked_until = now + options_.lockout_duration;
            account->failed_logins = 0;
            details["locked_until"] = format_timestamp(account->locked_until);
        }
        txn->put_officer(*account);
        txn->append_audit(user, account->locked_until > now ? "login_locked" : "login_failed", user, details,
                          now);
        txn->commit();
        if (account->locked_until > now)
            throw ApiError(
                429, "account_locked",
                "Too many failed log-ins: the account " + user + " is locked until " +
                    format_timestamp(account->locked_until) + ".",
                {{"locked_until", format_timestamp(account->locked_until)},
                 {"retry_after_seconds", unix_seconds(account->locked_until) - unix_seconds(now)}});
        throw *refusal;
    }
    account->failed_logins = 0;
    if (step)
        account->totp_last_step = *step;
    txn->put_officer(*account);
    LoginResult result;
    result.token = random_token();
    result.expires_at = now + options_.session_lifetime;
    txn->put_session(Session{sha256_hex(result.token), user, now, result.expires_at});
    txn->append_audit(user, "login", user, {{"expires_at", format_timestamp(result.expires_at)}}, now);
    txn->commit();
    result.account = *account;
    return result;
}

void HubService::logout(const std::string& token, Timestamp now) {
    const OfficerAccount who = authenticate(token, now);
    auto txn = storage_.begin();
    txn->delete_session(sha256_hex(token));
    txn->append_audit(who.officer.id, "logout", who.officer.id, json::Json::object(), now);
    txn->commit();
}

OfficerAccount HubService::authenticate(const std::string& token, Timestamp now) {
    if (token.empty())
        throw ApiError(401, "unauthenticated",
                       "This request needs a bearer token; log in with POST /v1/sessions.");
    const auto session = storage_.session(sha256_hex(token));
    if (!session)
        throw ApiError(401, "invalid_token", "The bearer token is not known; log in again.");
    if (session->expires_at <= now)
        throw ApiError(401, "token_expired",
                       "The session expired at " + format_timestamp(session->expires_at) + "; log in again.");
    auto account = storage_.officer(session->officer_id);
    if (!account)
        throw ApiError(401, "invalid_token", "The session's officer no longer exists; log in again.");
    if (account->disabled)
        throw ApiError(403, "account_disabled", "The account " + account->officer.id + " is disabled.");
    return *account;
}

std::string HubService::authenticate_portal(const std::string& key) {
    if (key.empty())
        throw ApiError(401, "unauthenticated", "Portal requests need the portal's key as a bearer token.");
    const auto found = storage_.portal_key(sha256_hex(key));
    if (!found)
        throw ApiError(401, "invalid_token", "The portal key is not known to this hub.");
    return found->name;
}

}  // namespace jaanch::hub
