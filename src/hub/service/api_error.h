// The one error type the hub's API answers with: an HTTP status and the JSON body {code, message, details}.
// Thrown by the service layer; the HTTP layer turns it into the response. `message` is a complete sentence
// for a person; `code` is stable snake_case for programs (listed in docs/api.md); `details` is an object.
#pragma once

#include <string>

#include "util/error.h"
#include "util/json_reader.h"

namespace jaanch::hub {

class ApiError : public Error {
  public:
    ApiError(int status, std::string code, const std::string& message,
             json::Json details = json::Json::object())
        : Error(message), status_(status), code_(std::move(code)), details_(std::move(details)) {}

    int status() const { return status_; }
    const std::string& code() const { return code_; }
    const json::Json& details() const { return details_; }
    json::Json body() const {
        return json::Json{{"code", code_}, {"message", what()}, {"details", details_}};
    }
    // The body as text; bytes of the request echoed in a message that are not UTF-8 become U+FFFD.
    std::string body_text() const {
        return body().dump(-1, ' ', false, json::Json::error_handler_t::replace);
    }

  private:
    int status_;
    std::string code_;
    json::Json details_;
};

}  // namespace jaanch::hub
