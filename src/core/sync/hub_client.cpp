#include "sync/hub_client.h"

#include <curl/curl.h>

#include <mutex>

#include "sync/sync_error.h"

namespace jaanch::sync {
namespace {

void global_init() {
    static std::once_flag once;
    std::call_once(once, [] {
        if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
            throw SyncError(
                "libcurl could not be initialised; the network library is broken. Reinstall libcurl.");
    });
}

size_t append_body(char* data, size_t size, size_t count, void* user) {
    static_cast<std::string*>(user)->append(data, size * count);
    return size * count;
}

size_t note_header(char* data, size_t size, size_t count, void* user) {
    const std::string_view line(data, size * count);
    constexpr std::string_view kReplay = "idempotent-replay:";
    if (line.size() > kReplay.size()) {
        std::string head(line.substr(0, kReplay.size()));
        for (auto& c : head)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (head == kReplay && line.find("true") != std::string_view::npos)
            *static_cast<bool*>(user) = true;
    }
    return size * count;
}

struct HeaderList {
    curl_slist* list = nullptr;
    ~HeaderList() { curl_slist_free_all(list); }
    void add(const std::string& h) { list = curl_slist_append(list, h.c_str()); }
};

}  // namespace

HubClient::HubClient(std::string base_url, HubClientOptions options)
    : base_url_(std::move(base_url)), options_(options) {
    while (!base_url_.empty() && base_url_.back() == '/')
        base_url_.pop_back();
    global_init();
    curl_ = curl_easy_init();
    if (curl_ == nullptr)
        throw SyncError("libcurl could not create a connection handle; the process is out of memory.");
}

HubClient::~HubClient() {
    curl_easy_cleanup(static_cast<CURL*>(curl_));
}

HubClient::Answer HubClient::call(const std::string& method, const std::string& path, const std::string& body,
                                  bool auth) {
    CURL* c = static_cast<CURL*>(curl_);
    curl_easy_reset(c);  // keeps the connection cache, so the link stays open between calls
    Answer answer;
    HeaderList headers;
    headers.add("Accept: application/json");
    if (auth)
        headers.add("Authorization: Bearer " + token_);
    if (!body.empty())
        headers.add("Content-Type: application/json");
    const std::string url = base_url_ + path;
    curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.list);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options_.connect_timeout.count()));
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, 1L);
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, static_cast<long>(options_.stall_timeout.count()));
    curl_easy_setopt(c, CURLOPT_TIMEOUT, static_cast<long>(options_.total_timeout.count()));
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, append_body);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &answer.body);
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, note_header);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, &answer.replay);
    curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
    if (method == "POST") {
        curl_easy_setopt(c, CURLOPT_POST, 1L);
        curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.data());
        curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    } else if (method != "GET") {
        curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method.c_str());
    }
    const CURLcode rc = curl_easy_perform(c);
    if (rc != CURLE_OK)
        throw Offline("The hub at " + base_url_ + " could not be reached for " + method + " " + path + " (" +
                      curl_easy_strerror(rc) +
                      "). Work continues offline; sync again when the link is back.");
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &answer.status);
    return answer;
}

std::pair<std::string, std::string> HubClient::error_fields(const Answer& answer) {
    std::string code, message;
    try {
        const auto j = json::Json::parse(answer.body);
        if (j.is_object()) {
            if (j.contains("code") && j["code"].is_string())
                code = j["code"].get<std::string>();
            if (j.contains("message") && j["message"].is_string())
                message = j["message"].get<std::string>();
        }
    } catch (const json::Json::exception&) {
        // Not the hub's JSON error shape (a proxy's page, a cut-off body): the status says enough.
    }
    if (message.empty())
        message = "HTTP " + std::to_string(answer.status) + " without an explanation.";
    return {code, message};
}

void HubClient::raise(const Answer& answer, const std::string& what) const {
    const auto [code, message] = error_fields(answer);
    const std::string text = "The hub refused to " + what + ": " + message;
    if (answer.status == 401)
        throw AuthExpired(
            "The hub no longer accepts this session (" + message +
            ") Log in again with `jaanch-cli login`; decisions waiting in the outbox are kept.");
    if (answer.status == 409)
        throw Conflict(answer.status, code, message, text);
    if (answer.status == 429 || answer.status >= 500)
        throw ServerError(answer.status, code, message,
                          "The hub failed to " + what + " (HTTP " + std::to_string(answer.status) + ": " +
                              message + "). It will be tried again.");
    throw HubRefused(answer.status, code, message, text);
}

json::Json HubClient::parse_ok(const Answer& answer, const std::string& what) const {
    if (answer.status < 200 || answer.status >= 300)
        raise(answer, what);
    try {
        return json::Json::parse(answer.body);
    } catch (const json::Json::exception&) {
        // A 2xx with a broken body means the connection was cut in the middle: treat it as a broken link.
        throw Offline("The hub's answer to " + what + " arrived incomplete (" +
                      std::to_string(answer.body.size()) +
                      " bytes of unreadable JSON). It will be tried again.");
    }
}

Login HubClient::login(const std::string& user, const std::string& password, const std::string& totp) {
    json::Json body{{"user", user}, {"password", password}};
    if (!totp.empty())
        body["totp"] = totp;
    const Answer answer = call("POST", "/v1/sessions", body.dump(), false);
    if (answer.status == 401 || answer.status == 403 || answer.status == 429) {
        // A refused login is about the password, code or account, not an expired session: say what the hub
        // said.
        const auto [code, message] = error_fields(answer);
        throw HubRefused(answer.status, code, message,
                         "The hub refused the login of " + user + ": " + message);
    }
    const auto j = parse_ok(answer, "log in as " + user);
    Login out;
    try {
        out.token = j.at("token").get<std::string>();
        const auto expires = parse_timestamp(j.at("expires_at").get<std::string>());
        if (!expires)
            throw InputError("$.expires_at", "not an RFC 3339 time");
        out.expires_at = *expires;
        model::read_value(j.at("officer"), "$.officer", out.officer);
        out.supervisor = j.value("supervisor", false);
    } catch (const json::Json::exception& e) {
        throw SyncError(std::string("The hub's login answer is not in the expected shape (") + e.what() +
                        "). Check that the URL points to a Jaanch hub.");
    }
    token_ = out.token;
    return out;
}

model::Officer HubClient::me() {
    const auto j = parse_ok(call("GET", "/v1/me", "", true), "confirm the session");
    model::Officer officer;
    model::read_value(j.at("officer"), "$.officer", officer);
    return officer;
}

QueueEntry parse_queue_entry(const json::Json& j, const std::string& path) {
    QueueEntry e;
    model::read_value(j.at("application"), path + ".application", e.application);
    e.seq = j.value("seq", std::int64_t{0});
    e.actionable = j.value("actionable", false);
    if (j.contains("claim") && j["claim"].is_object())
        e.claimed_by = j["claim"].value("officer", "");
    return e;
}

QueueChanges HubClient::queue(const std::string& cursor, int limit) {
    std::string path = "/v1/queue?limit=" + std::to_string(limit);
    if (!cursor.empty())
        path += "&cursor=" + escape_path_segment(cursor);
    const auto j = parse_ok(call("GET", path, "", true), "send the queue");
    QueueChanges out;
    try {
        const auto& entries = j.at("entries");
        out.entries.reserve(entries.size());
        for (std::size_t i = 0; i < entries.size(); ++i)
            out.entries.push_back(parse_queue_entry(entries[i], "$.entries[" + std::to_string(i) + "]"));
        out.cursor = j.at("cursor").get<std::string>();
        out.more = j.at("more").get<bool>();
    } catch (const json::Json::exception& e) {
        throw SyncError(std::string("The hub's queue answer is not in the expected shape (") + e.what() +
                        "). The workstation and hub versions may not match.");
    }
    return out;
}

QueueEntry HubClient::application(const std::string& number) {
    const auto j = parse_ok(call("GET", "/v1/applications/" + escape_path_segment(number), "", true),
                            "send application " + number);
    try {
        return parse_queue_entry(j, "$");
    } catch (const json::Json::exception& e) {
        throw SyncError("The hub's answer for application " + number + " is not in the expected shape (" +
                        e.what() + ").");
    }
}

DecisionReceipt HubClient::submit(const model::Decision& decision, const std::string& signature_der) {
    const json::Json body{{"decision", decision}, {"signature", base64_encode(signature_der)}};
    const Answer answer = call("POST", "/v1/decisions", body.dump(), true);
    return DecisionReceipt{parse_ok(answer, "accept decision " + decision.id + " on " + decision.application),
                           answer.replay};
}

ClaimState HubClient::claim(const std::string& number, int minutes) {
    json::Json body = json::Json::object();
    if (minutes > 0)
        body["minutes"] = minutes;
    const std::string path = "/v1/applications/" + escape_path_segment(number) + "/claim";
    const Answer answer = call("POST", path, body.dump(), true);
    ClaimState out;
    try {
        if (answer.status == 409) {
            // Claimed by another officer: {code: "claimed", details: {officer, expires_at}}.
            const auto j = json::Json::parse(answer.body);
            if (j.value("code", "") != "claimed")
                raise(answer, "claim application " + number);
            const auto& details = j.at("details");
            out.officer = details.at("officer").get<std::string>();
            out.expires_at =
                parse_timestamp(details.at("expires_at").get<std::string>()).value_or(Timestamp{});
            return out;
        }
        const auto j = parse_ok(answer, "claim application " + number);
        out.mine = true;
        out.officer = j.at("officer").get<std::string>();
        out.expires_at = parse_timestamp(j.at("expires_at").get<std::string>()).value_or(Timestamp{});
    } catch (const json::Json::exception& e) {
        throw SyncError("The hub's answer to the claim of " + number + " is not in the expected shape (" +
                        e.what() + "). The workstation and hub versions may not match.");
    }
    return out;
}

void HubClient::logout() {
    const Answer answer = call("DELETE", "/v1/sessions/current", "", true);
    if (answer.status == 401)
        return;  // ended or expired already: nothing left to end
    if (answer.status < 200 || answer.status >= 300)
        raise(answer, "end the session");
}

void HubClient::release(const std::string& number) {
    const Answer answer =
        call("DELETE", "/v1/applications/" + escape_path_segment(number) + "/claim", "", true);
    if (answer.status != 204 && (answer.status < 200 || answer.status >= 300))
        raise(answer, "release the claim on " + number);
}

HubCrls HubClient::crls() {
    const auto j = parse_ok(call("GET", "/v1/crls", "", true), "send its CRLs");
    HubCrls out;
    try {
        for (const auto& crl : j.at("crls")) {
            auto der = base64_decode(crl.at("der").get<std::string>());
            if (!der)
                throw SyncError(
                    "The hub sent a CRL that is not base64. The workstation and hub versions may "
                    "not match.");
            out.crls_der.push_back(std::move(*der));
        }
        for (const auto& subject : j.at("allowed_without_crl"))
            out.allowed_without_crl.push_back(subject.get<std::string>());
    } catch (const json::Json::exception& e) {
        throw SyncError("The hub's CRL list is not in the expected shape (" + std::string(e.what()) +
                        "). The workstation and hub versions may not match.");
    }
    return out;
}

std::vector<HistorySignature> HubClient::history(const std::string& number) {
    const auto j =
        parse_ok(call("GET", "/v1/applications/" + escape_path_segment(number) + "/history", "", true),
                 "send the history of " + number);
    std::vector<HistorySignature> out;
    try {
        for (const auto& record : j.at("records")) {
            HistorySignature h;
            h.decision_id = record.at("decision").at("id").get<std::string>();
            h.signature_sha256 = record.at("signature_sha256").get<std::string>();
            const auto der = base64_decode(record.at("signature").get<std::string>());
            if (!der)
                throw SyncError(
                    "The hub sent the signature of decision " + h.decision_id + " on " + number +
                    " in a form that is not base64. The workstation and hub versions may not match.");
            h.signature_der = *der;
            out.push_back(std::move(h));
        }
    } catch (const json::Json::exception& e) {
        throw SyncError("The hub's history of " + number + " is not in the expected shape (" + e.what() +
                        "). The workstation and hub versions may not match.");
    }
    return out;
}

std::optional<std::string> base64_decode(std::string_view text) {
    if (text.size() % 4 != 0)
        return std::nullopt;
    auto value_of = [](char c) -> int {
        if (c >= 'A' && c <= 'Z')
            return c - 'A';
        if (c >= 'a' && c <= 'z')
            return c - 'a' + 26;
        if (c >= '0' && c <= '9')
            return c - '0' + 52;
        if (c == '+')
            return 62;
        if (c == '/')
            return 63;
        return -1;
    };
    std::string out;
    out.reserve(text.size() / 4 * 3);
    for (std::size_t i = 0; i < text.size(); i += 4) {
        const bool last = i + 4 == text.size();
        int v[4];
        int pad = 0;
        for (int k = 0; k < 4; ++k) {
            const char c = text[i + static_cast<std::size_t>(k)];
            if (c == '=' && last && k >= 2) {
                v[k] = 0;
                ++pad;
                continue;
            }
            if (pad > 0 || (v[k] = value_of(c)) < 0)
                return std::nullopt;
        }
        const unsigned n = (static_cast<unsigned>(v[0]) << 18) | (static_cast<unsigned>(v[1]) << 12) |
                           (static_cast<unsigned>(v[2]) << 6) | static_cast<unsigned>(v[3]);
        out += static_cast<char>((n >> 16) & 0xFF);
        if (pad < 2)
            out += static_cast<char>((n >> 8) & 0xFF);
        if (pad < 1)
            out += static_cast<char>(n & 0xFF);
    }
    return out;
}

std::string base64_encode(std::string_view bytes) {
    static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
        const unsigned v = (static_cast<unsigned char>(bytes[i]) << 16) |
                           (static_cast<unsigned char>(bytes[i + 1]) << 8) |
                           static_cast<unsigned char>(bytes[i + 2]);
        for (int shift : {18, 12, 6, 0})
            out += kAlphabet[(v >> shift) & 63];
    }
    if (i < bytes.size()) {
        unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
        if (i + 1 < bytes.size())
            v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
        out += kAlphabet[(v >> 18) & 63];
        out += kAlphabet[(v >> 12) & 63];
        out += i + 1 < bytes.size() ? kAlphabet[(v >> 6) & 63] : '=';
        out += '=';
    }
    return out;
}

std::string escape_path_segment(const std::string& text) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
    return out;
}

}  // namespace jaanch::sync
