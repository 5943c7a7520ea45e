#include "app/status/status_bar.h"

#include <cstdio>
#include <ctime>

#include <wx/button.h>
#include <wx/intl.h>

#include "util/time.h"

namespace jaanch::app {

std::string human_rate(double bytes_per_second) {
    char text[32];
    if (bytes_per_second >= 1024.0 * 1024.0)
        std::snprintf(text, sizeof text, "%.1f MB/s", bytes_per_second / 1048576.0);
    else
        std::snprintf(text, sizeof text, "%.0f KB/s", bytes_per_second / 1024.0);
    return text;
}

std::string human_duration(std::chrono::seconds s) {
    char text[32];
    const long long total = s.count();
    if (total >= 3600)
        std::snprintf(text, sizeof text, "%lld:%02lld:%02lld", total / 3600, total / 60 % 60, total % 60);
    else
        std::snprintf(text, sizeof text, "%lld:%02lld", total / 60, total % 60);
    return text;
}

std::string local_time_text(const std::string& utc_timestamp) {
    const auto parsed = parse_timestamp(utc_timestamp);
    if (!parsed)
        return utc_timestamp;
    const std::time_t then = std::chrono::system_clock::to_time_t(*parsed);
    const std::time_t now = std::time(nullptr);
    std::tm then_tm{}, now_tm{};
    localtime_r(&then, &then_tm);
    localtime_r(&now, &now_tm);
    const bool today = then_tm.tm_yday == now_tm.tm_yday && then_tm.tm_year == now_tm.tm_year;
    char text[32];
    std::strftime(text, sizeof text, today ? "%H:%M" : "%d %b %H:%M", &then_tm);
    return text;
}

StatusBar::StatusBar(wxWindow* parent, std::function<void()> sync_now) : wxStatusBar(parent, wxID_ANY) {
    SetName("status");
    SetFieldsCount(field_count);
    const int widths[field_count] = {-1,           FromDIP(260), FromDIP(180), FromDIP(120),
                                     FromDIP(200), FromDIP(190), FromDIP(100)};
    SetStatusWidths(field_count, widths);
    sync_button_ =
        new wxButton(this, wxID_ANY, _("Sync now"), wxDefaultPosition, wxDefaultSize, wxBU_EXACTFIT);
    sync_button_->SetName("sync-now");
    sync_button_->SetToolTip(_("Send waiting decisions and fetch new applications now (F5)"));
    sync_button_->Bind(wxEVT_BUTTON, [sync_now = std::move(sync_now)](wxCommandEvent&) { sync_now(); });
    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        place_button();
        e.Skip();
    });
    set_connection(Connection::unknown);
    place_button();
}

void StatusBar::place_button() {
    wxRect rect;
    if (!GetFieldRect(button_field, rect))
        return;
    sync_button_->SetSize(rect.Deflate(1));
}

void StatusBar::set_message(const wxString& text) {
    SetStatusText(text, message_field);
}

void StatusBar::set_connection(Connection state, const wxString& detail) {
    connection_ = state;
    // Shapes as well as words: the state reads at a glance and does not rely on colour.
    wxString text;
    switch (state) {
        case Connection::unknown:
            text = _("○ Not synced yet");
            break;
        case Connection::online:
            text = _("● Online");
            break;
        case Connection::offline:
            text = _("✕ Offline");
            break;
        case Connection::syncing:
            text = _("⟳ Syncing");
            break;
        case Connection::needs_login:
            text = _("⚠ Log in again");
            break;
    }
    if (!detail.empty())
        text += " — " + detail;
    SetStatusText(text, connection_field);
    sync_button_->Enable(state != Connection::syncing);
}

void StatusBar::set_progress(const sync::SyncProgress& p) {
    if (p.phase == sync::SyncPhase::idle)
        return;
    wxString detail;
    switch (p.phase) {
        case sync::SyncPhase::login:
            detail = _("logging in");
            break;
        case sync::SyncPhase::push:
            detail = _("sending decisions");
            break;
        case sync::SyncPhase::pull:
            detail = _("fetching the queue");
            break;
        case sync::SyncPhase::documents:
            detail = _("documents");
            break;
        case sync::SyncPhase::idle:
            break;
    }
    if (p.items_total > 0)
        detail += wxString::Format(" %llu/%llu", static_cast<unsigned long long>(p.items_done),
                                   static_cast<unsigned long long>(p.items_total));
    if (p.bytes_per_second > 0)
        detail += wxString::FromUTF8(" · " + human_rate(p.bytes_per_second));
    if (p.eta)
        detail += wxString::Format(_(" · %s left"), wxString::FromUTF8(human_duration(*p.eta)));
    set_connection(Connection::syncing, detail);
}

void StatusBar::set_waiting(std::size_t decisions) {
    SetStatusText(decisions == 0 ? _("Nothing waiting to send")
                                 : wxString::Format(wxPLURAL("%zu decision waiting to send",
                                                             "%zu decisions waiting to send", decisions),
                                                    decisions),
                  waiting_field);
}

void StatusBar::set_last_sync(const std::string& when) {
    SetStatusText(
        when.empty() ? _("Never synced") : wxString::Format(_("Last sync %s"), wxString::FromUTF8(when)),
        last_sync_field);
}

void StatusBar::set_key(const wxString& text) {
    SetStatusText(text, key_field);
}

void StatusBar::set_protection(const std::string& protection) {
    if (protection.empty())
        return;
    SetStatusText(wxString::Format(_("Sandbox: %s"), wxString::FromUTF8(protection)), protection_field);
}

std::string StatusBar::summary() const {
    std::string out;
    for (int i = 0; i < button_field; ++i) {
        if (i > 0)
            out += " | ";
        out += GetStatusText(i).utf8_string();
    }
    return out;
}

}  // namespace jaanch::app
