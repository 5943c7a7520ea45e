#include "hub_harness.h"

#include <curl/curl.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <mutex>
#include <random>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "crypto/application_content.h"
#include "crypto/canonical_json.h"
#include "crypto/pkcs12_signer.h"
#include "hub/util/crypto_util.h"

namespace jaanch::hub::test {
namespace {

std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

size_t collect(char* data, size_t size, size_t n, void* out) {
    static_cast<std::string*>(out)->append(data, size * n);
    return size * n;
}

size_t collect_header(char* data, size_t size, size_t n, void* out) {
    std::string line(data, size * n);
    const auto colon = line.find(':');
    if (colon != std::string::npos) {
        std::string name = line.substr(0, colon);
        for (char& c : name)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        std::string value = line.substr(colon + 1);
        while (!value.empty() && (value.front() == ' '))
            value.erase(0, 1);
        while (!value.empty() && (value.back() == '\r' || value.back() == '\n'))
            value.pop_back();
        (*static_cast<std::map<std::string, std::string>*>(out))[name] = value;
    }
    return size * n;
}

struct CurlGlobal {
    CurlGlobal() { curl_global_init(CURL_GLOBAL_ALL); }
    ~CurlGlobal() { curl_global_cleanup(); }
};

CURL* new_handle(const std::string& url, HttpResponse& r, curl_slist* headers) {
    static CurlGlobal global;
    CURL* c = curl_easy_init();
    curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &r.body);
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, collect_header);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, &r.headers);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, 60L);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(c, CURLOPT_PATH_AS_IS, 1L);
    return c;
}

void perform(CURL* c, HttpResponse& r, curl_slist* headers) {
    const CURLcode rc = curl_easy_perform(c);
    if (rc == CURLE_OK)
        curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r.status);
    curl_easy_cleanup(c);
    curl_slist_free_all(headers);
    if (rc != CURLE_OK)
        throw std::runtime_error(std::string("HTTP request failed: ") + curl_easy_strerror(rc));
}

curl_slist* header_list(const std::vector<std::string>& headers) {
    curl_slist* list = curl_slist_append(nullptr, "Expect:");
    for (const auto& h : headers)
        list = curl_slist_append(list, h.c_str());
    return list;
}

std::filesystem::path hub_exe() {
    return JAANCH_HUB_EXE;
}

}  // namespace

Json HttpResponse::json() const {
    return Json::parse(body);
}

bool HttpResponse::is_error_body() const {
    try {
        const Json j = json();
        return j.is_object() && j.size() == 3 && j.contains("code") && j["code"].is_string() &&
               !j["code"].get<std::string>().empty() && j.contains("message") && j["message"].is_string() &&
               j["message"].get<std::string>().size() > 10 && j.contains("details") &&
               j["details"].is_object();
    } catch (const std::exception&) {
        return false;
    }
}

std::string HttpResponse::code() const {
    try {
        return json().value("code", "");
    } catch (const std::exception&) {
        return "";
    }
}

HttpResponse HttpClient::request(const std::string& method, const std::string& path, const std::string& body,
                                 const std::vector<std::string>& headers) const {
    HttpResponse r;
    curl_slist* list = header_list(headers);
    CURL* c = new_handle(base_ + path, r, list);
    curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method.c_str());
    if (method == "HEAD")
        curl_easy_setopt(c, CURLOPT_NOBODY, 1L);
    if (!body.empty() || (method != "GET" && method != "HEAD" && method != "DELETE")) {
        curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.data());
        curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    }
    perform(c, r, list);
    return r;
}

HttpResponse HttpClient::multipart(const std::string& path, const std::vector<Part>& parts,
                                   const std::vector<std::string>& headers) const {
    HttpResponse r;
    curl_slist* list = header_list(headers);
    CURL* c = new_handle(base_ + path, r, list);
    curl_mime* mime = curl_mime_init(c);
    for (const auto& p : parts) {
        curl_mimepart* part = curl_mime_addpart(mime);
        curl_mime_name(part, p.name.c_str());
        curl_mime_data(part, p.content.data(), p.content.size());
        if (!p.content_type.empty())
            curl_mime_type(part, p.content_type.c_str());
        if (!p.file_name.empty())
            curl_mime_filename(part, p.file_name.c_str());
    }
    curl_easy_setopt(c, CURLOPT_MIMEPOST, mime);
    try {
        perform(c, r, list);
    } catch (...) {
        curl_mime_free(mime);
        throw;
    }
    curl_mime_free(mime);
    return r;
}

std::string bearer(const std::string& token) {
    return "Authorization: Bearer " + token;
}

std::vector<TestOfficer> world_officers() {
    return {
        {"vdo.in", "VDO", "L1", "110", "1001", false, {}},
        {"vdo.in2", "VDO", "L1", "110", "1001", true, {}},
        {"vdo.out", "VDO", "L1", "110", "1002", false, {}},
        {"eo.in", "EO", "L1", "110", "1001", false, {}},
        {"bso.in", "BSO", "L2", "110", "1001", false, {}},
        {"bso.out", "BSO", "L2", "110", "1002", false, {}},
        {"sdo.in", "SDO", "L2", "110", "1001", false, {}},
        {"dc.in", "COLLECTOR", "DC", "110", "", false, {}},
        {"dc.out", "COLLECTOR", "DC", "111", "", false, {}},
    };
}

const crypto::TestPki& shared_pki() {
    static std::once_flag once;
    static crypto::TestPki pki;
    std::call_once(once, [] {
        crypto::TestPkiOptions options;
        char pattern[] = "/tmp/jaanch-hub-pki-XXXXXX";
        options.out_dir = std::filesystem::path(mkdtemp(pattern)) / "pki";
        options.with_token = false;
        options.officers.clear();
        for (const auto& o : world_officers())
            options.officers.push_back({o.id, o.id + " (TEST)", o.role, o.level, o.role, "Rajasthan",
                                        "Government of Rajasthan", "Test Department", "302001"});
        pki = crypto::generate_test_pki(options);
        std::atexit([] { std::filesystem::remove_all(pki.dir.parent_path()); });
    });
    return pki;
}

std::string pki_password() {
    std::string p = read_file(shared_pki().password_file);
    while (!p.empty() && (p.back() == '\n' || p.back() == '\r'))
        p.pop_back();
    return p;
}

HubProcess::HubProcess() {
    char pattern[] = "/tmp/jaanch-hub-test-XXXXXX";
    data_ = std::filesystem::path(mkdtemp(pattern)) / "data";
    std::string out;
    if (admin({"init", "--kdf-iterations", "1000"}, &out) != 0)
        throw std::runtime_error("init failed: " + out);
    for (const auto& entry : std::filesystem::directory_iterator(shared_pki().trust_dir))
        std::filesystem::copy_file(entry.path(), data_ / "trust" / entry.path().filename());
    std::filesystem::copy_file(shared_pki().crl, data_ / "crl" / "sub-ca.crl.pem");
}

HubProcess::~HubProcess() {
    if (pid_ > 0)
        kill_hard();
    std::filesystem::remove_all(data_.parent_path());
}

void HubProcess::start(const std::vector<std::string>& extra_args) {
    int out[2];
    if (pipe(out) != 0)
        throw std::runtime_error("pipe failed");
    std::vector<std::string> words{hub_exe().string(), "serve",    "--data",
                                   data_.string(),     "--listen", "127.0.0.1:0"};
    if (std::find(extra_args.begin(), extra_args.end(), "--forms") == extra_args.end())
        words.insert(words.end(), {"--forms", JAANCH_FORMS_DIR});
    words.insert(words.end(), extra_args.begin(), extra_args.end());
    const std::string log = (data_ / "serve.log").string();
    pid_ = fork();
    if (pid_ == 0) {
        dup2(out[1], 1);
        const int err = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
        dup2(err, 2);
        close(out[0]);
        std::vector<char*> argv;
        for (auto& w : words)
            argv.push_back(w.data());
        argv.push_back(nullptr);
        execv(argv[0], argv.data());
        _exit(127);
    }
    close(out[1]);
    std::string line;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (line.find('\n') == std::string::npos && std::chrono::steady_clock::now() < deadline) {
        pollfd p{out[0], POLLIN, 0};
        if (poll(&p, 1, 200) <= 0)
            continue;
        char buffer[256];
        const ssize_t n = read(out[0], buffer, sizeof buffer);
        if (n <= 0)
            break;
        line.append(buffer, static_cast<size_t>(n));
    }
    close(out[0]);  // later output goes nowhere: the hub ignores SIGPIPE
    const auto at = line.find("127.0.0.1:");
    if (at == std::string::npos)
        throw std::runtime_error("jaanch-hub did not start: " + line + "\n" + read_file(log));
    port_ = std::stoi(line.substr(at + 10));
}

int HubProcess::stop() {
    if (pid_ <= 0)
        return -1;
    ::kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

void HubProcess::kill_hard() {
    if (pid_ <= 0)
        return;
    ::kill(pid_, SIGKILL);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
}

bool HubProcess::alive() {
    if (pid_ <= 0)
        return false;
    int status = 0;
    return waitpid(pid_, &status, WNOHANG) == 0;
}

int HubProcess::admin(const std::vector<std::string>& words, std::string* out) const {
    std::string command = hub_exe().string();
    for (const auto& w : words)
        command += " '" + w + "'";
    command += " --data '" + data_.string() + "' 2>&1";
    FILE* p = popen(command.c_str(), "r");
    std::string text;
    char buffer[512];
    while (size_t n = fread(buffer, 1, sizeof buffer, p))
        text.append(buffer, n);
    const int status = pclose(p);
    if (out != nullptr)
        *out = text;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

void HubProcess::add_officer(const TestOfficer& o, const std::string& certificate_of, bool replace) const {
    const std::string cert_id = certificate_of.empty() ? o.id : certificate_of;
    const crypto::TestIdentity* identity = nullptr;
    const auto& pki = shared_pki();
    for (const auto& i : pki.officers) {
        if (i.id == cert_id)
            identity = &i;
    }
    for (const auto* special : {&pki.expired, &pki.revoked, &pki.untrusted}) {
        if (special->id == cert_id)
            identity = special;
    }
    if (identity == nullptr)
        throw std::runtime_error("no test certificate for " + cert_id);
    std::vector<std::string> words{"officer",       "add",
                                   "--forms",       JAANCH_FORMS_DIR,
                                   "--id",          o.id,
                                   "--name",        o.id + " (test)",
                                   "--role",        o.role,
                                   "--level",       o.level,
                                   "--state",       "08",
                                   "--district",    o.district,
                                   "--certificate", identity->certificate.string(),
                                   "--password",    "pw-" + o.id};
    if (!o.subdistrict.empty()) {
        words.push_back("--subdistrict");
        words.push_back(o.subdistrict);
    }
    if (o.supervisor)
        words.push_back("--supervisor");
    if (replace)
        words.push_back("--replace");
    std::string out;
    if (admin(words, &out) != 0)
        throw std::runtime_error("officer add failed: " + out);
}

std::string HubProcess::add_portal() const {
    std::string out;
    if (admin({"portal", "add", "--name", "portal"}, &out) != 0)
        throw std::runtime_error("portal add: " + out);
    return out.substr(0, out.find('\n'));
}

std::map<std::string, std::string> sample_documents(const std::string& seed) {
    const std::string pdf = "%PDF-1.4\n% test document " + seed + "\n%%EOF\n";
    return {{"declaration", pdf + "declaration"}, {"janaadhaar", pdf + "jan aadhaar card"}};
}

Json deletion_application(const std::string& number, const std::string& subdistrict, const std::string& area,
                          const std::string& reason, const std::map<std::string, std::string>& docs) {
    Json documents = Json::array();
    for (const auto& [id, bytes] : docs) {
        documents.push_back({{"id", id},
                             {"kind", id == "declaration" ? "self_declaration" : "jan_aadhaar_card"},
                             {"file_name", id + ".pdf"},
                             {"mime_type", "application/pdf"},
                             {"size", bytes.size()},
                             {"sha256", sha256_hex(bytes)}});
    }
    Json fields{{"jan_aadhaar_family_id", "1234567890"},
                {"head_name", "Santosh Devi"},
                {"member_id", "12345678902"},
                {"member_name", "Ramesh Kumar"},
                {"deletion_reason", reason},
                {"applicant_mobile", "9876543210"}};
    if (reason == "death")
        fields["date_of_death"] = "2026-09-14";
    return Json{{"number", number},
                {"service_id", "rj.jan-aadhaar-member-deletion"},
                {"service_version", 1},
                {"submitted_at", "2026-11-01T10:00:00Z"},
                {"jurisdiction",
                 {{"state", "08"},
                  {"district", "110"},
                  {"subdistrict", subdistrict},
                  {"village", "100101"},
                  {"area", area}}},
                {"fields", fields},
                {"tables",
                 {{"members", Json::array({{{"member_id", "12345678901"},
                                            {"name", "Santosh Devi"},
                                            {"relation", "head"},
                                            {"gender", "F"},
                                            {"date_of_birth", "1970-01-20"}},
                                           {{"member_id", "12345678902"},
                                            {"name", "Ramesh Kumar"},
                                            {"relation", "son"},
                                            {"gender", "M"},
                                            {"date_of_birth", "1995-06-02"}}})}}},
                {"documents", documents}};
}

std::vector<Part> ingest_parts(const Json& application, const std::map<std::string, std::string>& docs) {
    std::vector<Part> parts{{"application", application.dump(), "application/json", ""}};
    for (const auto& [id, bytes] : docs)
        parts.push_back({id, bytes, "application/pdf", id + ".pdf"});
    return parts;
}

OfficerSession::OfficerSession(const HttpClient& client, const TestOfficer& officer)
    : client_(client), officer_(officer) {
    if (officer_.p12.empty()) {
        for (const auto& i : shared_pki().officers) {
            if (i.id == officer_.id)
                officer_.p12 = i.p12;
        }
    }
    const HttpResponse r = client_.request(
        "POST", "/v1/sessions", Json{{"user", officer.id}, {"password", "pw-" + officer.id}}.dump(),
        {"Content-Type: application/json"});
    if (r.status != 201)
        throw std::runtime_error("login of " + officer.id + " failed: " + r.body);
    token_ = r.json()["token"].get<std::string>();
}

model::Decision OfficerSession::decision(const std::string& number, std::uint64_t version,
                                         model::Action action, const std::string& reason,
                                         const std::string& remark) const {
    model::Decision d;
    d.id = new_uuid();
    d.application = number;
    d.application_version = version;
    d.action = action;
    d.reason_code = reason;
    d.remark = remark;
    d.officer = officer_.id;
    d.role = officer_.role;
    d.level = officer_.level;
    d.decided_at = std::chrono::floor<std::chrono::seconds>(now_utc());
    bind_as_seen(d);
    return d;
}

void OfficerSession::bind_as_seen(model::Decision& d) const {
    const HttpResponse r = get("/v1/applications/" + d.application);
    if (r.status != 200) {
        // Not visible to this officer: the hub refuses before it compares any content.
        d.content_sha256 = sha256_hex("");
        return;
    }
    model::Application app;
    model::read_value(r.json()["application"], "$.application", app);
    std::map<std::string, crypto::PagesOpened> pages;
    for (const auto& doc : app.documents)
        pages[doc.id] = {1, 1};
    crypto::bind_content(d, app, pages);
}

std::string OfficerSession::body_for(const model::Decision& d) const {
    crypto::Pkcs12Signer signer(officer_.p12, crypto::SecretString(pki_password()));
    const std::string der = signer.sign(crypto::canonical_decision_bytes(d));
    return Json{{"decision", d}, {"signature", base64_encode(der)}}.dump();
}

HttpResponse OfficerSession::decide(const model::Decision& d) const {
    return post("/v1/decisions", body_for(d));
}

HttpResponse OfficerSession::get(const std::string& path) const {
    return client_.request("GET", path, "", {bearer(token_)});
}

HttpResponse OfficerSession::post(const std::string& path, const std::string& json_body) const {
    return client_.request("POST", path, json_body, {bearer(token_), "Content-Type: application/json"});
}

HttpResponse OfficerSession::del(const std::string& path) const {
    return client_.request("DELETE", path, "", {bearer(token_)});
}

std::string new_uuid() {
    static std::mt19937_64 rng{std::random_device{}()};
    static std::mutex mutex;
    std::lock_guard lock(mutex);
    std::uniform_int_distribution<int> digit(0, 15);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (int i = 0; i < 32; ++i) {
        if (i == 8 || i == 12 || i == 16 || i == 20)
            out += '-';
        char c = kHex[digit(rng)];
        if (i == 12)
            c = '4';
        if (i == 16)
            c = kHex[8 + digit(rng) % 4];
        out += c;
    }
    return out;
}

std::string url_escape(const std::string& text) {
    std::string out;
    static constexpr char kHex[] = "0123456789ABCDEF";
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~')
            out += static_cast<char>(c);
        else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
    return out;
}

}  // namespace jaanch::hub::test
