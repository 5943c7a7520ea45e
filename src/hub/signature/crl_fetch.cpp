#include "hub/signature/crl_fetch.h"

#include <curl/curl.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <memory>

namespace jaanch::hub {
namespace {

constexpr std::size_t kMaxCrlBytes = 32u << 20;  // the largest CA CRLs are a few MB

std::size_t collect(char* data, std::size_t size, std::size_t count, void* user) {
    auto* out = static_cast<std::string*>(user);
    if (out->size() + size * count > kMaxCrlBytes)
        return 0;  // aborts the transfer
    out->append(data, size * count);
    return size * count;
}

// The body of a 200 answer; throws Error with curl's or the server's reason otherwise.
std::string http_get(const std::string& url) {
    std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
    if (!curl)
        throw Error("libcurl could not start a transfer");
    std::string body;
    curl_easy_setopt(curl.get(), CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl.get(), CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(curl.get(), CURLOPT_CONNECTTIMEOUT, 10L);
    curl_easy_setopt(curl.get(), CURLOPT_TIMEOUT, 120L);
    curl_easy_setopt(curl.get(), CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(curl.get(), CURLOPT_WRITEDATA, &body);
    const CURLcode rc = curl_easy_perform(curl.get());
    if (rc != CURLE_OK)
        throw Error(curl_easy_strerror(rc));
    long status = 0;
    curl_easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &status);
    if (status != 200)
        throw Error("the server answered HTTP " + std::to_string(status));
    return body;
}

void add_points(std::vector<std::string>& out, std::string_view certificate) {
    try {
        for (auto& url : crypto::crl_distribution_points(certificate)) {
            if (std::find(out.begin(), out.end(), url) == out.end())
                out.push_back(std::move(url));
        }
    } catch (const std::exception&) {
        // Not a certificate: registration and the verifier report such files; nothing to fetch for it.
    }
}

}  // namespace

std::vector<std::string> crl_urls(const CrlStore& store, Storage& storage) {
    std::vector<std::string> out;
    for (const auto& account : storage.officers()) {
        if (!account.disabled && !account.certificate_pem.empty())
            add_points(out, account.certificate_pem);
    }
    std::error_code ec;
    if (std::filesystem::is_directory(store.trust_dir(), ec)) {
        for (const auto& entry : std::filesystem::directory_iterator(store.trust_dir())) {
            std::ifstream in(entry.path(), std::ios::binary);
            add_points(out, std::string(std::istreambuf_iterator<char>(in), {}));
        }
    }
    return out;
}

CrlFetchReport fetch_crls(const CrlStore& store, Storage& storage, Timestamp now) {
    CrlFetchReport report;
    const auto urls = crl_urls(store, storage);
    report.urls = urls.size();
    for (const auto& url : urls) {
        try {
            const CrlAdded added = store.add(http_get(url), storage, "crl_fetch", now);
            if (added.outcome == CrlAddition::added || added.outcome == CrlAddition::replaced)
                ++report.added;
        } catch (const std::exception& e) {
            report.problems.push_back("The CRL at " + url + " could not be fetched or used (" + e.what() +
                                      "); the CRL held for that CA stays in use.");
        }
    }
    return report;
}

CrlFetcher::CrlFetcher(CrlStore store, Storage& storage, std::chrono::seconds interval, std::ostream& log)
    : store_(std::move(store)), storage_(storage), interval_(interval), log_(log) {
    thread_ = std::thread([this] { run(); });
}

CrlFetcher::~CrlFetcher() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

void CrlFetcher::run() {
    std::unique_lock lock(mutex_);
    while (!stop_) {
        lock.unlock();
        const CrlFetchReport report = fetch_crls(store_, storage_, now_utc());
        for (const auto& problem : report.problems)
            log_ << "jaanch-hub: warning: " << problem << std::endl;
        lock.lock();
        wake_.wait_for(lock, interval_, [this] { return stop_; });
    }
}

}  // namespace jaanch::hub
