// `jaanch-hub serve`: opens the data folder, loads the catalogue and trust anchors, and serves the API until
// SIGINT or SIGTERM. Prints "jaanch-hub listening on http(s)://HOST:PORT" once bound (tests read the port
// there).
#include <signal.h>
#include <unistd.h>

#include <atomic>

#include <chrono>
#include <iostream>
#include <thread>

#include "catalogue/catalogue.h"
#include "hub/commands/hub_commands.h"
#include "hub/http/routes.h"
#include "hub/hub_data.h"
#include "hub/signature/crl_fetch.h"
#include "hub/signature/verifier_check.h"

namespace jaanch::hub {
namespace {

using cli::Args;
using cli::Io;
using cli::UsageError;

std::pair<std::string, int> parse_listen(const std::string& text) {
    const auto colon = text.rfind(':');
    if (colon == std::string::npos || colon == 0)
        throw UsageError("--listen takes HOST:PORT, e.g. 127.0.0.1:8443");
    const std::string port = text.substr(colon + 1);
    if (port.empty() || port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos ||
        std::stoi(port) > 65535)
        throw UsageError("the port in --listen must be 0 to 65535");
    std::string host = text.substr(0, colon);
    if (host.size() > 2 && host.front() == '[' && host.back() == ']')
        host = host.substr(1, host.size() - 2);
    return {host, std::stoi(port)};
}

int positive(const Args& args, const std::string& name, int fallback) {
    const auto text = args.get(name);
    if (!text)
        return fallback;
    if (text->empty() || text->size() > 7 || text->find_first_not_of("0123456789") != std::string::npos ||
        std::stoi(*text) < 1)
        throw UsageError("--" + name + " takes a positive whole number");
    return std::stoi(*text);
}

int serve(const std::vector<std::string>& words, Io io) {
    const Args args(
        words, {"data", "listen", "forms", "tls-cert", "tls-key", "max-connections", "session-hours",
                "request-timeout-ms", "idle-timeout-ms", "max-upload-mb", "crl-fetch-interval", "vault-key"});
    const DataPaths paths{args.require("data")};
    const auto [host, port] = parse_listen(args.get("listen").value_or("127.0.0.1:8420"));
    if (args.has("tls-cert") != args.has("tls-key"))
        throw UsageError("give both --tls-cert and --tls-key");

    const auto forms = args.get("forms").value_or(catalogue::default_catalogue_dir().string());
    const auto loaded = catalogue::load_catalogue(forms);
    for (const auto& problem : loaded.problems)
        io.err << "warning: " << problem.to_string() << "\n";
    if (loaded.catalogue.size() == 0)
        throw Error("The catalogue at " + forms + " has no usable service.");

    // The Aadhaar key is checked (and an older database sealed) before anything is served.
    auto storage = open_storage(paths, args.get("vault-key").value_or(""));
    DocumentStore documents(paths.documents());
    const VerifierSignatureCheck signatures(paths.trust(), paths.crl(), *storage);
    HubOptions options;
    options.session_lifetime = std::chrono::hours(positive(args, "session-hours", 8));
    options.trust_dir = paths.trust();
    options.crl_dir = paths.crl();
    std::optional<CrlFetcher> fetcher;
    if (args.has("crl-fetch-interval"))
        fetcher.emplace(CrlStore(paths.trust(), paths.crl()), *storage,
                        std::chrono::seconds(positive(args, "crl-fetch-interval", 3600)), io.err);
    HubService service(*storage, documents, loaded.catalogue, signatures, options);

    ServerLimits limits;
    limits.max_connections = positive(args, "max-connections", limits.max_connections);
    limits.request_timeout = std::chrono::milliseconds(positive(args, "request-timeout-ms", 30000));
    limits.first_byte_timeout = std::chrono::milliseconds(positive(args, "idle-timeout-ms", 5000));
    limits.keep_alive_timeout = limits.first_byte_timeout;
    limits.max_payload = static_cast<std::size_t>(positive(args, "max-upload-mb", 64)) << 20;
    std::optional<TlsFiles> tls;
    if (args.has("tls-cert"))
        tls = TlsFiles{args.require("tls-cert"), args.require("tls-key")};
    HttpServer server(limits, tls);
    Metrics metrics;
    install_routes(server, service, metrics);

    // A peer that vanishes mid-write must not kill the hub (TLS writes go through write(2)).
    ::signal(SIGPIPE, SIG_IGN);
    // Signals are taken by a dedicated thread (blocked everywhere else), which stops the server cleanly.
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGINT);
    sigaddset(&stop_signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
    const int bound = server.bind(host, port);
    std::atomic<bool> signalled{false};
    std::atomic<bool> returned{false};
    std::thread stopper([&] {
        int signal = 0;
        sigwait(&stop_signals, &signal);
        signalled = true;
        // A signal right after "listening" may come before run() has started accepting, and httplib ignores a
        // stop() then: wait until it runs (or has ended on its own).
        while (!server.running() && !returned)
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        server.stop();
    });
    io.out << "jaanch-hub listening on " << (server.tls() ? "https" : "http") << "://" << host << ":" << bound
           << " (" << loaded.catalogue.size() << " services, data " << paths.root.string() << ")"
           << std::endl;
    const bool ok = server.run();
    returned = true;
    if (!signalled)
        ::kill(::getpid(), SIGTERM);  // wakes the stopper when run() ended on its own
    stopper.join();
    io.out << "jaanch-hub stopped." << std::endl;
    return ok ? cli::kOk : cli::kFailed;
}

}  // namespace

void add_serve_command(cli::CommandList& commands) {
    commands.push_back(
        {"serve", "serve the API (127.0.0.1:8420 unless --listen; TLS with --tls-cert/--tls-key)",
         "--data DIR [--listen HOST:PORT] [--forms DIR] [--tls-cert PEM --tls-key PEM] "
         "[--max-connections N] [--session-hours H] [--request-timeout-ms MS] [--idle-timeout-ms MS] "
         "[--max-upload-mb N] [--crl-fetch-interval SECONDS] [--vault-key FILE]",
         serve});
}

}  // namespace jaanch::hub
