// sls build [DIR]: the whole pipeline.

#include <iostream>

#include "bundler/explain.hpp"
#include "bundler/pipeline.hpp"
#include "cli/commands.hpp"
#include "cli/report.hpp"
#include "core/parallel.hpp"

namespace sls::cli {
namespace {

struct BuildCommandOptions {
  std::string project_dir = ".";
  std::string target;
  unsigned jobs = default_job_count();
  bool explain = false;
};

int run_build(const BuildCommandOptions& options) {
  BuildOptions build;
  build.project_dir = options.project_dir;
  build.jobs = options.jobs;
  if (!options.target.empty()) build.target_override = options.target == "wasm" ? Target::Wasm : Target::Native;
  SystemProcessRunner runner;
  Diagnostics diagnostics;
  BuildSummary summary = build_project(build, runner, diagnostics);
  print_diagnostics(diagnostics, std::cerr);
  // --explain: why each file of each bundle is there, read back from the bundles.
  if (options.explain && summary.config_ok) std::cout << explain_output(summary.output_dir);
  if (!summary.config_ok) {
    std::cerr << "sls: nothing was built; fix the problems above and run sls build again\n";
    return k_exit_failed;
  }
  std::cerr << "sls: " << summary.functions_built << " function(s) built, " << summary.functions_failed
            << " failed, " << summary.static_files << " static file(s) -> " << summary.output_dir.string() << "\n";
  return diagnostics.has_errors() ? k_exit_failed : k_exit_ok;
}

}  // namespace

void add_build_command(CLI::App& app) {
  auto options = std::make_shared<BuildCommandOptions>();
  CLI::App* command = app.add_subcommand("build", "Scan, compile and package a project into .sls/output/");
  command->add_option("dir", options->project_dir, "Project folder (default: the current folder)");
  command->add_option("--target", options->target, "Build every function for this target, overriding sls.toml")
      ->check(CLI::IsMember({"native", "wasm"}));
  command->add_option("-j,--jobs", options->jobs, "How many steps run at once (default: the number of cores)")
      ->check(CLI::PositiveNumber);
  command->add_flag("--explain", options->explain, "Print why each file of each bundle is there");
  command->footer("Examples:\n  sls build\n  sls build examples/quickstart -j 2\n  sls build --target wasm");
  command->callback([options] { throw CLI::RuntimeError(run_build(*options)); });
}

}  // namespace sls::cli
