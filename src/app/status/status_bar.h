// The workstation's status bar: where the officer stands at a glance — online or offline (and when it tries
// again), sync progress (items, bytes, rate, time left), decisions waiting to send, the last sync, the
// signing key or token, and a "Sync now" button. It only shows what it is told; the frame feeds it from the
// sync observer and the outbox. UI thread only.
#pragma once

#include <cstddef>
#include <functional>
#include <string>

#include <wx/statusbr.h>

#include "sync/sync_observer.h"

class wxButton;

namespace jaanch::app {

class StatusBar : public wxStatusBar {
  public:
    enum class Connection { unknown, online, offline, syncing, needs_login };

    StatusBar(wxWindow* parent, std::function<void()> sync_now);

    void set_message(const wxString& text);
    // `detail` says why (offline) or what (syncing); shown with the state and as the field's tooltip.
    void set_connection(Connection state, const wxString& detail = {});
    void set_progress(const sync::SyncProgress& progress);
    void set_waiting(std::size_t decisions);
    void set_last_sync(const std::string& when);
    // The signing key or DSC token: "Token: NAME ✓" / "No token — insert your DSC" (account_controller).
    void set_key(const wxString& text);
    // How uploads are rendered: "Sandbox: bubblewrap+seccomp" (docs/sandbox.md).
    void set_protection(const std::string& protection);

    Connection connection() const { return connection_; }
    // The text of every field joined by " | " (tests read it).
    std::string summary() const;

  private:
    enum Field {
        message_field,
        connection_field,
        waiting_field,
        last_sync_field,
        key_field,
        protection_field,
        button_field,
        field_count
    };
    void place_button();

    Connection connection_ = Connection::unknown;
    wxButton* sync_button_ = nullptr;
};

// "1.2 MB/s", "640 KB/s"; "3:05" for a time left.
std::string human_rate(double bytes_per_second);
std::string human_duration(std::chrono::seconds s);
// A stored UTC timestamp in the officer's local time: "14:05" today, "20 Nov 14:05" before; empty stays
// empty.
std::string local_time_text(const std::string& utc_timestamp);

}  // namespace jaanch::app
