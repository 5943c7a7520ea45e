// What commands and controllers are handed (after Aegisub's agi::Context): the session, the command registry
// and every controller of the window, never the frame. Each area of work is a controller in its own folder
// (app/queue, app/application, app/documents, app/decide, app/review, app/checks, app/status, app/account)
// that owns its state and its commands and reaches the others through this context.
//
// Ownership: MainFrame owns the controllers and this context, creates every controller before any command
// runs, and destroys them before its panels. The session (AppContext) is the application's and outlives
// every frame. UI thread only.
#pragma once

#include "app/commands/command.h"
#include "app/main/app_context.h"

class wxWindow;

namespace jaanch::app {

class QueueController;
class ApplicationController;
class DocumentsController;
class DecideController;
class ReviewController;
class ChecksController;
class SyncController;
class MenuController;

struct Context {
    explicit Context(AppContext& the_session) : session(the_session) {}
    Context(const Context&) = delete;
    Context& operator=(const Context&) = delete;

    AppContext& session;
    wxWindow* window = nullptr;  // the main window: the parent of dialogs
    CommandRegistry commands;
    // A script drives the window (tests, benchmarks, the user guide): no modal dialog may block it.
    bool unattended = false;

    QueueController* queue = nullptr;
    ApplicationController* application = nullptr;
    DocumentsController* documents = nullptr;
    DecideController* decide = nullptr;
    ReviewController* review = nullptr;
    ChecksController* checks = nullptr;
    SyncController* sync = nullptr;
    MenuController* menus = nullptr;
};

}  // namespace jaanch::app
