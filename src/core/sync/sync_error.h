// What can go wrong between the workstation and the hub, as jaanch::Error subclasses the sync engine acts on:
//   Offline      the hub could not be reached, or the connection broke mid-answer: try again later.
//   AuthExpired  the session token is no longer accepted (401): log in again; the outbox is kept.
//   HubRefused   a permanent 4xx: the hub read the request and will never accept it as it is.
//   Conflict     409: the application moved on (or is claimed); pull its latest state.
//   ServerError  5xx or 429: the hub failed or is busy; try again with back-off.
// The hub's JSON error body {code, message, details} supplies code() and the message shown to the officer.
#pragma once

#include <string>

#include "util/error.h"

namespace jaanch::sync {

class SyncError : public Error {
  public:
    using Error::Error;
};

class Offline : public SyncError {
  public:
    using SyncError::SyncError;
};

class AuthExpired : public SyncError {
  public:
    using SyncError::SyncError;
};

// An answer from the hub with an HTTP status and the hub's error code.
class HubAnswerError : public SyncError {
  public:
    HubAnswerError(long status, std::string code, std::string hub_message, const std::string& what)
        : SyncError(what), status_(status), code_(std::move(code)), hub_message_(std::move(hub_message)) {}
    long status() const { return status_; }
    const std::string& code() const { return code_; }
    // The hub's own sentence, for the officer (what() adds the request it answered).
    const std::string& hub_message() const { return hub_message_; }

  private:
    long status_;
    std::string code_;
    std::string hub_message_;
};

class HubRefused : public HubAnswerError {
  public:
    using HubAnswerError::HubAnswerError;
};

class Conflict : public HubRefused {
  public:
    using HubRefused::HubRefused;
};

class ServerError : public HubAnswerError {
  public:
    using HubAnswerError::HubAnswerError;
};

}  // namespace jaanch::sync
