// The workstation's main window: it lays out the panels (queue | form | documents, the decision bar under
// them, the status bar) and routes commands — menus and hotkeys built from data (app/commands) run the
// commands each area's controller registered. The work is in the controllers (app/<area>/) and in core;
// commands and controllers are handed the Context, never the frame.
// UI thread only. Ownership: the application creates frames (again when the officer changes); the frame owns
// the context and the controllers, which go before its panels.
#pragma once

#include <memory>

#include <wx/frame.h>

#include "app/main/context.h"

namespace jaanch::app {

class ApplicationController;
class ChecksController;
class DecideController;
class DocumentsController;
class MenuController;
class QueueController;
class ReviewController;
class SyncController;

class MainFrame : public wxFrame {
  public:
    // `unattended`: a script drives the window (tests, benchmarks, the user guide); its commands are
    // registered and no modal dialog blocks it.
    MainFrame(AppContext& session, bool unattended);
    ~MainFrame() override;

    Context& context() { return context_; }

  private:
    void lay_out();
    void create_controllers();
    void register_commands();

    Context context_;
    // Panels are the frame's children (wx owns them); the controllers below refer to them.
    struct Panels;
    std::unique_ptr<Panels> panels_;
    std::unique_ptr<MenuController> menus_;
    std::unique_ptr<SyncController> sync_;
    std::unique_ptr<QueueController> queue_;
    std::unique_ptr<ApplicationController> application_;
    std::unique_ptr<DocumentsController> documents_;
    std::unique_ptr<DecideController> decide_;
    std::unique_ptr<ChecksController> checks_;
    std::unique_ptr<ReviewController> review_;  // last: it releases its claim through the others
};

}  // namespace jaanch::app
