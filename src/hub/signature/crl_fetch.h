// The periodic CRL fetch (`jaanch-hub serve --crl-fetch-interval SECONDS`): downloads the CRLs named by the
// CRL distribution points (http/https) of the registered officers' certificates and of the trust anchors,
// and adds each through CrlStore::add (checked against the trust folder; kept only when newer), so the
// running hub's verifier picks it up at the next decision.
//
// Errors: a URL that cannot be fetched or does not give a trusted CA's CRL is a warning line on `log` (the
// CRL held stays); nothing is thrown from the background thread. Threads: CrlFetcher owns one thread, started
// in the constructor (which fetches at once) and stopped and joined by the destructor.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <ostream>
#include <string>
#include <thread>
#include <vector>

#include "hub/signature/crl_store.h"

namespace jaanch::hub {

struct CrlFetchReport {
    std::size_t urls = 0;
    std::size_t added = 0;  // CRLs that replaced an older one or were new
    std::vector<std::string> problems;
};

// The distribution points of the active officers' registered certificates and of the trust anchors.
std::vector<std::string> crl_urls(const CrlStore& store, Storage& storage);

// One round: every URL once.
CrlFetchReport fetch_crls(const CrlStore& store, Storage& storage, Timestamp now);

class CrlFetcher {
  public:
    CrlFetcher(CrlStore store, Storage& storage, std::chrono::seconds interval, std::ostream& log);
    ~CrlFetcher();
    CrlFetcher(const CrlFetcher&) = delete;
    CrlFetcher& operator=(const CrlFetcher&) = delete;

  private:
    void run();

    CrlStore store_;
    Storage& storage_;
    std::chrono::seconds interval_;
    std::ostream& log_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stop_ = false;
    std::thread thread_;
};

}  // namespace jaanch::hub
