#include "app/review/review_controller.h"

#include <algorithm>
#include <cstdio>

#include <wx/app.h>
#include <wx/dialog.h>
#include <wx/intl.h>
#include <wx/utils.h>

#include "app/application/application_controller.h"
#include "app/decide/decide_controller.h"
#include "app/decide/decision_bar.h"
#include "app/documents/documents_controller.h"
#include "app/documents/documents_panel.h"
#include "app/main/context.h"
#include "app/queue/queue_controller.h"
#include "app/queue/queue_panel.h"
#include "app/review/review_pane.h"
#include "store/review_store.h"
#include "sync/history_check.h"
#include "sync/sync_error.h"
#include "util/dispatch.h"
#include "workflow/workflow.h"
#include "workstation/decision_draft.h"

namespace jaanch::app {
namespace {

wxString local_time(Timestamp t) {
    const auto text = format_timestamp(t);  // RFC 3339 UTC; the officer reads the clock time
    return wxString::FromUTF8(text.size() >= 16 ? text.substr(11, 5) + " UTC" : text);
}

}  // namespace

ReviewController::ReviewController(Context& context, ReviewPane& pane)
    : context_(context), pane_(pane), last_input_(std::chrono::steady_clock::now()) {
    wxEvtHandler::AddFilter(this);
    pane_.set_checklist_handler([this](const model::DocumentCheck& check, bool cleared) {
        if (!open_ || !context_.session.workspace)
            return;
        store::ReviewStore review(*context_.session.workspace);
        if (cleared)
            review.clear_document_check(open_->number, check.document);
        else
            review.put_document_check(open_->number, check);
    });
    context_.documents->panel().set_on_page_seen(
        [this](const std::string& document_id, int page, int page_count) {
            if (!open_ || !context_.session.workspace || document_id.empty())
                return;
            auto& workspace = *context_.session.workspace;
            if (store::ReviewStore(workspace).record_page_view(open_->number, document_id, page, page_count,
                                                               now_utc())) {
                workspace.activity().append(
                    now_utc(), context_.session.officer ? context_.session.officer->id : "", "viewed_page",
                    open_->number, document_id + " page " + std::to_string(page + 1));
                refresh_pages();
                context_.decide->refresh_review();  // the review requirement may be met now
            }
        });
    timer_.Bind(wxEVT_TIMER, [this](wxTimerEvent&) { on_tick(); });
    timer_.Start(15'000);
    tabs_timer_.Bind(wxEVT_TIMER, [this](wxTimerEvent&) { refresh_tabs(); });
    pane_.tab_parent()->Bind(wxEVT_NOTEBOOK_PAGE_CHANGED, [this](wxBookCtrlEvent& e) {
        e.Skip();
        refresh_tabs();
    });
}

void ReviewController::refresh_tabs() {
    if (!tabs_stale_ || !open_ || !context_.session.workspace)
        return;
    tabs_stale_ = false;
    tabs_timer_.Stop();
    auto& session = context_.session;
    const auto* service = session.catalogue.find(open_->service_id, open_->service_version);
    pane_.checklist()->show(*open_, service, session.language,
                            store::ReviewStore(*session.workspace).document_checks(open_->number));
    refresh_pages();
    refresh_history();
}

ReviewController::~ReviewController() {
    timer_.Stop();
    wxEvtHandler::RemoveFilter(this);
    release_held();  // queued on the worker, whose destructor lets it go out before joining
}

int ReviewController::FilterEvent(wxEvent& event) {
    const wxEventType t = event.GetEventType();
    if (t == wxEVT_KEY_DOWN || t == wxEVT_LEFT_DOWN || t == wxEVT_RIGHT_DOWN || t == wxEVT_MOUSEWHEEL ||
        t == wxEVT_MOTION)
        last_input_ = std::chrono::steady_clock::now();
    return Event_Skip;
}

std::optional<ReviewController::HubAccess> ReviewController::hub_access() const {
    const auto& workspace = context_.session.workspace;
    if (!workspace)
        return std::nullopt;
    HubAccess access{workspace->sync_value("hub_url"), workspace->sync_value("token")};
    if (access.url.empty() || access.token.empty())
        return std::nullopt;
    return access;
}

void ReviewController::post(std::function<void(sync::HubClient&)> task) {
    const auto access = hub_access();
    if (!access)
        return;
    worker_.post([this, access = *access, task = std::move(task)] {
        // The client lives on the worker thread and is made again only when the hub changes.
        if (!client_ || client_url_ != access.url) {
            sync::HubClientOptions options;
            options.connect_timeout = std::chrono::milliseconds(3000);
            options.total_timeout = std::chrono::seconds(20);
            client_ = std::make_unique<sync::HubClient>(access.url, options);
            client_url_ = access.url;
        }
        client_->set_token(access.token);
        task(*client_);
    });
}

void ReviewController::on_open(const model::Application& app) {
    generation_.advance();
    if (!held_.empty() && held_ != app.number)
        release_held();
    open_ = app;
    claim_.reset();
    read_only_reason_.clear();
    auto& pane = pane_;
    pane.set_banner({});
    auto& session = context_.session;
    if (!session.workspace)
        return;
    const auto* service = session.catalogue.find(app.service_id, app.service_version);
    // The checklist and history tabs fill a moment later (or when shown): rebuilding them and checking the
    // history's signatures used to delay the form and the first page of every "next application".
    tabs_stale_ = true;
    tabs_timer_.StartOnce(kTabsDelayMs);
    // Claim only what this officer may decide: claiming an application that moved on would only block others.
    const bool may_decide =
        service != nullptr && session.officer && workflow::may_act(*service, app, *session.officer).ok();
    const std::uint64_t generation = generation_.current();
    const std::string number = app.number;
    // What the last sync knew, until the hub answers: never offer to decide what a colleague holds.
    store::QueueFilter row;
    row.search = number;
    row.limit = 20;  // the search is a prefix: "…/1" also finds "…/10"
    for (const auto& r : session.workspace->queue(row).rows) {
        if (r.number == number && !r.claimed_by.empty() && session.officer &&
            r.claimed_by != session.officer->id)
            read_only(
                wxString::Format(_("Claimed by %s at the last sync: read-only until the hub says otherwise."),
                                 wxString::FromUTF8(r.claimed_by)));
    }
    if (!hub_access()) {
        pane.set_banner(_("Offline: opened without a claim. Log in to a hub to claim applications."), false);
        return;
    }
    if (may_decide) {
        claim_pending_ = true;
        request_claim(generation, number, /*explain_offline=*/true);
    }
    post([this, generation, number](sync::HubClient& client) {
        try {
            auto signatures = client.history(number);
            worker_.lifetime().to_main(
                [this, generation, number, signatures = std::move(signatures)]() mutable {
                    on_history_result(generation, number, std::move(signatures));
                });
        } catch (const std::exception&) {
            // Offline or refused: the pane keeps "not yet fetched" for what is not in the workspace; the
            // claim answer (or the sync) tells the officer about the link.
        }
    });
}

void ReviewController::on_claim_result(std::uint64_t generation, const std::string& number,
                                       std::optional<sync::ClaimState> claim, std::string problem,
                                       bool offline) {
    auto* workspace = context_.session.workspace.get();
    if (!generation_.is_current(generation)) {
        // The officer moved on before the answer came: give back a claim nobody is using.
        if (claim && claim->mine)
            post([number](sync::HubClient& c) {
                try {
                    c.release(number);
                } catch (const std::exception&) {
                    // The claim expires on its own; nothing for the officer to do.
                }
            });
        return;
    }
    claim_pending_ = false;
    auto& pane = pane_;
    if (offline) {
        pane.set_banner(
            _("Offline: opened without a claim. Decisions are saved and sent when the hub is back."), false);
        return;
    }
    if (!claim) {
        pane.set_banner(wxString::Format(_("Not claimed: %s"), wxString::FromUTF8(problem)));
        return;
    }
    claim_ = claim;
    if (workspace != nullptr)
        workspace->set_claim(number, claim->officer);
    context_.queue->panel().show_claim(number, claim->officer);
    if (claim->mine) {
        held_ = number;
        if (!read_only_reason_.empty()) {  // the last sync's claim has ended: offer the actions again
            read_only_reason_.clear();
            context_.decide->refresh_actions();
        }
        pane.set_banner(wxString::Format(_("Claimed by you until %s."), local_time(claim->expires_at)),
                        false);
    } else {
        read_only(wxString::Format(_("Claimed by %s until %s: opened read-only."),
                                   wxString::FromUTF8(claim->officer), local_time(claim->expires_at)));
    }
}

void ReviewController::set_banner(const wxString& text, bool warning) {
    pane_.set_banner(text, warning);
}

void ReviewController::set_idle_minutes(const std::string& minutes) {
    if (context_.session.workspace)
        context_.session.workspace->set_sync_value("claim_idle_minutes", minutes);
}

void ReviewController::act_as_idle() {
    last_input_ =
        std::chrono::steady_clock::now() - std::chrono::minutes(idle_minutes()) - std::chrono::seconds(1);
    on_tick();
}

void ReviewController::read_only(const wxString& why) {
    read_only_reason_ = why;
    context_.decide->set_read_only(why);
    pane_.set_banner(why);
}

void ReviewController::on_history_result(std::uint64_t generation, const std::string& number,
                                         std::vector<sync::HistorySignature> signatures) {
    if (!context_.session.workspace)
        return;
    sync::store_history(*context_.session.workspace, number, signatures, now_utc());
    if (generation_.is_current(generation))
        refresh_history();
}

void ReviewController::refresh_history() {
    if (!open_ || !context_.session.workspace || tabs_stale_)
        return;
    pane_.show_history(*open_, sync::check_history(*context_.session.workspace, *open_));
}

void ReviewController::refresh_pages() {
    if (!open_ || !context_.session.workspace || tabs_stale_)
        return;
    const auto seen = store::ReviewStore(*context_.session.workspace).pages_seen(open_->number);
    for (const auto& doc : context_.documents->panel().opened()) {
        auto it = seen.find(doc.document_id);
        pane_.checklist()->set_pages(doc.document_id, it == seen.end() ? 0 : it->second.pages.size(),
                                     doc.page_count);
    }
}

std::vector<model::DocumentCheck> ReviewController::document_checks() const {
    if (!open_ || !context_.session.workspace)
        return {};
    return store::ReviewStore(*context_.session.workspace).document_checks(open_->number);
}

std::vector<std::string> ReviewController::documents_not_opened() const {
    if (!open_ || !context_.session.workspace)
        return {};
    return workstation::documents_not_opened(
        *open_, store::ReviewStore(*context_.session.workspace).pages_seen(open_->number));
}

// Of the application the form shows: the decision bar asks while it opens, before on_open has run here.
std::vector<workflow::ReviewGap> ReviewController::review_gaps() const {
    const auto& open = context_.application->current();
    const auto* service = context_.application->service();
    if (!open || service == nullptr || !context_.session.workspace)
        return {};
    return workstation::review_gaps(*service, *open,
                                    store::ReviewStore(*context_.session.workspace).pages_seen(open->number));
}

void ReviewController::after_decided(const std::string& number) {
    if (context_.session.workspace)
        store::ReviewStore(*context_.session.workspace).clear_review(number);
    if (held_ == number)
        held_.clear();  // the hub releases the claim with the decision
}

void ReviewController::after_sync() {
    if (!open_ || !context_.session.workspace)
        return;
    auto& workspace = *context_.session.workspace;
    const auto fresh = workspace.application(open_->number);
    if (fresh && fresh->version != open_->version) {
        wxString text;
        if (!fresh->history.empty()) {
            const auto& last = fresh->history.back();
            text = wxString::Format(
                _("No longer in your queue: %s by %s; now %s at %s. The form shows what you opened."),
                wxGetTranslation(wxString::FromUTF8(std::string(model::action_name(last.decision.action)))),
                wxString::FromUTF8(last.decision.officer),
                wxGetTranslation(wxString::FromUTF8(std::string(model::status_name(fresh->status)))),
                wxString::FromUTF8(fresh->current_level));
        } else {
            text =
                _("This application changed on the hub since you opened it: open it again to see the new "
                  "state.");
        }
        if (held_ == open_->number)
            held_.clear();
        read_only(text);
        return;
    }
    store::QueueFilter listed = context_.queue->panel().filter();
    listed.search = open_->number;
    listed.limit = 0;
    if (workspace.queue(listed).total == 0 && read_only_reason_.empty())
        pane_.set_banner(_("No longer listed by the current queue filter."), false);
    refresh_history();
}

void ReviewController::release_held() {
    if (held_.empty())
        return;
    const std::string number = held_;
    held_.clear();
    if (context_.session.workspace)
        context_.session.workspace->set_claim(number, "");
    context_.queue->panel().show_claim(number, "");
    post([number](sync::HubClient& client) {
        try {
            client.release(number);
        } catch (const std::exception& e) {
            std::fprintf(stderr, "jaanch: the claim on %s was not released (%s); it expires on its own.\n",
                         number.c_str(), e.what());
        }
    });
}

int ReviewController::idle_minutes() const {
    if (!context_.session.workspace)
        return 10;
    const std::string value = context_.session.workspace->sync_value("claim_idle_minutes");
    try {
        return value.empty() ? 10 : std::max(1, std::stoi(value));
    } catch (const std::exception&) {
        return 10;
    }
}

void ReviewController::on_tick() {
    if (held_.empty())
        return;
    const auto idle = std::chrono::steady_clock::now() - last_input_;
    if (idle >= std::chrono::minutes(idle_minutes())) {
        release_held();
        claim_.reset();
        pane_.set_banner(
            wxString::Format(
                _("Claim released after %d minutes without input. Open the application again to claim it."),
                idle_minutes()),
            false);
        return;
    }
    // Working on it: renew before the hub lets the claim lapse.
    if (claim_ && claim_->mine && claim_->expires_at - now_utc() < std::chrono::minutes(5) &&
        !claim_pending_) {
        claim_pending_ = true;
        request_claim(generation_.current(), held_, /*explain_offline=*/false);
    }
}

// Claims `number` on a worker; the answer comes back to on_claim_result on the UI thread. Opening explains an
// unreachable hub in the banner; a renewal does not (the status bar already says offline).
void ReviewController::request_claim(std::uint64_t generation, const std::string& number,
                                     bool explain_offline) {
    post([this, generation, number, explain_offline](sync::HubClient& client) {
        std::optional<sync::ClaimState> claim;
        std::string problem;
        bool offline = false;
        try {
            claim = client.claim(number);
        } catch (const sync::Offline& e) {
            offline = true;
            if (explain_offline)
                problem = e.what();
        } catch (const std::exception& e) {
            problem = e.what();
        }
        worker_.lifetime().to_main([this, generation, number, claim, problem, offline] {
            on_claim_result(generation, number, claim, problem, offline);
        });
    });
}

void ReviewController::print_state() {
    json::Json j = json::Json::object();
    j["number"] = open_ ? open_->number : "";
    j["banner"] = pane_.banner().utf8_string();
    // "allowed": what the bar offers; "held_back": those of them the review requirement disables for now.
    json::Json allowed = json::Json::array();
    json::Json held = json::Json::array();
    const auto& bar = context_.decide->bar();
    for (auto a : model::all_actions()) {
        if (bar.offers(a))
            allowed.push_back(std::string(model::action_name(a)));
        if (bar.held_back(a))
            held.push_back(std::string(model::action_name(a)));
    }
    j["allowed"] = allowed;
    j["held_back"] = held;
    j["decision_message"] = bar.message().utf8_string();
    json::Json gaps = json::Json::array();
    for (const auto& g : review_gaps())
        gaps.push_back(
            {{"document", g.document}, {"pages_opened", g.pages_opened}, {"pages_total", g.pages_total}});
    j["review_gaps"] = gaps;
    j["claim"] =
        claim_ ? json::Json{{"mine", claim_->mine}, {"officer", claim_->officer}} : json::Json(nullptr);
    j["held"] = held_;
    j["history"] = pane_.history_lines();
    json::Json checks = json::Json::array();
    for (const auto& c : document_checks())
        checks.push_back(c);
    j["checks"] = checks;
    json::Json pages = json::Json::object();
    if (open_ && context_.session.workspace) {
        const auto seen = store::ReviewStore(*context_.session.workspace).pages_seen(open_->number);
        for (const auto& doc : context_.documents->panel().opened()) {
            auto it = seen.find(doc.document_id);
            pages[doc.document_id] = std::to_string(it == seen.end() ? 0 : it->second.pages.size()) + "/" +
                                     std::to_string(doc.page_count);
        }
    }
    j["pages"] = pages;
    j["not_opened"] = documents_not_opened();
    json::Json queue = json::Json::array();
    for (long i = 0; i < std::min<long>(5, static_cast<long>(context_.queue->panel().row_count())); ++i)
        queue.push_back(context_.queue->panel().GetItemText(i).utf8_string());
    j["queue_total"] = context_.queue->panel().row_count();
    j["queue_first"] = queue;
    std::printf("%s\n", json::Json{{"review", j}}.dump().c_str());
    std::fflush(stdout);
}

}  // namespace jaanch::app
