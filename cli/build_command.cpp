// sls build [DIR]: the whole pipeline.

#include <chrono>
#include <iomanip>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "analyzers/format/formatters.hpp"
#include "bundler/inspect/explain.hpp"
#include "bundler/pipeline.hpp"
#include "cli/commands.hpp"
#include "cli/report.hpp"
#include "cli/terminal.hpp"
#include "core/parallel.hpp"

namespace sls::cli {
namespace {

struct BuildCommandOptions {
  std::string project_dir = ".";
  std::string target;
  std::string arch;
  unsigned jobs = default_job_count();
  bool explain = false;
  bool json = false;
  bool no_lint = false;
};

nlohmann::json json_report(const BuildSummary& summary, const Diagnostics& diagnostics, double seconds) {
  nlohmann::json problems = nlohmann::json::array();
  for (const Diagnostic& d : diagnostics.all()) {
    problems.push_back({{"severity", to_string(d.severity)},
                        {"file", d.location.file},
                        {"line", d.location.line},
                        {"column", d.location.column},
                        {"message", d.message},
                        {"detail", d.detail}});
  }
  const StepCounts& steps = summary.steps;
  nlohmann::json lint = nullptr;
  if (summary.lint) {
    nlohmann::json not_analysed = nlohmann::json::array();  // each fails the build (docs/design.md §8)
    for (const analyzers::FileFailure& failure : summary.lint->report.failures)
      not_analysed.push_back({{"file", failure.path}, {"message", failure.message}});
    lint = {{"errors", summary.lint->report.count(analyzers::Severity::Error)},
            {"not_analysed", not_analysed},
            {"warnings", summary.lint->report.count(analyzers::Severity::Warning)},
            {"notes", summary.lint->report.count(analyzers::Severity::Note)},
            {"units_linted", summary.lint->units_linted},
            {"units_cached", summary.lint->units_cached},
            {"units_with_compile", summary.lint->units_with_compile}};
  }
  return {{"ok", build_succeeded(summary, diagnostics)},
          {"lint", lint},
          {"functions", {{"built", summary.functions_built}, {"failed", summary.functions_failed}}},
          {"static_files", summary.static_files},
          {"steps",
           {{"compiled", steps.compiled},
            {"compile_cached", steps.compile_hits},
            {"linked", steps.linked},
            {"linked_directly", steps.linked_directly},
            {"link_cached", steps.link_hits},
            {"packaged", steps.packaged},
            {"package_reused", steps.package_hits},
            {"runtime_compiled", steps.runtime_compiled},
            {"runtime_cached", steps.runtime_hits}}},
          {"build_log",
           {{"replayed", summary.build_log.replayed},
            {"reason", summary.build_log.reason},
            {"files_stated", summary.build_log.files_stated},
            {"store_reads", summary.build_log.store_reads}}},
          {"output_dir", summary.output_dir.string()},
          {"seconds", seconds},
          {"diagnostics", problems}};
}

int run_build(const BuildCommandOptions& options) {
  BuildOptions build;
  build.project_dir = options.project_dir;
  build.jobs = options.jobs;
  if (!options.target.empty()) build.target_override = parse_target(options.target);
  if (!options.arch.empty()) build.arch_override = options.arch;
  build.progress = options.json ? Progress::Style::Silent : Progress::style_for(stderr);
  build.lint = !options.no_lint;
  build.on_lock_wait = [] { std::cerr << "sls: another sls build of this project is running; waiting for it to finish\n"; };
  SystemProcessRunner runner;
  Diagnostics diagnostics;
  auto start = std::chrono::steady_clock::now();
  BuildSummary summary = build_project(build, runner, diagnostics);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (options.json) {
    std::cout << json_report(summary, diagnostics, seconds).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return build_succeeded(summary, diagnostics) ? k_exit_ok : k_exit_failed;
  }
  print_lint_findings(summary);
  print_diagnostics(diagnostics, std::cerr);
  // --explain: why each file of each bundle is there, read back from the bundles.
  if (options.explain && summary.config_ok) std::cout << explain_output(summary.output_dir);
  if (!summary.config_ok) {
    std::cerr << "sls: nothing was built; fix the problems above and run sls build again\n";
    return k_exit_failed;
  }
  print_build_totals(summary, seconds);
  return build_succeeded(summary, diagnostics) ? k_exit_ok : k_exit_failed;
}

}  // namespace

void add_build_command(CLI::App& app) {
  auto options = std::make_shared<BuildCommandOptions>();
  CLI::App* command = app.add_subcommand("build", "Scan, compile and package a project into .sls/output/");
  command->add_option("dir", options->project_dir, "Project folder (default: the current folder)");
  command->add_option("--target", options->target, "Build every function for this target, overriding sls.toml")
      ->check(CLI::IsMember(k_target_names));
  command->add_option("--arch", options->arch, "Build every native function for this CPU, overriding sls.toml")
      ->check(CLI::IsMember(k_native_archs));
  command->add_option("-j,--jobs", options->jobs, "How many steps run at once (default: the number of cores)")
      ->check(CLI::Range(1u, 1024u));
  command->add_flag("--no-lint", options->no_lint, "Skip the analyzers (lint errors then do not fail the build)");
  command->add_flag("--json", options->json, "Print a machine-readable report (steps, diagnostics) on stdout");
  command->add_flag("--explain", options->explain, "Print why each file of each bundle is there");
  command->footer(
      "Examples:\n  sls build\n  sls build examples/quickstart -j 2\n  sls build --target wasm\n"
      "  sls build --arch arm64");
  command->callback([options] { throw CLI::RuntimeError(run_build(*options)); });
}

}  // namespace sls::cli
