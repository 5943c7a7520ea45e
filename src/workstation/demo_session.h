// The built-in demo (`jaanch --demo`): a real jaanch-hub with demo-seed data on loopback, in a temporary
// folder, and a workspace per demo officer. Nothing touches a real workspace; everything is removed on exit.
//
// No wx here: the app shows progress through the callback. Threads: the constructor and sign_in() block (they
// start processes and sync), so the app runs them before showing the queue, with a progress dialog.
// Errors: jaanch::Error with what failed and the hub's own output when it could not start.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include <sys/types.h>

#include "catalogue/catalogue.h"

namespace jaanch::workstation {

struct DemoOfficer {
    std::string user;
    std::string password;
    std::string role;
    std::string level;
    std::vector<std::string> services;
    std::filesystem::path p12;
    std::string p12_password;
};

class DemoSession {
  public:
    using Progress = std::function<void(const std::string& step)>;

    // Seeds a demo district and starts the hub. `hub_binary` is the jaanch-hub program.
    DemoSession(std::filesystem::path hub_binary, int applications, Progress progress);
    ~DemoSession();
    DemoSession(const DemoSession&) = delete;
    DemoSession& operator=(const DemoSession&) = delete;

    const std::string& hub_url() const { return hub_url_; }
    // Replaces the progress callback (a dialog that reported the start is gone by the time roles switch).
    void set_progress(Progress progress) { progress_ = std::move(progress); }
    const std::vector<DemoOfficer>& officers() const { return officers_; }
    // The first officer at `level` ("L1", "L2", the collector's level …) who handles the most services.
    const DemoOfficer* officer_at(const std::string& level) const;

    // Logs in as `officer` and syncs their queue and documents into a fresh workspace; returns its folder.
    std::filesystem::path sign_in(const DemoOfficer& officer, const catalogue::Catalogue& catalogue);

    // Where jaanch-hub is: $JAANCH_HUB, else beside this program (installed), else in the build tree.
    static std::filesystem::path find_hub_binary();

  private:
    std::filesystem::path root_;
    std::string hub_url_;
    pid_t hub_pid_ = -1;
    std::vector<DemoOfficer> officers_;
    Progress progress_;
};

}  // namespace jaanch::workstation
