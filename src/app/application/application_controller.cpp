#include "app/application/application_controller.h"

#include "app/application/application_panel.h"
#include "app/checks/checks_controller.h"
#include "app/decide/decide_controller.h"
#include "app/documents/documents_controller.h"
#include "app/main/context.h"
#include "app/review/review_controller.h"
#include "app/status/sync_controller.h"

namespace jaanch::app {

ApplicationController::ApplicationController(Context& context, ApplicationPanel& form)
    : context_(context), form_(form) {}

const catalogue::ServiceDefinition* ApplicationController::service() const {
    return open_ ? context_.session.catalogue.find(open_->service_id, open_->service_version) : nullptr;
}

bool ApplicationController::open(const std::string& number) {
    auto& session = context_.session;
    if (!session.workspace)
        return false;
    auto app = session.workspace->application(number);
    if (!app)
        return false;
    open_ = std::move(app);
    const auto* definition = service();
    form_.show(*open_, definition, session.language);
    context_.documents->show(*open_, definition);
    context_.checks->on_open(*open_, definition);  // after the documents: their tabs carry flags too
    context_.decide->refresh_actions();
    context_.review->on_open(*open_);
    session.workspace->activity().append(now_utc(), session.officer ? session.officer->id : "", "opened",
                                         number, "");
    context_.sync->update_status();
    // Once this application is on screen: the next one's first page, so "next" shows it at once.
    context_.documents->schedule_prefetch();
    return true;
}

void ApplicationController::reopen() {
    if (open_)
        open(open_->number);
}

void ApplicationController::forget() {
    open_.reset();
}

}  // namespace jaanch::app
