// What the workstation's panels share: the catalogue, the open workspace, the officer and the UI language.
// Owned by the application object; UI thread only.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "app/account/account_actions.h"
#include "catalogue/catalogue.h"
#include "crypto/signer.h"
#include "model/officer.h"
#include "store/workspace.h"
#include "viewer/render/render_service.h"

namespace jaanch::app {

struct AppContext {
    catalogue::Catalogue catalogue;
    std::unique_ptr<store::Workspace> workspace;  // null until a workspace is opened
    std::optional<model::Officer> officer;        // null until logged in
    std::string language = "en";                  // "en" or "hi"
    // Created after the main-thread hook is installed; its workers deliver pixels through dispatch::to_main.
    std::unique_ptr<viewer::render::RenderService> renderer;
    std::unique_ptr<crypto::Signer>
        signer;                         // the officer's key (PKCS#12 file or DSC token); null = cannot sign
    AccountActions* account = nullptr;  // log-in, preferences, demo roles (owned by the application)
};

}  // namespace jaanch::app
