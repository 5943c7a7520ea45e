// `jaanch-hub demo-seed`: a believable district on a fresh data folder (see demo/demo_seed.h).
#include <iostream>

#include "hub/auth/password.h"
#include "hub/commands/hub_commands.h"
#include "hub/demo/demo_seed.h"
#include "hub/service/api_error.h"

namespace jaanch::hub {
namespace {

int demo_seed(const std::vector<std::string>& words, cli::Io io) {
    const cli::Args args(words, {"data", "forms", "count", "seed", "kdf-iterations", "vault-key"});
    const DataPaths paths{args.require("data")};
    const auto forms = args.get("forms").value_or(catalogue::default_catalogue_dir().string());
    const auto loaded = catalogue::load_catalogue(forms);
    for (const auto& problem : loaded.problems)
        io.err << "warning: " << problem.to_string() << "\n";
    demo::DemoOptions options;
    options.applications = std::stoi(args.get("count").value_or("200"));
    options.seed = static_cast<std::uint32_t>(std::stoul(args.get("seed").value_or("20261121")));
    options.kdf_iterations =
        std::stoi(args.get("kdf-iterations").value_or(std::to_string(kDefaultPbkdf2Iterations)));
    options.vault_key = args.get("vault-key").value_or("");
    if (options.applications < 1)
        throw cli::UsageError("--count must be at least 1");
    const auto summary = [&] {
        try {
            return demo::seed_demo(paths, loaded.catalogue, options, io.out);
        } catch (const ApiError& e) {
            // The generator made something the hub refuses: say exactly what, for whoever maintains it.
            throw Error(std::string(e.what()) + " " + e.details().dump());
        }
    }();
    io.out << "\nDemo district ready in " << paths.root.string() << ": " << summary.officers << " officers, "
           << summary.applications << " applications (" << summary.documents << " documents), "
           << summary.decisions
           << " signed decisions.\nOfficers and passwords: " << (paths.root / "demo-officers.json").string()
           << " (TEST DATA ONLY).\n";
    return cli::kOk;
}

}  // namespace

void add_demo_commands(cli::CommandList& commands) {
    commands.push_back(
        {"demo-seed",
         "create a demo district: officers with test certificates, ~200 applications with documents",
         "--data DIR [--forms DIR] [--count N] [--seed N] [--kdf-iterations N] [--vault-key FILE]",
         demo_seed});
}

}  // namespace jaanch::hub
