// The hub's behaviour, independent of HTTP: sessions, queue, claims, documents, decisions, ingest and export.
//
// Every method either succeeds or throws ApiError (status, code, sentence, details); a state change is one
// storage transaction, committed only when everything about it has been checked, and audited inside that
// transaction. The workflow rules are jaanch_core's (workflow::check_decision / apply_decision); visibility
// is visibility.h. Aadhaar numbers reach only officers who may see the application, and each response that
// carries any is one audit entry (docs/checks.md#the-hubs-vault). Threads: all methods may run concurrently
// on HTTP worker threads; the catalogue and options are immutable.
#pragma once

#include <atomic>
#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include "catalogue/catalogue.h"
#include "hub/service/api_error.h"
#include "hub/signature/signature_check.h"
#include "hub/storage/document_store.h"
#include "hub/storage/storage.h"

namespace jaanch::hub {

struct HubOptions {
    std::chrono::seconds session_lifetime{8 * 3600};
    int lockout_threshold = 5;  // consecutive failed log-ins before the lock
    std::chrono::seconds lockout_duration{15 * 60};
    std::chrono::seconds default_claim{30 * 60};
    std::chrono::seconds max_claim{8 * 3600};
    int default_page = 100;
    int max_page = 1000;
    std::size_t max_json_body = 1 << 20;   // 1 MiB for JSON requests
    std::size_t max_document = 25u << 20;  // 25 MiB for one uploaded document
    // Where the CRLs that GET /v1/crls lists are (signature/crl_store.h); none listed when crl_dir is empty.
    std::filesystem::path trust_dir;
    std::filesystem::path crl_dir;
};

struct LoginResult {
    std::string token;
    Timestamp expires_at{};
    OfficerAccount account;
};

// The answer to a decision: the status and JSON body to send (a replay sends the stored first answer).
struct DecisionAnswer {
    int status = 201;
    std::string body;
    bool replay = false;
};

struct DocumentAccess {
    std::string sha256;
    std::uint64_t size = 0;
    std::string mime_type;
};

class HubService {
  public:
    HubService(Storage& storage, DocumentStore& documents, const catalogue::Catalogue& catalogue,
               const SignatureCheck& signatures, HubOptions options);

    const HubOptions& options() const { return options_; }
    const catalogue::Catalogue& catalogue() const { return catalogue_; }
    DocumentStore& documents() { return documents_; }

    // Sessions (sessions.cpp).
    LoginResult login(const std::string& user, const std::string& password, const std::string& totp,
                      Timestamp now);
    void logout(const std::string& token, Timestamp now);
    OfficerAccount authenticate(const std::string& token,
                                Timestamp now);               // 401 when missing, unknown or expired
    std::string authenticate_portal(const std::string& key);  // the portal's name; 401 otherwise

    // Queue, applications, claims, documents (queue.cpp).
    std::string queue(const OfficerAccount& who, const std::string& cursor, int limit, Timestamp now);
    json::Json application_view(const OfficerAccount& who, const std::string& number, Timestamp now);
    json::Json claim(const OfficerAccount& who, const std::string& number, const json::Json& request,
                     Timestamp now);
    void release(const OfficerAccount& who, const std::string& number, Timestamp now);
    // The application's earlier decisions as signed, each with its DER signature in base64 (history.cpp);
    // 404 like application_view for an application the officer may not see.
    json::Json history(const OfficerAccount& who, const std::string& number);
    DocumentAccess document(const OfficerAccount& who, const std::string& sha256);

    // Decisions (decisions.cpp). `body` is the request's JSON text.
    DecisionAnswer decide(const OfficerAccount& who, const json::Json& body, Timestamp now);

    // Portal side (ingest.cpp): `parts` maps a document id to its uploaded bytes.
    json::Json ingest(const std::string& portal, const json::Json& application,
                      const std::map<std::string, std::string>& parts, Timestamp now, int& status);
    // The decisions as signed, for portal `portal` (remarks with an Aadhaar number are released to it and
    // audited: docs/checks.md#the-hubs-vault).
    std::string export_decisions(const std::string& portal, const std::string& cursor, int limit);
    // The application as the hub holds it now, for the portal to compare with what it filed and with what
    // decisions bound (`jaanch-cli verify --application`): {"application", "recorded_content_sha256"}.
    // 404 when there is no such application. Audited as a release to the portal when it holds an Aadhaar.
    json::Json portal_application(const std::string& portal, const std::string& number);

    // The CRLs held, one per CA, with the CAs allowed without one (crls.cpp); for any logged-in officer.
    json::Json crls();

    json::Json health();

  private:
    const catalogue::ServiceDefinition& service_of(const model::Application& app) const;
    int page_size(int requested) const;
    // Records that the Aadhaar numbers of `applications` went out to `actor` in one response
    // (aadhaar_release.cpp); nothing when the list is empty. Runs before the response is sent: a release
    // that cannot be audited does not happen.
    void audit_release(const std::string& actor, const std::string& via,
                       const std::vector<std::string>& applications, Timestamp now);

    Storage& storage_;
    DocumentStore& documents_;
    const catalogue::Catalogue& catalogue_;
    const SignatureCheck& signatures_;
    HubOptions options_;
    std::string dummy_password_hash_;  // verified against for unknown users, so timing does not reveal names
};

// "" → 0; otherwise a decimal sequence number; 400 invalid_cursor for anything else.
std::int64_t parse_cursor(const std::string& cursor);

}  // namespace jaanch::hub
