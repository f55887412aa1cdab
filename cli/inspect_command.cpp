// sls inspect BUNDLE.zip: what is inside, and whether it is intact.

#include <iomanip>
#include <iostream>

#include "bundler/inspect/explain.hpp"
#include "bundler/inspect/inspect.hpp"
#include "cli/commands.hpp"

namespace sls::cli {
namespace {

struct InspectCommandOptions {
  std::string bundle;
  std::string why;  // --why PATH
};

void print_bundle(const InspectedBundle& bundle, std::ostream& out) {
  out << "function:     " << bundle.function << "\n"
      << "route:        " << bundle.route << "\n"
      << "target:       " << bundle.target << " (" << bundle.arch << ")\n"
      << "runtime:      " << bundle.runtime << "\n"
      << "handler:      " << bundle.handler << "\n"
      << "memory:       " << bundle.memory_mb << " MB\n"
      << "max_duration: " << bundle.max_duration_s << " s\n"
      << "regions:     ";
  for (const std::string& region : bundle.regions) out << " " << region;
  out << "\nfiles:\n";
  for (const InspectedFile& file : bundle.files) {
    out << "  " << std::oct << std::setw(4) << std::setfill('0') << file.mode << std::dec << std::setfill(' ')
        << std::setw(10) << file.size << "  " << file.sha256.substr(0, 12) << "  " << file.path << "\n";
  }
  out << largest_files_line(bundle) << "\n";
}

int run_inspect(const InspectCommandOptions& options) {
  auto bundle = inspect_bundle(options.bundle);
  if (!bundle) {
    std::cerr << options.bundle << ": error: " << bundle.error().message
              << "\nhint: pass a bundle sls build wrote, e.g. .sls/output/functions/api/hello.zip\n";
    return k_exit_failed;
  }
  if (!options.why.empty()) {
    auto reason = explain_file(*bundle, options.why);
    if (!reason)
      std::cerr << options.bundle << ": error: no file '" << options.why
                << "' in this bundle; run sls inspect without --why to list its files\n";
    else
      std::cout << options.why << ": " << *reason << "\n";
    return reason ? k_exit_ok : k_exit_failed;
  }
  print_bundle(*bundle, std::cout);
  for (const std::string& problem : bundle->problems) std::cerr << options.bundle << ": error: " << problem << "\n";
  if (!bundle->problems.empty())
    std::cerr << "hint: the bundle was changed after sls wrote it; rebuild it with sls build\n";
  if (!bundle->problems.empty()) return k_exit_failed;
  std::cout << "verified: every file matches its sha256 in sls.json\n";
  return k_exit_ok;
}

}  // namespace

void add_inspect_command(CLI::App& app) {
  auto options = std::make_shared<InspectCommandOptions>();
  CLI::App* command =
      app.add_subcommand("inspect", "List a bundle's files, runtime and regions, and verify its hashes");
  command->add_option("bundle", options->bundle, "A bundle zip, e.g. .sls/output/functions/api/hello.zip")->required();
  command->add_option("--why", options->why, "Say why this file (a path inside the bundle) is there");
  command->footer(
      "Examples:\n  sls inspect .sls/output/functions/api/hello.zip\n"
      "  sls inspect .sls/output/functions/api/hello.zip --why lib/libhiredis.so.0.14");
  command->callback([options] { throw CLI::RuntimeError(run_inspect(*options)); });
}

}  // namespace sls::cli
