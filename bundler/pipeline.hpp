#pragma once
// The whole `sls build`, one stage per call (see build_project in
// pipeline.cpp): load the project, update compile commands, open the build,
// build every function on one task graph, commit the output.

#include <filesystem>
#include <functional>
#include <optional>

#include "bundler/lint/lint_stage.hpp"
#include "bundler/project/build_context.hpp"
#include "config/project_config.hpp"
#include "core/diagnostics.hpp"
#include "core/process.hpp"
#include "core/progress.hpp"

namespace sls {

struct BuildOptions {
  std::filesystem::path project_dir = ".";
  std::optional<Target> target_override;  // --target: wins over sls.toml
  std::optional<std::string> arch_override;  // --arch: wins over sls.toml for native functions
  unsigned jobs = 1;
  Progress::Style progress = Progress::Style::Silent;
  bool lint = true;  // --no-lint: skip the analyzers
  std::function<void()> on_lock_wait = {};  // told once when another build of the project holds it
};

// How the build log was used (bundler/noop_build.hpp), for --json.
struct BuildLogUse {
  bool replayed = false;         // a no-op: nothing was built, read from the store or re-hashed
  std::string reason;            // why a full build ran: "no build log", "/p/api/x.cpp changed"
  std::size_t files_stated = 0;  // files and folders the check and the build looked at
  std::size_t store_reads = 0;   // store lookups of the build
};

struct BuildSummary {
  bool config_ok = false;  // false: nothing was written
  std::size_t functions_built = 0;
  std::size_t functions_failed = 0;
  std::size_t static_files = 0;
  std::filesystem::path output_dir;
  StepCounts steps;
  std::optional<LintPassResult> lint;  // absent with --no-lint or when nothing was compiled
  BuildLogUse build_log;
};

BuildSummary build_project(const BuildOptions& options, ProcessRunner& runner, Diagnostics& diagnostics);

}  // namespace sls
