// Workspace: revealing sealed values, and the indexed lookups the cross-application checks use (identity
// keys, document uses, approved applications by field).
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>

#include "store/workspace.h"

namespace jaanch::store {
namespace {

crypto::Bytes blob_of(const SQLite::Column& c) {
    const auto* data = static_cast<const std::uint8_t*>(c.getBlob());
    return crypto::Bytes(data, data + c.getBytes());
}

}  // namespace

std::string Workspace::reveal(const std::string& number, const std::string& path, const std::string& officer,
                              Timestamp at) {
    SQLite::Statement q(*db_, "SELECT sealed FROM sealed_values WHERE application = ? AND path = ?");
    q.bind(1, number);
    q.bind(2, path);
    if (!q.executeStep())
        throw StoreError("Application " + number + " holds no sealed value at \"" + path +
                         "\" in this workspace, so there is nothing to reveal.");
    const crypto::Bytes sealed = blob_of(q.getColumn(0));
    q.reset();
    std::string plain = vault().open(sealed, sealing_context(number, path));
    try {
        SQLite::Transaction tx(*db_);
        activity_.append(at, officer, "revealed_aadhaar", number, path);
        tx.commit();
    } catch (const Error&) {
        throw;
    } catch (const std::exception& e) {
        rethrow_sqlite(e, "recording that " + officer + " revealed " + path + " of " + number);
    }
    return plain;
}

std::vector<std::string> Workspace::sealed_paths(const std::string& number) const {
    std::vector<std::string> out;
    SQLite::Statement q(*db_, "SELECT path FROM sealed_values WHERE application = ? ORDER BY path");
    q.bind(1, number);
    while (q.executeStep())
        out.push_back(q.getColumn(0).getString());
    return out;
}

std::optional<model::Application> Workspace::unsealed_application(const std::string& number) const {
    auto app = application(number);
    if (!app)
        return app;
    std::map<std::string, std::string> values;
    SQLite::Statement q(*db_, "SELECT path, sealed FROM sealed_values WHERE application = ?");
    q.bind(1, number);
    while (q.executeStep()) {
        const std::string path = q.getColumn(0).getString();
        values[path] = vault().open(blob_of(q.getColumn(1)), sealing_context(number, path));
    }
    unseal_into(*app, values);
    return app;
}

std::vector<IdentityKey> Workspace::identity_keys_of(const model::Application& plain) const {
    const auto* service = catalogue_.find(plain.service_id, plain.service_version);
    return seal_application(plain, service, vault(), {}).keys;
}

std::vector<IdentityMatch> Workspace::identity_matches(const std::vector<IdentityKey>& keys,
                                                       const std::string& service_id,
                                                       const std::string& except_number) const {
    std::vector<IdentityMatch> out;
    SQLite::Statement q(*db_, R"sql(
        SELECT k.application, k.path, k.name, a.status, a.applicant_name
        FROM identity_keys k JOIN applications a ON a.number = k.application
        WHERE k.kind = ? AND k.value = ? AND k.application <> ? AND a.service_id = ?
          AND a.status IN ('pending', 'approved')
        ORDER BY k.application, k.path)sql");
    for (const auto& key : keys) {
        q.bind(1, key.kind);
        q.bind(2, key.value);
        q.bind(3, except_number);
        q.bind(4, service_id);
        while (q.executeStep())
            out.push_back({key, q.getColumn(0).getString(), q.getColumn(1).getString(),
                           q.getColumn(2).getString(), q.getColumn(3).getString(),
                           q.getColumn(4).getString()});
        q.reset();
    }
    return out;
}

std::vector<model::Application> Workspace::approved_with_field(const std::string& service_id,
                                                               const std::string& key_field,
                                                               const std::string& key_value,
                                                               const std::string& except_number) const {
    std::vector<std::string> numbers;
    const auto* service = catalogue_.latest(service_id);
    const auto* field = service ? service->find_field(key_field) : nullptr;
    const std::string type = field ? field->type : "";
    if (type == "aadhaar" || type == "jan_aadhaar_family_id" || type == "samagra_family_id" ||
        type == "haryana_family_id") {
        // Indexed: an identity key.
        SQLite::Statement q(*db_, R"sql(
            SELECT k.application FROM identity_keys k JOIN applications a ON a.number = k.application
            WHERE k.kind = ? AND k.value = ? AND k.path = ? AND a.service_id = ? AND a.status = 'approved'
              AND a.number <> ?)sql");
        std::string value = key_value;
        if (type == "aadhaar") {
            std::string digits;
            for (char c : key_value)
                if (c >= '0' && c <= '9')
                    digits += c;
            value = vault().lookup_token(digits);
        }
        q.bind(1, type);
        q.bind(2, value);
        q.bind(3, key_field);
        q.bind(4, service_id);
        q.bind(5, except_number);
        while (q.executeStep())
            numbers.push_back(q.getColumn(0).getString());
    } else {
        SQLite::Statement q(*db_,
                            "SELECT number FROM applications WHERE service_id = ? AND status = 'approved' "
                            "AND number <> ? AND json_extract(body, ?) = ?");
        q.bind(1, service_id);
        q.bind(2, except_number);
        q.bind(3, "$.fields.\"" + key_field + "\"");
        q.bind(4, key_value);
        while (q.executeStep())
            numbers.push_back(q.getColumn(0).getString());
    }
    std::vector<model::Application> out;
    for (const auto& n : numbers)
        if (auto app = application(n))
            out.push_back(std::move(*app));
    return out;
}

std::vector<DocumentUse> Workspace::document_uses(const std::string& sha256) const {
    std::vector<DocumentUse> out;
    SQLite::Statement q(*db_, R"sql(
        SELECT ad.application, ad.document_id, a.service_id, a.status, a.applicant_name,
               COALESCE((SELECT k.value FROM identity_keys k WHERE k.application = ad.application
                         AND k.kind = 'aadhaar' AND instr(k.path, '[') = 0 ORDER BY k.path LIMIT 1), '')
        FROM application_documents ad JOIN applications a ON a.number = ad.application
        WHERE ad.sha256 = ? ORDER BY ad.application, ad.document_id)sql");
    q.bind(1, sha256);
    while (q.executeStep())
        out.push_back({q.getColumn(0).getString(), q.getColumn(1).getString(), q.getColumn(2).getString(),
                       q.getColumn(3).getString(), q.getColumn(4).getString(), q.getColumn(5).getString()});
    return out;
}

}  // namespace jaanch::store
