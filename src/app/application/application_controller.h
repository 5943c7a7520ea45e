// The open application: which one the officer has in front of them, and opening one. Opening shows its form
// (ApplicationPanel), hands it to the documents, the checks, the decision bar and the review part in that
// order (the tabs carry the checks' flags, so the documents come first), records "opened" in the activity
// log, and asks the documents to prefetch the next one once this one is on screen.
// Threads: UI thread only. Ownership: owned by MainFrame; the form panel is a child of the window.
#pragma once

#include <optional>
#include <string>

#include "catalogue/service_definition.h"
#include "model/application.h"

namespace jaanch::app {

struct Context;
class ApplicationPanel;

class ApplicationController {
  public:
    ApplicationController(Context& context, ApplicationPanel& form);

    // Opens `number` from the workspace; false when the workspace does not hold it.
    bool open(const std::string& number);
    // Opens the open application again (its state changed: a recall, the language).
    void reopen();
    // Forgets the open application without showing another (benchmarks start from the top of the queue).
    void forget();

    const std::optional<model::Application>& current() const { return open_; }
    bool is_open(const std::string& number) const { return open_ && open_->number == number; }
    // The service definition of the open application; null when none is open or its service is unknown.
    const catalogue::ServiceDefinition* service() const;
    ApplicationPanel& form() { return form_; }

  private:
    Context& context_;
    ApplicationPanel& form_;
    std::optional<model::Application> open_;
};

}  // namespace jaanch::app
