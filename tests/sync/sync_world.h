// The sync tests' world: a real jaanch-hub process with the role-matrix officers (tests/hub/hub_world.h), a
// fault proxy in front of it that the workspaces talk through, and helpers to file applications with
// documents of a chosen size, open officers' workspaces, log in, decide and run `jaanch-cli`.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "../hub/hub_world.h"
#include "catalogue/catalogue.h"
#include "crypto/signer.h"
#include "fault_proxy.h"
#include "store/workspace.h"
#include "sync/local_decision.h"
#include "sync/sync_engine.h"

namespace jaanch::sync::test {

class SyncWorld {
  public:
    SyncWorld();
    ~SyncWorld();

    std::string hub_url() const { return "http://127.0.0.1:" + std::to_string(proxy_->port()); }
    FaultProxy& proxy() { return *proxy_; }
    hub::test::World& hub() { return *world_; }
    const catalogue::Catalogue& catalogue() const { return catalogue_; }
    const std::filesystem::path& dir() const { return dir_; }

    // Files an application in sub-district 1001 whose two documents are `doc_bytes` long; returns their
    // SHA-256s.
    std::vector<std::string> file(const std::string& number, std::size_t doc_bytes = 2048);
    std::string document_bytes(const std::string& sha256) const;

    std::unique_ptr<store::Workspace> workspace(const std::string& officer = "vdo.in");
    void login(store::Workspace& w, const std::string& officer = "vdo.in");
    std::unique_ptr<crypto::Signer> signer(const std::string& officer = "vdo.in") const;
    model::Decision decide(store::Workspace& w, const std::string& number,
                           model::Action action = model::Action::forward, const std::string& reason = "",
                           const std::string& officer = "vdo.in");
    SyncReport sync(store::Workspace& w, SyncOptions options = {});

    // Stops the hub hard (SIGKILL) and starts it again on a new port behind the same proxy.
    void crash_and_restart_hub();

    // Runs jaanch-cli with `words`; returns its exit status, stdout+stderr in *out.
    int cli(const std::vector<std::string>& words, std::string* out = nullptr) const;
    std::filesystem::path workspace_dir(const std::string& officer) const { return dir_ / ("ws-" + officer); }
    std::filesystem::path password_file() const;

    // How many times decision `id` appears in the hub's portal export (the hub's record of applied
    // decisions).
    std::map<std::string, int> hub_decision_counts();

  private:
    std::filesystem::path dir_;
    std::unique_ptr<hub::test::World> world_;
    std::unique_ptr<FaultProxy> proxy_;
    catalogue::Catalogue catalogue_;
    std::map<std::string, std::string> documents_;  // sha256 → bytes
};

// Pseudo-random bytes starting like a PDF, `size` long, different for each seed.
std::string fake_pdf(const std::string& seed, std::size_t size);

}  // namespace jaanch::sync::test
