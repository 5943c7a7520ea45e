// Binds the API (docs/api/openapi.yaml) to HubService on an HttpServer: request checks (content type, size,
// JSON syntax, query parameters, bearer tokens), and every failure as a JSON error body {code, message,
// details}. Handlers never let an exception escape: anything unexpected is a logged 500 with the same body
// shape.
#pragma once

#include "hub/http/http_server.h"
#include "hub/http/metrics.h"
#include "hub/service/hub_service.h"

namespace jaanch::hub {

void install_routes(HttpServer& server, HubService& service, Metrics& metrics);

}  // namespace jaanch::hub
