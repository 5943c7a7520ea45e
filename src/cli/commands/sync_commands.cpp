// `login`, `sync`, `queue`, `show`, `decide`, `outbox`, `recall`: the officer's local workspace from the
// command line (src/core/store, src/core/sync). Every command takes --workspace DIR; queue, show and outbox
// take --json.
#include <unistd.h>

#include <cstdio>
#include <iomanip>
#include <iostream>
#include <sstream>

#include "catalogue/catalogue.h"
#include "checks/aadhaar_mask.h"
#include "command.h"
#include "review_output.h"
#include "store/workspace.h"
#include "sync/local_decision.h"
#include "sync/sync_engine.h"
#include "sync/sync_error.h"
#include "workflow/workflow.h"
#include "workspace_options.h"

namespace jaanch::cli {
namespace {

using store::Workspace;

std::string human_bytes(std::uint64_t bytes) {
    std::ostringstream out;
    out << std::fixed << std::setprecision(1);
    if (bytes >= (1ULL << 30))
        out << static_cast<double>(bytes) / (1ULL << 30) << " GiB";
    else if (bytes >= (1ULL << 20))
        out << static_cast<double>(bytes) / (1ULL << 20) << " MiB";
    else if (bytes >= 1024)
        out << static_cast<double>(bytes) / 1024 << " KiB";
    else
        out << bytes << " B";
    return out.str();
}

// Prints sync progress: a redrawn bar on a terminal, a few plain lines otherwise.
class TerminalObserver : public sync::SyncObserver {
  public:
    TerminalObserver(std::ostream& err, bool quiet)
        : err_(err), tty_(::isatty(STDERR_FILENO) == 1), quiet_(quiet) {}
    ~TerminalObserver() override { end_line(); }
    void finish() { end_line(); }

    void on_progress(const sync::SyncProgress& p) override {
        if (quiet_ || !tty_ || p.phase != sync::SyncPhase::documents || p.items_total == 0)
            return;
        constexpr int kWidth = 24;
        const double share = p.bytes_total
                                 ? static_cast<double>(p.bytes_done) / static_cast<double>(p.bytes_total)
                                 : static_cast<double>(p.items_done) / static_cast<double>(p.items_total);
        const int filled = static_cast<int>(std::min(1.0, share) * kWidth);
        std::ostringstream line;
        line << "\r[" << std::string(static_cast<std::size_t>(filled), '#')
             << std::string(static_cast<std::size_t>(kWidth - filled), '.') << "] " << p.items_done << "/"
             << p.items_total << " documents, " << human_bytes(p.bytes_done) << " of "
             << human_bytes(p.bytes_total) << ", "
             << human_bytes(static_cast<std::uint64_t>(p.bytes_per_second)) << "/s";
        if (p.eta)
            line << ", " << p.eta->count() / 60 << ":" << std::setw(2) << std::setfill('0')
                 << p.eta->count() % 60 << " left";
        line << "   ";
        err_ << line.str() << std::flush;
        open_line_ = true;
    }
    void on_status(const sync::SyncStatus&) override {}
    void on_notice(const sync::SyncNotice& n) override {
        if (n.kind == sync::SyncNotice::Kind::document_complete)
            return;
        if (n.kind == sync::SyncNotice::Kind::decision_accepted && quiet_)
            return;
        if (n.kind == sync::SyncNotice::Kind::document_failed && ++failed_ > 5)
            return;  // the summary counts them
        end_line();
        err_ << n.message << "\n";
    }

  private:
    void end_line() {
        if (open_line_)
            err_ << "\n";
        open_line_ = false;
    }
    std::ostream& err_;
    bool tty_;
    bool quiet_;
    bool open_line_ = false;
    int failed_ = 0;
};

int login(const std::vector<std::string>& words, Io io) {
    const Args args(words, with_workspace_options({"hub", "user", "password-file", "totp"}));
    const std::string hub = args.require("hub"), user = args.require("user");
    const std::string password = read_secret_text(args.get("password-file").value_or("-"));
    const auto dir = args.has("workspace") ? std::filesystem::path(*args.get("workspace"))
                                           : Workspace::default_dir(hub, user);
    const auto catalogue = load_forms(args, io);
    Workspace workspace(dir, catalogue);
    const std::string old_hub = workspace.sync_value("hub_url"), old_user = workspace.sync_value("user");
    if ((!old_hub.empty() && old_hub != hub) || (!old_user.empty() && old_user != user))
        throw Error("The workspace " + dir.string() + " belongs to " + old_user + " at " + old_hub +
                    "; a workspace holds one officer at one hub. Choose another --workspace.");
    sync::HubClient client(hub);
    const sync::Login session = client.login(user, password, args.get("totp").value_or(""));
    sync::save_session(workspace, hub, user, session);
    workspace.activity().append(now_utc(), session.officer.id, "logged_in", "", hub);
    remember_workspace(dir);
    io.out << "Logged in to " << hub << " as " << session.officer.name << " (" << session.officer.id << ", "
           << session.officer.role << " at level " << session.officer.level << ") until "
           << format_timestamp(session.expires_at) << ".\nWorkspace: " << dir.string() << "\n";
    return kOk;
}

int sync_command(const std::vector<std::string>& words, Io io) {
    const Args args(words, with_workspace_options({"parallel", "max-rate-kbps"}), {"no-documents", "quiet"});
    const auto catalogue = load_forms(args, io);
    Workspace workspace(workspace_dir(args), catalogue);
    sync::SyncOptions options;
    options.documents = !args.has("no-documents");
    if (auto p = args.get("parallel"))
        options.download.parallel = std::stoi(*p);
    if (auto r = args.get("max-rate-kbps"))
        options.download.max_bytes_per_second = std::stoull(*r) * 1000 / 8;
    TerminalObserver observer(io.err, args.has("quiet"));
    sync::SyncEngine engine(workspace, observer, options);
    const sync::SyncReport r = engine.run();
    observer.finish();
    io.out << "Pulled " << r.applications_pulled << " application change(s); sent " << r.pushed.accepted
           << " decision(s)";
    if (r.pushed.rejected)
        io.out << ", " << r.pushed.rejected << " rejected by the hub";
    if (r.pushed.conflicts)
        io.out << ", " << r.pushed.conflicts << " in conflict";
    io.out << "; downloaded " << r.documents_fetched << " document(s) (" << human_bytes(r.bytes) << ")";
    if (r.documents_failed)
        io.out << ", " << r.documents_failed << " not yet";
    if (r.histories_fetched)
        io.out << "; signatures of earlier decisions for " << r.histories_fetched << " application(s)";
    io.out << ".\n" << r.decisions_waiting << " decision(s) waiting in the outbox.\n";
    if (!r.problem.empty()) {
        io.err << (r.online ? "" : "Offline: ") << r.problem << "\n";
        return kFailed;
    }
    return r.documents_failed ? kFailed : kOk;
}

std::string today_text() {
    return format_date(date_of(now_utc()));
}

int queue(const std::vector<std::string>& words, Io io) {
    const Args args(words,
                    with_workspace_options({"service", "status", "level", "search", "limit", "offset"}),
                    {"overdue", "json"});
    const auto catalogue = load_forms(args, io);
    Workspace workspace(workspace_dir(args), catalogue);
    store::QueueFilter filter;
    filter.service_id = args.get("service").value_or("");
    filter.status = args.get("status").value_or("");
    filter.level = args.get("level").value_or("");
    filter.search = args.get("search").value_or("");
    if (args.has("overdue"))
        filter.overdue_on = date_of(now_utc());
    if (auto l = args.get("limit"))
        filter.limit = std::stoul(*l);
    if (auto o = args.get("offset"))
        filter.offset = std::stoul(*o);
    const auto page = workspace.queue(filter);
    const std::string today = today_text();
    if (args.has("json")) {
        json::Json rows = json::Json::array();
        for (const auto& r : page.rows)
            rows.push_back({{"number", r.number},
                            {"service", r.service_id},
                            {"applicant", r.applicant_name},
                            {"village", r.village},
                            {"submitted_at", r.submitted_at},
                            {"service_due", r.service_due},
                            {"level_due", r.level_due},
                            {"level", r.current_level},
                            {"status", r.status},
                            {"claimed_by", r.claimed_by},
                            {"version", r.version},
                            {"overdue", r.status == "pending" && r.level_due < today}});
        io.out << json::Json{{"total", page.total}, {"applications", rows}}.dump(2) << "\n";
        return kOk;
    }
    io.out << std::left << std::setw(22) << "NUMBER" << std::setw(34) << "SERVICE" << std::setw(10)
           << "STATUS" << std::setw(7) << "LEVEL" << std::setw(12) << "DUE"
           << "APPLICANT (VILLAGE)\n";
    for (const auto& r : page.rows) {
        const bool overdue = r.status == "pending" && r.level_due < today;
        io.out << std::setw(22) << r.number << std::setw(34) << r.service_id << std::setw(10) << r.status
               << std::setw(7) << r.current_level << std::setw(12) << (r.level_due + (overdue ? "!" : ""))
               << r.applicant_name << " (" << r.village << ")\n";
    }
    io.out << page.rows.size() << " of " << page.total << " application(s)"
           << (workspace.application_count() == 0 ? "; the workspace is empty: run `jaanch-cli sync`." : ".")
           << "\n";
    return kOk;
}

// Aadhaar fields always masked; any other text with an Aadhaar-shaped number in it too
// (checks/aadhaar_mask.h).
std::string display_value(const catalogue::ServiceDefinition* service, const std::string& key,
                          const std::string& v) {
    const auto* field = service ? service->find_field(key) : nullptr;
    if (field != nullptr && field->type == "aadhaar")
        return checks::mask_aadhaar(v);
    return checks::redact_aadhaar_numbers(v);
}

json::Json outbox_json(const store::OutboxEntry& e) {
    return {{"id", e.decision.id},
            {"application", e.decision.application},
            {"action", model::action_name(e.decision.action)},
            {"reason_code", e.decision.reason_code},
            {"state", store::outbox_state_name(e.state)},
            {"hub_message", e.hub_message},
            {"attempts", e.attempts},
            {"decided_at", format_timestamp(e.decision.decided_at)},
            {"updated_at", format_timestamp(e.updated_at)}};
}

int show(const std::vector<std::string>& words, Io io) {
    const Args args(words, with_workspace_options({}), {"json"});
    if (args.positionals().size() != 1)
        throw UsageError("give one application number");
    const std::string number = args.positionals().front();
    const auto catalogue = load_forms(args, io);
    Workspace workspace(workspace_dir(args), catalogue);
    const auto app = workspace.application(number);
    if (!app)
        throw Error("Application " + number +
                    " is not in this workspace. Sync, or check the number with "
                    "`jaanch-cli queue`.");
    const auto* service = catalogue.find(app->service_id, app->service_version);
    const std::string officer = workspace.sync_value("user");
    workspace.activity().append(now_utc(), officer, "opened", number, "");
    json::Json docs = json::Json::array();
    for (const auto& d : app->documents)
        docs.push_back({{"id", d.id},
                        {"kind", d.kind},
                        {"file_name", d.file_name},
                        {"mime_type", d.mime_type},
                        {"size", d.size},
                        {"sha256", d.sha256},
                        {"state", store::document_state_name(workspace.document_state(d.sha256))},
                        {"path", workspace.documents().path_of(d.sha256).string()}});
    json::Json fields = json::Json::object();
    for (const auto& [key, value] : app->fields)
        fields[key] = display_value(service, key, value);
    json::Json outbox = json::Json::array();
    for (const auto& e : workspace.outbox().list())
        if (e.decision.application == number)
            outbox.push_back(outbox_json(e));
    json::Json history = json::Json::array();
    for (const auto& h : app->history)
        history.push_back({{"action", model::action_name(h.decision.action)},
                           {"officer", h.decision.officer},
                           {"level", h.decision.level},
                           {"reason_code", h.decision.reason_code},
                           {"remark", h.decision.remark},
                           {"applied_at", format_timestamp(h.applied_at)},
                           {"status_after", model::status_name(h.status_after)},
                           {"level_after", h.level_after}});
    // The automatic checks (workspace_checks/application_review.h), with the IST date as today.
    std::optional<checks::ApplicationReport> review;
    if (service != nullptr) {
        try {
            review = checks::review_application(*app, *service, workspace,
                                                date_of(now_utc() + std::chrono::minutes(330)));
        } catch (const Error& e) {  // e.g. the Aadhaar key is missing: the form is still worth showing
            io.err << "The automatic checks could not run: " << e.what() << "\n";
        }
    }
    if (args.has("json")) {
        io.out << json::Json{{"number", app->number},
                             {"checks", review ? review_json(*review) : json::Json(nullptr)},
                             {"service", app->service_id},
                             {"status", model::status_name(app->status)},
                             {"level", app->current_level},
                             {"version", app->version},
                             {"submitted_at", format_timestamp(app->submitted_at)},
                             {"fields", fields},
                             {"documents", docs},
                             {"history", history},
                             {"outbox", outbox}}
                      .dump(2)
               << "\n";
        return kOk;
    }
    io.out << app->number << "  " << (service ? service->title.en : app->service_id) << "\n"
           << "Status " << model::status_name(app->status) << " at level " << app->current_level
           << " (version " << app->version << "), submitted " << format_timestamp(app->submitted_at)
           << "\n\nForm:\n";
    for (const auto& [key, value] : fields.items()) {
        const auto* f = service ? service->find_field(key) : nullptr;
        io.out << "  " << std::left << std::setw(28) << (f ? f->label.en : key) << value.get<std::string>()
               << "\n";
    }
    for (const auto& [table, rows] : app->tables)
        io.out << "  " << table << ": " << rows.size() << " row(s)\n";
    io.out << "\nDocuments:\n";
    for (const auto& d : docs)
        io.out << "  " << std::setw(18) << d["id"].get<std::string>() << std::setw(10)
               << d["state"].get<std::string>() << human_bytes(d["size"].get<std::uint64_t>()) << "  "
               << d["file_name"].get<std::string>() << "\n";
    io.out << "\nHistory:\n";
    if (history.empty())
        io.out << "  (none)\n";
    for (const auto& h : history)
        io.out << "  " << h["applied_at"].get<std::string>() << "  " << h["officer"].get<std::string>()
               << " (" << h["level"].get<std::string>() << ") " << h["action"].get<std::string>() << " "
               << h["reason_code"].get<std::string>() << " " << h["remark"].get<std::string>() << "\n";
    if (review)
        print_review(io.out, *review);
    for (const auto& e : outbox)
        io.out << "\nOutbox: " << e["action"].get<std::string>() << " " << e["state"].get<std::string>()
               << " " << e["hub_message"].get<std::string>() << "\n";
    return kOk;
}

int decide(const std::vector<std::string>& words, Io io) {
    auto options = with_workspace_options(signer_options());
    for (const char* o : {"reject", "return", "remark"})
        options.push_back(o);
    const Args args(words, options, {"approve", "forward", "escalate", "send-back"});
    if (args.positionals().size() != 1)
        throw UsageError("give one application number");
    sync::DecisionInput input;
    input.application = args.positionals().front();
    int chosen = 0;
    if (args.has("approve"))
        ++chosen, input.action = model::Action::approve;
    if (args.has("forward"))
        ++chosen, input.action = model::Action::forward;
    if (args.has("escalate"))
        ++chosen, input.action = model::Action::escalate;
    if (args.has("send-back"))
        ++chosen, input.action = model::Action::send_back;
    if (auto r = args.get("reject"))
        ++chosen, input.action = model::Action::reject, input.reason_code = *r;
    if (auto r = args.get("return"))
        ++chosen, input.action = model::Action::return_to_applicant, input.reason_code = *r;
    if (chosen != 1)
        throw UsageError(
            "choose one of --approve, --forward, --reject REASON, --return REASON, --send-back, --escalate");
    input.remark = args.get("remark").value_or("");
    const auto catalogue = load_forms(args, io);
    Workspace workspace(workspace_dir(args), catalogue);
    const model::Officer officer = sync::session_officer(workspace);
    auto signer = open_signer_from(args);
    model::Decision d;
    try {
        d = sync::decide_locally(workspace, catalogue, officer, *signer, input, now_utc());
    } catch (const workflow::WorkflowError& e) {
        if (e.verdict().denial != workflow::Denial::review_incomplete)
            throw;
        // The command line shows no document, so nothing it does counts as opening one (not even `render`,
        // which writes a PNG nobody is known to have looked at): the pages must be seen in the workstation.
        io.err << e.what() << "\n"
               << "jaanch-cli has no document viewer. Open " << input.application
               << " in the jaanch workstation with this workspace and bring each page named above on screen "
                  "(the workspace records the pages seen), then decide again, there or with this command. "
                  "Reject, return and send back need no pages opened.\n";
        return kFailed;
    }
    // Only now, with the decision committed to the outbox, is the officer told it is saved.
    io.out << "Saved: " << model::action_name(d.action) << " on " << d.application << " (decision " << d.id
           << "), signed by " << signer->description() << ". It leaves with the next sync; "
           << sync::decisions_waiting(workspace) << " decision(s) waiting.\n";
    return kOk;
}

int outbox(const std::vector<std::string>& words, Io io) {
    const Args args(words, with_workspace_options({"state"}), {"json"});
    const auto catalogue = load_forms(args, io);
    Workspace workspace(workspace_dir(args), catalogue);
    const auto entries = workspace.outbox().list();
    const std::string only = args.get("state").value_or("");
    json::Json rows = json::Json::array();
    for (const auto& e : entries)
        if (only.empty() || store::outbox_state_name(e.state) == only)
            rows.push_back(outbox_json(e));
    if (args.has("json")) {
        io.out << json::Json{{"waiting", sync::decisions_waiting(workspace)}, {"decisions", rows}}.dump(2)
               << "\n";
        return kOk;
    }
    io.out << std::left << std::setw(38) << "DECISION" << std::setw(22) << "APPLICATION" << std::setw(22)
           << "ACTION" << std::setw(10) << "STATE"
           << "HUB\n";
    for (const auto& r : rows)
        io.out << std::setw(38) << r["id"].get<std::string>() << std::setw(22)
               << r["application"].get<std::string>() << std::setw(22) << r["action"].get<std::string>()
               << std::setw(10) << r["state"].get<std::string>() << r["hub_message"].get<std::string>()
               << "\n";
    io.out << sync::decisions_waiting(workspace) << " decision(s) waiting to be sent.\n";
    return kOk;
}

int recall(const std::vector<std::string>& words, Io io) {
    const Args args(words, with_workspace_options({}));
    if (args.positionals().size() != 1)
        throw UsageError("give one decision id");
    const auto catalogue = load_forms(args, io);
    Workspace workspace(workspace_dir(args), catalogue);
    const std::string id = args.positionals().front();
    const auto entry = workspace.outbox().find(id);
    sync::recall_decision(workspace, workspace.sync_value("user"), id, now_utc());
    io.out << "Recalled decision " << id << " on " << entry->decision.application << ".\n";
    return kOk;
}

int logout(const std::vector<std::string>& words, Io io) {
    const Args args(words, with_workspace_options({}));
    const auto catalogue = load_forms(args, io);
    Workspace workspace(workspace_dir(args), catalogue);
    const std::string problem = sync::end_session(workspace, now_utc());
    io.out << "Logged out; the token is forgotten here. " << sync::decisions_waiting(workspace)
           << " decision(s) stay in the outbox until the next log-in.\n";
    if (!problem.empty()) {
        io.err << problem << "\n";
        return kFailed;
    }
    return kOk;
}

}  // namespace

void add_sync_commands(CommandList& commands) {
    commands.push_back({"login", "log in to a hub and choose this officer's local workspace",
                        "--hub URL --user NAME [--password-file F|-] [--totp CODE] [--workspace DIR]",
                        login});
    commands.push_back(
        {"sync", "send waiting decisions, pull queue changes, download documents (soonest due first)",
         "[--workspace DIR] [--no-documents] [--parallel N] [--max-rate-kbps N] [--quiet]", sync_command});
    commands.push_back(
        {"queue", "the local queue as a table",
         "[--workspace DIR] [--service ID] [--status S] [--level L] [--overdue] [--search TEXT] "
         "[--limit N] [--offset N] [--json]",
         queue});
    commands.push_back({"show", "one application: form data, documents and their local state, history",
                        "APP [--workspace DIR] [--json]", show});
    commands.push_back(
        {"decide",
         "sign a decision and put it in the outbox (works offline; where a level requires documents opened, "
         "approve and forward count the pages seen in the workstation)",
         "APP --approve|--forward|--reject REASON|--return REASON|--send-back|--escalate [--remark TEXT] "
         "(--p12 F --password-file F | --pkcs11-module SO --pin-file F [--token L]) [--workspace DIR]",
         decide});
    commands.push_back({"outbox", "decisions waiting, sent, rejected or in conflict",
                        "[--workspace DIR] [--state S] [--json]", outbox});
    commands.push_back(
        {"recall", "take back a decision that has not left yet", "DECISION [--workspace DIR]", recall});
    commands.push_back({"logout", "end this officer's session on the hub and forget its token here",
                        "[--workspace DIR]", logout});
}

}  // namespace jaanch::cli
