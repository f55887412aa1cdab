#pragma once
// Loading a project: sls.toml, the scan of api/ lib/ public/, the plan of
// every function and the toolchain that gives each unit its command line.
// `sls build`, `sls lint`, `sls compdb` and `sls lsp` all start here, so they
// agree on what a project is and on every flag.

#include <filesystem>
#include <functional>
#include <optional>
#include <vector>

#include "analyzers/lint.hpp"
#include "bundler/project/plan.hpp"
#include "bundler/project/project_layout.hpp"
#include "bundler/project/toolchain.hpp"
#include "config/project_config.hpp"
#include "core/diagnostics.hpp"
#include "core/file_lock.hpp"

namespace sls {

struct LoadedProject {
  ProjectConfig config;
  ProjectLayout layout;
  std::vector<PlannedFunction> plan;  // points into layout.functions: a LoadedProject moves, never copies
  Toolchain toolchain;
  analyzers::LintOptions lint_options;    // from [lint]
  std::optional<Target> target_override;  // --target, which also sets lib/'s target
  BuildFlags lib_build;                   // [build]'s settings, for lib/ and files outside functions

  LoadedProject() = default;
  LoadedProject(LoadedProject&&) = default;
  LoadedProject& operator=(LoadedProject&&) = default;
  LoadedProject(const LoadedProject&) = delete;
  LoadedProject& operator=(const LoadedProject&) = delete;

  // lib/ code and files outside any function are compiled for the project's target.
  Target lib_target() const { return target_override.value_or(config.target); }
  Platform lib_platform() const { return {lib_target(), config.arch}; }
  // `platform` is the function's (planned.platform()), or for lib/ the one it is compiled for.
  UnitOptions unit_options(const PlannedFunction* function, const Platform& platform) const;
};

// Every problem goes to `diagnostics`; nullopt when one was an error (a
// broken sls.toml, a [functions] table naming nothing, an unknown lint rule,
// no install layout), so nothing is built from half a configuration.
// `arch_override` (--arch) builds every native function and lib/ for that
// arch, whatever sls.toml says.
std::optional<LoadedProject> load_project(const std::filesystem::path& project_dir,
                                          std::optional<Target> target_override, Diagnostics& diagnostics,
                                          std::optional<std::string> arch_override = std::nullopt);

// The project a file belongs to: the nearest folder above it holding
// sls.toml, else the nearest holding an api/ folder, else the file's own
// folder (a loose file is linted with the default settings).
std::filesystem::path project_root_for(const std::filesystem::path& file);

// Makes sure DIR/.sls is a real folder of the project (a symlink there would
// send sls's build output elsewhere) and takes DIR/.sls/lock, so two builds
// of one project never share the build folder; `on_wait` is called once when
// another build holds it.
Expected<FileLock> claim_state_dir(const std::filesystem::path& project_dir, const std::function<void()>& on_wait);

// DIR/.sls (the project's state: build work and output) and DIR/.sls/output.
std::filesystem::path state_dir_for(const std::filesystem::path& project_dir);
std::filesystem::path output_dir_for(const std::filesystem::path& project_dir);

}  // namespace sls
