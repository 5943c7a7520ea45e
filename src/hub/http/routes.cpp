#include "hub/http/routes.h"

#include <httplib.h>

#include <iostream>
#include <set>

#include "hub/storage/document_store.h"
#include "jaanch/version.h"

namespace jaanch::hub {
namespace {

using httplib::Request;
using httplib::Response;
using Clock = std::chrono::steady_clock;

thread_local Clock::time_point t_request_start;

void send_json(Response& res, int status, const std::string& body) {
    res.status = status;
    res.set_content(body, "application/json");
}

void send_error(Response& res, const ApiError& e) {
    if (e.status() == 429 && e.details().contains("retry_after_seconds"))
        res.set_header("Retry-After", std::to_string(e.details()["retry_after_seconds"].get<std::int64_t>()));
    if (e.status() == 401)
        res.set_header("WWW-Authenticate", "Bearer");
    send_json(res, e.status(), e.body_text());
}

// Runs a handler body, turning every failure into a JSON error answer.
template <class F>
void guarded(Response& res, F&& body) {
    try {
        body();
    } catch (const ApiError& e) {
        send_error(res, e);
    } catch (const InputError& e) {
        send_error(res, ApiError(422, "invalid_request", e.what(), {{"path", e.path()}}));
    } catch (const std::exception& e) {
        std::cerr << "jaanch-hub: internal error: " << e.what() << "\n";
        send_error(
            res, ApiError(500, "internal_error",
                          "The hub failed to handle this request; nothing was changed. The hub's log has the "
                          "cause."));
    }
}

std::string bearer(const Request& req) {
    const std::string header = req.get_header_value("Authorization");
    if (header.empty())
        return {};
    constexpr std::string_view kPrefix = "Bearer ";
    if (header.size() <= kPrefix.size() || header.compare(0, kPrefix.size(), kPrefix) != 0)
        throw ApiError(401, "unauthenticated", "The Authorization header must be \"Bearer TOKEN\".");
    return header.substr(kPrefix.size());
}

void only_params(const Request& req, const std::set<std::string>& known) {
    for (const auto& [key, value] : req.params) {
        if (!known.contains(key))
            throw ApiError(
                400, "unknown_parameter",
                "The query parameter \"" + key.substr(0, 40) + "\" is not one this endpoint takes.");
        if (req.get_param_value_count(key) > 1)
            throw ApiError(400, "invalid_parameter",
                           "The query parameter \"" + key + "\" is given more than once.");
    }
}

int limit_param(const Request& req) {
    if (!req.has_param("limit"))
        return 0;
    const std::string text = req.get_param_value("limit");
    if (text.empty() || text.size() > 6 || text.find_first_not_of("0123456789") != std::string::npos)
        throw ApiError(400, "invalid_limit", "The limit must be a whole number of entries.");
    const int value = std::stoi(text);
    if (value == 0)
        throw ApiError(400, "invalid_limit", "The limit must be at least 1.");
    return value;
}

// A JSON request body: right content type, within the size limit, well-formed. An empty body is `{}` when
// allowed.
json::Json json_body(const Request& req, const HubOptions& options, bool empty_ok = false) {
    if (empty_ok && req.body.empty())
        return json::Json::object();
    const std::string type = req.get_header_value("Content-Type");
    if (type.compare(0, 16, "application/json") != 0 || (type.size() > 16 && type[16] != ';'))
        throw ApiError(415, "unsupported_media_type",
                       "This endpoint takes application/json, not \"" + type.substr(0, 60) + "\".");
    if (req.body.size() > options.max_json_body)
        throw ApiError(
            413, "payload_too_large",
            "A JSON request may be at most " + std::to_string(options.max_json_body >> 10) + " KiB.");
    try {
        return json::parse_text(req.body, "request body");
    } catch (const InputError& e) {
        throw ApiError(400, "malformed_json", e.what());
    }
}

void require_object(const json::Json& j) {
    if (!j.is_object())
        throw ApiError(422, "invalid_request", "The request body must be a JSON object.", {{"path", "$"}});
}

void sessions(httplib::Server& s, HubService& hub) {
    s.Post("/v1/sessions", [&hub](const Request& req, Response& res) {
        guarded(res, [&] {
            const json::Json body = json_body(req, hub.options());
            require_object(body);
            json::ObjectReader r(body, "$");
            const auto user = r.required<std::string>("user");
            const auto password = r.required<std::string>("password");
            const auto totp = r.optional_or<std::string>("totp", "");
            r.finish();
            const auto login = hub.login(user, password, totp, now_utc());
            send_json(res, 201,
                      json::Json{{"token", login.token},
                                 {"expires_at", format_timestamp(login.expires_at)},
                                 {"officer", login.account.officer},
                                 {"supervisor", login.account.supervisor}}
                          .dump());
        });
    });
    s.Delete("/v1/sessions/current", [&hub](const Request& req, Response& res) {
        guarded(res, [&] {
            hub.logout(bearer(req), now_utc());
            res.status = 204;
        });
    });
    s.Get("/v1/me", [&hub](const Request& req, Response& res) {
        guarded(res, [&] {
            const auto who = hub.authenticate(bearer(req), now_utc());
            send_json(res, 200, json::Json{{"officer", who.officer}, {"supervisor", who.supervisor}}.dump());
        });
    });
}

void officer_routes(httplib::Server& s, HubService& hub, Metrics& metrics) {
    s.Get("/v1/queue", [&hub](const Request& req, Response& res) {
        guarded(res, [&] {
            const auto who = hub.authenticate(bearer(req), now_utc());
            only_params(req, {"cursor", "limit"});
            send_json(res, 200, hub.queue(who, req.get_param_value("cursor"), limit_param(req), now_utc()));
        });
    });
    s.Get("/v1/crls", [&hub](const Request& req, Response& res) {
        guarded(res, [&] {
            hub.authenticate(bearer(req), now_utc());
            only_params(req, {});
            send_json(res, 200, hub.crls().dump());
        });
    });
    // Before the plain application route, whose pattern would also match ".../history".
    s.Get(R"(/v1/applications/(.+)/history)", [&hub](const Request& req, Response& res) {
        guarded(res, [&] {
            const auto who = hub.authenticate(bearer(req), now_utc());
            only_params(req, {});
            send_json(res, 200, hub.history(who, req.matches[1]).dump());
        });
    });
    s.Get(R"(/v1/applications/(.+))", [&hub](const Request& req, Response& res) {
        guarded(res, [&] {
            const auto who = hub.authenticate(bearer(req), now_utc());
            only_params(req, {});
            send_json(res, 200, hub.application_view(who, req.matches[1], now_utc()).dump());
        });
    });
    s.Post(R"(/v1/applications/(.+)/claim)", [&hub](const Request& req, Response& res) {
        guarded(res, [&] {
            const auto who = hub.authenticate(bearer(req), now_utc());
            const json::Json body = json_body(req, hub.options(), true);
            require_object(body);
            send_json(res, 200, hub.claim(who, req.matches[1], body, now_utc()).dump());
        });
    });
    s.Delete(R"(/v1/applications/(.+)/claim)", [&hub](const Request& req, Response& res) {
        guarded(res, [&] {
            const auto who = hub.authenticate(bearer(req), now_utc());
            hub.release(who, req.matches[1], now_utc());
            res.status = 204;
        });
    });
    s.Get(R"(/v1/documents/([^/]+))", [&hub](const Request& req, Response& res) {
        guarded(res, [&] {
            const auto who = hub.authenticate(bearer(req), now_utc());
            const DocumentAccess doc = hub.document(who, req.matches[1]);
            const std::string etag = "\"" + doc.sha256 + "\"";
            res.set_header("ETag", etag);
            res.set_header("Cache-Control", "private, max-age=31536000, immutable");
            res.set_header("Accept-Ranges", "bytes");
            if (req.get_header_value("If-None-Match") == etag) {
                res.status = 304;
                return;
            }
            res.set_content_provider(
                doc.size, doc.mime_type,
                [&hub, sha = doc.sha256](size_t offset, size_t length, httplib::DataSink& sink) {
                    constexpr size_t kChunk = 256 * 1024;
                    const std::string bytes = hub.documents().read(sha, offset, std::min(length, kChunk));
                    return !bytes.empty() && sink.write(bytes.data(), bytes.size());
                });
        });
    });
    s.Post("/v1/decisions", [&hub, &metrics](const Request& req, Response& res) {
        guarded(res, [&] {
            const auto who = hub.authenticate(bearer(req), now_utc());
            const json::Json body = json_body(req, hub.options());
            require_object(body);
            const DecisionAnswer answer = hub.decide(who, body, now_utc());
            if (answer.replay)
                res.set_header("Idempotent-Replay", "true");
            (answer.replay ? metrics.decision_replayed() : metrics.decision_accepted());
            send_json(res, answer.status, answer.body);
        });
    });
}

void portal_routes(httplib::Server& s, HubService& hub) {
    s.Post("/v1/portal/applications", [&hub](const Request& req, Response& res) {
        guarded(res, [&] {
            const std::string portal = hub.authenticate_portal(bearer(req));
            json::Json application;
            std::map<std::string, std::string> parts;
            if (req.is_multipart_form_data()) {
                for (const auto& [name, part] : req.files) {
                    if (name == "application") {
                        if (req.files.count("application") > 1)
                            throw ApiError(422, "invalid_request", "Send one part named \"application\".");
                        try {
                            application = json::parse_text(part.content, "application part");
                        } catch (const InputError& e) {
                            throw ApiError(400, "malformed_json", e.what());
                        }
                    } else if (!parts.emplace(name, part.content).second) {
                        throw ApiError(422, "invalid_request",
                                       "The document part \"" + name.substr(0, 64) + "\" is sent twice.");
                    }
                }
                if (application.is_null())
                    throw ApiError(422, "invalid_request",
                                   "A multipart ingest needs a part named \"application\" with the JSON.");
            } else {
                application = json_body(req, hub.options());
            }
            require_object(application);
            int status = 201;
            const json::Json answer = hub.ingest(portal, application, parts, now_utc(), status);
            send_json(res, status, answer.dump());
        });
    });
    s.Get("/v1/portal/decisions", [&hub](const Request& req, Response& res) {
        guarded(res, [&] {
            const std::string portal = hub.authenticate_portal(bearer(req));
            only_params(req, {"cursor", "limit"});
            send_json(res, 200,
                      hub.export_decisions(portal, req.get_param_value("cursor"), limit_param(req)));
        });
    });
    s.Get(R"(/v1/portal/applications/(.+))", [&hub](const Request& req, Response& res) {
        guarded(res, [&] {
            const std::string portal = hub.authenticate_portal(bearer(req));
            only_params(req, {});
            send_json(res, 200, hub.portal_application(portal, req.matches[1]).dump());
        });
    });
}

}  // namespace

void install_routes(HttpServer& server, HubService& hub, Metrics& metrics) {
    httplib::Server& s = server.routes();
    s.set_pre_routing_handler([](const Request&, Response&) {
        t_request_start = Clock::now();
        return httplib::Server::HandlerResponse::Unhandled;
    });
    s.set_logger([&metrics](const Request&, const Response& res) {
        metrics.record(res.status,
                       std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - t_request_start));
    });
    // Errors httplib itself produces (no route, too large, bad request line …) get the same JSON body.
    s.set_error_handler(httplib::Server::HandlerWithResponse([](const Request& req, Response& res) {
        if (!res.body.empty() || res.status == 304)
            return httplib::Server::HandlerResponse::Unhandled;
        const int status = res.status;
        const std::string code = status == 404   ? "not_found"
                                 : status == 413 ? "payload_too_large"
                                 : status == 414 ? "uri_too_long"
                                 : status == 416 ? "range_not_satisfiable"
                                 : status == 405 ? "method_not_allowed"
                                                 : "bad_request";
        const std::string message =
            status == 404
                ? "There is no endpoint " + req.method + " " + req.path.substr(0, 100) + "; see docs/api.md."
            : status == 413 ? "The request body is larger than the hub accepts."
                            : "The hub could not accept this request (HTTP " + std::to_string(status) + ").";
        res.set_content(ApiError(status, code, message).body_text(), "application/json");
        return httplib::Server::HandlerResponse::Handled;
    }));
    s.set_exception_handler([](const Request&, Response& res, std::exception_ptr) {
        send_error(res, ApiError(500, "internal_error",
                                 "The hub failed to handle this request; nothing was changed."));
    });
    s.Get("/v1/health", [&hub](const Request&, Response& res) {
        guarded(res, [&] {
            json::Json body = hub.health();
            body["version"] = kVersion;
            send_json(res, 200, body.dump());
        });
    });
    s.Get("/v1/metrics", [&server, &metrics](const Request&, Response& res) {
        res.set_content(metrics.render(server.counters()), "text/plain; version=0.0.4");
    });
    sessions(s, hub);
    officer_routes(s, hub, metrics);
    portal_routes(s, hub);
}

}  // namespace jaanch::hub
