// The project's exception types. Every error carries enough context for a person to act on it:
// what happened, where (file, JSON path, application number …) and, where known, what to do.
#pragma once

#include <stdexcept>
#include <string>

namespace jaanch {

// Base of every Jaanch error. what() is a complete sentence fit to show to a user or write to a log.
class Error : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// Input that does not have the expected shape: malformed JSON, a missing or unknown key, a wrong type.
// path() is a JSON path such as `$.documents[2].sha256`; empty when the whole input is at fault.
class InputError : public Error {
  public:
    InputError(std::string path, const std::string& message)
        : Error(path.empty() ? message : path + ": " + message), path_(std::move(path)) {}
    const std::string& path() const { return path_; }

  private:
    std::string path_;
};

}  // namespace jaanch
