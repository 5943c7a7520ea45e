// The workstation's side of the hub API (docs/api.md): log in, read the queue from a cursor, read one
// application, submit a signed decision. One libcurl easy handle, so consecutive calls reuse the kept-alive
// connection.
//
// Errors (sync_error.h): Offline when the hub cannot be reached or the answer is cut short; AuthExpired for
// 401 (but at login a wrong password or TOTP code is HubRefused with the hub's sentence); Conflict for 409;
// HubRefused for other 4xx; ServerError for 5xx and 429. Messages name the request and quote the hub's own
// sentence. The bearer token is never put into a message or a log.
// Threads: one HubClient per thread; libcurl's global init happens once, process-wide, on first construction.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/application.h"
#include "model/decision.h"
#include "model/officer.h"
#include "util/json_reader.h"
#include "util/time.h"

namespace jaanch::sync {

struct HubClientOptions {
    std::chrono::milliseconds connect_timeout{5000};
    // A request that moves fewer than 1 byte/s for this long is treated as a broken link (Offline).
    std::chrono::seconds stall_timeout{30};
    std::chrono::seconds total_timeout{300};
};

struct Login {
    std::string token;
    Timestamp expires_at{};
    model::Officer officer;
    bool supervisor = false;
};

struct QueueEntry {
    model::Application application;
    std::int64_t seq = 0;
    std::string claimed_by;  // empty when unclaimed
    bool actionable = false;
};

struct QueueChanges {
    std::vector<QueueEntry> entries;
    std::string cursor;  // pass back to continue after these entries
    bool more = false;
};

// The answer to a claim: held by this officer (`mine`), or by another one until `expires_at`.
struct ClaimState {
    bool mine = false;
    std::string officer;  // who holds it
    Timestamp expires_at{};
};

// One earlier decision of an application with the signature bytes that vouch for it (GET .../history).
struct HistorySignature {
    std::string decision_id;
    std::string signature_der;     // DER CMS
    std::string signature_sha256;  // as the hub recorded it in the application's history
};

// The CRLs the hub judges revocation with (GET /v1/crls), for checking history signatures offline.
struct HubCrls {
    std::vector<std::string> crls_der;             // one per CA
    std::vector<std::string> allowed_without_crl;  // CA subjects (RFC 2253) the hub accepts without a CRL
};

struct DecisionReceipt {
    json::Json answer;    // the hub's outcome: decision, signature_sha256, applied_at, application{…}
    bool replay = false;  // the hub had it already (an earlier attempt arrived)
};

class HubClient {
  public:
    explicit HubClient(std::string base_url, HubClientOptions options = {});
    ~HubClient();
    HubClient(const HubClient&) = delete;
    HubClient& operator=(const HubClient&) = delete;

    const std::string& base_url() const { return base_url_; }
    void set_token(std::string token) { token_ = std::move(token); }
    const std::string& token() const { return token_; }

    Login login(const std::string& user, const std::string& password, const std::string& totp = "");
    // Ends this session on the hub: the token stops working at once (not only when it expires). An already
    // ended or expired session is fine. Throws as other calls do when the hub cannot be reached.
    void logout();
    model::Officer me();
    QueueChanges queue(const std::string& cursor, int limit);
    QueueEntry application(const std::string& number);
    DecisionReceipt submit(const model::Decision& decision, const std::string& signature_der);
    // Claims the application for `minutes` (the hub's default when 0). Held by someone else: a ClaimState
    // with mine = false naming them (not an exception: the workstation shows it). Other refusals throw as
    // above.
    ClaimState claim(const std::string& number, int minutes = 0);
    // Releases this officer's claim; idempotent (no claim is fine).
    void release(const std::string& number);
    // The signatures of the application's earlier decisions, oldest first.
    std::vector<HistorySignature> history(const std::string& number);
    // The hub's CRLs; a hub too old to serve them answers 404 (HubRefused).
    HubCrls crls();

  private:
    struct Answer {
        long status = 0;
        std::string body;
        bool replay = false;
    };
    Answer call(const std::string& method, const std::string& path, const std::string& body, bool auth);
    json::Json parse_ok(const Answer& answer, const std::string& what) const;
    [[noreturn]] void raise(const Answer& answer, const std::string& what) const;
    // The hub\'s {code, message} of an error answer; a placeholder message when the body is not that shape.
    static std::pair<std::string, std::string> error_fields(const Answer& answer);

    std::string base_url_;
    HubClientOptions options_;
    std::string token_;
    void* curl_ = nullptr;  // CURL*
};

// Standard base64 with padding (the decision body carries the DER signature so).
std::string base64_encode(std::string_view bytes);

// Standard base64 decoding; nullopt for anything that is not valid padded base64.
std::optional<std::string> base64_decode(std::string_view text);

// URL path-segment escaping for application numbers.
std::string escape_path_segment(const std::string& text);

// Reads the hub's queue-entry JSON ({seq, claim, actionable, application, …}).
QueueEntry parse_queue_entry(const json::Json& j, const std::string& path);

}  // namespace jaanch::sync
